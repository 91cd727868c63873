/**
 * The wire-ingest error catalogue. Every rejection of an agency file carries one of these
 * stable codes; the quarantine list, logs and the API branch on `code`, never on `message`.
 * `httpStatus` is what the push endpoint should answer when it rejects a body.
 */
export const wireErrorCatalogue = {
  WIRE_TOO_LARGE: {
    httpStatus: 413,
    message: "The file is larger than the configured size limit for wire items.",
  },
  WIRE_EMPTY: { httpStatus: 400, message: "The file is empty." },
  WIRE_ENCODING: {
    httpStatus: 415,
    message: "The file's character encoding is wrong, undeclared or not supported.",
  },
  WIRE_MALFORMED_XML: { httpStatus: 400, message: "The file is not well-formed XML." },
  WIRE_MALFORMED_JSON: { httpStatus: 400, message: "The file is not valid JSON." },
  WIRE_EXTERNAL_ENTITY: {
    httpStatus: 400,
    message:
      "The XML declares an external entity (an XXE attempt or a legacy DTD trick); it was refused.",
  },
  WIRE_ENTITY_EXPANSION: {
    httpStatus: 400,
    message:
      "The XML declares internal entities, which could expand without bound; it was refused.",
  },
  WIRE_TOO_DEEP: {
    httpStatus: 400,
    message:
      "The document is nested too deeply, has too many elements or takes too long to read to be a news item.",
  },
  WIRE_UNKNOWN_FORMAT: {
    httpStatus: 415,
    message:
      "The file is not in a wire format Newsdesk reads (ninjs, NewsML, NITF, RSS, Atom, JSON Feed).",
  },
  WIRE_MISSING_FIELD: {
    httpStatus: 422,
    message: "The item lacks a field that is required to ingest it.",
  },
  WIRE_UNSUPPORTED_ITEM: {
    httpStatus: 422,
    message: "The item is of a kind Newsdesk does not ingest as wire copy.",
  },
  WIRE_INVALID_ITEM: {
    httpStatus: 422,
    message: "The item could not be mapped to a valid wire item.",
  },
  WIRE_INTERNAL: {
    httpStatus: 500,
    message: "An unexpected error occurred while parsing the file.",
  },
} as const satisfies Record<string, { httpStatus: number; message: string }>;

export type WireErrorCode = keyof typeof wireErrorCatalogue;

export const wireErrorCodes = Object.keys(wireErrorCatalogue) as WireErrorCode[];

/** A rejected wire file or item. `detail` says what exactly was wrong, for the quarantine list. */
export class WireError extends Error {
  override readonly name = "WireError";
  readonly code: WireErrorCode;
  readonly httpStatus: number;
  readonly detail: string;

  constructor(code: WireErrorCode, detail: string, options?: { cause?: unknown }) {
    const entry = wireErrorCatalogue[code];
    super(`${entry.message} ${detail}`.trim(), options);
    this.code = code;
    this.httpStatus = entry.httpStatus;
    this.detail = detail;
  }
}

export function isWireError(value: unknown): value is WireError {
  return value instanceof WireError;
}

type ProblemEntries<T extends Record<string, { httpStatus: number; message: string }>> = {
  readonly [K in keyof T]: {
    readonly status: T[K]["httpStatus"];
    readonly message: T[K]["message"];
  };
};

function asProblemEntries<T extends Record<string, { httpStatus: number; message: string }>>(
  catalogue: T,
): ProblemEntries<T> {
  return Object.fromEntries(
    Object.entries(catalogue).map(([code, entry]) => [
      code,
      { status: entry.httpStatus, message: entry.message },
    ]),
  ) as ProblemEntries<T>;
}

/**
 * The wire desk's entries of the one error catalogue (`error-catalogue.ts` spreads them in),
 * so `problemResponse` and `NewsdeskError` know every wire code: the file rejections above
 * (the push endpoint answers with their status) and the errors of the wire services.
 */
export const wireProblemCatalogue = {
  ...asProblemEntries(wireErrorCatalogue),
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
