import { useEffect, useId, useRef, useState } from "preact/hooks";
import { useUiText } from "../i18n/ui-language.js";
import { errorMessage, isApiError } from "../shared/api-client.js";
import { useApp } from "../shared/app-context.js";
import { ErrorMessage, StatusMessage } from "../shared/Notice.js";
import {
  type CuratedItem,
  type CuratedListRef,
  type CurationView,
  findCandidates,
  loadCuratedList,
  saveCuratedList,
} from "./curation-api.js";
import { moveItem, sameOrder } from "./list-moves.js";

/** Typing pauses this long before the search runs (search as you type, without a flood). */
const searchDelayMs = 250;

/**
 * One curated list: the pinned (or picked) stories in order, a search for published stories
 * to add, and Save. Reordering works by drag and drop and, equally, by the Move up / Move
 * down buttons, each move announced in a live region (WCAG 2.2 SC 2.5.7, 4.1.3). The save
 * names the version it started from; if someone else saved since, nothing is overwritten.
 */
export function CuratedListEditor(props: {
  readonly list: CuratedListRef;
  /** The service whose stories the search offers first. */
  readonly serviceId: string;
  /** Offer "search every service" (related stories may come from any). */
  readonly anyServiceOption: boolean;
  /** List the newest published stories before anything is typed (the top-stories screen). */
  readonly browseWhenEmpty: boolean;
  readonly canEdit: boolean;
  /** Headings: the list's, and the search's. */
  readonly heading: string;
  readonly headingLevel: 2 | 3;
}) {
  const { api, services } = useApp();
  const { t, dateTime } = useUiText();
  const id = useId();
  const [saved, setSaved] = useState<CurationView | null>(null);
  const [items, setItems] = useState<CuratedItem[]>([]);
  const [announcement, setAnnouncement] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [saving, setSaving] = useState(false);
  const [query, setQuery] = useState("");
  const [anyService, setAnyService] = useState(false);
  const [results, setResults] = useState<CuratedItem[] | null>(null);
  const [dragging, setDragging] = useState<number | null>(null);
  /** After a keyboard move, focus follows the story to the same button in its new place. */
  const focusAfterMove = useRef<{ storyId: string; button: "up" | "down" } | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const listKey = JSON.stringify(props.list);

  const load = async () => {
    setError(null);
    setConflict(false);
    try {
      const view = await loadCuratedList(api, props.list);
      setSaved(view);
      setItems(view.items);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  useEffect(() => {
    setSaved(null);
    void load();
  }, [listKey]);

  useEffect(() => {
    if (!props.canEdit || (!props.browseWhenEmpty && query.trim() === "")) {
      setResults(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      findCandidates(api, { serviceId: props.serviceId, q: query.trim(), anyService })
        .then((found) => live && setResults(found))
        .catch((failure: unknown) => live && setError(errorMessage(failure)));
    }, searchDelayMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, props.serviceId, props.canEdit, props.browseWhenEmpty, query, anyService]);

  useEffect(() => {
    const target = focusAfterMove.current;
    if (!target) return;
    focusAfterMove.current = null;
    const row = listRef.current?.querySelector<HTMLElement>(`[data-story="${target.storyId}"]`);
    const button =
      row?.querySelector<HTMLButtonElement>(
        `button[data-move="${target.button}"]:not(:disabled)`,
      ) ?? row?.querySelector<HTMLButtonElement>("button[data-move]:not(:disabled)");
    button?.focus();
  }, [items]);

  if (!saved) {
    return (
      <section aria-labelledby={`${id}-h`}>
        <Heading level={props.headingLevel} id={`${id}-h`}>
          {props.heading}
        </Heading>
        <ErrorMessage message={error} />
        {error ? null : <p>{t("curation.loading")}</p>}
      </section>
    );
  }

  const limit = saved.limit;
  const ids = items.map((i) => i.id);
  const dirty = !sameOrder(
    ids,
    saved.items.map((i) => i.id),
  );
  const full = items.length >= limit;
  const langOf = (item: CuratedItem) => {
    const service = services.find((s) => s.id === item.serviceId);
    return service ? { lang: service.locale, dir: service.dir } : {};
  };

  const move = (from: number, to: number, via: "keyboard" | "drag") => {
    const item = items[from];
    if (!item || to < 0 || to >= items.length || from === to) return;
    if (via === "keyboard")
      focusAfterMove.current = { storyId: item.id, button: to < from ? "up" : "down" };
    setItems(moveItem(items, from, to));
    setAnnouncement(
      t("curation.moved", { headline: item.headline, position: to + 1, count: items.length }),
    );
  };

  const remove = (index: number) => {
    const item = items[index];
    if (!item) return;
    const next = items.filter((_, i) => i !== index);
    setItems(next);
    setAnnouncement(t("curation.removed", { headline: item.headline }));
    // Focus stays in the list: on the story that took its place, else the search.
    const neighbour = next[index] ?? next[index - 1];
    requestAnimationFrame(() => {
      const target = neighbour
        ? listRef.current?.querySelector<HTMLElement>(`[data-story="${neighbour.id}"] button`)
        : document.getElementById(`${id}-q`);
      target?.focus();
    });
  };

  const add = (item: CuratedItem) => {
    if (full || ids.includes(item.id)) return;
    setItems([...items, item]);
    setAnnouncement(t("curation.added", { headline: item.headline, position: items.length + 1 }));
  };

  const save = async () => {
    setSaving(true);
    setError(null);
    setConflict(false);
    try {
      const view = await saveCuratedList(api, props.list, saved.version, ids);
      setSaved(view);
      setItems(view.items);
      setAnnouncement(t("curation.saved"));
    } catch (failure) {
      if (isApiError(failure) && failure.code === "CURATION_CONFLICT") setConflict(true);
      else setError(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };

  return (
    <section aria-labelledby={`${id}-h`} class="nr-curation">
      <Heading level={props.headingLevel} id={`${id}-h`}>
        {props.heading}
      </Heading>
      <p>
        {saved.updatedAt
          ? t("curation.lastSaved", {
              version: saved.version,
              name: saved.updatedBy?.name ?? t("curation.system"),
              when: dateTime(saved.updatedAt),
            })
          : t("curation.neverSaved")}
      </p>
      <StatusMessage>{announcement}</StatusMessage>
      <ErrorMessage message={error} />
      {conflict ? (
        <div class="nr-error-region" role="alert">
          <p class="nr-error">{t("curation.conflict")}</p>
          <button type="button" onClick={() => void load()}>
            {t("curation.reload")}
          </button>
        </div>
      ) : null}
      <p id={`${id}-count`}>{t("curation.count", { count: items.length, limit })}</p>
      {items.length === 0 ? <p>{t("curation.empty")}</p> : null}
      {props.canEdit && items.length > 1 ? <p class="nr-help">{t("curation.dragHint")}</p> : null}
      <ol class="nr-curated-list" ref={listRef} aria-describedby={`${id}-count`}>
        {items.map((item, index) => (
          <li
            key={item.id}
            data-story={item.id}
            class={dragging === index ? "nr-curated nr-dragging" : "nr-curated"}
            draggable={props.canEdit}
            onDragStart={(event) => {
              setDragging(index);
              event.dataTransfer?.setData("text/plain", item.id);
            }}
            onDragEnd={() => setDragging(null)}
            onDragOver={(event) => {
              if (dragging !== null) event.preventDefault();
            }}
            onDrop={(event) => {
              event.preventDefault();
              if (dragging !== null) move(dragging, index, "drag");
              setDragging(null);
            }}
          >
            <span class="nr-curated-headline" {...langOf(item)}>
              {item.headline}
            </span>
            {item.live ? null : (
              <span class="nr-badges">
                <span class="nr-tag nr-tag-danger">{t("curation.notLive")}</span>
              </span>
            )}
            {props.canEdit ? (
              <span class="nr-curated-actions">
                <button
                  type="button"
                  data-move="up"
                  disabled={index === 0}
                  aria-label={t("curation.moveUpStory", { headline: item.headline })}
                  onClick={() => move(index, index - 1, "keyboard")}
                >
                  {t("curation.moveUp")}
                </button>
                <button
                  type="button"
                  data-move="down"
                  disabled={index === items.length - 1}
                  aria-label={t("curation.moveDownStory", { headline: item.headline })}
                  onClick={() => move(index, index + 1, "keyboard")}
                >
                  {t("curation.moveDown")}
                </button>
                <button
                  type="button"
                  aria-label={t("curation.removeStory", { headline: item.headline })}
                  onClick={() => remove(index)}
                >
                  {t("curation.remove")}
                </button>
              </span>
            ) : null}
          </li>
        ))}
      </ol>
      {props.canEdit ? (
        <>
          <p>
            <button type="button" disabled={!dirty || saving} onClick={() => void save()}>
              {saving ? t("curation.saving") : t("curation.save")}
            </button>{" "}
            {dirty ? (
              <button type="button" onClick={() => setItems(saved.items)}>
                {t("curation.discard")}
              </button>
            ) : null}
          </p>
          <div class="nr-field">
            <label for={`${id}-q`}>{t("curation.search")}</label>
            <input
              id={`${id}-q`}
              type="search"
              maxLength={200}
              value={query}
              aria-describedby={`${id}-q-hint`}
              onInput={(event) => setQuery(event.currentTarget.value)}
            />
            <p id={`${id}-q-hint`} class="nr-help">
              {t("curation.searchHint")}
            </p>
          </div>
          {props.anyServiceOption ? (
            <div class="nr-check">
              <input
                id={`${id}-any`}
                type="checkbox"
                checked={anyService}
                onChange={(event) => setAnyService(event.currentTarget.checked)}
              />
              <label for={`${id}-any`}>{t("curation.anyService")}</label>
            </div>
          ) : null}
          <div aria-live="polite" aria-atomic="true" class="nr-visually-hidden">
            {results ? t("curation.resultCount", { count: results.length }) : ""}
          </div>
          {results && results.length === 0 ? <p>{t("curation.noResults")}</p> : null}
          {results && results.length > 0 ? (
            <ul class="nr-candidates" aria-label={t("curation.results")}>
              {results.map((item) => (
                <li key={item.id}>
                  <span {...langOf(item)}>{item.headline}</span>{" "}
                  <span class="nr-help">{dateTime(item.firstPublishedAt)}</span>{" "}
                  <button
                    type="button"
                    disabled={full || ids.includes(item.id)}
                    aria-label={
                      ids.includes(item.id)
                        ? t("curation.inListStory", { headline: item.headline })
                        : t("curation.addStory", { headline: item.headline })
                    }
                    onClick={() => add(item)}
                  >
                    {ids.includes(item.id) ? t("curation.inList") : t("curation.add")}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          {full ? <p>{t("curation.full", { limit })}</p> : null}
        </>
      ) : (
        <p>{t("curation.readOnly")}</p>
      )}
    </section>
  );
}

function Heading(props: { readonly level: 2 | 3; readonly id: string; readonly children: string }) {
  return props.level === 2 ? (
    <h2 id={props.id}>{props.children}</h2>
  ) : (
    <h3 id={props.id}>{props.children}</h3>
  );
}
