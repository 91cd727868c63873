import type { WireError } from "./wire-errors.js";
import type { WireItem, WireSkip } from "./wire-item-schema.js";

/** One agency file to parse, and what the transport said about it. */
export interface WireParseRequest {
  readonly bytes: Uint8Array;
  /** The HTTP Content-Type, whose `charset` overrides the XML declaration (RFC 7303 3.3). */
  readonly contentType?: string;
  /** For messages only; the format is sniffed from the content. */
  readonly filename?: string;
  readonly maxBytes?: number;
  /** HTTP Content-Language, the last fallback for a feed's language. */
  readonly contentLanguage?: string;
}

export type WireParseOutcome =
  | {
      readonly ok: true;
      readonly format: string;
      readonly items: WireItem[];
      readonly skipped: WireSkip[];
      readonly warnings: string[];
    }
  | { readonly ok: false; readonly error: WireError };

/**
 * What the wire desk needs from the format adapters (src/ingest/wire-parser.ts), injected
 * so the domain never imports ingest code. Production parses in a worker thread with a
 * time limit (src/ingest/wire-parse-thread.ts), so no file holds the event loop (issue 10,
 * item 5). Never rejects for bad input: failures come back as `ok: false`.
 */
export interface WireDocumentParser {
  parse(request: WireParseRequest): Promise<WireParseOutcome>;
}
