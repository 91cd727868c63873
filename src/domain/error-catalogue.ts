import { clipProblemCatalogue } from "./clips/clip-errors.js";
import { commentProblemCatalogue } from "./comments/comment-errors.js";
import { curationProblemCatalogue } from "./curation/curation-errors.js";
import { distributionProblemCatalogue } from "./distribution/distribution-errors.js";
import { episodeProblemCatalogue } from "./episodes/episode-errors.js";
import { liveProblemCatalogue } from "./live/live-errors.js";
import { mediaStoreProblemCatalogue } from "./media/media-store-errors.js";
import { mirrorProblemCatalogue } from "./mirrors/mirror-errors.js";
import { programmeProblemCatalogue } from "./programmes/programme-errors.js";
import { signingProblemCatalogue } from "./signing/signing-errors.js";
import { wireProblemCatalogue } from "./wire/wire-errors.js";

/**
 * The one error catalogue (after Fastify's `FST_ERR_*` in lib/errors.js). Every error a
 * caller can meet has a stable `code`, an HTTP status and a sentence for humans. Callers
 * branch on `code`, never on the message; the original error is kept as `cause`.
 */
export const errorCatalogue = {
  CONFIG_INVALID: { status: 500, message: "The configuration is invalid." },
  DB_UNREACHABLE: { status: 503, message: "The database cannot be reached." },
  VALIDATION_FAILED: { status: 400, message: "The request is not valid." },
  NOT_FOUND: { status: 404, message: "The resource does not exist." },
  SERVICE_NOT_FOUND: { status: 404, message: "There is no language service at this address." },
  STORY_NOT_FOUND: { status: 404, message: "The story does not exist." },
  MEDIA_NOT_FOUND: { status: 404, message: "The media asset does not exist." },
  REVISION_CONFLICT: {
    status: 409,
    message: "The story was changed by someone else since you opened it.",
  },
  INVALID_TRANSITION: {
    status: 409,
    message: "That workflow action is not possible in the story's current state.",
  },
  STORY_NOT_TRASHABLE: {
    status: 409,
    message:
      "Only a draft or a story in review that was never published can be moved to the trash.",
  },
  STORY_IN_TRASH: {
    status: 409,
    message: "The story is in the trash; restore it before changing it.",
  },
  UNKNOWN_REFERENCE: {
    status: 422,
    message:
      "The story refers to a person, desk, agency, section, topic, image or story that does not exist (or, for a story, that you may not see).",
  },
  MEDIA_UNSUPPORTED: {
    status: 415,
    message: "The file is not a JPEG, PNG, WebP or AVIF image.",
  },
  MEDIA_TOO_LARGE: { status: 413, message: "The file is too large." },
  FORBIDDEN: { status: 403, message: "You are not allowed to do that." },
  API_KEY_MISSING: {
    status: 401,
    message: "An API key is required: send it as 'Authorization: Bearer <key>'.",
  },
  API_KEY_INVALID: { status: 401, message: "The API key is not valid or has been revoked." },
  METRICS_TOKEN_INVALID: {
    status: 401,
    message: "The metrics endpoint needs 'Authorization: Bearer <METRICS_TOKEN>'.",
  },
  RATE_LIMITED: { status: 429, message: "Too many requests. Wait until Retry-After and retry." },
  CURSOR_INVALID: { status: 400, message: "The pagination cursor is not valid." },
  AUTH_REQUIRED: { status: 401, message: "Please log in to continue." },
  AUTH_FAILED: { status: 401, message: "The email address or password is not correct." },
  LOGIN_THROTTLED: {
    status: 429,
    message: "Too many failed log-in attempts. Please wait before trying again.",
  },
  ROUTE_UNDECLARED: {
    status: 403,
    message: "This route declares no action or scope, so it is refused.",
  },
  PAYLOAD_TOO_LARGE: { status: 413, message: "The request body is too large." },
  SECOND_FACTOR_ENROLMENT_REQUIRED: {
    status: 403,
    message: "Set up two-factor authentication before you continue.",
  },
  CSRF_FAILED: {
    status: 403,
    message: "The request did not come from a Newsdesk page. Reload the page and try again.",
  },
  USER_EXISTS: { status: 409, message: "An account with this email address already exists." },
  USER_NOT_FOUND: { status: 404, message: "The user does not exist." },
  PERSON_NOT_FOUND: { status: 404, message: "No person with that id is in the catalogue." },
  HTML_TOO_COMPLEX: {
    status: 400,
    message:
      "The HTML is nested too deeply, has too many elements or takes too long to convert into story text.",
  },
  PASSWORD_TOO_COMMON: {
    status: 422,
    message:
      "This password is on the list of passwords attackers try first. Choose a longer, less predictable one.",
  },
  PASSWORD_CONTAINS_EMAIL: {
    status: 422,
    message: "The password must not contain the account's email address.",
  },
  AUTH_SECOND_FACTOR_REQUIRED: {
    status: 401,
    message: "Enter the code from your authenticator app, or one of your recovery codes.",
  },
  AUTH_SECOND_FACTOR_FAILED: {
    status: 401,
    message: "The two-factor code is not correct, or it has already been used.",
  },
  REAUTHENTICATION_REQUIRED: {
    status: 403,
    message: "Confirm your password (and two-factor code, if you use one) to continue.",
  },
  REAUTHENTICATION_FAILED: {
    status: 403,
    message: "The password or two-factor code you entered is not correct.",
  },
  SECOND_FACTOR_CODE_INVALID: {
    status: 422,
    message:
      "The code does not match. Check that your phone's clock is right and enter the newest code.",
  },
  SECOND_FACTOR_NOT_PENDING: {
    status: 409,
    message: "Start setting up two-factor authentication before confirming it.",
  },
  SECOND_FACTOR_NOT_ENABLED: {
    status: 409,
    message: "Two-factor authentication is not turned on for this account.",
  },
  SECOND_FACTOR_ALREADY_ENABLED: {
    status: 409,
    message: "Two-factor authentication is already on. Turn it off first to set up a new device.",
  },
  ...wireProblemCatalogue,
  ...distributionProblemCatalogue,
  ...commentProblemCatalogue,
  ...curationProblemCatalogue,
  ...programmeProblemCatalogue,
  ...episodeProblemCatalogue,
  ...mediaStoreProblemCatalogue,
  ...liveProblemCatalogue,
  ...clipProblemCatalogue,
  ...mirrorProblemCatalogue,
  ...signingProblemCatalogue,
  TRANSLATION_NOT_FOUND: { status: 404, message: "The story is not a linked translation." },
  TRANSLATION_EXISTS: {
    status: 409,
    message: "The story already has a version in that language service.",
  },
  TRANSLATION_SAME_SERVICE: {
    status: 422,
    message: "A translation must go into another language service than its source.",
  },
  TRANSLATION_NOT_STALE: {
    status: 409,
    message: "The translation has no source changes to bring up to date or waive.",
  },
  CATALOG_KEY_TAKEN: {
    status: 409,
    message: "Another entry in this service already uses this slug or code.",
  },
  CATALOG_IN_USE: {
    status: 409,
    message: "Stories still refer to this entry; move them (or merge the topic) first.",
  },
  INTERNAL: { status: 500, message: "Something went wrong on our side." },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorCatalogue;

/**
 * An error from the catalogue. `C` narrows the code where a caller knows the family, e.g.
 * `NewsdeskError<WireErrorCode>` for a rejected wire file.
 */
export class NewsdeskError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C;
  readonly status: number;
  /** Structured details safe to show to the client (e.g. both versions in a conflict). */
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(
    code: C,
    options: { detail?: string; cause?: unknown; details?: Record<string, unknown> } = {},
  ) {
    const entry = errorCatalogue[code];
    super(options.detail ?? entry.message, { cause: options.cause });
    this.name = "NewsdeskError";
    this.code = code;
    this.status = entry.status;
    this.details = options.details;
  }

  /** The catalogue's sentence for the code, independent of any detail text. */
  get title(): string {
    return errorCatalogue[this.code].message;
  }
}

export function isNewsdeskError(value: unknown): value is NewsdeskError {
  return value instanceof NewsdeskError;
}
