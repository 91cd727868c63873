import { translate, type UiLanguage } from "../i18n/ui-language.js";
import { errorMessage, isApiError } from "./api-client.js";

/** The sentence for a failed sign-in; 429 LOGIN_THROTTLED says how long to wait. */
export function loginErrorText(error: unknown, lang: UiLanguage = "en"): string {
  if (isApiError(error)) {
    if (error.code === "LOGIN_THROTTLED") {
      const wait =
        error.retryAfterSeconds !== null
          ? translate(lang, "login.tryAgainIn", { wait: waitText(error.retryAfterSeconds, lang) })
          : translate(lang, "login.tryAgainLater");
      return `${translate(lang, "login.throttled")} ${wait}`;
    }
    if (error.code === "AUTH_FAILED") return translate(lang, "login.failed");
    if (error.code === "AUTH_SECOND_FACTOR_REQUIRED")
      return translate(lang, "login.secondFactorNeeded");
    if (error.code === "AUTH_SECOND_FACTOR_FAILED")
      return translate(lang, "login.secondFactorFailed");
  }
  return errorMessage(error);
}

function waitText(seconds: number, lang: UiLanguage): string {
  if (seconds === 1) return translate(lang, "login.oneSecond");
  if (seconds < 90) return translate(lang, "login.seconds", { count: seconds });
  return translate(lang, "login.minutes", { count: Math.ceil(seconds / 60) });
}
