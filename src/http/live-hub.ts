import type { IncomingMessage, ServerResponse } from "node:http";
import type { BreakingBanner } from "../domain/breaking/breaking-news-schema.js";
import {
  editionsOf,
  type ServiceConfig,
  type ServiceId,
  serviceEditions,
} from "../domain/services/service-registry.js";
import { translatorFor } from "../i18n/message-catalogue.js";
import { transliteration } from "../i18n/serbian-script.js";
import { editionPath } from "../render/reader-urls.js";

interface LiveState {
  readonly id: string;
  readonly frame: string;
}

/** Each edition's stream is named by its BCP 47 tag, the page's `<html lang>`. */
const editionByTag = new Map<string, ServiceConfig>(serviceEditions.map((e) => [e.locale, e]));

/**
 * Server-Sent Events (HTML Living Standard §9.2) for live breaking news, one stream per
 * edition, so each edition's pages get the bar in their own script (Serbian Latin and
 * Cyrillic share a service and its banner). Served on the raw Node socket, not through the router, to keep each idle
 * connection to a few kilobytes. On (re)connect a client whose Last-Event-ID differs from
 * the current state gets the current state at once, so nothing is missed.
 */
export class LiveHub {
  readonly #clients = new Map<ServiceConfig, Set<ServerResponse>>();
  readonly #state = new Map<ServiceConfig, LiveState>();
  readonly #current: (serviceId: ServiceId) => Promise<BreakingBanner | undefined>;
  #heartbeat: NodeJS.Timeout | undefined;
  /** Set by close(): streams opened after it end at once (with the `retry` hint, if any). */
  #closed: { readonly hint: string | undefined } | undefined;

  constructor(deps: { current: (serviceId: ServiceId) => Promise<BreakingBanner | undefined> }) {
    this.#current = deps.current;
  }

  get connections(): number {
    let n = 0;
    for (const set of this.#clients.values()) n += set.size;
    return n;
  }

  /** Handles `GET /_/live/<edition tag>`; returns false if the path is not a live stream. */
  handle(req: IncomingMessage, res: ServerResponse): boolean {
    const match = /^\/_\/live\/([A-Za-z-]+)(?:\?.*)?$/.exec(req.url ?? "");
    if (!match?.[1]) return false;
    const edition = editionByTag.get(match[1]);
    if (!edition) {
      res.writeHead(404, { "Content-Type": "application/problem+json" });
      res.end(
        JSON.stringify({
          title: "There is no language service at this address.",
          status: 404,
          code: "SERVICE_NOT_FOUND",
        }),
      );
      return true;
    }
    const lastEventId = req.headers["last-event-id"];
    res.writeHead(200, {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    });
    if (this.#closed) {
      // A drain is under way (this request came on a kept-alive connection): send the
      // reader on, as the streams open at close() were, rather than hold the drain up.
      res.end(this.#closed.hint);
      return true;
    }
    res.write("retry: 3000\n\n");
    let clients = this.#clients.get(edition);
    if (!clients) {
      clients = new Set();
      this.#clients.set(edition, clients);
    }
    clients.add(res);
    req.socket.setNoDelay(true);
    req.on("close", () => clients?.delete(res));
    void this.#stateFor(edition).then((state) => {
      if (state.id !== lastEventId && !res.writableEnded) res.write(state.frame);
    });
    this.#startHeartbeat();
    return true;
  }

  /** Sends the new banner state (or its removal) to every open page of the service. */
  broadcast(serviceId: ServiceId, banner: BreakingBanner | null): number {
    let sent = 0;
    for (const edition of editionsOf(serviceId)) {
      const state = frameFor(edition, banner);
      this.#state.set(edition, state);
      const clients = this.#clients.get(edition);
      if (!clients) continue;
      for (const res of clients) res.write(state.frame);
      sent += clients.size;
    }
    return sent;
  }

  /**
   * Ends every stream. At shutdown a `retry` hint comes first (the SSE spec's reconnection
   * time), so browsers reconnect soon, through the load balancer, to an instance that stays.
   */
  close(options: { readonly retryMs?: number } = {}): void {
    if (this.#heartbeat) clearInterval(this.#heartbeat);
    const hint = options.retryMs === undefined ? undefined : `retry: ${options.retryMs}\n\n`;
    this.#closed = { hint };
    for (const clients of this.#clients.values()) {
      for (const res of clients) res.end(hint);
    }
    this.#clients.clear();
  }

  async #stateFor(edition: ServiceConfig): Promise<LiveState> {
    const known = this.#state.get(edition);
    if (known) return known;
    const state = frameFor(edition, (await this.#current(edition.id)) ?? null);
    this.#state.set(edition, state);
    return state;
  }

  #startHeartbeat(): void {
    if (this.#heartbeat) return;
    // A comment line every 25 s keeps proxies from closing idle streams.
    this.#heartbeat = setInterval(() => {
      for (const clients of this.#clients.values()) for (const res of clients) res.write(":\n\n");
    }, 25_000);
    this.#heartbeat.unref();
  }
}

/** The banner as the edition's pages show it: its label, text and link in its script. */
function frameFor(edition: ServiceConfig, banner: BreakingBanner | null): LiveState {
  const label = translatorFor(edition.locale).t("breaking.label");
  const script = transliteration(edition.sourceLocale, edition.locale);
  const id = banner ? `b-${banner.id}` : "none";
  const data = banner
    ? {
        label,
        text: script(banner.text),
        url: banner.url === null ? null : editionPath(edition, banner.url),
        expiresAt: banner.expiresAt,
      }
    : { label, text: null };
  return { id, frame: `id: ${id}\nevent: banner\ndata: ${JSON.stringify(data)}\n\n` };
}
