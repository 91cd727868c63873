import { createHash } from "node:crypto";
import { livePageScript } from "../render/reader/live-page-script.js";
import { liveScript } from "../render/reader/live-script.js";
import { videoScript } from "../render/reader/video-script.js";

const liveScriptHash = createHash("sha256").update(liveScript).digest("base64");
/** A live page's own script (new posts, edits, deletions), beside the shared one. */
const livePageScriptHash = createHash("sha256").update(livePageScript).digest("base64");
/** A video episode's script: hls.js on play where the browser has no native HLS. */
const videoScriptHash = createHash("sha256").update(videoScript).digest("base64");

/**
 * The reader pages' Content-Security-Policy: nothing loads from elsewhere; the only scripts
 * are our inline scripts, allowed by their hashes (CSP Level 3 hash-source), and what they
 * load themselves.
 */
const readerCsp = [
  "default-src 'none'",
  "img-src 'self' data:",
  // Episode players: our clips' files, and the `blob:` URL of the MediaSource hls.js plays
  // through (Media Source Extensions §3, createObjectURL).
  "media-src 'self' blob:",
  // The service's web app manifest (src/http/brand-routes.ts).
  "manifest-src 'self'",
  "style-src 'unsafe-inline'",
  // 'strict-dynamic' (CSP3 §8.2): a script one of the hashed scripts inserts runs (the video
  // script's hls.js from /_/hls/); markup can still insert none, not even one from our own
  // origin, which is narrower than 'self'. A source expression cannot name a path without a
  // host, and mirrors serve these pages under other hosts.
  `script-src 'sha256-${liveScriptHash}' 'sha256-${livePageScriptHash}' 'sha256-${videoScriptHash}' 'strict-dynamic'`,
  // hls.js transmuxes in a worker it starts from a `blob:` URL of its own code. Without this
  // directive workers fall back to script-src, where Chromium 156 lets 'strict-dynamic' admit
  // the worker; naming blob: alone says exactly what runs, and nothing else may be a worker.
  "worker-src blob:",
  // The stream events, and hls.js fetching playlists and segments of our clips.
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'self'",
].join("; ");

/**
 * HTTP Strict Transport Security (RFC 6797) for a site served over https: browsers then refuse
 * plain http for a year, subdomains included (ASVS 4.0.3 V14.4.5). Undefined over plain http,
 * where the header would be ignored by browsers (RFC 6797 section 7.2) and only mislead.
 */
export function strictTransportSecurity(publicUrl: string): string | undefined {
  return new URL(publicUrl).protocol === "https:"
    ? "max-age=31536000; includeSubDomains"
    : undefined;
}

/**
 * The security headers of every response, by its content type. One function for both the
 * app (app.tsx) and the page cache's replies (cached-response.ts), so a page served from
 * the cache carries exactly what the fresh render carried.
 *
 * `Content-Security-Policy` is the reader policy for HTML; a route that sets its own (the
 * newsroom app) keeps it, which is the caller's to honour (see `securityHeadersToSet`).
 */
export function securityHeaders(
  contentType: string | null | undefined,
  options: SecurityHeaderOptions = {},
): Record<string, string> {
  const headers: Record<string, string> = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
  };
  if (options.hsts) headers["Strict-Transport-Security"] = options.hsts;
  if (contentType?.startsWith("text/html")) headers["Content-Security-Policy"] = readerCsp;
  return headers;
}

/** What differs between deployments: HSTS only where the public URL is https. */
export interface SecurityHeaderOptions {
  readonly hsts?: string | undefined;
}

export function securityHeaderOptions(publicUrl: string): SecurityHeaderOptions {
  return { hsts: strictTransportSecurity(publicUrl) };
}

/** The security headers to set on a response: all of them, but a CSP already set stays. */
export function securityHeadersToSet(
  headers: Headers,
  options: SecurityHeaderOptions = {},
): Record<string, string> {
  const wanted = securityHeaders(headers.get("Content-Type"), options);
  if (headers.has("Content-Security-Policy")) delete wanted["Content-Security-Policy"];
  return wanted;
}
