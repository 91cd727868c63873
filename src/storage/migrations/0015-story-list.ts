import { type Kysely, type Migration, sql } from "kysely";
import type { SqlDialectName } from "../database.js";

/**
 * The dashboard's story list at scale (100k stories in a service):
 *
 * - what the list shows of the working draft, copied at every save so the list never parses
 *   revision JSON: `working_section`, `working_lead_media_id`, `word_count`, and the draft's
 *   bylines in `story_draft_bylines` (the author filter);
 * - the trash for never-published drafts: `trashed_at`, `trashed_by`;
 * - one partial index (not in the trash) per sort order under the equality filters every
 *   query has (service, status), ending in `id` for the tie-break, so a page and each tab's
 *   count read an index range instead of the table; one for the trash; and indexes for the
 *   "mine", section and author filters;
 * - on PostgreSQL, when pg_trgm is installed (0003), a trigram index on the lowercased
 *   working headline for the list's substring search.
 *
 * Existing stories are backfilled from their current revision. Frozen: the body's plain text
 * and word count are copied here from src/domain/stories (story-body-schema.ts bodyPlainText,
 * word-count.ts), not imported.
 */
export function storyListMigration(dialect: SqlDialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable("stories").addColumn("working_section", "text").execute();
      await db.schema.alterTable("stories").addColumn("working_lead_media_id", "text").execute();
      await db.schema
        .alterTable("stories")
        .addColumn("word_count", "integer", (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.alterTable("stories").addColumn("trashed_at", "text").execute();
      await db.schema.alterTable("stories").addColumn("trashed_by", "text").execute();
      await db.schema
        .createTable("story_draft_bylines")
        .addColumn("story_id", "text", (c) =>
          c.notNull().references("stories.id").onDelete("cascade"),
        )
        .addColumn("position", "integer", (c) => c.notNull())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("ref_id", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("story_draft_bylines_pk", ["story_id", "position"])
        .execute();
      await db.schema
        .createIndex("story_draft_bylines_ref")
        .on("story_draft_bylines")
        .columns(["ref_id", "kind", "story_id"])
        .execute();

      await backfill(db);

      // Partial indexes on what is not in the trash: equality on service and status then
      // orders the rows (PostgreSQL derives no order from `trashed_at IS NULL` inside an
      // index, so that column must not sit between the equalities and the sort column).
      // `trashed_at` last as well: SQLite counts an index as covering only when it holds every
      // column the query names, the partial index's own condition included.
      const live = (name: string, columns: string[]) =>
        db.schema
          .createIndex(name)
          .on("stories")
          .columns([...columns, "trashed_at"])
          .where(sql.ref("trashed_at"), "is", null)
          .execute();
      await live("stories_list_changed", ["service_id", "status", "last_modified_at", "id"]);
      await live("stories_list_created", ["service_id", "status", "created_at", "id"]);
      await live("stories_list_headline", ["service_id", "status", "working_headline", "id"]);
      await live("stories_list_published", ["service_id", "status", "first_published_at", "id"]);
      await live("stories_list_mine", [
        "service_id",
        "created_by",
        "status",
        "last_modified_at",
        "id",
      ]);
      await live("stories_list_section", [
        "service_id",
        "working_section",
        "status",
        "last_modified_at",
        "id",
      ]);
      await db.schema
        .createIndex("stories_list_trash")
        .on("stories")
        .columns(["service_id", "last_modified_at", "id", "trashed_at"])
        .where(sql.ref("trashed_at"), "is not", null)
        .execute();
      if (dialect === "postgres") {
        // Newest publication first with never-published stories last (the list's order):
        // PostgreSQL's ascending index read backwards would put them first.
        await sql`create index stories_list_published_desc on stories
          (service_id, status, first_published_at desc nulls last, id desc)
          where trashed_at is null`.execute(db);
      }
      if (dialect === "postgres") await createHeadlineTrigramIndex(db);
    },
  };
}

/** Only where 0003 could install pg_trgm; elsewhere the search scans the tab's index. */
async function createHeadlineTrigramIndex(db: Kysely<unknown>): Promise<void> {
  const found = await sql<{ schema: string }>`
    select n.nspname as schema from pg_extension e
    join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm'`.execute(db);
  const schema = found.rows[0]?.schema;
  if (!schema) return;
  // The expression is the one the list filters on (story-sql-repository.ts).
  await sql`create index stories_working_headline_trgm on stories
    using gin ((lower(coalesce(working_headline, ''))) ${sql.id(schema)}.gin_trgm_ops)`.execute(db);
}

interface Inline {
  text?: unknown;
}
interface Block {
  type?: unknown;
  content?: Inline[];
  speaker?: unknown;
  items?: Inline[][];
  caption?: unknown;
}
interface Content {
  section?: unknown;
  leadFigure?: { mediaId?: unknown } | null;
  body?: Block[];
  bylines?: { kind?: unknown; personId?: unknown; deskId?: unknown }[];
}

const batch = 500;

async function backfill(db: Kysely<unknown>): Promise<void> {
  let after = "";
  for (;;) {
    const rows = (
      await sql<{ id: string; content: string }>`
        select s.id as id, r.content as content
        from stories s join story_revisions r on r.id = s.current_revision_id
        where s.id > ${after} order by s.id limit ${batch}`.execute(db)
    ).rows;
    if (rows.length === 0) return;
    for (const row of rows) {
      const content = parseContent(row.content);
      const section = typeof content.section === "string" ? content.section : null;
      const lead = content.leadFigure?.mediaId;
      await sql`update stories set working_section = ${section},
        working_lead_media_id = ${typeof lead === "string" ? lead : null},
        word_count = ${countWords(bodyPlainText(content.body ?? []))}
        where id = ${row.id}`.execute(db);
      let position = 0;
      for (const byline of content.bylines ?? []) {
        const ref =
          byline.kind === "person"
            ? byline.personId
            : byline.kind === "desk"
              ? byline.deskId
              : null;
        if (typeof ref !== "string") continue;
        await sql`insert into story_draft_bylines (story_id, position, kind, ref_id)
          values (${row.id}, ${position++}, ${String(byline.kind)}, ${ref})`.execute(db);
      }
    }
    after = rows[rows.length - 1]?.id ?? after;
  }
}

function parseContent(text: string): Content {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" ? (value as Content) : {};
  } catch {
    return {};
  }
}

const text = (inline: Inline[] | undefined) =>
  (inline ?? []).map((part) => (typeof part.text === "string" ? part.text : "")).join("");

function bodyPlainText(body: Block[]): string {
  const lines: string[] = [];
  for (const block of body) {
    if (block.type === "paragraph" || block.type === "heading") lines.push(text(block.content));
    else if (block.type === "quote") {
      lines.push(
        typeof block.speaker === "string" && block.speaker
          ? `${text(block.content)} — ${block.speaker}`
          : text(block.content),
      );
    } else if (block.type === "list") {
      for (const item of block.items ?? []) lines.push(text(item));
    } else if (block.type === "figure" && typeof block.caption === "string") {
      lines.push(block.caption);
    }
  }
  return lines.filter((line) => line.length > 0).join("\n");
}

const words = new Intl.Segmenter(undefined, { granularity: "word" });

function countWords(value: string): number {
  let count = 0;
  for (const segment of words.segment(value)) if (segment.isWordLike) count++;
  return count;
}
