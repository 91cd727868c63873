import { createHash } from "node:crypto";
import { liveScript } from "../render/reader/live-script.js";

const liveScriptHash = createHash("sha256").update(liveScript).digest("base64");

/**
 * The reader pages' Content-Security-Policy: nothing loads from elsewhere; the only script
 * is our inline live-update script, allowed by its hash (CSP Level 3 hash-source).
 */
export const readerCsp = [
  "default-src 'none'",
  "img-src 'self' data:",
  "style-src 'unsafe-inline'",
  `script-src 'sha256-${liveScriptHash}'`,
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'self'",
].join("; ");

/**
 * The security headers of every response, by its content type. One function for both the
 * app (app.tsx) and the page cache's replies (cached-response.ts), so a page served from
 * the cache carries exactly what the fresh render carried (issue 10, item 13).
 *
 * `Content-Security-Policy` is the reader policy for HTML; a route that sets its own (the
 * newsroom app) keeps it, which is the caller's to honour (see `securityHeadersToSet`).
 */
export function securityHeaders(contentType: string | null | undefined): Record<string, string> {
  const headers: Record<string, string> = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
  };
  if (contentType?.startsWith("text/html")) headers["Content-Security-Policy"] = readerCsp;
  return headers;
}

/** The security headers to set on a response: all of them, but a CSP already set stays. */
export function securityHeadersToSet(headers: Headers): Record<string, string> {
  const wanted = securityHeaders(headers.get("Content-Type"));
  if (headers.has("Content-Security-Policy")) delete wanted["Content-Security-Policy"];
  return wanted;
}
