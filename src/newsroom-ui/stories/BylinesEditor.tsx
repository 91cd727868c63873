import { useEffect, useId, useRef, useState } from "preact/hooks";
import type { Byline, BylineRole } from "../../domain/stories/story-schema.js";
import { bylineRoles } from "../../domain/stories/story-schema.js";
import type { MessageKey } from "../i18n/en.js";
import { useUiText } from "../i18n/ui-language.js";
import type { Catalog } from "../shared/api-schemas.js";
import { useApp } from "../shared/app-context.js";
import { Message } from "../shared/Message.js";
import { bylineName, hasByline, moveItem, removeItem } from "./story-draft.js";

const roleKeys: Record<BylineRole, MessageKey> = {
  author: "bylines.role.author",
  contributor: "bylines.role.contributor",
  photographer: "bylines.role.photographer",
  translator: "bylines.role.translator",
};

/**
 * Bylines are data (people and desks from the catalogue), kept in order: add, remove and
 * move up or down with buttons, never by dragging (WCAG 2.2 SC 2.5.7).
 */
export function BylinesEditor(props: {
  readonly bylines: readonly Byline[];
  readonly catalog: Catalog;
  readonly lang: string;
  readonly dir: "ltr" | "rtl";
  readonly onChange: (bylines: Byline[]) => void;
}) {
  const id = useId();
  const { t } = useUiText();
  const { session } = useApp();
  const { bylines, catalog, onChange } = props;
  // "Add me": the person the signed-in account writes as (linked in the Users screen), if it
  // is one of this service's people; otherwise the control says why and how to get one.
  const myPersonId = session.user.personId ?? null;
  const me = catalog.people.find((person) => person.id === myPersonId);
  const [choice, setChoice] = useState("");
  const [role, setRole] = useState<BylineRole>("author");
  const [message, setMessage] = useState("");
  const list = useRef<HTMLOListElement>(null);
  // After a move the row is re-ordered in the DOM, which drops focus; put it back on the
  // same button of the same byline so keyboard users can keep moving it.
  const [refocus, setRefocus] = useState<{ key: string; action: string } | null>(null);
  useEffect(() => {
    if (!refocus) return;
    list.current
      ?.querySelector<HTMLElement>(
        `[data-byline="${CSS.escape(refocus.key)}"] [data-action="${refocus.action}"]`,
      )
      ?.focus();
    setRefocus(null);
  }, [refocus]);

  const append = (byline: Byline): boolean => {
    if (hasByline(bylines, byline)) {
      setMessage(t("bylines.already", { name: bylineName(byline, catalog) }));
      return false;
    }
    onChange([...bylines, byline]);
    setMessage(t("bylines.added", { name: bylineName(byline, catalog) }));
    return true;
  };

  const add = (event: Event) => {
    event.preventDefault();
    const [kind, value] = choice.split(":", 2);
    if (!value) return;
    const byline: Byline =
      kind === "desk" ? { kind: "desk", deskId: value } : { kind: "person", personId: value, role };
    if (append(byline)) setChoice("");
  };

  return (
    <fieldset class="nr-bylines">
      <legend>{t("bylines.legend")}</legend>
      {bylines.length === 0 ? <p>{t("bylines.none")}</p> : null}
      <ol ref={list}>
        {bylines.map((byline, index) => {
          const name = bylineName(byline, catalog);
          const key = byline.kind === "person" ? `p:${byline.personId}` : `d:${byline.deskId}`;
          return (
            <li key={key} data-byline={key}>
              <span class="nr-byline-name" lang={props.lang} dir={props.dir}>
                {name}
              </span>
              {byline.kind === "person" ? (
                <>
                  <label class="nr-visually-hidden" for={`${id}-role-${index}`}>
                    <Message
                      text={t("bylines.roleOf")}
                      parts={{
                        // The name is content, in the story's language, not the interface's.
                        name: (
                          <bdi lang={props.lang} dir={props.dir}>
                            {name}
                          </bdi>
                        ),
                      }}
                    />
                  </label>
                  <select
                    id={`${id}-role-${index}`}
                    value={byline.role}
                    onChange={(event) => {
                      const next = [...bylines];
                      next[index] = { ...byline, role: event.currentTarget.value as BylineRole };
                      onChange(next);
                    }}
                  >
                    {bylineRoles.map((r) => (
                      <option key={r} value={r}>
                        {t(roleKeys[r])}
                      </option>
                    ))}
                  </select>
                </>
              ) : (
                <span class="nr-help"> {t("bylines.desk")}</span>
              )}
              <span class="nr-button-row">
                <button
                  type="button"
                  data-action="up"
                  aria-disabled={index === 0 ? "true" : undefined}
                  aria-label={t("bylines.moveUpLabel", { name })}
                  onClick={() => {
                    if (index === 0) return;
                    onChange(moveItem(bylines, index, -1));
                    setMessage(t("bylines.moved", { name, position: index }));
                    setRefocus({ key, action: "up" });
                  }}
                >
                  {t("bylines.moveUp")}
                </button>
                <button
                  type="button"
                  data-action="down"
                  aria-disabled={index === bylines.length - 1 ? "true" : undefined}
                  aria-label={t("bylines.moveDownLabel", { name })}
                  onClick={() => {
                    if (index === bylines.length - 1) return;
                    onChange(moveItem(bylines, index, 1));
                    setMessage(t("bylines.moved", { name, position: index + 2 }));
                    setRefocus({ key, action: "down" });
                  }}
                >
                  {t("bylines.moveDown")}
                </button>
                <button
                  type="button"
                  aria-label={t("bylines.removeLabel", { name })}
                  onClick={() => {
                    onChange(removeItem(bylines, index));
                    setMessage(t("bylines.removed", { name }));
                  }}
                >
                  {t("bylines.remove")}
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <div class="nr-inline-form">
        <label for={`${id}-add`}>{t("bylines.personOrDesk")}</label>
        <select
          id={`${id}-add`}
          value={choice}
          onChange={(event) => setChoice(event.currentTarget.value)}
        >
          <option value="">{t("bylines.choose")}</option>
          <optgroup label={t("bylines.people")}>
            {catalog.people.map((person) => (
              <option key={person.id} value={`person:${person.id}`}>
                {person.name}
                {person.title ? ` — ${person.title}` : ""}
              </option>
            ))}
          </optgroup>
          <optgroup label={t("bylines.desks")}>
            {catalog.desks.map((desk) => (
              <option key={desk.id} value={`desk:${desk.id}`}>
                {desk.name}
              </option>
            ))}
          </optgroup>
        </select>
        {choice.startsWith("person:") ? (
          <>
            <label for={`${id}-new-role`}>{t("bylines.as")}</label>
            <select
              id={`${id}-new-role`}
              value={role}
              onChange={(event) => setRole(event.currentTarget.value as BylineRole)}
            >
              {bylineRoles.map((r) => (
                <option key={r} value={r}>
                  {t(roleKeys[r])}
                </option>
              ))}
            </select>
          </>
        ) : null}
        <button type="button" onClick={add} disabled={choice === ""}>
          {t("bylines.add")}
        </button>
      </div>
      <div class="nr-inline-form">
        {me ? (
          <button
            type="button"
            aria-label={t("bylines.addMeLabel", { name: me.name })}
            onClick={() => append({ kind: "person", personId: me.id, role: "author" })}
          >
            {t("bylines.addMe")}
          </button>
        ) : (
          <p class="nr-help">
            {myPersonId === null ? t("bylines.meUnlinked") : t("bylines.meElsewhere")}
          </p>
        )}
      </div>
      <p class="nr-visually-hidden" role="status">
        {message}
      </p>
    </fieldset>
  );
}
