import type { WireSourceConfig } from "../domain/wire/wire-source-schema.js";
import { readLimited } from "./read-limited.js";

type HttpPullSource = Extract<WireSourceConfig, { kind: "http-pull" }>;

export type PullResult =
  | { readonly kind: "not-modified" }
  | {
      readonly kind: "fetched";
      readonly bytes: Uint8Array;
      readonly contentType: string | undefined;
      readonly contentLanguage: string | undefined;
      readonly etag: string | null;
      readonly lastModified: string | null;
    }
  | { readonly kind: "too-large"; readonly size: number }
  | {
      readonly kind: "failed";
      readonly reason: string;
      readonly status?: number;
      readonly retryAfterSeconds?: number;
    };

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/**
 * One conditional GET of a pull source (RFC 9110 13.1: If-None-Match, If-Modified-Since).
 * The timeout covers the whole exchange, body included, so a server that trickles bytes is
 * cut off too. Never throws: every failure is a result with a reason for the log.
 */
export async function pullOnce(
  source: HttpPullSource,
  validators: { readonly etag: string | null; readonly lastModified: string | null },
  fetchFn: FetchLike = fetch,
): Promise<PullResult> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), source.timeoutMs);
  try {
    const headers: Record<string, string> = {
      Accept:
        "application/json, application/xml;q=0.9, application/rss+xml, application/atom+xml, text/xml;q=0.8, */*;q=0.1",
      "User-Agent": "Newsdesk wire ingest",
    };
    if (validators.etag) headers["If-None-Match"] = validators.etag;
    if (validators.lastModified) headers["If-Modified-Since"] = validators.lastModified;
    const response = await fetchFn(source.url, {
      headers,
      signal: controller.signal,
      redirect: "follow",
    });
    if (response.status === 304) {
      await response.body?.cancel().catch(() => undefined);
      return { kind: "not-modified" };
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      const retryAfter = retryAfterSeconds(response.headers.get("retry-after"));
      return {
        kind: "failed",
        reason: `HTTP ${response.status} from ${source.url}`,
        status: response.status,
        ...(retryAfter === undefined ? {} : { retryAfterSeconds: retryAfter }),
      };
    }
    const declared = Number(response.headers.get("content-length") ?? Number.NaN);
    if (Number.isFinite(declared) && declared > source.maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      return { kind: "too-large", size: declared };
    }
    const body = await readLimited(response.body, source.maxBytes);
    if (!body.ok) return { kind: "too-large", size: body.receivedBytes };
    return {
      kind: "fetched",
      bytes: body.bytes,
      contentType: response.headers.get("content-type") ?? undefined,
      contentLanguage: response.headers.get("content-language") ?? undefined,
      etag: response.headers.get("etag"),
      lastModified: response.headers.get("last-modified"),
    };
  } catch (error) {
    if (controller.signal.aborted) {
      return { kind: "failed", reason: `No complete answer within ${source.timeoutMs} ms.` };
    }
    const cause =
      error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
    return {
      kind: "failed",
      reason: `${error instanceof Error ? error.message : String(error)}${cause}`,
    };
  } finally {
    clearTimeout(timer);
  }
}

/** Retry-After as delay-seconds or an HTTP date (RFC 9110 10.2.3). */
function retryAfterSeconds(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, Math.round((date - now) / 1000)) : undefined;
}
