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
