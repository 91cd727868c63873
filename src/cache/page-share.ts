import { z } from "zod";
import type { CachedResponse, PageCache, RenderTicket, SharedPage } from "./page-cache.js";

/** The IPC message that carries a page between the workers of `newsdesk start --workers`. */
export const pageShareMessage = "newsdesk-page";

/**
 * Pages in flight to the primary at most, in bytes: past it a page is not offered (the
 * other workers render it when asked), so a burst of misses cannot pile pages up in the
 * IPC channel's queue.
 */
const maxInFlightBytes = 8 * 1024 * 1024;

/**
 * The workers of one machine (`newsdesk start --workers N`) share what they render: each
 * page a worker renders and stores goes, through the cluster primary, to the others, which
 * adopt it (PageCache.adopt) unless an invalidation of its tags reached them after its
 * render began. A page is rendered once per machine rather than once per worker, whichever
 * worker a reader's connection lands on. Invalidations travel as before (the change bus);
 * the primary forwards both kinds of message in the order it receives them.
 *
 * The IPC channel uses the cluster's "advanced" serialization (start-command.ts), so the
 * page's bytes travel as bytes.
 */
export class ClusterPageShare {
  readonly #cache: PageCache;
  readonly #origin: string;
  #inFlight = 0;
  /** Pages not offered because the channel already held `maxInFlightBytes`. */
  skipped = 0;

  constructor(cache: PageCache, origin: string) {
    this.#cache = cache;
    this.#origin = origin;
    process.on("message", (raw: unknown) => {
      const page = sharedPageFrom(raw, origin);
      if (page) this.#cache.adopt(page);
    });
  }

  /** Offers a page this worker rendered and stored (PageCache's onStored). */
  offer(entry: CachedResponse, ticket: RenderTicket): void {
    if (!process.send || !process.connected) return;
    const size = entry.identity.length;
    if (this.#inFlight + size > maxInFlightBytes) {
      this.skipped++;
      return;
    }
    this.#inFlight += size;
    const page: SharedPage = {
      key: entry.key,
      startedAt: ticket.startedAt,
      status: entry.status,
      contentType: entry.contentType,
      cacheControl: entry.cacheControl,
      surrogateControl: entry.surrogateControl,
      body: entry.identity,
      tags: entry.tags,
      lastModified: entry.lastModified,
      expiresAt: entry.expiresAt,
    };
    process.send({ type: pageShareMessage, origin: this.#origin, page }, undefined, {}, () => {
      this.#inFlight -= size;
    });
  }
}

/** What another worker sends (it is checked: the channel is a boundary like any other). */
const sharedPageMessage = z.object({
  type: z.literal(pageShareMessage),
  origin: z.string(),
  page: z.object({
    key: z.string(),
    startedAt: z.number(),
    status: z.number().int(),
    contentType: z.string(),
    cacheControl: z.string(),
    surrogateControl: z.string().optional(),
    body: z.instanceof(Uint8Array),
    tags: z.array(z.string()),
    lastModified: z.string().optional(),
    // Infinity (no expiry) survives the advanced serialization.
    expiresAt: z.number().optional(),
  }),
});

/** A page from another worker; undefined for anything else, this worker's own included. */
function sharedPageFrom(raw: unknown, ownOrigin: string): SharedPage | undefined {
  if ((raw as { type?: unknown } | null)?.type !== pageShareMessage) return undefined;
  const parsed = sharedPageMessage.safeParse(raw);
  if (!parsed.success || parsed.data.origin === ownOrigin) return undefined;
  const { body, ...page } = parsed.data.page;
  return { ...page, body: Buffer.from(body.buffer, body.byteOffset, body.byteLength) };
}
