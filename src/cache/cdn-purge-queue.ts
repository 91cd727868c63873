import type { Logger } from "pino";
import type { OutboundRequests, OutboundResult } from "../domain/outbound-requests.js";
import { type CdnPurgeAdapter, purgeEverything } from "./cdn-purge-adapters.js";

/** What a purge request came to, for the metrics. */
export type PurgeOutcome = "success" | "retry" | "failure";

/** Counted by NewsdeskMetrics (src/http/metrics.ts). */
export interface CdnPurgeMetrics {
  purgeRequest(provider: string, outcome: PurgeOutcome): void;
  purgeDropped(provider: string, tags: number): void;
}

export interface CdnPurgeQueueOptions {
  /** Tags waiting at most; past it new tags are dropped (and counted). */
  readonly maxPendingTags?: number;
  /** Tries of one batch before it is given up. */
  readonly maxAttempts?: number;
  /** The first retry's delay; each further one doubles, up to `retryMaxMs`. */
  readonly retryBaseMs?: number;
  readonly retryMaxMs?: number;
  /** One request's whole exchange. */
  readonly timeoutMs?: number;
  /** Waits between tries (tests pass a fake). */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** Statuses worth another try: the CDN is busy or failing, not refusing us (RFC 9110 §15). */
const retryableStatus = (status: number) => status === 408 || status === 429 || status >= 500;

/** Network failures that are ours, not the network's: the same request would fail again. */
const permanentCodes = new Set(["ERR_INVALID_CHAR", "ERR_INVALID_HTTP_TOKEN"]);

/**
 * Purges the CDN by tag in the background. `enqueue` returns at once (a publish never waits
 * for a CDN); tags that pile up while a request is out are coalesced into the next batches,
 * one request at a time, so a burst of publishes makes a few requests, within the providers'
 * rate limits. A batch that fails is tried again with exponential backoff (honouring
 * Retry-After), then given up: logged, and counted in `newsdesk_cdn_purge_requests_total`.
 * The queue is bounded: past `maxPendingTags` new tags are dropped and counted; the pages
 * they name then leave the CDN when their `s-maxage` runs out (60 s for reader pages).
 */
export class CdnPurgeQueue {
  readonly #adapter: CdnPurgeAdapter;
  readonly #outbound: OutboundRequests;
  readonly #logger: Logger;
  readonly #metrics: CdnPurgeMetrics | undefined;
  readonly #maxPending: number;
  readonly #maxAttempts: number;
  readonly #retryBaseMs: number;
  readonly #retryMaxMs: number;
  readonly #timeoutMs: number;
  readonly #sleep: (ms: number) => Promise<void>;
  /** Waiting tags, oldest first (a Set keeps insertion order and drops duplicates). */
  readonly #pending = new Set<string>();
  #running: Promise<void> | undefined;

  constructor(deps: {
    adapter: CdnPurgeAdapter;
    outbound: OutboundRequests;
    logger: Logger;
    metrics?: CdnPurgeMetrics;
    options?: CdnPurgeQueueOptions;
  }) {
    const options = deps.options ?? {};
    this.#adapter = deps.adapter;
    this.#outbound = deps.outbound;
    this.#logger = deps.logger;
    this.#metrics = deps.metrics;
    this.#maxPending = options.maxPendingTags ?? 10_000;
    this.#maxAttempts = options.maxAttempts ?? 5;
    this.#retryBaseMs = options.retryBaseMs ?? 500;
    this.#retryMaxMs = options.retryMaxMs ?? 30_000;
    this.#timeoutMs = options.timeoutMs ?? 10_000;
    this.#sleep =
      options.sleep ??
      ((ms) =>
        new Promise((resolve) => {
          setTimeout(resolve, ms).unref();
        }));
  }

  /** Tags waiting to be sent (not counting the batch on its way). */
  get pending(): number {
    return this.#pending.size;
  }

  /** Queues a purge of `tags` (`*`: everything) and returns at once; never throws. */
  enqueue(tags: readonly string[]): void {
    let dropped = 0;
    for (const tag of tags) {
      if (this.#pending.has(tag)) continue;
      // Purging everything is always kept: it supersedes whatever else is waiting.
      if (tag !== purgeEverything && this.#pending.size >= this.#maxPending) dropped++;
      else this.#pending.add(tag);
    }
    if (dropped > 0) {
      this.#metrics?.purgeDropped(this.#adapter.provider, dropped);
      this.#logger.warn(
        { provider: this.#adapter.provider, dropped, pending: this.#pending.size },
        "CDN purge queue full: tags dropped; their pages expire by s-maxage",
      );
    }
    if (this.#pending.size > 0 && !this.#running) {
      this.#running = this.#drain().finally(() => {
        this.#running = undefined;
      });
    }
  }

  /** Resolves once nothing is waiting or on its way (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.#running) await this.#running;
  }

  async #drain(): Promise<void> {
    // Let the tags of one change (and of changes made in the same tick) form one batch.
    await Promise.resolve();
    while (this.#pending.size > 0) await this.#send(this.#nextBatch());
  }

  #nextBatch(): string[] {
    if (this.#pending.has(purgeEverything)) {
      this.#pending.clear();
      return [purgeEverything];
    }
    const batch: string[] = [];
    for (const tag of this.#pending) {
      if (batch.length >= this.#adapter.maxTagsPerRequest) break;
      batch.push(tag);
    }
    for (const tag of batch) this.#pending.delete(tag);
    return batch;
  }

  async #send(tags: readonly string[]): Promise<void> {
    const provider = this.#adapter.provider;
    const request = this.#adapter.request(tags);
    for (let attempt = 1; ; attempt++) {
      const result = await this.#outbound.request(request.url, {
        method: request.method,
        headers: request.headers,
        ...(request.body === undefined ? {} : { body: request.body }),
        timeoutMs: this.#timeoutMs,
        maxBytes: 64 * 1024,
        // A purge endpoint that redirects is misconfigured; following it could only hide that.
        maxRedirects: 0,
      });
      const verdict = judge(result);
      if (verdict.ok) {
        this.#metrics?.purgeRequest(provider, "success");
        return;
      }
      const context = { provider, tags: tags.length, attempt, problem: verdict.problem };
      if (!verdict.retry || attempt >= this.#maxAttempts) {
        this.#metrics?.purgeRequest(provider, "failure");
        this.#logger.error(
          { ...context, firstTags: tags.slice(0, 5) },
          "CDN purge failed; the pages expire by s-maxage",
        );
        return;
      }
      this.#metrics?.purgeRequest(provider, "retry");
      this.#logger.warn(context, "CDN purge failed; trying again");
      const backoff = Math.min(this.#retryMaxMs, this.#retryBaseMs * 2 ** (attempt - 1));
      await this.#sleep(Math.min(this.#retryMaxMs, Math.max(backoff, verdict.retryAfterMs ?? 0)));
    }
  }
}

type Verdict =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly retry: boolean;
      readonly problem: string;
      readonly retryAfterMs?: number;
    };

function judge(result: OutboundResult): Verdict {
  switch (result.kind) {
    case "response": {
      if (result.status >= 200 && result.status <= 299) return { ok: true };
      const retryAfter = Number(result.headers["retry-after"]);
      return {
        ok: false,
        retry: retryableStatus(result.status),
        problem: `HTTP ${result.status}`,
        ...(Number.isFinite(retryAfter) && retryAfter >= 0
          ? { retryAfterMs: retryAfter * 1000 }
          : {}),
      };
    }
    // A long 2xx answer is still a yes: the purge was accepted.
    case "too-large":
      return result.status >= 200 && result.status <= 299
        ? { ok: true }
        : { ok: false, retry: retryableStatus(result.status), problem: `HTTP ${result.status}` };
    case "refused":
      return { ok: false, retry: false, problem: `refused (${result.reason}): ${result.detail}` };
    case "failed":
      return {
        ok: false,
        retry: !(result.code && permanentCodes.has(result.code)),
        problem: `${result.reason}: ${result.detail}`,
      };
  }
}
