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
import { SseFanOut } from "./sse-fan-out.js";

interface LiveState {
  readonly id: string;
  readonly frame: string;
}

/** A post event kept for replay: its time (the SSE id) and its encoded frame. */
interface PostFrame {
  readonly at: number;
  readonly frame: string;
}

/**
 * How many recent post events each live page keeps, and for how long, for pages that
 * reconnect (`Last-Event-ID`) or were rendered just before an event (`since`).
 */
const replayLimit = 64;
const replayMs = 15 * 60_000;
/**
 * A page says the time of the latest change it shows (`since`); events up to this long
 * before it come again too, since writes may commit out of their time order.
 */
const sinceMarginMs = 5_000;

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
  /** Open live pages, by edition and story: the posts' own channel beside the banner's. */
  readonly #pages = new Map<string, Set<ServerResponse>>();
  readonly #replay = new Map<string, PostFrame[]>();
  readonly #current: (serviceId: ServiceId) => Promise<BreakingBanner | undefined>;
  /** One queue for banners, posts and heartbeats, so each stream gets them in order. */
  readonly #fanOut: SseFanOut;
  #heartbeat: NodeJS.Timeout | undefined;
  /** Set by close(): streams opened after it end at once (with the `retry` hint, if any). */
  #closed: { readonly hint: string | undefined } | undefined;

  constructor(deps: { current: (serviceId: ServiceId) => Promise<BreakingBanner | undefined> }) {
    this.#current = deps.current;
    this.#fanOut = new SseFanOut();
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
    const query = new URLSearchParams((req.url ?? "").split("?")[1] ?? "");
    const storyId = query.get("story") ?? "";
    if (/^[0-9a-z]{1,64}$/.test(storyId)) this.#followPage(req, res, edition, storyId, query);
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
      this.#fanOut.send(clients, state.frame);
      sent += clients.size;
    }
    return sent;
  }

  /**
   * Sends one post event to the open pages of one live page in one edition, encoded once
   * for all of them, and keeps it for replay. `at` (the event's time, ms) is its SSE id.
   */
  broadcastPost(edition: ServiceConfig, storyId: string, at: number, data: object): number {
    const key = pageKey(edition, storyId);
    const frame = `id: p-${at}\nevent: post\ndata: ${JSON.stringify(data)}\n\n`;
    const kept = (this.#replay.get(key) ?? []).filter((f) => f.at > at - replayMs);
    kept.push({ at, frame });
    this.#replay.set(key, kept.slice(-replayLimit));
    const clients = this.#pages.get(key);
    if (!clients) return 0;
    this.#fanOut.send(clients, frame);
    return clients.size;
  }

  /**
   * A live page's stream: after a reconnect the browser sends the last event id it saw
   * (`p-<ms>`, HTML §9.2.4); a first connection says the latest change its page shows (`since`).
   * Every kept event newer than that is sent again; the page applies each one idempotently.
   */
  #followPage(
    req: IncomingMessage,
    res: ServerResponse,
    edition: ServiceConfig,
    storyId: string,
    query: URLSearchParams,
  ): void {
    const key = pageKey(edition, storyId);
    let clients = this.#pages.get(key);
    if (!clients) {
      clients = new Set();
      this.#pages.set(key, clients);
    }
    clients.add(res);
    req.on("close", () => {
      clients.delete(res);
      if (clients.size === 0) this.#pages.delete(key);
    });
    const lastId = /^p-(\d{1,15})$/.exec(String(req.headers["last-event-id"] ?? ""));
    const since = Number(query.get("since"));
    const after = lastId?.[1]
      ? Number(lastId[1])
      : Number.isFinite(since) && since > 0
        ? since - sinceMarginMs
        : Number.POSITIVE_INFINITY;
    for (const kept of this.#replay.get(key) ?? []) if (kept.at > after) res.write(kept.frame);
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
    this.#pages.clear();
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
      for (const clients of this.#clients.values()) this.#fanOut.send(clients, ":\n\n");
    }, 25_000);
    this.#heartbeat.unref();
  }
}

function pageKey(edition: ServiceConfig, storyId: string): string {
  return `${edition.locale} ${storyId}`;
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
