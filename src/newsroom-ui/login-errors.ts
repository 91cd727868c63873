import { errorMessage, isApiError } from "./api-client.js";

/** The sentence for a failed sign-in; 429 LOGIN_THROTTLED says how long to wait. */
export function loginErrorText(error: unknown): string {
  if (isApiError(error)) {
    if (error.code === "LOGIN_THROTTLED") {
      const wait =
        error.retryAfterSeconds !== null
          ? ` Try again in ${waitText(error.retryAfterSeconds)}.`
          : " Try again later.";
      return `Too many failed sign-in attempts, so signing in is paused for this account or network.${wait}`;
    }
    if (error.code === "AUTH_FAILED") return "The email address or password is not correct.";
  }
  return errorMessage(error);
}

function waitText(seconds: number): string {
  if (seconds < 90) return `${seconds} ${seconds === 1 ? "second" : "seconds"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minutes`;
}
