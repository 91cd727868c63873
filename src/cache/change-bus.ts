import pg from "pg";
import type { Logger } from "pino";
import type { BreakingBanner } from "../domain/breaking/breaking-news-schema.js";
import { newId } from "../domain/ids.js";
import type { ServiceId } from "../domain/services/service-registry.js";

/** What instances tell each other: caches to drop, banners to push to open pages. */
export type ChangeMessage =
  | { readonly kind: "invalidate"; readonly tags: readonly string[] }
  | {
      readonly kind: "banner";
      readonly serviceId: ServiceId;
      readonly banner: BreakingBanner | null;
      /** False when only the expiry moved: open pages need the event, cached pages stay. */
      readonly pagesChange: boolean;
    }
  /** Newsroom live events (wire queue, kill flags, notifications) for browsers connected elsewhere. */
  | {
      readonly kind: "newsroom";
      readonly event: "wire" | "flag" | "notification" | "live-post" | "live-settings";
      readonly data: unknown;
    };

export type ChangeHandler = (message: ChangeMessage) => void;

/**
 * Fan-out of changes to every instance. The sender applies a change to itself at once
 * (publish → visible on this instance without a round trip) and the bus carries it to the
 * others; each implementation skips its own messages.
 */
export interface ChangeBus {
  publish(message: ChangeMessage): Promise<void>;
  subscribe(handler: ChangeHandler): void;
  close(): Promise<void>;
}

/**
 * One process, one instance (the SQLite default): the sender has already applied the
 * change to itself and there is nobody else to tell.
 */
export class LocalChangeBus implements ChangeBus {
  async publish(_message: ChangeMessage): Promise<void> {}
  subscribe(_handler: ChangeHandler): void {}
  async close(): Promise<void> {}
}

/** PostgreSQL's NOTIFY payload limit is 8000 bytes; larger tag lists are split. */
const maxPayload = 7000;

/**
 * PostgreSQL LISTEN/NOTIFY between instances sharing one database. A dedicated connection
 * listens; it reconnects with backoff, and after a reconnect tells the local handlers to
 * drop everything, since notifications sent while it was away are lost.
 */
export class PgChangeBus implements ChangeBus {
  readonly #url: string;
  readonly #logger: Logger;
  readonly #origin = newId();
  readonly #handlers: ChangeHandler[] = [];
  #listener: pg.Client | undefined;
  #notifier: pg.Pool;
  #closed = false;
  /** One channel per schema: newsrooms sharing a PostgreSQL server never hear each other. */
  #channel = "newsdesk_changes";

  private constructor(url: string, logger: Logger) {
    this.#url = url;
    this.#logger = logger;
    this.#notifier = new pg.Pool({ connectionString: url, max: 2 });
    this.#notifier.on("error", () => undefined);
  }

  static async connect(url: string, logger: Logger): Promise<PgChangeBus> {
    const bus = new PgChangeBus(url, logger);
    await bus.#listen();
    return bus;
  }

  async #listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.#url });
    client.on("notification", (msg) => {
      if (!msg.payload) return;
      try {
        const parsed = JSON.parse(msg.payload) as { origin: string; message: ChangeMessage };
        if (parsed.origin === this.#origin) return;
        for (const handler of this.#handlers) handler(parsed.message);
      } catch (error) {
        this.#logger.warn({ err: error }, "ignored a malformed change notification");
      }
    });
    client.on("error", (error) => {
      this.#logger.warn({ err: error }, "change bus connection lost; reconnecting");
      void this.#reconnect();
    });
    await client.connect();
    const schema =
      (await client.query<{ schema: string }>("select current_schema() as schema")).rows[0]
        ?.schema ?? "public";
    this.#channel = `newsdesk_changes_${schema.replace(/[^a-z0-9_]/gi, "_")}`.slice(0, 63);
    await client.query(`LISTEN ${this.#channel}`);
    this.#listener = client;
  }

  async #reconnect(attempt = 0): Promise<void> {
    if (this.#closed) return;
    this.#listener?.removeAllListeners();
    await this.#listener?.end().catch(() => undefined);
    this.#listener = undefined;
    await new Promise((resolve) => setTimeout(resolve, Math.min(30_000, 250 * 2 ** attempt)));
    try {
      await this.#listen();
      // Anything sent while we were deaf is unknown: start from a clean cache.
      for (const handler of this.#handlers) handler({ kind: "invalidate", tags: ["*"] });
    } catch {
      await this.#reconnect(attempt + 1);
    }
  }

  async publish(message: ChangeMessage): Promise<void> {
    const chunks =
      message.kind === "invalidate"
        ? splitTags(message.tags).map((tags) => ({ kind: "invalidate" as const, tags }))
        : [message];
    for (const chunk of chunks) {
      await this.#notifier.query("select pg_notify($1, $2)", [
        this.#channel,
        JSON.stringify({ origin: this.#origin, message: chunk }),
      ]);
    }
  }

  subscribe(handler: ChangeHandler): void {
    this.#handlers.push(handler);
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#listener?.removeAllListeners();
    await this.#listener?.end().catch(() => undefined);
    await this.#notifier.end().catch(() => undefined);
  }
}

function splitTags(tags: readonly string[]): string[][] {
  const chunks: string[][] = [[]];
  let size = 0;
  for (const tag of tags) {
    if (size + tag.length + 3 > maxPayload) {
      chunks.push([]);
      size = 0;
    }
    chunks.at(-1)?.push(tag);
    size += tag.length + 3;
  }
  return chunks;
}

/**
 * Workers of one machine (`newsdesk start --workers N`) on SQLite: the cluster primary
 * relays each worker's messages to the other workers over IPC.
 */
export class ClusterChangeBus implements ChangeBus {
  readonly #handlers: ChangeHandler[] = [];
  readonly #origin = newId();

  constructor() {
    process.on("message", (raw: unknown) => {
      const data = raw as { type?: string; origin?: string; message?: ChangeMessage };
      if (data?.type !== "newsdesk-change" || data.origin === this.#origin || !data.message) return;
      for (const handler of this.#handlers) handler(data.message);
    });
  }

  async publish(message: ChangeMessage): Promise<void> {
    process.send?.({ type: "newsdesk-change", origin: this.#origin, message });
  }

  subscribe(handler: ChangeHandler): void {
    this.#handlers.push(handler);
  }

  async close(): Promise<void> {}
}
