import { createHash } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import type { Context, MiddlewareHandler } from "hono";
import { compressAs, preferredCoding } from "../cache/content-coding.js";
import type { MirrorDirectory, MirrorSnapshot } from "../domain/mirrors/mirror-directory.js";
import type { Mirror } from "../domain/mirrors/mirror-schema.js";
import { type ServiceConfig, serviceByUrlPrefix } from "../domain/services/service-registry.js";
import { resolveClientIp, type TrustedProxies } from "./client-ip.js";
import { responseBytes } from "./page-bytes.js";

/**
 * Where a request came from, as far as links are concerned (issue 16, "pages that work
 * under any name"). Pages are rendered once, host-independent, with root-relative links,
 * and cached so; what differs per request is applied to the finished page here:
 *
 * - `prefix`: the path the site is served under (`/news` when a proxy or a mirror maps
 *   `https://host/news/…` to us). It comes from `X-Forwarded-Prefix`, believed only from
 *   TRUSTED_PROXIES (the header's meaning in Traefik, Spring and ASP.NET: the prefix the
 *   proxy stripped), or else from a known mirror's configured URL. Every root-relative
 *   link, form action, image and redirect then carries it.
 * - `mirror`: the known mirror whose host name the request arrived on: its pages get a
 *   footer line saying so and naming the other mirrors; nothing redirects to PUBLIC_URL.
 */
interface RequestReach {
  readonly prefix: string;
  readonly mirror: Mirror | undefined;
}

const noReach: RequestReach = { prefix: "", mirror: undefined };

/** At most eight plain segments, no dot segments; anything else is ignored, not obeyed. */
const prefixPattern = /^(?:\/(?!\.\.?(?:\/|$))[\w.~-]{1,64}){1,8}$/;

function parsePrefix(value: string | undefined): string {
  if (!value || value.length > 300) return "";
  const trimmed = value.trim().replace(/\/+$/, "");
  return prefixPattern.test(trimmed) ? trimmed : "";
}

export function requestReach(
  input: {
    readonly host: string | undefined;
    readonly forwardedPrefix: string | undefined;
    readonly fromTrustedProxy: boolean;
  },
  mirrors: MirrorSnapshot,
): RequestReach {
  const mirror = input.host ? mirrors.byHost(input.host) : undefined;
  const forwarded = input.fromTrustedProxy ? parsePrefix(input.forwardedPrefix) : "";
  const prefix = forwarded || (mirror ? new URL(mirror.url).pathname.replace(/\/+$/, "") : "");
  if (!prefix && !mirror) return noReach;
  return { prefix, mirror };
}

function isRootRelative(url: string): boolean {
  return url.startsWith("/") && !url.startsWith("//");
}

/** Attributes whose value is a URL a browser fetches or follows (HTML §2.5, §4.10.18.6). */
const urlAttribute = /(\s(?:href|src|action|poster|formaction)=")(\/(?!\/)[^"]*")/g;
const srcsetAttribute = /(\ssrcset=")([^"]*)"/g;
const refreshContent = /(http-equiv="refresh"\s+content="[^"]*?url=)(\/(?!\/))/gi;

/**
 * Puts `prefix` before every root-relative URL in a rendered page: links, images (`src`
 * and each `srcset` candidate), forms, a meta refresh, and `data-base` on `<html>` for the
 * live script's stream address. Our renderer always quotes attributes with `"` and escapes
 * `"` inside them, so an attribute boundary is never ambiguous; text that merely looks
 * like an attribute is escaped (`&quot;`) and left alone. Absolute URLs (canonical,
 * hreflang alternates, JSON-LD) are not touched: they name PUBLIC_URL on purpose.
 */
export function prefixRootRelative(html: string, prefix: string): string {
  if (!prefix) return html;
  return html
    .replace(urlAttribute, (_, start: string, rest: string) => `${start}${prefix}${rest}`)
    .replace(srcsetAttribute, (_, start: string, list: string) => {
      const candidates = list
        .split(",")
        .map((candidate) => {
          const trimmed = candidate.trim();
          return isRootRelative(trimmed) ? `${prefix}${trimmed}` : trimmed;
        })
        .join(", ");
      return `${start}${candidates}"`;
    })
    .replace(refreshContent, (_, start: string, slash: string) => `${start}${prefix}${slash}`)
    .replace(/<html(?=[\s>])/, `<html data-base="${prefix}"`);
}

/** Inserts a line into the page's footer, just before it closes. */
export function insertInFooter(html: string, line: string): string {
  const at = html.lastIndexOf("</footer>");
  return at < 0 ? html : `${html.slice(0, at)}${line}${html.slice(at)}`;
}

/** A feed's own address and identifiers: they keep naming PUBLIC_URL on every host. */
const feedSelf = /<id>[^<]*<\/id>|<(?:atom:)?link\b[^>]*\brel="self"[^>]*>|"feed_url":"[^"]*"/g;

/**
 * A feed read through a mirror links its items, authors and pictures on that mirror, so a
 * reader subscribed there is never sent back to the blocked host; the feed's self link and
 * ids keep PUBLIC_URL (issue 16: "only feeds' self links use PUBLIC_URL"), so feed readers
 * see one feed and one story, whichever address they fetched it from.
 */
export function rewriteFeedLinks(feed: string, publicUrl: string, origin: string): string {
  const from = `${publicUrl}/`;
  const to = `${origin}/`;
  let out = "";
  let last = 0;
  for (const match of feed.matchAll(feedSelf)) {
    out += feed.slice(last, match.index).replaceAll(from, to) + match[0];
    last = match.index + match[0].length;
  }
  return out + feed.slice(last).replaceAll(from, to);
}

const feedType = /^application\/(?:rss\+xml|atom\+xml|feed\+json)/;

export interface ReachDeps {
  /** PUBLIC_URL: what feeds read through a mirror stop linking to. */
  readonly publicUrl: string;
  readonly mirrors: MirrorDirectory;
  /** TRUSTED_PROXIES: only their `X-Forwarded-Prefix` is believed. */
  readonly trusted: TrustedProxies;
  /**
   * The footer line for a page of `edition` read through `mirror`, naming `others` (the
   * edition's other mirrors), in the edition's language (src/render/reader/MirrorLine.tsx).
   */
  readonly mirrorLine: (
    edition: ServiceConfig,
    mirror: Mirror,
    others: readonly Mirror[],
  ) => string;
}

/** The edition a reader path belongs to (its first segment), if any. */
function editionOfPath(path: string): ServiceConfig | undefined {
  const first = path.split("/")[1] ?? "";
  return first ? serviceByUrlPrefix(first) : undefined;
}

/**
 * `Onion-Location` (Tor Browser's onion-location spec) for an HTML page of a service with an
 * onion mirror: the same page at the onion address. Not sent to requests already on it.
 */
export function onionLocationFor(
  mirrors: MirrorSnapshot,
  pathAndQuery: string,
  arrivedThrough: Mirror | undefined,
): string | undefined {
  if (arrivedThrough?.kind === "onion") return undefined;
  const edition = editionOfPath(pathAndQuery.split("?")[0] ?? "");
  if (!edition) return undefined;
  const onion = mirrors.forService(edition.id).find((m) => m.kind === "onion");
  return onion ? `${onion.url}${pathAndQuery}` : undefined;
}

/**
 * The page cache's socket fast path (src/http/server.ts): whether a request must go
 * through the app instead (it needs the per-host adaptation below), and the headers a hit
 * otherwise gets.
 */
export function fastPathReach(deps: Pick<ReachDeps, "mirrors" | "trusted">) {
  return {
    needsApp(req: IncomingMessage): boolean {
      const snapshot = deps.mirrors.current();
      if (req.headers.host && snapshot.byHost(req.headers.host)) return true;
      if (req.headers["x-forwarded-prefix"] === undefined) return false;
      const peer = req.socket.remoteAddress;
      return peer !== undefined && deps.trusted.has(peer);
    },
    headers(req: IncomingMessage, contentType: string): Record<string, string> | undefined {
      if (!contentType.startsWith("text/html")) return undefined;
      const onion = onionLocationFor(deps.mirrors.current(), req.url ?? "/", undefined);
      return onion ? { "Onion-Location": onion } : undefined;
    },
  };
}

function fromTrustedProxy(c: Context, trusted: TrustedProxies): boolean {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)
    ?.incoming;
  const peer = resolveClientIp(incoming?.socket?.remoteAddress, null, trusted);
  return peer !== null && trusted.has(peer);
}

function decoded(body: Buffer, encoding: string | null): Buffer {
  if (encoding === "br") return brotliDecompressSync(body);
  if (encoding === "gzip") return gunzipSync(body);
  return body;
}

/**
 * Applies a request's reach to what the app answered. Registered outside the page cache
 * and the HTML compressor, so the cache only ever holds the host-independent page and
 * each mirror host's reader gets the same copy with their own prefix and footer line. The
 * adapted page gets its own ETag (the stored one plus a digest of what was applied), so
 * revalidation still answers 304 on mirrors.
 */
export function reachMiddleware(deps: ReachDeps): MiddlewareHandler {
  return async (c, next) => {
    const snapshot = deps.mirrors.current();
    const reach = requestReach(
      {
        host: c.req.header("host"),
        forwardedPrefix: c.req.header("x-forwarded-prefix"),
        fromTrustedProxy: fromTrustedProxy(c, deps.trusted),
      },
      snapshot,
    );
    await next();
    const res = c.res;
    const type = res.headers.get("Content-Type") ?? "";
    const isHtml = type.startsWith("text/html");
    const url = new URL(c.req.url);
    if (isHtml && c.req.method !== "POST") {
      const onion = onionLocationFor(snapshot, url.pathname + url.search, reach.mirror);
      if (onion) c.header("Onion-Location", onion);
    }
    if (reach === noReach) return;
    const location = res.headers.get("Location");
    if (reach.prefix && location && isRootRelative(location)) {
      c.header("Location", `${reach.prefix}${location}`);
    }
    const isFeed = reach.mirror !== undefined && feedType.test(type);
    if (!(isHtml || isFeed) || !res.body || (c.req.method !== "GET" && c.req.method !== "HEAD")) {
      return;
    }
    const edition = editionOfPath(url.pathname);
    const line =
      isHtml && reach.mirror && edition
        ? deps.mirrorLine(
            edition,
            reach.mirror,
            snapshot.forService(edition.id).filter((m) => m.id !== reach.mirror?.id),
          )
        : "";
    const identity = decoded(
      await responseBytes(res),
      res.headers.get("Content-Encoding"),
    ).toString("utf8");
    const origin = reach.mirror ? `${new URL(reach.mirror.url).origin}${reach.prefix}` : "";
    const page = Buffer.from(
      isFeed
        ? rewriteFeedLinks(identity, deps.publicUrl, origin)
        : // The line goes in first, so its own links get the prefix as well.
          prefixRootRelative(insertInFooter(identity, line), reach.prefix),
    );
    const headers = new Headers(res.headers);
    headers.delete("Content-Encoding");
    headers.delete("Content-Length");
    const etag = res.headers.get("ETag");
    if (etag) {
      const digest = createHash("sha256")
        .update(`${reach.prefix}\n${isFeed ? origin : line}`)
        .digest("base64url")
        .slice(0, 12);
      const variant = etag.replace(/"$/, `-${digest}"`);
      headers.set("ETag", variant);
      const ifNoneMatch = c.req.header("if-none-match") ?? "";
      if (ifNoneMatch.split(",").some((tag) => tag.trim() === variant)) {
        c.res = undefined as unknown as Response;
        c.res = new Response(null, { status: 304, headers });
        return;
      }
    }
    const coding = preferredCoding(c.req.header("accept-encoding"));
    const body = coding ? await compressAs(page, coding) : page;
    if (coding) headers.set("Content-Encoding", coding);
    headers.set("Content-Length", String(body.length));
    // Hono merges the old response's headers into a replacement: drop it first.
    c.res = undefined as unknown as Response;
    c.res = new Response(c.req.method === "HEAD" ? null : new Uint8Array(body), {
      status: res.status,
      headers,
    });
  };
}
