/** Stable problem codes for media bytes kept outside the database (ADR 0014). */
export const mediaStoreProblemCatalogue = {
  MEDIA_KEY_INVALID: {
    status: 500,
    message:
      "A media object key is not a relative ASCII path of letters, digits, '.', '_' and '-' segments.",
  },
  MEDIA_STORE_UNAVAILABLE: {
    status: 503,
    message: "The media store cannot be reached or refused the request.",
  },
  MEDIA_OBJECT_MISMATCH: {
    status: 500,
    message: "A copied media object does not match its original (size or SHA-256).",
  },
  RANGE_NOT_SATISFIABLE: {
    status: 416,
    message: "The requested byte range is outside the file.",
  },
} as const;
