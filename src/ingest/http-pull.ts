import { STATUS_CODES } from "node:http";
import { NewsdeskError } from "../domain/error-catalogue.js";
import type { OutboundRequests } from "../domain/outbound-requests.js";
import type { WireSourceConfig } from "../domain/wire/wire-source-schema.js";

type HttpPullSource = Extract<WireSourceConfig, { kind: "http-pull" }>;

/** Agencies move feeds behind redirects; more than this is a loop or a trick. */
const maxPullRedirects = 5;

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
      /**
       * The source's last error as every wire reader sees it: a status code or stable code
       * and a short reason; never the answer's body, the URL, the host or an address.
       */
      readonly reason: string;
      /** What the log gets in addition (host, address, system error). */
      readonly logDetail?: string;
      readonly status?: number;
      readonly retryAfterSeconds?: number;
    };

/**
 * One conditional GET of a pull source (RFC 9110 13.1: If-None-Match, If-Modified-Since)
 * through the outbound guard, which refuses non-public addresses, connects to the address
 * it checked, re-checks every redirect and bounds time and size. Never throws: every
 * failure is a result with a reason for the source's last error.
 */
export async function pullOnce(
  source: HttpPullSource,
  validators: { readonly etag: string | null; readonly lastModified: string | null },
  outbound: OutboundRequests,
): Promise<PullResult> {
  const headers: Record<string, string> = {
    Accept:
      "application/json, application/xml;q=0.9, application/rss+xml, application/atom+xml, text/xml;q=0.8, */*;q=0.1",
    "User-Agent": "Newsdesk wire ingest",
  };
  if (validators.etag) headers["If-None-Match"] = validators.etag;
  if (validators.lastModified) headers["If-Modified-Since"] = validators.lastModified;
  const result = await outbound.request(source.url, {
    method: "GET",
    headers,
    timeoutMs: source.timeoutMs,
    maxBytes: source.maxBytes,
    maxRedirects: maxPullRedirects,
  });
  switch (result.kind) {
    case "too-large":
      return { kind: "too-large", size: result.receivedBytes };
    case "refused":
      return {
        kind: "failed",
        reason:
          result.reason === "private"
            ? `WIRE_URL_PRIVATE: ${new NewsdeskError("WIRE_URL_PRIVATE").title}`
            : result.reason === "unresolvable"
              ? "WIRE_SOURCE_UNREACHABLE: The host name does not resolve to any address."
              : "WIRE_SOURCE_UNREACHABLE: The feed redirected to a URL that is not plain http(s).",
        logDetail: result.detail,
      };
    case "failed":
      return {
        kind: "failed",
        reason:
          result.reason === "timeout"
            ? result.detail
            : result.reason === "redirects"
              ? `WIRE_SOURCE_UNREACHABLE: More than ${maxPullRedirects} redirects.`
              : `WIRE_SOURCE_UNREACHABLE: ${result.code ?? "The connection failed."}`,
        logDetail: result.detail,
      };
    case "response":
      break;
  }
  if (result.status === 304) return { kind: "not-modified" };
  if (result.status < 200 || result.status > 299) {
    const retryAfter = retryAfterSeconds(result.headers["retry-after"] ?? null);
    return {
      kind: "failed",
      reason: `HTTP ${result.status} ${STATUS_CODES[result.status] ?? ""}`.trim(),
      status: result.status,
      ...(retryAfter === undefined ? {} : { retryAfterSeconds: retryAfter }),
    };
  }
  return {
    kind: "fetched",
    bytes: result.body,
    contentType: result.headers["content-type"],
    contentLanguage: result.headers["content-language"],
    etag: result.headers.etag ?? null,
    lastModified: result.headers["last-modified"] ?? null,
  };
}

/**
 * The check when a pull source is saved: a URL on a non-public address is refused
 * (WIRE_URL_PRIVATE). A host that does not resolve yet is accepted, since an agency's DNS
 * may go live after the source is configured; every poll checks again before connecting.
 */
export async function checkPullUrl(outbound: OutboundRequests, url: string): Promise<void> {
  const checked = await outbound.check(url);
  if (checked.ok || checked.reason === "unresolvable") return;
  if (checked.reason === "private") {
    throw new NewsdeskError("WIRE_URL_PRIVATE", {
      detail: checked.detail,
      details: { address: checked.address },
    });
  }
  throw new NewsdeskError("VALIDATION_FAILED", { detail: checked.detail });
}

/** Retry-After as delay-seconds or an HTTP date (RFC 9110 10.2.3). */
function retryAfterSeconds(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, Math.round((date - now) / 1000)) : undefined;
}
