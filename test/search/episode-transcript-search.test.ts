import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../src/domain/actor.js";
import type { Clip, ClipCaption } from "../../src/domain/clips/clip-schema.js";
import { SearchService } from "../../src/domain/search/search-service.js";
import type { HighlightedText } from "../../src/domain/search/search-snippet.js";
import { StoryService } from "../../src/domain/stories/story-service.js";
import { type Repositories, sqlRepositories } from "../../src/storage/repositories.js";
import { reindexSearch } from "../../src/storage/search-index.js";
import { SearchSqlRepository } from "../../src/storage/search-sql-repository.js";
import { storyContent } from "../support/story-fixtures.js";
import { fixedClock } from "../support/test-clock.js";
import { dialects, openTestDatabase, type TestDatabase } from "../support/test-databases.js";

const actor = systemActor("transcript search test");
const marked = (parts: HighlightedText) => parts.filter((p) => p.match).map((p) => p.text);

/**
 * Issue 17: "the transcript is indexed by search". An episode is found by the words of its
 * clip's captions in its service's language, and the index follows every caption change.
 */
describe.each(dialects)("episode transcripts in reader search on %s", (dialect) => {
  let database: TestDatabase;
  let repos: Repositories;
  const clock = fixedClock("2026-11-20T10:00:00.000Z");
  let stories: StoryService;
  let search: SearchService;
  let storyId: string;
  const clipId = "cliptranscr1";
  const otherClipId = "cliptranscr2";

  const ids = async (query: string, serviceId: "en" | "fa" = "en") =>
    (await search.inService({ id: serviceId }, query, 1)).hits.map((h) => h.summary.id);
  const caption = (lang: string, text: string): ClipCaption => ({
    lang,
    vtt: `WEBVTT\n\n00:00.000 --> 00:02.000\n${text}\n`,
    transcript: text,
    transcriptEdited: false,
    cueCount: 1,
    updatedAt: clock.now().toISOString(),
  });
  const clip = (id: string): Clip => ({
    id,
    kind: "audio",
    title: "",
    source: "upload",
    externalUrl: null,
    durationMs: 2000,
    width: null,
    height: null,
    originalKey: `clips/${id}/original`,
    originalFormat: "mp3",
    originalBytes: 1000,
    sha256: id,
    status: "ready",
    error: null,
    progress: null,
    createdAt: clock.now().toISOString(),
    updatedAt: clock.now().toISOString(),
  });
  const saveEpisode = (clip: string | null) =>
    repos.episodes.save({
      storyId,
      programmeId: "progtranscr1",
      clipId: clip,
      chapters: [],
      episodeNumber: null,
      season: null,
      explicit: false,
      updatedAt: clock.now().toISOString(),
    });

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    repos = sqlRepositories(database);
    stories = new StoryService({ ...repos, clock });
    search = new SearchService({
      search: new SearchSqlRepository(database.db, database.dialect),
      clock,
    });
    await repos.catalog.upsertSection({
      serviceId: "en",
      slug: "world",
      name: "World",
      position: 0,
    });
    await repos.clips.insert(clip(clipId));
    await repos.clips.insert(clip(otherClipId));
    await repos.clips.putCaption(
      clipId,
      caption("en", "The harbourmaster counted tugboats."),
      null,
    );
    // Another language's captions of the same clip: never the English episode's transcript.
    await repos.clips.putCaption(clipId, caption("fa", "Lighthouse keepers in Persian."), null);
    const { story } = await stories.create(actor, {
      serviceId: "en",
      kind: "episode",
      content: storyContent({
        headline: "Daybreak: the ports",
        standfirst: "",
        slug: "daybreak-ports",
        topics: [],
        bylines: [],
        agencies: [],
        body: [{ type: "paragraph", content: [{ text: "Show notes about shipping." }] }],
      }),
    });
    storyId = story.id;
    await saveEpisode(clipId);
  });
  afterAll(async () => {
    await database.dispose();
  });

  it("finds a published episode by its transcript, in its language only", async () => {
    expect(await ids("tugboats")).toEqual([]);
    await stories.publish(actor, storyId, { mode: "first" });
    expect(await ids("tugboats")).toEqual([storyId]);
    expect(await ids("shipping")).toEqual([storyId]);
    expect(await ids("lighthouse")).toEqual([]);
    const [hit] = (await search.inService({ id: "en" }, "harbourmaster", 1)).hits;
    expect(marked(hit?.snippet ?? [])).toEqual(["harbourmaster"]);
  });

  it("follows caption and transcript edits", async () => {
    await repos.clips.putCaption(clipId, caption("en", "Ferries sail at dawn."), null);
    expect(await ids("tugboats")).toEqual([]);
    expect(await ids("ferries")).toEqual([storyId]);
    await repos.clips.setTranscript(clipId, "en", "Ferries and pilot boats sail.", true, "x");
    expect(await ids("pilot")).toEqual([storyId]);
    expect(await ids("shipping")).toEqual([storyId]);
    expect(await repos.clips.deleteCaption(clipId, "en")).toBe(true);
    expect(await ids("ferries")).toEqual([]);
    expect(await ids("shipping")).toEqual([storyId]);
  });

  it("follows the episode's clip, and re-indexing reads transcripts again", async () => {
    await repos.clips.putCaption(otherClipId, caption("en-GB", "Cranes unload containers."), null);
    await saveEpisode(otherClipId);
    expect(await ids("cranes")).toEqual([storyId]);
    // As an episode published before transcripts were indexed (migration 0029).
    const vector =
      dialect === "postgres" ? sql`, search_vector = to_tsvector('simple', headline)` : sql``;
    await sql`update story_search set transcript = '', match_text = headline ${vector}`.execute(
      database.db,
    );
    expect(await ids("cranes")).toEqual([]);
    await reindexSearch(database.db, database.dialect);
    expect(await ids("cranes")).toEqual([storyId]);
    await saveEpisode(null);
    expect(await ids("cranes")).toEqual([]);
  });

  it("forgets the transcript of a killed episode", async () => {
    await saveEpisode(otherClipId);
    expect(await ids("containers")).toEqual([storyId]);
    await stories.kill(actor, storyId, "Legal");
    expect(await ids("containers")).toEqual([]);
  });
});
