import { useEffect, useId, useRef, useState } from "preact/hooks";
import { maxCommentLength } from "../../domain/comments/comment-schema.js";
import { useUiText } from "../i18n/ui-language.js";
import { useApp } from "../shared/app-context.js";
import { type MentionPerson, mentionable } from "./comments-api.js";
import { insertMention, mentionQueryAt } from "./mention-text.js";

/**
 * A comment field where typing "@" offers the people who can see the story (search as you
 * type). The list follows the ARIA listbox pattern with the field keeping focus
 * (`aria-activedescendant`): arrow keys move, Enter or Tab choose, Escape closes.
 */
export function MentionField(props: {
  readonly storyId: string;
  readonly label: string;
  readonly value: string;
  readonly onInput: (value: string) => void;
  /** Someone was chosen from the list. */
  readonly onMention: (person: MentionPerson) => void;
  readonly rows?: number;
  readonly autoFocus?: boolean;
}) {
  const { api } = useApp();
  const { t } = useUiText();
  const id = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  const asked = useRef(0);
  const [typing, setTyping] = useState<{ start: number; query: string } | null>(null);
  const [people, setPeople] = useState<MentionPerson[]>([]);
  const [active, setActive] = useState(0);
  const [announcement, setAnnouncement] = useState("");

  useEffect(() => {
    if (props.autoFocus) field.current?.focus();
  }, [props.autoFocus]);

  const lookUp = async (query: string) => {
    const ask = ++asked.current;
    try {
      const found = await mentionable(api, props.storyId, query);
      if (ask !== asked.current) return;
      setPeople(found);
      setActive(0);
      setAnnouncement(
        found.length === 0
          ? t("comments.mentionNone")
          : t("comments.mentionCount", { count: found.length }),
      );
    } catch {
      if (ask === asked.current) setPeople([]);
    }
  };

  const close = () => {
    asked.current++;
    setTyping(null);
    setPeople([]);
  };

  const follow = (element: HTMLTextAreaElement) => {
    const found = mentionQueryAt(element.value, element.selectionStart ?? element.value.length);
    setTyping(found);
    if (found) void lookUp(found.query);
    else close();
  };

  const choose = (person: MentionPerson) => {
    const element = field.current;
    if (!element || !typing) return;
    const caret = element.selectionStart ?? element.value.length;
    const next = insertMention(element.value, typing.start, caret, person.displayName);
    props.onInput(next.text);
    props.onMention(person);
    close();
    setAnnouncement(t("comments.mentioned", { name: person.displayName }));
    requestAnimationFrame(() => {
      element.focus();
      element.setSelectionRange(next.caret, next.caret);
    });
  };

  const open = typing !== null && people.length > 0;
  const listId = `${id}-people`;
  const optionId = (index: number) => `${id}-person-${index}`;

  return (
    <div class="nr-field nr-mention-field">
      <label for={`${id}-text`}>{props.label}</label>
      <textarea
        id={`${id}-text`}
        ref={field}
        rows={props.rows ?? 3}
        maxLength={maxCommentLength}
        required
        dir="auto"
        value={props.value}
        aria-describedby={`${id}-hint`}
        aria-autocomplete="list"
        {...(open ? { "aria-controls": listId } : {})}
        {...(open ? { "aria-activedescendant": optionId(active) } : {})}
        onInput={(event) => {
          props.onInput(event.currentTarget.value);
          follow(event.currentTarget);
        }}
        onClick={(event) => follow(event.currentTarget)}
        onBlur={() => setTimeout(close, 150)}
        onKeyDown={(event) => {
          if (!open) return;
          if (event.key === "ArrowDown" || event.key === "ArrowUp") {
            event.preventDefault();
            const step = event.key === "ArrowDown" ? 1 : -1;
            setActive((active + step + people.length) % people.length);
          } else if (event.key === "Enter" || event.key === "Tab") {
            const person = people[active];
            if (person) {
              event.preventDefault();
              choose(person);
            }
          } else if (event.key === "Escape") {
            event.preventDefault();
            close();
          }
        }}
      />
      <p id={`${id}-hint`} class="nr-hint">
        {t("comments.textHint")}
      </p>
      {open ? (
        <div id={listId} role="listbox" class="nr-mention-list" aria-label={t("comments.people")}>
          {people.map((person, index) => (
            // biome-ignore lint/a11y/useKeyWithClickEvents: the keys are the field's (aria-activedescendant): it keeps the focus.
            <div
              key={person.id}
              id={optionId(index)}
              role="option"
              tabIndex={-1}
              aria-selected={index === active}
              class={index === active ? "nr-mention-active" : undefined}
              // Keep the focus in the field while choosing with the pointer.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(person)}
            >
              <bdi>{person.displayName}</bdi>
            </div>
          ))}
        </div>
      ) : null}
      <p role="status" class="nr-visually-hidden">
        {announcement}
      </p>
    </div>
  );
}
