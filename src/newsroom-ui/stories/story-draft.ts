import type { Byline } from "../../domain/stories/story-schema.js";
import { slugify } from "../../domain/stories/story-slug.js";
import type { Catalog, Content } from "../shared/api-schemas.js";

/** Pure helpers for the story editor's form state. */

/** A new story's first revision: only the headline is known; the section is the first one. */
export function newStoryContent(headline: string, catalog: Pick<Catalog, "sections">): Content {
  const text = headline.normalize("NFC").trim();
  return {
    headline: text,
    standfirst: "",
    dateline: "",
    slug: slugify(text),
    section: catalog.sections[0]?.slug ?? "news",
    topics: [],
    leadFigure: null,
    body: [],
    bylines: [],
    agencies: [],
  };
}

/**
 * Text fields are stored as entered, NFC-normalized: a Persian or
 * Vietnamese word typed with combining marks compares equal to its precomposed form.
 */
export function normalizeContent(content: Content): Content {
  return {
    ...content,
    headline: content.headline.normalize("NFC"),
    standfirst: content.standfirst.normalize("NFC"),
    dateline: content.dateline.normalize("NFC"),
    slug: content.slug.normalize("NFC"),
    leadFigure: content.leadFigure
      ? {
          ...content.leadFigure,
          caption: content.leadFigure.caption.normalize("NFC"),
          credit: content.leadFigure.credit.normalize("NFC"),
          alt: content.leadFigure.alt.normalize("NFC"),
        }
      : null,
  };
}

/** Moves one item up (-1) or down (+1); out-of-range moves return the same order. */
export function moveItem<T>(items: readonly T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta;
  const copy = [...items];
  if (index < 0 || index >= copy.length || target < 0 || target >= copy.length) return copy;
  const [moved] = copy.splice(index, 1);
  if (moved !== undefined) copy.splice(target, 0, moved);
  return copy;
}

export function removeItem<T>(items: readonly T[], index: number): T[] {
  return items.filter((_, at) => at !== index);
}

/** Whether a byline is already on the story (the same person or desk twice is refused). */
export function hasByline(bylines: readonly Byline[], candidate: Byline): boolean {
  return bylines.some((byline) =>
    byline.kind === "person" && candidate.kind === "person"
      ? byline.personId === candidate.personId
      : byline.kind === "desk" && candidate.kind === "desk" && byline.deskId === candidate.deskId,
  );
}

/** The name shown for a byline, from the catalogue; an unknown id is shown as it is. */
export function bylineName(byline: Byline, catalog: Pick<Catalog, "people" | "desks">): string {
  if (byline.kind === "person") {
    return catalog.people.find((person) => person.id === byline.personId)?.name ?? byline.personId;
  }
  return catalog.desks.find((desk) => desk.id === byline.deskId)?.name ?? byline.deskId;
}

/** Toggles a value in a list (topics, agencies), keeping the original order otherwise. */
export function toggle(values: readonly string[], value: string, on: boolean): string[] {
  const without = values.filter((item) => item !== value);
  return on ? [...without, value] : without;
}

/**
 * `<input type="datetime-local">` speaks local wall-clock time without a zone; the API
 * speaks UTC ISO 8601 (RFC 3339). These convert between the two in the browser's zone.
 */
export function localInputToIso(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  return `${date.toISOString().slice(0, 19)}Z`;
}

export function isoToLocalInput(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(
    date.getHours(),
  )}:${pad(date.getMinutes())}`;
}

/**
 * A stable fingerprint of content, to tell whether the form differs from what was saved:
 * NFC-normalized (as it would be saved) and with object keys sorted, so the same content
 * built by the server or by the editor's ProseMirror mapping gives the same key.
 */
export function contentKey(content: Content): string {
  return JSON.stringify(normalizeContent(content), (_key, value: unknown) =>
    value !== null && typeof value === "object" && !Array.isArray(value)
      ? Object.fromEntries(
          Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
            a < b ? -1 : a > b ? 1 : 0,
          ),
        )
      : value,
  );
}

/**
 * Whether the editor holds changes that are not saved, decided by comparing content with
 * what was last loaded or saved, never by counting change events: the rich-text editor
 * emits events that change nothing (making it editable, a selection that lets Tiptap
 * append its trailing empty paragraph), and a draft that was only opened must not ask
 * "leave without saving?". `current` is null when the body cannot be read (not savable),
 * which counts as changed so the error is not lost.
 */
export class UnsavedChanges {
  #savedKey: string | null = null;

  /** The content as the editor shows it right after loading, or as just saved. */
  markSaved(content: Content): void {
    this.#savedKey = contentKey(content);
  }

  /** Before anything is loaded there is nothing to lose. */
  isChanged(current: Content | null): boolean {
    if (this.#savedKey === null) return false;
    return current === null || contentKey(current) !== this.#savedKey;
  }
}
