import {
  type FigureBlock,
  maxStoryEmbeds,
  type StoryBlock,
} from "../../domain/stories/story-body-schema.js";
import type { LivePostContent } from "./live-api.js";

/**
 * The posting box's draft, kept in localStorage per live page so a reporter whose phone
 * reloads the tab (or loses signal mid-post) finds the text where it was.
 */
export interface PostDraft {
  readonly text: string;
  readonly title: string;
  /** The uploaded photo, if any: its figure's own caption and alt text. */
  readonly photo: {
    readonly mediaId: string;
    readonly caption: string;
    readonly alt: string;
  } | null;
  /** The byline person; "" for no byline. */
  readonly personId: string;
  /** Stories embedded after the text and photo, with the headline the picker showed. */
  readonly embeds: readonly EmbeddedInDraft[];
}

interface EmbeddedInDraft {
  readonly storyId: string;
  readonly headline: string;
}

export function emptyDraft(personId: string | null): PostDraft {
  return { text: "", title: "", photo: null, personId: personId ?? "", embeds: [] };
}

/** The browser's localStorage, or null where there is none or it may not be used. */
export function browserStorage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}

export function draftStorageKey(storyId: string): string {
  return `newsdesk.newsroom.liveDraft.${storyId}`;
}

const limits = {
  text: 20_000,
  title: 300,
  caption: 2000,
  alt: 1000,
  id: 64,
  embeds: maxStoryEmbeds,
} as const;

function stringOf(value: unknown, max: number): string | null {
  return typeof value === "string" && value.length <= max ? value : null;
}

/** A stored draft, or null when there is none or it is not one (storage is user-writable). */
export function readDraft(
  storage: Pick<Storage, "getItem"> | null,
  storyId: string,
): PostDraft | null {
  let raw: string | null = null;
  try {
    raw = storage?.getItem(draftStorageKey(storyId)) ?? null;
  } catch {
    return null;
  }
  if (raw === null || raw.length > 100_000) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const record = value as Record<string, unknown>;
  const text = stringOf(record.text, limits.text);
  const title = stringOf(record.title, limits.title);
  const personId = stringOf(record.personId, limits.id);
  if (text === null || title === null || personId === null) return null;
  let photo: PostDraft["photo"] = null;
  if (typeof record.photo === "object" && record.photo !== null) {
    const p = record.photo as Record<string, unknown>;
    const mediaId = stringOf(p.mediaId, limits.id);
    const caption = stringOf(p.caption, limits.caption);
    const alt = stringOf(p.alt, limits.alt);
    if (mediaId && caption !== null && alt !== null) photo = { mediaId, caption, alt };
  }
  // Drafts kept before embeds existed have none.
  const embeds: EmbeddedInDraft[] = [];
  if (Array.isArray(record.embeds)) {
    for (const item of record.embeds.slice(0, limits.embeds) as unknown[]) {
      if (typeof item !== "object" || item === null) continue;
      const e = item as Record<string, unknown>;
      const storyId = stringOf(e.storyId, limits.id);
      const headline = stringOf(e.headline, limits.title);
      if (storyId && headline !== null) embeds.push({ storyId, headline });
    }
  }
  return { text, title, photo, personId, embeds };
}

/** Keeps the draft, or forgets it once it is empty; storage failures leave the page working. */
export function writeDraft(
  storage: Pick<Storage, "setItem" | "removeItem"> | null,
  storyId: string,
  draft: PostDraft,
): void {
  try {
    if (
      draft.text.trim() === "" &&
      draft.title.trim() === "" &&
      draft.photo === null &&
      draft.embeds.length === 0
    ) {
      storage?.removeItem(draftStorageKey(storyId));
    } else {
      storage?.setItem(draftStorageKey(storyId), JSON.stringify(draft));
    }
  } catch {
    // Full or unavailable storage (privacy modes): the draft then lives as long as the page.
  }
}

/** Paragraphs from typed text: a blank line starts a new one; single line breaks are kept. */
export function paragraphsOf(text: string): StoryBlock[] {
  return text
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .map((part) => ({ type: "paragraph" as const, content: [{ text: part }] }));
}

/** Why a draft cannot be posted yet, or null when it can. */
export type DraftProblem = "empty" | "altMissing";

export function draftProblem(draft: PostDraft): DraftProblem | null {
  if (paragraphsOf(draft.text).length === 0 && draft.photo === null && draft.embeds.length === 0)
    return "empty";
  // A photo needs real alt text for readers who cannot see it (WCAG 2.2 SC 1.1.1).
  if (draft.photo !== null && draft.photo.alt.trim() === "") return "altMissing";
  return null;
}

/** What the Post button sends: text paragraphs, then the photo's figure, then the embeds. */
export function postFromDraft(draft: PostDraft): LivePostContent {
  const body: StoryBlock[] = paragraphsOf(draft.text);
  if (draft.photo) {
    const figure: FigureBlock = {
      type: "figure",
      mediaId: draft.photo.mediaId,
      caption: draft.photo.caption.trim().normalize("NFC"),
      credit: "",
      alt: draft.photo.alt.trim().normalize("NFC"),
    };
    body.push(figure);
  }
  for (const embed of draft.embeds) body.push({ type: "storyEmbed", storyId: embed.storyId });
  const title = draft.title.trim().normalize("NFC");
  return {
    title: title === "" ? null : title,
    body,
    bylines: draft.personId === "" ? [] : [{ personId: draft.personId }],
  };
}

/** The text an inline edit starts from: the post's paragraphs, a blank line between them. */
export function editableText(body: readonly StoryBlock[]): string {
  return body
    .filter((block) => block.type === "paragraph")
    .map((block) => block.content.map((part) => part.text).join(""))
    .join("\n\n");
}

/**
 * The body after an inline edit: the new paragraphs where the first paragraph was, every
 * other block (photos, quotes, lists) kept in its place. Formatting inside an edited
 * paragraph is not kept: the edit box is plain text.
 */
export function applyTextEdit(body: readonly StoryBlock[], text: string): StoryBlock[] {
  const paragraphs = paragraphsOf(text);
  const result: StoryBlock[] = [];
  let placed = false;
  for (const block of body) {
    if (block.type !== "paragraph") {
      result.push(block);
      continue;
    }
    if (!placed) {
      result.push(...paragraphs);
      placed = true;
    }
  }
  if (!placed) result.unshift(...paragraphs);
  return result;
}
