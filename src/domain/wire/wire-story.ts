import type { StoryBlock } from "../stories/story-body-schema.js";
import type { StoryContent } from "../stories/story-schema.js";
import { slugify } from "../stories/story-slug.js";
import type { WireItem } from "./wire-item-schema.js";

/**
 * How wire copy becomes story content: pure functions, validated afterwards by
 * `StoryService` like any editor's input. The agency goes into the structured `agencies`
 * credits (never into free text), so the reader page's note ("Contains information from
 * AFP and Reuters") follows from the lineage.
 */

const maxBlocks = 2000;

function clip(text: string, max: number): string {
  const trimmed = text.replace(/\s+/g, " ").trim();
  return trimmed.length > max ? `${trimmed.slice(0, max - 1).trimEnd()}…` : trimmed;
}

/** The item's text as story blocks. Figures point at our media library, never at wire files. */
function wireBodyBlocks(item: WireItem): StoryBlock[] {
  const blocks = item.body.filter((block) => block.type !== "figure");
  if (blocks.length === 0 && item.caption !== undefined) {
    return [{ type: "paragraph", content: [{ text: item.caption }] }];
  }
  return blocks;
}

/** Picks the section for an item from the source's subject mapping (codes, then names). */
export function sectionForSubjects(
  item: WireItem,
  subjectSections: Readonly<Record<string, string>>,
): string | undefined {
  for (const subject of item.subjects) {
    for (const key of [subject.code, subject.name]) {
      if (key !== undefined) {
        const section = subjectSections[key];
        if (section !== undefined) return section;
      }
    }
  }
  return undefined;
}

/** A new draft from one wire item. */
export function storyContentFromWire(
  item: WireItem,
  options: { readonly agencyCode: string; readonly section: string },
): StoryContent {
  const headline = clip(
    item.headline ?? item.slugline ?? item.caption ?? "Untitled wire copy",
    300,
  );
  return {
    headline,
    standfirst: clip(item.standfirst ?? "", 1000),
    // The dateline field holds the place only; the wire's full dateline text ("STOCKHOLM,
    // Aug 29 (AFP) -") stays in the preview rather than being parsed by pattern.
    dateline: clip(item.places[0]?.name ?? "", 200),
    slug: slugify(headline),
    section: options.section,
    topics: [],
    leadFigure: null,
    body: wireBodyBlocks(item).slice(0, maxBlocks),
    bylines: [],
    agencies: [options.agencyCode],
  };
}

/** An existing story's content with the item's text appended and the agency credited. */
export function appendWireToContent(
  content: StoryContent,
  item: WireItem,
  agencyCode: string,
): StoryContent {
  // No silent cap: a story already crediting 20 agencies is refused by validation rather
  // than losing this credit.
  const agencies = content.agencies.includes(agencyCode)
    ? content.agencies
    : [...content.agencies, agencyCode];
  return {
    ...content,
    body: [...content.body, ...wireBodyBlocks(item)].slice(0, maxBlocks),
    agencies,
  };
}
