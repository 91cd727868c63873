/**
 * The wire-ingest rejections. Every rejection of an agency file or item carries one of these
 * stable codes; the quarantine list, logs and the API branch on `code`, never on `message`.
 * `status` is what the push endpoint answers when it rejects a body. Parsers throw them as
 * `NewsdeskError`s (`error-catalogue.ts` spreads `wireProblemCatalogue` in).
 */
export const wireErrorCatalogue = {
  WIRE_TOO_LARGE: {
    status: 413,
    message: "The file is larger than the configured size limit for wire items.",
  },
  WIRE_EMPTY: { status: 400, message: "The file is empty." },
  WIRE_ENCODING: {
    status: 415,
    message: "The file's character encoding is wrong, undeclared or not supported.",
  },
  WIRE_MALFORMED_XML: { status: 400, message: "The file is not well-formed XML." },
  WIRE_MALFORMED_JSON: { status: 400, message: "The file is not valid JSON." },
  WIRE_EXTERNAL_ENTITY: {
    status: 400,
    message:
      "The XML declares an external entity (an XXE attempt or a legacy DTD trick); it was refused.",
  },
  WIRE_ENTITY_EXPANSION: {
    status: 400,
    message:
      "The XML declares internal entities, which could expand without bound; it was refused.",
  },
  WIRE_TOO_DEEP: {
    status: 400,
    message:
      "The document is nested too deeply, has too many elements or takes too long to read to be a news item.",
  },
  WIRE_UNKNOWN_FORMAT: {
    status: 415,
    message:
      "The file is not in a wire format Newsdesk reads (ninjs, NewsML, NITF, RSS, Atom, JSON Feed).",
  },
  WIRE_MISSING_FIELD: {
    status: 422,
    message: "The item lacks a field that is required to ingest it.",
  },
  WIRE_UNSUPPORTED_ITEM: {
    status: 422,
    message: "The item is of a kind Newsdesk does not ingest as wire copy.",
  },
  WIRE_INVALID_ITEM: {
    status: 422,
    message: "The item could not be mapped to a valid wire item.",
  },
  WIRE_INTERNAL: {
    status: 500,
    message: "An unexpected error occurred while parsing the file.",
  },
} as const satisfies Record<string, { status: number; message: string }>;

export type WireErrorCode = keyof typeof wireErrorCatalogue;

/** True for the codes of a rejected wire file or item (not the wire services' other errors). */
export function isWireErrorCode(code: string): code is WireErrorCode {
  return Object.hasOwn(wireErrorCatalogue, code);
}

/**
 * The wire desk's entries of the one error catalogue (`error-catalogue.ts` spreads them in),
 * so `problemResponse` and `NewsdeskError` know every wire code: the file rejections above
 * (the push endpoint answers with their status) and the errors of the wire services.
 */
export const wireProblemCatalogue = {
  ...wireErrorCatalogue,
  WIRE_SOURCE_NOT_FOUND: { status: 404, message: "The wire source does not exist." },
  WIRE_ITEM_NOT_FOUND: { status: 404, message: "The wire item does not exist." },
  WIRE_FLAG_NOT_FOUND: { status: 404, message: "The wire flag does not exist." },
  WIRE_ITEM_NOT_USABLE: {
    status: 409,
    message: "The agency has withheld or canceled this wire item; it cannot be used in a story.",
  },
  WIRE_PUSH_UNAUTHORIZED: {
    status: 401,
    message: "The push request lacks a valid bearer token for this wire source.",
  },
  WIRE_SOURCE_UNREACHABLE: {
    status: 502,
    message: "The wire source could not be fetched.",
  },
  WIRE_URL_PRIVATE: {
    status: 422,
    message:
      "The source URL points at a private, loopback, link-local or otherwise non-public address; wire feeds must be on the public internet.",
  },
  WIRE_DROP_DISABLED: {
    status: 422,
    message:
      "Drop-directory sources are off on this server: the operator has configured no drop roots (WIRE_DROP_ROOTS).",
  },
  WIRE_PATH_OUTSIDE_ROOTS: {
    status: 422,
    message:
      "The directory is outside the drop roots the operator configured (WIRE_DROP_ROOTS), once symbolic links are resolved.",
  },
  WIRE_PATH_NOT_FOUND: {
    status: 422,
    message: "The directory does not exist inside the drop roots, or is not a directory.",
  },
} as const;
