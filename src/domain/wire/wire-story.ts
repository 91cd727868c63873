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

/**
 * Agency status slugs that lead a headline and say what kind of transmission it is, not
 * what happened: "UPDATE 1-", "CORRECTED-", "RPT-", "WRAPUP 2-", "FACTBOX-" (Reuters'
 * conventions, which other agencies' English services follow). They are upper case and
 * end in a hyphen with no space, so "COVID-19" or "Update 1-2 win" never match.
 */
const statusSlug =
  /^(?:UPDATE|WRAPUP|REFILE|RESEND|CORRECTED|CORRECTION|RPT|REPEAT|EXCLUSIVE|FACTBOX|ANALYSIS|INSIGHT|EXPLAINER|BREAKINGVIEWS|COLUMN|FEATURE|FOCUS|PREVIEW|TIMELINE|INTERVIEW|BRIEF|URGENT|SPECIAL REPORT)(?: \d{1,3})?-(?=\S)/;

/** The headline for a story from wire copy: without leading status slugs (at most five). */
export function storyHeadline(wireHeadline: string): string {
  let headline = wireHeadline;
  for (let i = 0; i < 5; i++) {
    const match = statusSlug.exec(headline);
    if (!match) break;
    headline = headline.slice(match[0].length);
  }
  return headline.trim() === "" ? wireHeadline : headline;
}

const months =
  /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december)\.?$/i;
const weekdays = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i;

/**
 * The place part of an agency dateline, for the story's dateline field (the reader page adds
 * the date from publication): "STOCKHOLM, Aug 29, 2014 (AFP) -" → "STOCKHOLM", "London (dpa)
 * -" → "London", "FORT WASHINGTON, Pa." as it is; a dateline that is only a date or a time
 * (Reuters' NewsML-G2 `dateline`) gives "". Segments after the first date-like one are
 * dropped, the agency in parentheses and the trailing dash with them.
 */
export function datelinePlace(dateline: string): string {
  const text = dateline.slice(0, 500).split("(")[0] ?? "";
  const kept: string[] = [];
  for (const segment of text.split(",").slice(0, 10)) {
    const words = segment.trim().split(/\s+/).filter(Boolean);
    if (words.length === 1 && weekdays.test(words[0] ?? "")) break;
    const dateAt = words.findIndex(
      (word, i) => /\d/.test(word) || (months.test(word) && /\d/.test(words[i + 1] ?? "")),
    );
    const placeWords = dateAt === -1 ? words : words.slice(0, dateAt);
    const place = placeWords.join(" ").replace(/[\s\-–—:]+$/u, "");
    if (place !== "") kept.push(place);
    if (dateAt !== -1) break;
  }
  return kept.join(", ").replace(/[\s\-–—:,]+$/u, "");
}

/** A new draft from one wire item. */
export function storyContentFromWire(
  item: WireItem,
  options: { readonly agencyCode: string; readonly section: string },
): StoryContent {
  // The wire item keeps its headline as sent; only the story's copy loses the status slug.
  const headline = clip(
    storyHeadline(item.headline ?? item.slugline ?? item.caption ?? "Untitled wire copy"),
    300,
  );
  return {
    headline,
    standfirst: clip(item.standfirst ?? "", 1000),
    // The dateline field holds the place only: the place part of the agency's dateline (ninjs
    // `located`, NewsML-G2 `dateline` or `located`, NITF `dateline`), else the first place
    // the item names.
    dateline: clip(datelinePlace(item.dateline ?? "") || (item.places[0]?.name ?? ""), 200),
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
