import { translate, type UiLanguage } from "../i18n/ui-language.js";
import { errorMessage, isApiError } from "../shared/api-client.js";

/**
 * A refused password in the interface language (422 PASSWORD_TOO_COMMON, 422
 * PASSWORD_CONTAINS_EMAIL: NIST SP 800-63B §5.1.1.2 screening); any other failure keeps the
 * server's sentence.
 */
export function passwordErrorText(error: unknown, lang: UiLanguage = "en"): string {
  if (isApiError(error)) {
    if (error.code === "PASSWORD_TOO_COMMON") return translate(lang, "password.tooCommon");
    if (error.code === "PASSWORD_CONTAINS_EMAIL") return translate(lang, "password.containsEmail");
  }
  return errorMessage(error);
}
