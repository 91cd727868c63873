import { useUiText } from "../i18n/ui-language.js";
import { auditActionKey } from "./audit-labels.js";

/** An audit action by its readable name; a code this interface does not know stays a code. */
export function AuditActionName(props: { readonly action: string }) {
  const { t } = useUiText();
  const key = auditActionKey(props.action);
  return key ? <>{t(key)}</> : <code dir="ltr">{props.action}</code>;
}
