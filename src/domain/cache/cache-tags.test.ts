import { describe, expect, it } from "vitest";
import type { Story, StoryContent } from "../stories/story-schema.js";
import { tagsForStoryChange } from "./cache-tags.js";

const content: StoryContent = {
  headline: "h",
  standfirst: "",
  dateline: "",
  slug: "h",
  section: "world",
  topics: ["climate"],
  leadFigure: null,
  body: [{ type: "paragraph", content: [{ text: "Body." }] }],
  bylines: [{ kind: "person", personId: "p1", role: "author" }],
  agencies: [],
};

const head: Story = {
  id: "s1",
  kind: "story",
  serviceId: "en",
  familyId: "f1",
  status: "published",
  currentRevisionId: "r1",
  currentRevisionNumber: 1,
  publishedRevisionId: "r1",
  firstPublishedAt: "2026-11-20T10:00:00.000Z",
  updatedAt: null,
  updateNote: null,
  lastModifiedAt: "2026-11-20T10:00:00.000Z",
  scheduledAt: null,
  embargoUntil: null,
  killedAt: null,
  killReason: null,
  createdAt: "2026-11-20T09:00:00.000Z",
  createdBy: null,
};
const draft: Story = {
  ...head,
  status: "in_review",
  publishedRevisionId: null,
  firstPublishedAt: null,
};

const sorted = (tags: string[]) => [...tags].sort();

describe("cache tags for a story change", () => {
  it("first publication: the story, its family, feeds and every list it enters", () => {
    const tags = tagsForStoryChange({
      type: "published",
      before: draft,
      after: head,
      beforeContent: null,
      afterContent: content,
    });
    expect(sorted(tags)).toEqual(
      sorted([
        "story:s1",
        "teaser:s1",
        // Text-only pages list related stories by headline: a first publication adds one.
        "headline:s1",
        // Programme pages and podcast feeds list episodes by headline and summary.
        "summary:s1",
        "family:f1",
        "feeds:en",
        "list:home:en",
        "list:section:en:world",
        "list:topic:en:climate",
        "list:person:p1",
      ]),
    );
  });

  it("a body-only silent fix touches the story page and feeds, not the lists", () => {
    const fixed = {
      ...content,
      body: [{ type: "paragraph" as const, content: [{ text: "Body, fixed." }] }],
    };
    const tags = tagsForStoryChange({
      type: "silently-fixed",
      before: head,
      after: head,
      beforeContent: content,
      afterContent: fixed,
    });
    expect(sorted(tags)).toEqual(["feeds:en", "story:s1"]);
  });

  it("an update changes the teaser (its time) and adds lists it newly enters", () => {
    const updated = { ...head, updatedAt: "2026-11-20T12:00:00.000Z" };
    const moved = { ...content, topics: ["climate", "energy"] };
    const tags = tagsForStoryChange({
      type: "updated",
      before: head,
      after: updated,
      beforeContent: content,
      afterContent: moved,
    });
    expect(sorted(tags)).toEqual(
      sorted(["story:s1", "teaser:s1", "feeds:en", "list:topic:en:energy"]),
    );
  });

  it("a kill reaches every page that showed the story and its family", () => {
    const killed = { ...head, status: "killed" as const, publishedRevisionId: null };
    const tags = tagsForStoryChange({
      type: "killed",
      before: head,
      after: killed,
      beforeContent: content,
      afterContent: null,
    });
    expect(sorted(tags)).toEqual(
      sorted(["story:s1", "teaser:s1", "headline:s1", "summary:s1", "family:f1", "feeds:en"]),
    );
  });

  it("a headline change reaches headline-only lists; a time change does not", () => {
    const retitled = tagsForStoryChange({
      type: "updated",
      before: head,
      after: { ...head, updatedAt: "2026-01-02T00:00:00.000Z" },
      beforeContent: content,
      afterContent: { ...content, headline: "A new headline" },
    });
    expect(retitled).toContain("headline:s1");
    const retimed = tagsForStoryChange({
      type: "updated",
      before: head,
      after: { ...head, updatedAt: "2026-01-02T00:00:00.000Z" },
      beforeContent: content,
      afterContent: content,
    });
    expect(retimed).toContain("teaser:s1");
    expect(retimed).not.toContain("headline:s1");
    expect(retimed).not.toContain("summary:s1");
  });

  it("a new standfirst reaches headline-and-summary lists, not headline-only ones", () => {
    const tags = tagsForStoryChange({
      type: "updated",
      before: head,
      after: head,
      beforeContent: content,
      afterContent: { ...content, standfirst: "A new summary" },
    });
    expect(tags).toContain("summary:s1");
    expect(tags).toContain("teaser:s1");
    expect(tags).not.toContain("headline:s1");
  });
});
