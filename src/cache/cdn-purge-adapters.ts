import type { CdnPurgeConfig } from "../config/cdn-purge-config.js";

/** Purges everything the CDN holds for this site (the page cache's own "start clean" tag). */
export const purgeEverything = "*";

/** One HTTP request that purges a batch of tags. */
interface PurgeRequest {
  readonly method: "POST" | "PURGE";
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

/**
 * How one CDN is told to drop what carries some tags: the request for a batch, and how many
 * tags a batch may hold. The queue (cdn-purge-queue.ts) batches, retries and counts; an
 * adapter only knows its provider's API.
 */
export interface CdnPurgeAdapter {
  readonly provider: CdnPurgeConfig["provider"];
  /** The most tags one request may carry (the provider's limit). */
  readonly maxTagsPerRequest: number;
  /** The request for `tags`: at most `maxTagsPerRequest`, or `["*"]` alone for everything. */
  request(tags: readonly string[]): PurgeRequest;
}

const json = { "Content-Type": "application/json" };

/** `POST {"tags": [...]}` to an endpoint of the operator's own (what CDN_PURGE_URL always did). */
function genericAdapter(url: string): CdnPurgeAdapter {
  return {
    provider: "generic",
    maxTagsPerRequest: 256,
    request: (tags) => ({ method: "POST", url, headers: json, body: JSON.stringify({ tags }) }),
  };
}

/**
 * Varnish with vmod_xkey (Debian's varnish-modules): `PURGE` with the tags, space separated,
 * in `xkey-purge`; docs/ops/varnish.vcl answers it with `xkey.purge()` (a hard purge, so the
 * next reader gets the new page, not a stale one in grace), or with a ban of every object
 * for `*`. Header lines stay well under Varnish's 8 KB header limit (http_req_hdr_len).
 */
function varnishAdapter(url: string): CdnPurgeAdapter {
  return {
    provider: "varnish",
    maxTagsPerRequest: 100,
    request: (tags) => ({ method: "PURGE", url, headers: { "xkey-purge": tags.join(" ") } }),
  };
}

/**
 * Fastly's API: `POST /service/{id}/purge` with the keys in a `Surrogate-Key` header, up to
 * 256 keys a request; `POST /service/{id}/purge_all` for everything. The token goes in
 * `Fastly-Key` (API reference, "Purging": bulk_purge_tag, purge_all).
 */
function fastlyAdapter(config: Extract<CdnPurgeConfig, { provider: "fastly" }>): CdnPurgeAdapter {
  const base = (config.url ?? "https://api.fastly.com").replace(/\/+$/, "");
  const service = `${base}/service/${encodeURIComponent(config.serviceId)}`;
  const auth = { "Fastly-Key": config.apiToken, Accept: "application/json" };
  return {
    provider: "fastly",
    maxTagsPerRequest: 256,
    request: (tags) =>
      tags.includes(purgeEverything)
        ? { method: "POST", url: `${service}/purge_all`, headers: auth }
        : {
            method: "POST",
            url: `${service}/purge`,
            headers: { ...auth, "Surrogate-Key": tags.join(" ") },
          },
  };
}

/**
 * Cloudflare's API: `POST /client/v4/zones/{zone}/purge_cache` with `{"tags": [...]}` (the
 * `Cache-Tag` header Newsdesk sends), or `{"purge_everything": true}`, with a bearer token.
 * 30 tags a call: the limit every plan had, and within today's 100 (Cloudflare docs, "Purge
 * cache": max operations per request).
 */
function cloudflareAdapter(
  config: Extract<CdnPurgeConfig, { provider: "cloudflare" }>,
): CdnPurgeAdapter {
  const base = (config.url ?? "https://api.cloudflare.com").replace(/\/+$/, "");
  const url = `${base}/client/v4/zones/${encodeURIComponent(config.zoneId)}/purge_cache`;
  const headers = { ...json, Authorization: `Bearer ${config.apiToken}` };
  return {
    provider: "cloudflare",
    maxTagsPerRequest: 30,
    request: (tags) => ({
      method: "POST",
      url,
      headers,
      body: JSON.stringify(
        tags.includes(purgeEverything) ? { purge_everything: true } : { tags: [...tags] },
      ),
    }),
  };
}

/** The adapter for the configured provider. */
export function cdnPurgeAdapter(config: CdnPurgeConfig): CdnPurgeAdapter {
  switch (config.provider) {
    case "generic":
      return genericAdapter(config.url);
    case "varnish":
      return varnishAdapter(config.url);
    case "fastly":
      return fastlyAdapter(config);
    case "cloudflare":
      return cloudflareAdapter(config);
  }
}
