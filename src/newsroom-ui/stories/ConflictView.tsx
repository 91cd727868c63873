import type { ComponentChildren } from "preact";
import { useId, useMemo, useState } from "preact/hooks";
import type { StoryBlock } from "../../domain/stories/story-body-schema.js";
import {
  type BlockConflict,
  blockText,
  type FieldConflict,
  type MergeConflict,
  type MergeField,
  mergeStories,
  type Resolution,
  resolveMerge,
  type SeoField,
} from "../../domain/stories/story-merge.js";
import type { MessageKey } from "../i18n/en.js";
import { useUiText } from "../i18n/ui-language.js";
import type { Catalog, Conflict, Content } from "../shared/api-schemas.js";
import { EmbeddedStoryName } from "../shared/EmbeddedStory.js";
import { ErrorMessage } from "../shared/Notice.js";
import { ContentView } from "./ContentView.js";
import { bylineName } from "./story-draft.js";

type Choice = Resolution["choice"];

const fieldLabels: Record<MergeField, MessageKey> = {
  headline: "content.headline",
  standfirst: "content.standfirst",
  dateline: "content.dateline",
  slug: "content.slug",
  section: "content.section",
  leadFigure: "content.leadImage",
  topics: "content.topics",
  bylines: "content.bylines",
  agencies: "content.agencies",
};

const seoLabels: Record<SeoField, MessageKey> = {
  title: "writing.seo.title",
  description: "writing.seo.description",
  socialTitle: "writing.seo.socialTitle",
  socialDescription: "writing.seo.socialDescription",
  socialImageId: "writing.seo.socialImage",
};

/**
 * Shown on 409 REVISION_CONFLICT: someone saved since this editor loaded. The refused version
 * is already kept by the server as a "not merged" revision (ADR 0013). Changes made on one
 * side only are merged three ways against the common base; each change made on both sides
 * (a field, or a stretch of body blocks) is a radio group: mine, theirs, or written anew.
 * "Keep mine" and "Take theirs" still settle the whole story at once.
 */
export function ConflictView(props: {
  readonly conflict: Conflict;
  readonly catalog: Catalog | null;
  readonly lang: string;
  readonly dir: "ltr" | "rtl";
  readonly busy: boolean;
  readonly onSaveMerged: (content: Content) => void;
  readonly onKeepMine: () => void;
  readonly onTakeTheirs: () => void;
}) {
  const { conflict } = props;
  const { t, dateTime } = useUiText();
  const id = useId();
  const number = conflict.currentRevision.number;
  const kept = conflict.notMergedRevision.number;
  const theirs: Content = conflict.currentRevision.content;
  const mine: Content = conflict.yourContent;
  const merge = useMemo(
    () => mergeStories(conflict.baseRevision?.content ?? null, mine, theirs),
    [conflict.baseRevision, mine, theirs],
  );
  const [choices, setChoices] = useState<Readonly<Record<string, Choice>>>({});
  const [texts, setTexts] = useState<Readonly<Record<string, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const unanswered = merge.conflicts.filter((c) => choices[c.id] === undefined);

  const label = (c: MergeConflict): string =>
    c.kind === "field"
      ? t(fieldLabels[c.id])
      : c.kind === "seo"
        ? t(seoLabels[c.field])
        : blocksLabel(c, t);

  const submit = (event: Event) => {
    event.preventDefault();
    const first = unanswered[0];
    if (first) {
      setError(t("merge.unanswered", { count: unanswered.length }));
      document.getElementById(`${id}-${first.id}-mine`)?.focus();
      return;
    }
    setError(null);
    const resolutions = new Map<string, Resolution>(
      merge.conflicts.map((c): [string, Resolution] => {
        const choice = choices[c.id] ?? "mine";
        return [
          c.id,
          choice === "edit" ? { choice, text: texts[c.id] ?? editStart(c) } : { choice },
        ];
      }),
    );
    props.onSaveMerged(resolveMerge(merge, resolutions));
  };

  return (
    <section class="nr-conflict" aria-labelledby="conflict-heading">
      <h2 id="conflict-heading" tabIndex={-1}>
        {t("conflict.heading")}
      </h2>
      <p>
        {t("merge.intro", { number, kept, time: dateTime(conflict.currentRevision.createdAt) })}
      </p>
      <p>
        {merge.conflicts.length === 0
          ? t("merge.nothingToChoose")
          : t("merge.summary", { merged: merge.autoMerged, conflicts: merge.conflicts.length })}
      </p>
      <form class="nr-merge" aria-label={t("merge.formLabel")} onSubmit={submit} noValidate>
        {merge.conflicts.length > 0 ? <h3>{t("merge.choicesHeading")}</h3> : null}
        {merge.conflicts.map((c) => {
          const name = `${id}-${c.id}`;
          const choice = choices[c.id];
          const choose = (next: Choice) => setChoices((current) => ({ ...current, [c.id]: next }));
          const editable = c.kind === "blocks" ? c.editText !== null : c.editable;
          return (
            <fieldset key={c.id} class="nr-merge-choice">
              <legend>{label(c)}</legend>
              <Option
                id={`${name}-mine`}
                name={name}
                checked={choice === "mine"}
                onChoose={() => choose("mine")}
                title={t("merge.mine")}
                lang={props.lang}
                dir={props.dir}
              >
                <SideValue conflict={c} side="mine" catalog={props.catalog} />
              </Option>
              <Option
                id={`${name}-theirs`}
                name={name}
                checked={choice === "theirs"}
                onChoose={() => choose("theirs")}
                title={t("merge.theirs", { number })}
                lang={props.lang}
                dir={props.dir}
              >
                <SideValue conflict={c} side="theirs" catalog={props.catalog} />
              </Option>
              {editable ? (
                <Option
                  id={`${name}-edit`}
                  name={name}
                  checked={choice === "edit"}
                  onChoose={() => choose("edit")}
                  title={t("merge.edit")}
                  lang={props.lang}
                  dir={props.dir}
                />
              ) : null}
              {choice === "edit" ? (
                <div class="nr-field">
                  <label for={`${name}-text`}>{t("merge.editLabel", { field: label(c) })}</label>
                  {c.kind === "blocks" ? (
                    <p class="nr-help" id={`${name}-help`}>
                      {t("merge.editHelp")}
                    </p>
                  ) : null}
                  <textarea
                    id={`${name}-text`}
                    lang={props.lang}
                    dir={props.dir}
                    rows={c.kind === "blocks" ? 6 : 2}
                    maxLength={c.kind === "blocks" ? 200_000 : 1000}
                    aria-describedby={c.kind === "blocks" ? `${name}-help` : undefined}
                    value={texts[c.id] ?? editStart(c)}
                    onInput={(event) => {
                      const value = event.currentTarget.value;
                      setTexts((current) => ({ ...current, [c.id]: value }));
                    }}
                  />
                </div>
              ) : null}
            </fieldset>
          );
        })}
        <ErrorMessage message={error} />
        <div class="nr-button-row">
          <button type="submit" class="nr-primary" disabled={props.busy}>
            {t("merge.save")}
          </button>
          <button type="button" disabled={props.busy} onClick={props.onKeepMine}>
            {t("conflict.keepMine")}
          </button>
          <button type="button" disabled={props.busy} onClick={props.onTakeTheirs}>
            {t("conflict.takeTheirs")}
          </button>
        </div>
        <p class="nr-help">{t("merge.help")}</p>
      </form>
      <h3>{t("merge.compareHeading")}</h3>
      <div class="nr-side-by-side">
        <section aria-labelledby="conflict-mine">
          <h4 id="conflict-mine">{t("merge.mineWhole", { kept })}</h4>
          <ContentView
            content={mine}
            other={theirs}
            catalog={props.catalog}
            lang={props.lang}
            dir={props.dir}
          />
        </section>
        <section aria-labelledby="conflict-theirs">
          <h4 id="conflict-theirs">{t("conflict.theirs", { number })}</h4>
          <ContentView
            content={theirs}
            other={mine}
            catalog={props.catalog}
            lang={props.lang}
            dir={props.dir}
          />
        </section>
      </div>
    </section>
  );
}

/** One radio of a conflict: its name, and the version's value as part of its label. */
function Option(props: {
  readonly id: string;
  readonly name: string;
  readonly checked: boolean;
  readonly onChoose: () => void;
  readonly title: string;
  readonly lang: string;
  readonly dir: "ltr" | "rtl";
  readonly children?: ComponentChildren;
}) {
  return (
    <div class="nr-merge-option">
      <input
        type="radio"
        id={props.id}
        name={props.name}
        checked={props.checked}
        onChange={props.onChoose}
      />
      <label for={props.id}>
        <span class="nr-merge-side">{props.title}</span>
        {props.children ? (
          <span class="nr-merge-value" lang={props.lang} dir={props.dir}>
            {props.children}
          </span>
        ) : null}
      </label>
    </div>
  );
}

/** A version's side of a conflict as readable text. */
function SideValue(props: {
  readonly conflict: MergeConflict;
  readonly side: "mine" | "theirs";
  readonly catalog: Catalog | null;
}) {
  const { t } = useUiText();
  const { conflict, side, catalog } = props;
  if (conflict.kind === "blocks") {
    const blocks: readonly StoryBlock[] = conflict[side];
    if (blocks.length === 0) return <>{t("merge.removed")}</>;
    return (
      <>
        {blocks.map((block, index) => (
          <span key={index} class="nr-merge-block">
            {block.type === "figure" ? (
              t("content.image", { caption: blockText(block) })
            ) : block.type === "storyEmbed" ? (
              <EmbeddedStoryName storyId={block.storyId} />
            ) : (
              blockText(block)
            )}
          </span>
        ))}
      </>
    );
  }
  if (conflict.kind === "seo") {
    const value = conflict[side];
    return <>{value === null ? t("merge.none") : value === "" ? t("merge.empty") : value}</>;
  }
  const text = fieldText(conflict, side, catalog);
  return <>{text === "" ? t(conflict.id === "leadFigure" ? "merge.none" : "merge.empty") : text}</>;
}

function fieldText(conflict: FieldConflict, side: "mine" | "theirs", catalog: Catalog | null) {
  const value = conflict[side];
  if (typeof value === "string") {
    if (conflict.id === "section") {
      return catalog?.sections.find((s) => s.slug === value)?.name ?? value;
    }
    return value;
  }
  if (value === null) return "";
  if (!Array.isArray(value)) return value.caption || value.alt || value.mediaId;
  return value
    .map((item) => {
      if (typeof item === "string") {
        if (conflict.id === "topics") {
          return catalog?.topics.find((topic) => topic.slug === item)?.name ?? item;
        }
        return catalog?.agencies.find((agency) => agency.code === item)?.name ?? item;
      }
      return catalog
        ? bylineName(item, catalog)
        : item.kind === "person"
          ? item.personId
          : item.deskId;
    })
    .join(", ");
}

/** What "write it myself" starts from: my text (both texts where both added blocks). */
function editStart(conflict: MergeConflict): string {
  if (conflict.kind === "blocks") return conflict.editText ?? "";
  return typeof conflict.mine === "string" ? conflict.mine : "";
}

function blocksLabel(conflict: BlockConflict, t: ReturnType<typeof useUiText>["t"]): string {
  const from = conflict.baseIndex + 1;
  if (conflict.base.length === 0) {
    return conflict.baseIndex === 0
      ? t("merge.body.addedAtStart")
      : t("merge.body.added", { number: conflict.baseIndex });
  }
  if (conflict.base.length === 1) return t("merge.body.block", { number: from });
  return t("merge.body.blocks", { from, to: conflict.baseIndex + conflict.base.length });
}

/**
 * After "take theirs": the version this editor gave up, kept on screen to copy from until
 * dismissed, compared with what the form holds now. It is also in the history, not merged.
 */
export function DiscardedVersion(props: {
  readonly discarded: Content;
  readonly current: Content;
  readonly catalog: Catalog | null;
  readonly lang: string;
  readonly dir: "ltr" | "rtl";
  readonly onDismiss: () => void;
}) {
  const { t } = useUiText();
  return (
    <details class="nr-discarded">
      <summary>{t("editor.discarded")}</summary>
      <ContentView
        content={props.discarded}
        other={props.current}
        catalog={props.catalog}
        lang={props.lang}
        dir={props.dir}
      />
      <button type="button" onClick={props.onDismiss}>
        {t("editor.dismissDiscarded")}
      </button>
    </details>
  );
}
