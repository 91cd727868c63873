import { type Kysely, sql } from "kysely";
import { NewsdeskError } from "../domain/error-catalogue.js";
import { newId } from "../domain/ids.js";
import type { ServiceId } from "../domain/services/service-registry.js";
import type { StoryBlock } from "../domain/stories/story-body-schema.js";
import { type StoryContent, storyContentSchema } from "../domain/stories/story-schema.js";
import { projectionOf } from "../domain/stories/story-service.js";
import { slugify } from "../domain/stories/story-slug.js";
import { bodyWordCount } from "../domain/stories/word-count.js";
import type { Database, SqlDialectName } from "./database.js";
import type { DatabaseSchema } from "./database-schema.js";
import {
  type SearchDocument,
  searchDocumentForHead,
  writeSearchDocuments,
} from "./search-index.js";

/**
 * Bulk seeding of published stories for benchmarks (`newsdesk seed-bench`).
 *
 * Each story gets exactly the rows a real first publish writes (StoryService.create then
 * publish, story-sql-repository.ts applyHeadChange): the head with its reader projection,
 * one immutable revision, topics, contributors and the search document, written by the
 * same functions as a publish (search-index.ts searchDocumentForHead, writeSearchDocuments). Rows go in as multi-row INSERTs, many stories per transaction,
 * which is what makes a million stories take minutes instead of hours. The audit trail and
 * story events are not written: nobody did anything, and no listener needs telling.
 */

/** The service's reference data the generated stories point at. */
export interface SeedCatalog {
  readonly sections: readonly string[];
  readonly topics: readonly string[];
  readonly personIds: readonly string[];
  readonly deskIds: readonly string[];
  readonly agencies: readonly string[];
  /** Media assets usable as lead figures (none: stories have no lead figure). */
  readonly mediaIds: readonly string[];
}

export interface BulkSeedOptions {
  readonly serviceId: ServiceId;
  readonly count: number;
  /** Newest publication time; older stories go back two minutes each. */
  readonly now?: Date;
  /** Stories per transaction. */
  readonly batchSize?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

/** Reads the catalog stories of `serviceId` may reference; refuses a service without sections. */
export async function loadSeedCatalog(
  database: Database,
  serviceId: ServiceId,
): Promise<SeedCatalog> {
  const { db } = database;
  const [sections, topics, people, desks, agencies, media] = await Promise.all([
    db
      .selectFrom("sections")
      .select("slug")
      .where("service_id", "=", serviceId)
      .orderBy("position")
      .execute(),
    db.selectFrom("topics").select("slug").where("service_id", "=", serviceId).execute(),
    db.selectFrom("people").select("id").where("service_id", "=", serviceId).execute(),
    db.selectFrom("desks").select("id").where("service_id", "=", serviceId).execute(),
    db.selectFrom("agencies").select("code").execute(),
    db.selectFrom("media").select("id").orderBy("id").limit(50).execute(),
  ]);
  if (sections.length === 0) {
    throw new NewsdeskError("UNKNOWN_REFERENCE", {
      detail: `The service "${serviceId}" has no sections; seed its catalog first (newsdesk seed-demo).`,
    });
  }
  return {
    sections: sections.map((r) => r.slug),
    topics: topics.map((r) => r.slug),
    personIds: people.map((r) => r.id),
    deskIds: desks.map((r) => r.id),
    agencies: agencies.map((r) => r.code),
    mediaIds: media.map((r) => r.id),
  };
}

/** Inserts `count` published stories; returns how many and how long it took. */
export async function bulkSeedStories(
  database: Database,
  options: BulkSeedOptions,
): Promise<{ stories: number; seconds: number }> {
  const started = performance.now();
  const catalog = await loadSeedCatalog(database, options.serviceId);
  const total = Math.max(0, Math.floor(options.count));
  const batchSize = Math.max(1, options.batchSize ?? 2000);
  const newest = (options.now ?? new Date()).getTime();
  // Two minutes apart: a million stories span almost four years of publishing.
  const stepMs = 120_000;
  if (database.dialect === "sqlite") {
    // A larger page cache for the duration of the run: the id indexes are written at random.
    await sql`pragma cache_size = -262144`.execute(database.db);
  }
  let done = 0;
  options.onProgress?.(0, total);
  while (done < total) {
    const size = Math.min(batchSize, total - done);
    const rows: GeneratedStory[] = [];
    for (let k = 0; k < size; k++) {
      const index = done + k;
      rows.push(
        generatedStory({
          serviceId: options.serviceId,
          index,
          catalog,
          publishedAt: new Date(newest - (total - 1 - index) * stepMs),
          // The first story of each batch goes through the real schema: drift fails loudly.
          validate: k === 0,
        }),
      );
    }
    await database.db.transaction().execute((trx) => insertBatch(trx, database.dialect, rows));
    done += size;
    options.onProgress?.(done, total);
  }
  if (database.dialect === "sqlite") await sql`pragma cache_size = -2000`.execute(database.db);
  if (database.dialect === "postgres") await sql`analyze`.execute(database.db);
  return { stories: total, seconds: (performance.now() - started) / 1000 };
}

/** Random published stories (id, section, slug), e.g. to request their pages in a benchmark. */
export async function sampleStories(
  database: Database,
  serviceId: ServiceId,
  count: number,
): Promise<{ id: string; section: string; slug: string }[]> {
  const picked = new Map<string, { id: string; section: string; slug: string }>();
  for (let attempt = 0; attempt < count * 3 && picked.size < count; attempt++) {
    // A random point in the id space, then the next ids by primary key: one index seek per
    // sample. Service and status are checked here, not in SQL, so no planner prefers the
    // (service_id, status, …) index and sorts the whole service by id instead.
    const rows = await database.db
      .selectFrom("stories")
      .select(["id", "service_id", "status", "section", "slug"])
      .where("id", ">=", newId())
      .orderBy("id")
      .limit(4)
      .execute();
    const row = rows.find((r) => r.service_id === serviceId && r.status === "published");
    if (row?.section && row.slug) {
      picked.set(row.id, { id: row.id, section: row.section, slug: row.slug });
    }
  }
  return [...picked.values()];
}

interface GeneratedStory {
  readonly storyId: string;
  readonly revisionId: string;
  readonly serviceId: ServiceId;
  readonly content: StoryContent;
  readonly createdAt: string;
  readonly publishedAt: string;
  readonly search: SearchDocument | undefined;
}

function generatedStory(input: {
  serviceId: ServiceId;
  index: number;
  catalog: SeedCatalog;
  publishedAt: Date;
  validate: boolean;
}): GeneratedStory {
  const content = benchStoryContent(input.index, input.catalog);
  if (input.validate) storyContentSchema.parse(content);
  const storyId = newId();
  const publishedAt = input.publishedAt.toISOString();
  const projection = projectionOf(content);
  return {
    storyId,
    revisionId: newId(),
    serviceId: input.serviceId,
    content,
    createdAt: new Date(input.publishedAt.getTime() - 30 * 60_000).toISOString(),
    publishedAt,
    search: searchDocumentForHead({
      storyId,
      serviceId: input.serviceId,
      status: "published",
      publishedAt,
      updatedAt: null,
      headline: projection.headline,
      searchText: projection.searchText,
    }),
  };
}

/** Rows per INSERT statement: under SQLite's 32,766 bound parameters for the widest table. */
const rowsPerStatement = 500;

async function insertBatch(
  trx: Kysely<DatabaseSchema>,
  dialect: SqlDialectName,
  stories: readonly GeneratedStory[],
): Promise<void> {
  const storyRows = stories.map((s) => {
    const projection = projectionOf(s.content);
    return {
      id: s.storyId,
      service_id: s.serviceId,
      family_id: s.storyId,
      status: "published",
      current_revision_id: s.revisionId,
      current_revision_number: 1,
      published_revision_id: s.revisionId,
      first_published_at: s.publishedAt,
      updated_at: null,
      update_note: null,
      last_modified_at: s.publishedAt,
      scheduled_at: null,
      embargo_until: null,
      killed_at: null,
      kill_reason: null,
      created_at: s.createdAt,
      created_by: null,
      working_headline: s.content.headline,
      working_section: s.content.section,
      working_lead_media_id: s.content.leadFigure?.mediaId ?? null,
      word_count: bodyWordCount(s.content.body),
      headline: projection.headline,
      standfirst: projection.standfirst,
      slug: projection.slug,
      section: projection.section,
      lead_media_id: projection.leadMediaId,
    };
  });
  const revisionRows = stories.map((s) => ({
    id: s.revisionId,
    story_id: s.storyId,
    number: 1,
    base_revision_id: null,
    content: JSON.stringify(s.content),
    created_at: s.createdAt,
    created_by: null,
    note: null,
  }));
  const topicRows = stories.flatMap((s) =>
    [...new Set(s.content.topics)].map((topic) => ({ story_id: s.storyId, topic })),
  );
  const contributorRows = stories.flatMap((s) => {
    const projection = projectionOf(s.content);
    return [
      ...[...new Set(projection.personIds)].map((ref_id) => ({ kind: "person" as const, ref_id })),
      ...[...new Set(projection.deskIds)].map((ref_id) => ({ kind: "desk" as const, ref_id })),
    ].map((c, position) => ({ story_id: s.storyId, position, ...c }));
  });
  const draftBylineRows = stories.flatMap((s) =>
    s.content.bylines.map((b, position) => ({
      story_id: s.storyId,
      position,
      kind: b.kind,
      ref_id: b.kind === "person" ? b.personId : b.deskId,
    })),
  );
  for (const chunk of chunks(storyRows)) await trx.insertInto("stories").values(chunk).execute();
  for (const chunk of chunks(revisionRows))
    await trx.insertInto("story_revisions").values(chunk).execute();
  for (const chunk of chunks(topicRows))
    await trx.insertInto("story_topics").values(chunk).execute();
  for (const chunk of chunks(contributorRows))
    await trx.insertInto("story_contributors").values(chunk).execute();
  for (const chunk of chunks(draftBylineRows))
    await trx.insertInto("story_draft_bylines").values(chunk).execute();
  const documents = stories.flatMap((s) => (s.search ? [s.search] : []));
  await writeSearchDocuments(trx, dialect, documents);
}

function* chunks<T>(rows: readonly T[]): Generator<T[]> {
  for (let i = 0; i < rows.length; i += rowsPerStatement) {
    yield rows.slice(i, i + rowsPerStatement);
  }
}

// ---- Generated text: plausible, varied, deterministic per index (no Math.random). ----

const subjects = [
  "Harbour authority",
  "City council",
  "Regional court",
  "Health ministry",
  "Grain exporters",
  "Rail workers' union",
  "Central bank",
  "Flood relief agency",
  "University researchers",
  "Border officials",
  "Fishing cooperative",
  "Electoral commission",
];
const actions = [
  "reopens",
  "delays",
  "approves",
  "questions",
  "expands",
  "suspends",
  "reviews",
  "defends",
  "announces",
  "rejects",
];
const objects = [
  "ferry timetable",
  "water rationing plan",
  "bridge repairs",
  "vaccination drive",
  "fuel subsidy",
  "night train service",
  "school meals programme",
  "coastal defence budget",
  "import quota",
  "radio licence fees",
];
const places = [
  "Tromsø",
  "Mombasa",
  "Valparaíso",
  "Da Nang",
  "Tbilisi",
  "Dakar",
  "Cork",
  "Jaffna",
  "Samarkand",
  "Hobart",
  "Oaxaca",
  "Gdańsk",
  "Iloilo",
];
const sentences = [
  "Officials said the decision followed weeks of consultation with residents and local traders.",
  "The measure is expected to take effect at the start of next month, subject to a final vote.",
  "Critics argue the plan does too little for families outside the main towns.",
  "Figures published on Tuesday showed demand had risen by almost a fifth since the spring.",
  "A spokesperson declined to say how long the arrangement would remain in place.",
  "Independent analysts said the cost could rise if fuel prices stay at current levels.",
  "Residents queued from early morning, some bringing chairs and flasks of tea.",
  "The opposition has called for an inquiry into how the contract was awarded.",
  "Engineers have been working in shifts to finish the work before the storm season.",
  "Similar schemes in neighbouring regions have had mixed results, according to a recent study.",
  "The agency said it would publish a full timetable once the inspections were complete.",
  "Several hundred people attended a public meeting on the proposals last week.",
];

/** Small deterministic PRNG (mulberry32) so the same index always gives the same story. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The content of bench story number `index`: a headline, standfirst and dateline, four to
 * six body blocks (paragraphs, sometimes a subheading and a quote), one or two topics, one
 * or two bylines, sometimes an agency credit and a lead figure.
 */
export function benchStoryContent(index: number, catalog: SeedCatalog): StoryContent {
  const random = prng(index + 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const place = pick(places);
  const headline = `${pick(subjects)} ${pick(actions)} ${pick(objects)} in ${place}`;
  const paragraph = (): StoryBlock => ({
    type: "paragraph",
    content: [{ text: `${pick(sentences)} ${pick(sentences)}` }],
  });
  const body: StoryBlock[] = [paragraph(), paragraph()];
  if (random() < 0.4) {
    body.push({ type: "heading", level: 2, content: [{ text: `What happens next in ${place}` }] });
  }
  body.push(paragraph());
  if (random() < 0.5) {
    body.push({
      type: "quote",
      content: [{ text: "We have waited a long time for this, and we will be watching closely." }],
      speaker: "A local resident",
    });
  }
  body.push(paragraph());
  const topics = [...new Set([pick(catalog.topics), pick(catalog.topics)])].filter(
    (t): t is string => t !== undefined,
  );
  const bylines: StoryContent["bylines"] = [];
  const author = pick(catalog.personIds);
  if (author) bylines.push({ kind: "person", personId: author, role: "author" });
  const second = random();
  const contributor = pick(catalog.personIds);
  if (second < 0.25 && contributor && contributor !== author) {
    bylines.push({ kind: "person", personId: contributor, role: "contributor" });
  }
  const desk = pick(catalog.deskIds);
  if ((bylines.length === 0 || second > 0.8) && desk) bylines.push({ kind: "desk", deskId: desk });
  const agency = pick(catalog.agencies);
  const mediaId = pick(catalog.mediaIds);
  return {
    headline,
    standfirst: `${pick(sentences)}`,
    dateline: place.toLocaleUpperCase("en"),
    slug: slugify(headline),
    section: pick(catalog.sections),
    topics,
    leadFigure:
      mediaId && index % 3 === 0
        ? {
            type: "figure",
            mediaId,
            caption: `The scene in ${place} on the day of the announcement.`,
            credit: "Meridian News",
            alt: `A street in ${place} with people walking past shuttered shops.`,
          }
        : null,
    body,
    bylines,
    agencies: agency && index % 4 === 0 ? [agency] : [],
  };
}
