import { isNewsdeskError, type NewsdeskError } from "../error-catalogue.js";
import { isWireErrorCode, type WireErrorCode } from "./wire-errors.js";
import type { WireItem, WireSkip } from "./wire-item-schema.js";

/** The size limit of one wire file when its source sets none (10 MiB). */
export const DEFAULT_MAX_WIRE_BYTES = 10 * 1024 * 1024;

export type WireDocumentFormat =
  | "ninjs"
  | "newsml-g2"
  | "newsml-1"
  | "nitf"
  | "rss"
  | "atom"
  | "json-feed";

/** One agency file to parse, and what the transport said about it. */
export interface WireParseRequest {
  readonly bytes: Uint8Array;
  /** The HTTP Content-Type, whose `charset` overrides the XML declaration (RFC 7303 3.3). */
  readonly contentType?: string;
  /** For messages only; the format is sniffed from the content, never from the name. */
  readonly filename?: string;
  /** Defaults to `DEFAULT_MAX_WIRE_BYTES`. */
  readonly maxBytes?: number;
  /** HTTP Content-Language, the last fallback for a feed's language. */
  readonly contentLanguage?: string;
}

/**
 * A rejected wire file or item: a catalogue error with one of the wire-ingest codes. Its
 * message is the detail (what exactly was wrong); `title` is the catalogue's sentence.
 */
export type WireRejection = NewsdeskError<WireErrorCode>;

export function isWireRejection(value: unknown): value is WireRejection {
  return isNewsdeskError(value) && isWireErrorCode(value.code);
}

export type WireParseResult =
  | {
      readonly ok: true;
      readonly format: WireDocumentFormat;
      readonly items: WireItem[];
      readonly skipped: WireSkip[];
      /** Document-level deviations tolerated while reading (item-level ones are on items). */
      readonly warnings: string[];
    }
  | { readonly ok: false; readonly error: WireRejection };

/**
 * What the wire desk needs from the format adapters (src/ingest/wire-parser.ts), injected
 * so the domain never imports ingest code. Production parses in a worker thread with a
 * time limit (src/ingest/wire-parse-thread.ts), so no file holds the event loop. Never rejects for bad input: failures come back as `ok: false`.
 */
export interface WireDocumentParser {
  parse(request: WireParseRequest): Promise<WireParseResult>;
}
