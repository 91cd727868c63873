import { createHash } from "node:crypto";
import type { TaggedMemo } from "../domain/cache/tagged-memo.js";
import { type ContentCoding, compressAs, compressNow, preferredCoding } from "./content-coding.js";

/** One cached response, with its compressed variants (each made once, when first accepted). */
export interface CachedResponse {
  readonly status: number;
  readonly contentType: string;
  readonly cacheControl: string;
  /** The CDN's own freshness (Surrogate-Control), sent with every hit as with the miss. */
  readonly surrogateControl?: string | undefined;
  readonly identity: Buffer;
  /**
   * Compressed variants, each made once, in libuv's thread pool, when a reader first accepts
   * it (`compressed`); that reader waits for it, so every reader gets compressed bytes.
   */
  br: Buffer | null;
  gzip: Buffer | null;
  readonly etag: string;
  readonly tags: readonly string[];
  readonly lastModified: string | undefined;
  /** Epoch ms after which the entry must not be served (e.g. a banner's expiry). */
  readonly expiresAt: number;
  /** Epoch ms when it was stored: its age, in the Cache-Status header of hits. */
  readonly storedAt: number;
  /** Its key in the cache, so work finished later can tell whether it is still the entry. */
  readonly key: string;
}

/** The compressions of one stored entry under way or done, by encoding. */
type Variants = Partial<Record<ContentCoding, Promise<void>>>;

/** Taken when a render starts, so an invalidation during the render is not undone by it. */
export interface RenderTicket {
  readonly generation: number;
  /** When the render began on this machine's clock (`machineNow`), for PageShare. */
  readonly startedAt: number;
}

/** The fields of a rendered response the cache keeps (PageCache.store). */
export interface RenderedPage {
  readonly status: number;
  readonly contentType: string;
  readonly cacheControl: string;
  readonly surrogateControl?: string | undefined;
  readonly body: Buffer;
  readonly tags: readonly string[];
  readonly lastModified?: string | undefined;
  readonly expiresAt?: number | undefined;
}

/**
 * A page another worker of this machine rendered and stored (src/cache/page-share.ts),
 * with when its render began on the machine's clock.
 */
export interface SharedPage extends RenderedPage {
  readonly key: string;
  readonly startedAt: number;
}

/**
 * A clock every process of one machine reads alike: the process's start as wall time plus
 * its monotonic time since. Workers compare a peer's render start with their own
 * invalidations on it.
 */
function machineNow(): number {
  return performance.timeOrigin + performance.now();
}

/** Invalidations remembered with their time, for pages shared by other workers. */
const maxLoggedInvalidations = 4096;

const textSizeVariant = /(?:^|;\s*)nd_ts=(xs|sm|lg)(?:;|$)/;
/** Text-only mode (issue 16), remembered by the reader-routes' `nd_lite` cookie. */
const liteVariant = /(?:^|;\s*)nd_lite=1(?:;|$)/;

/**
 * The query parameters some cacheable page reads (`page` on lists, `content` on feeds,
 * `before` and `post` on live pages).
 * No other parameter reaches a cache key, so `?utm_source=…` or a random `?x=` is served the
 * page it decorates instead of filling the cache with copies of it. A page declares the
 * ones it read (page-cache-middleware.ts); a page that reads one not listed here is never
 * stored, so forgetting to list one costs speed, never correctness.
 */
const cacheQueryParameters: ReadonlySet<string> = new Set([
  "content",
  "page",
  "week",
  "before",
  "post",
]);

/** Slash-separated unreserved characters (RFC 3986 §2.3), no "." or ".." segment. */
const plainPath = /^(?:\/(?!\.\.?(?:\/|$))[\w.~-]*)+$/;

/** Query pairs in one spelling: sorted by name (stable for repeats), form-encoded. */
export function canonicalQuery(pairs: Iterable<readonly [string, string]>): string {
  const sorted = [...pairs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return new URLSearchParams(sorted.map(([name, value]) => [name, value])).toString();
}

/**
 * A request target split into its normalized path and its query pairs. The path goes
 * through the WHATWG URL parser (dot segments, percent-encoding) behind a fixed origin, so
 * "//x" stays a path and both the Node fast path (raw `req.url`) and Hono agree.
 */
export function splitTarget(pathAndQuery: string): { path: string; query: [string, string][] } {
  // The common case, a plain path with no query, skips the parser (the hit path is hot).
  if (plainPath.test(pathAndQuery)) return { path: pathAndQuery, query: [] };
  let url: URL;
  try {
    url = new URL(`http://cache.invalid${pathAndQuery.startsWith("/") ? "" : "/"}${pathAndQuery}`);
  } catch {
    return { path: pathAndQuery, query: [] };
  }
  return { path: url.pathname, query: [...url.searchParams] };
}

/**
 * Readers who ask to save data (`Save-Data: on`, the Client Hint of the Save-Data draft,
 * sent by browsers' data-saver modes) get low-bitrate media sources first on episode pages,
 * so pages are kept per variant and say `Vary: Save-Data`.
 */
export function savesData(header: string | undefined): boolean {
  return header?.trim().toLowerCase() === "on";
}

/**
 * The one cache key both the fast path and the Hono fill use: the path, the query
 * parameters a page may read (`cacheQueryParameters`, in canonical order), plus the
 * text-size preference (four values), text-only mode (two) and Save-Data (two), so pages
 * stay shared by everyone with the same preferences and are never personal.
 */
export function cacheKeyFor(
  pathAndQuery: string,
  cookieHeader: string | undefined,
  saveDataHeader?: string,
): string {
  const size = cookieHeader ? (textSizeVariant.exec(cookieHeader)?.[1] ?? "md") : "md";
  const { path, query } = splitTarget(pathAndQuery);
  const kept = canonicalQuery(query.filter(([name]) => cacheQueryParameters.has(name)));
  // Text-only pages are their own variant. A request that switches the mode (`?lite=1`,
  // `?lite=0`) sets the cookie, so it is answered fresh: its key names no stored page.
  const asked = query.find(([name]) => name === "lite");
  const lite = asked
    ? ` lite=${encodeURIComponent(asked[1])}`
    : cookieHeader && liteVariant.test(cookieHeader)
      ? " lite"
      : "";
  const variant = `${size}${lite}${savesData(saveDataHeader) ? " save-data" : ""}`;
  return kept ? `${variant} ${path}?${kept}` : `${variant} ${path}`;
}

/**
 * In-memory page cache with exact, tag-based invalidation and a byte budget (LRU).
 * Every instance keeps its own; invalidations reach all instances through the change bus.
 */
export class PageCache implements TaggedMemo {
  readonly #entries = new Map<string, CachedResponse>();
  /**
   * Values pages are built from (remember()), under the same tags as pages. Their keys sit
   * in `#byTag` behind a NUL, which no page key (a variant, a space, a path) can start with.
   */
  readonly #values = new Map<string, { readonly value: unknown; readonly expiresAt: number }>();
  readonly #byTag = new Map<string, Set<string>>();
  /**
   * When each tag was last invalidated, so a render that began before that is not stored.
   * Bounded: every tag a long run ever invalidated (each story edited, each post) would
   * otherwise stay here for good. Past the bound all are forgotten at once, and `#horizon`
   * moves up to now: renders that began before it are served but not stored, since they
   * may have read what a forgotten invalidation changed.
   */
  readonly #tagGeneration = new Map<string, number>();
  readonly #maxTrackedTags: number;
  #horizon = 0;
  /**
   * The latest invalidations, oldest first, with the generation each made and when it came
   * (machine clock): a page a peer began rendering at time t is as fresh as a local render
   * that took the ticket in effect at t (adopt()). `#logFrom` is the last one forgotten: a
   * page begun before it is refused, since what came before it is not known.
   */
  readonly #log: { readonly at: number; readonly generation: number }[] = [];
  #logFrom = { at: Number.NEGATIVE_INFINITY, generation: 0 };
  readonly #machineNow: () => number;
  readonly #onStored: ((entry: CachedResponse, ticket: RenderTicket) => void) | undefined;
  readonly #maxBytes: number;
  readonly #now: () => number;
  /** Compressions under way in the thread pool (settle() waits for them). */
  readonly #compressing = new Set<Promise<void>>();
  readonly #pending = new WeakMap<CachedResponse, Variants>();
  #generation = 0;
  #bytes = 0;
  hits = 0;
  misses = 0;
  /** Entries dropped to stay within the byte budget (least recently used first). */
  evictions = 0;
  /** Pages other workers rendered: stored here, or refused as possibly stale (adopt()). */
  readonly shared = { adopted: 0, refused: 0 };
  /** Variants made on the event loop (a lone miss) and in the thread pool. */
  readonly compressions = { inline: 0, pooled: 0 };

  constructor(
    options: {
      maxBytes?: number;
      now?: () => number;
      maxTrackedTags?: number;
      /** The machine's clock (machineNow), which shared pages are timed by. */
      machineNow?: () => number;
      /** Told of every page this instance rendered and stored (PageShare offers it on). */
      onStored?: (entry: CachedResponse, ticket: RenderTicket) => void;
    } = {},
  ) {
    this.#maxBytes = options.maxBytes ?? 256 * 1024 * 1024;
    this.#now = options.now ?? Date.now;
    this.#maxTrackedTags = options.maxTrackedTags ?? 100_000;
    this.#machineNow = options.machineNow ?? machineNow;
    this.#onStored = options.onStored;
  }

  get size(): number {
    return this.#entries.size;
  }

  get bytes(): number {
    return this.#bytes;
  }

  get(key: string): CachedResponse | undefined {
    const entry = this.#entries.get(key);
    if (!entry) {
      this.misses++;
      return undefined;
    }
    if (entry.expiresAt <= this.#now()) {
      this.#delete(key);
      this.misses++;
      return undefined;
    }
    // LRU: re-insert to mark as recently used.
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    this.hits++;
    return entry;
  }

  has(key: string): boolean {
    return this.#entries.has(key);
  }

  beginRender(): RenderTicket {
    return { generation: this.#generation, startedAt: this.#machineNow() };
  }

  /** Stores a rendered response unless one of its tags was invalidated since `ticket`. */
  store(key: string, ticket: RenderTicket, response: RenderedPage): CachedResponse | undefined {
    const entry = this.#put(key, ticket, response);
    if (entry) this.#onStored?.(entry, ticket);
    return entry;
  }

  /**
   * Stores a page another worker rendered, unless this instance has since heard of an
   * invalidation of one of its tags, or holds the key already. An invalidation reaches each
   * worker after its commit, so a page whose render began before the commit began before
   * every worker heard of it: it is refused here, or dropped when the invalidation arrives.
   */
  adopt(page: SharedPage): CachedResponse | undefined {
    if (this.#entries.has(page.key)) return undefined;
    const generation = this.#generationAt(page.startedAt);
    const entry =
      generation === undefined
        ? undefined
        : this.#put(page.key, { generation, startedAt: page.startedAt }, page);
    if (entry) this.shared.adopted++;
    else this.shared.refused++;
    return entry;
  }

  /** The generation in effect at machine time `at`; undefined past what the log holds. */
  #generationAt(at: number): number | undefined {
    // An invalidation at the very instant counts as after it: refusing is the safe side.
    let low = 0;
    let high = this.#log.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.#log[mid]?.at ?? 0) < at) low = mid + 1;
      else high = mid;
    }
    if (low > 0) return this.#log[low - 1]?.generation;
    if (this.#log.length === 0) return this.#generation;
    return at > this.#logFrom.at ? this.#logFrom.generation : undefined;
  }

  #put(key: string, ticket: RenderTicket, response: RenderedPage): CachedResponse | undefined {
    const tags = [...new Set(response.tags)];
    if (this.#overtaken(ticket, tags)) return undefined;
    const entry: CachedResponse = {
      status: response.status,
      contentType: response.contentType,
      cacheControl: response.cacheControl,
      surrogateControl: response.surrogateControl,
      identity: response.body,
      br: null,
      gzip: null,
      etag: `"${createHash("sha1").update(response.body).digest("base64url")}"`,
      tags,
      lastModified: response.lastModified,
      expiresAt: response.expiresAt ?? Number.POSITIVE_INFINITY,
      storedAt: this.#now(),
      key,
    };
    this.#delete(key);
    this.#entries.set(key, entry);
    this.#bytes += entrySize(entry);
    this.#index(key, tags);
    this.#evictOverBudget();
    return entry;
  }

  /**
   * A value pages are built from (a service's sections and breaking-news banner), read once
   * and kept until a tag it carries is invalidated or its expiry passes: the invalidations
   * that drop the pages built from it drop it too, here and, through the change bus, on
   * every instance. A read an invalidation overtook is returned but not kept, as with pages.
   */
  async remember<T>(
    key: string,
    options: { readonly tags: readonly string[]; readonly now: number },
    load: () => Promise<{ readonly value: T; readonly expiresAt: number }>,
  ): Promise<T> {
    const valueKey = `\0${key}`;
    const held = this.#values.get(valueKey);
    if (held && held.expiresAt > options.now) return held.value as T;
    const ticket = this.beginRender();
    const loaded = await load();
    const tags = [...new Set(options.tags)];
    if (!this.#overtaken(ticket, tags)) {
      this.#delete(valueKey);
      this.#values.set(valueKey, loaded);
      this.#index(valueKey, tags);
    }
    return loaded.value;
  }

  #overtaken(ticket: RenderTicket, tags: readonly string[]): boolean {
    if (ticket.generation < this.#horizon) return true;
    return tags.some((tag) => (this.#tagGeneration.get(tag) ?? -1) > ticket.generation);
  }

  #index(key: string, tags: readonly string[]): void {
    for (const tag of tags) {
      let keys = this.#byTag.get(tag);
      if (!keys) {
        keys = new Set();
        this.#byTag.set(tag, keys);
      }
      keys.add(key);
    }
  }

  #evictOverBudget(): void {
    while (this.#bytes > this.#maxBytes) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      if (this.#delete(oldest)) this.evictions++;
    }
  }

  /**
   * Compresses one variant of an entry off the event loop (content-coding.ts). Only the
   * variants readers accept are made: behind a CDN that asks for gzip alone, or for browsers
   * that all take brotli, the other one would be work thrown away for every page.
   */
  #compress(entry: CachedResponse, encoding: ContentCoding, inline: boolean): Promise<void> {
    const keep = (body: Buffer) => {
      if (this.#entries.get(entry.key) !== entry) return;
      entry[encoding] = body;
      this.#bytes += body.length;
      this.#evictOverBudget();
    };
    if (inline) {
      this.compressions.inline++;
      try {
        keep(compressNow(entry.identity, encoding));
      } catch {
        // As in the pool: a failed compression leaves the identity body.
      }
      return Promise.resolve();
    }
    this.compressions.pooled++;
    const job = compressAs(entry.identity, encoding).then(
      keep,
      // A failed compression leaves the identity body, which is always correct to serve.
      () => undefined,
    );
    this.#compressing.add(job);
    void job.finally(() => this.#compressing.delete(job));
    return job;
  }

  /** Whether a reply to `acceptEncoding` can be sent now, its variant made (or not needed). */
  ready(entry: CachedResponse, acceptEncoding: string | undefined): boolean {
    const encoding = preferredCoding(acceptEncoding);
    return encoding === null || entry[encoding] !== null;
  }

  /**
   * Resolves once the variant a reply to `acceptEncoding` carries (preferredCoding) is made,
   * or could not be, making it if no reader asked for it before; at once for identity. The
   * reader who first asks waits for it: the first reader after an update, and a CDN that
   * keeps that answer for a minute, get compressed bytes like everyone else.
   *
   * `inline`: make it on this thread, for a caller with nothing else to do meanwhile (the
   * only render in flight). At one-million stories, a lone story-page miss for a reader who
   * takes brotli had p50 3.99–4.15 ms and p99 9.2–11.7 ms with the thread pool, 3.22–3.60 ms
   * and 7.1–8.0 ms inline (2,000 random stories over keep-alive HTTP, two runs each): the
   * hand-off and wake-up cost more than the 0.7 ms of compressing. With other renders in
   * flight, the pool lets a second core compress while this one renders.
   */
  compressed(
    entry: CachedResponse,
    acceptEncoding: string | undefined,
    options: { readonly inline?: boolean } = {},
  ): Promise<void> {
    const encoding = preferredCoding(acceptEncoding);
    if (encoding === null || entry[encoding] !== null) return Promise.resolve();
    let variants = this.#pending.get(entry);
    if (!variants) {
      variants = {};
      this.#pending.set(entry, variants);
    }
    const under = variants[encoding];
    if (under) return under;
    const job = this.#compress(entry, encoding, options.inline === true);
    variants[encoding] = job;
    return job;
  }

  /** Waits for every compression under way (tests and benchmarks use it to settle). */
  async settle(): Promise<void> {
    await Promise.all(this.#compressing);
  }

  /** Drops every entry carrying any of the tags; returns how many were dropped. */
  invalidate(tags: Iterable<string>): number {
    if (this.#tagGeneration.size >= this.#maxTrackedTags) {
      this.#tagGeneration.clear();
      this.#horizon = this.#generation + 1;
    }
    const generation = ++this.#generation;
    this.#log.push({ at: this.#machineNow(), generation });
    if (this.#log.length > maxLoggedInvalidations) {
      this.#logFrom = this.#log.shift() ?? this.#logFrom;
    }
    let dropped = 0;
    for (const tag of tags) {
      this.#tagGeneration.set(tag, generation);
      for (const key of this.#byTag.get(tag) ?? []) {
        if (this.#delete(key)) dropped++;
      }
      this.#byTag.delete(tag);
    }
    return dropped;
  }

  clear(): void {
    this.invalidate([...this.#byTag.keys()]);
  }

  /** Drops a page (true) or a remembered value (false: it is not a page). */
  #delete(key: string): boolean {
    const entry = this.#entries.get(key);
    if (!entry) {
      this.#values.delete(key);
      return false;
    }
    this.#entries.delete(key);
    this.#bytes -= entrySize(entry);
    for (const tag of entry.tags) this.#byTag.get(tag)?.delete(key);
    return true;
  }
}

function entrySize(entry: CachedResponse): number {
  return entry.identity.length + (entry.br?.length ?? 0) + (entry.gzip?.length ?? 0) + 512;
}
