import { z } from "zod";

/** At most this many pinned stories on a home or section page. */
export const maxPinnedStories = 20;
/** At most this many picked related stories on a story page. */
export const maxRelatedStories = 6;

const storyId = z.string().min(1).max(64);

/** What an editor saves: the ordered story ids, against the version they loaded. */
export const curationSaveSchema = z.object({
  /** The version the editor started from; 0 when the list has never been saved. */
  version: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31),
  storyIds: z.array(storyId).max(maxPinnedStories),
});

export const relatedSaveSchema = z.object({
  version: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31),
  storyIds: z.array(storyId).max(maxRelatedStories),
});

/** Which curated list: a service's home page, one of its sections, or one story's related. */
export type CuratedListKey =
  | { readonly kind: "home" }
  | { readonly kind: "section"; readonly slug: string }
  | { readonly kind: "related"; readonly storyId: string };

/** The stored form of a list key (`home`, `section:<slug>`, `related:<story id>`). */
export function listKeyText(key: CuratedListKey): string {
  switch (key.kind) {
    case "home":
      return "home";
    case "section":
      return `section:${key.slug}`;
    case "related":
      return `related:${key.storyId}`;
  }
}

/** A saved curated list: its ordered story ids and who saved which version when. */
export interface CuratedList {
  readonly version: number;
  readonly storyIds: readonly string[];
  readonly updatedAt: string | null;
  readonly updatedBy: string | null;
}

/** A story in a curated list as the newsroom shows it, live or not. */
export interface CuratedItem {
  readonly id: string;
  readonly serviceId: string;
  readonly headline: string;
  readonly section: string | null;
  readonly status: string;
  /** Shown to readers now: published. Killed or unpublished pins stay listed but drop off. */
  readonly live: boolean;
  readonly firstPublishedAt: string | null;
}
