import { useEffect, useId, useRef, useState } from "preact/hooks";
import type { Byline, BylineRole } from "../domain/stories/story-schema.js";
import { bylineRoles } from "../domain/stories/story-schema.js";
import type { Catalog } from "./api-schemas.js";
import { bylineName, hasByline, moveItem, removeItem } from "./story-draft.js";

const roleLabels: Record<BylineRole, string> = {
  author: "Author",
  contributor: "Contributor",
  photographer: "Photographer",
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
  const { bylines, catalog, onChange } = props;
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

  const add = (event: Event) => {
    event.preventDefault();
    const [kind, value] = choice.split(":", 2);
    if (!value) return;
    const byline: Byline =
      kind === "desk" ? { kind: "desk", deskId: value } : { kind: "person", personId: value, role };
    if (hasByline(bylines, byline)) {
      setMessage(`${bylineName(byline, catalog)} is already in the bylines.`);
      return;
    }
    onChange([...bylines, byline]);
    setMessage(`Added ${bylineName(byline, catalog)}.`);
    setChoice("");
  };

  return (
    <fieldset class="nr-bylines">
      <legend>Bylines (in the order readers see them)</legend>
      {bylines.length === 0 ? <p>No bylines yet.</p> : null}
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
                    Role of {name}
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
                        {roleLabels[r]}
                      </option>
                    ))}
                  </select>
                </>
              ) : (
                <span class="nr-help"> (desk)</span>
              )}
              <span class="nr-button-row">
                <button
                  type="button"
                  data-action="up"
                  aria-disabled={index === 0 ? "true" : undefined}
                  aria-label={`Move ${name} up`}
                  onClick={() => {
                    if (index === 0) return;
                    onChange(moveItem(bylines, index, -1));
                    setMessage(`${name} moved to position ${index}.`);
                    setRefocus({ key, action: "up" });
                  }}
                >
                  Move up
                </button>
                <button
                  type="button"
                  data-action="down"
                  aria-disabled={index === bylines.length - 1 ? "true" : undefined}
                  aria-label={`Move ${name} down`}
                  onClick={() => {
                    if (index === bylines.length - 1) return;
                    onChange(moveItem(bylines, index, 1));
                    setMessage(`${name} moved to position ${index + 2}.`);
                    setRefocus({ key, action: "down" });
                  }}
                >
                  Move down
                </button>
                <button
                  type="button"
                  aria-label={`Remove ${name}`}
                  onClick={() => {
                    onChange(removeItem(bylines, index));
                    setMessage(`Removed ${name}.`);
                  }}
                >
                  Remove
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <div class="nr-inline-form">
        <label for={`${id}-add`}>Person or desk</label>
        <select
          id={`${id}-add`}
          value={choice}
          onChange={(event) => setChoice(event.currentTarget.value)}
        >
          <option value="">Choose…</option>
          <optgroup label="People">
            {catalog.people.map((person) => (
              <option key={person.id} value={`person:${person.id}`}>
                {person.name}
                {person.title ? ` — ${person.title}` : ""}
              </option>
            ))}
          </optgroup>
          <optgroup label="Desks">
            {catalog.desks.map((desk) => (
              <option key={desk.id} value={`desk:${desk.id}`}>
                {desk.name}
              </option>
            ))}
          </optgroup>
        </select>
        {choice.startsWith("person:") ? (
          <>
            <label for={`${id}-new-role`}>as</label>
            <select
              id={`${id}-new-role`}
              value={role}
              onChange={(event) => setRole(event.currentTarget.value as BylineRole)}
            >
              {bylineRoles.map((r) => (
                <option key={r} value={r}>
                  {roleLabels[r]}
                </option>
              ))}
            </select>
          </>
        ) : null}
        <button type="button" onClick={add} disabled={choice === ""}>
          Add byline
        </button>
      </div>
      <p class="nr-visually-hidden" role="status">
        {message}
      </p>
    </fieldset>
  );
}
