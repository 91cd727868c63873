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
 * HTTP Strict Transport Security (RFC 6797) for a site served over https: browsers then refuse
 * plain http for a year, subdomains included (ASVS 4.0.3 V14.4.5). Undefined over plain http,
 * where the header would be ignored by browsers (RFC 6797 section 7.2) and only mislead.
 */
export function strictTransportSecurity(publicUrl: string): string | undefined {
  return new URL(publicUrl).protocol === "https:"
    ? "max-age=31536000; includeSubDomains"
    : undefined;
}
