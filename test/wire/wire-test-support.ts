import { type Actor, systemActor, userActor } from "../../src/domain/actor.js";
import type { Clock } from "../../src/domain/clock.js";
import type { OutboundRequests } from "../../src/domain/outbound-requests.js";
import { StoryService } from "../../src/domain/stories/story-service.js";
import { WireEvents, type WireLogger } from "../../src/domain/wire/wire-events.js";
import { WireFlags } from "../../src/domain/wire/wire-flags.js";
import { WireIngest } from "../../src/domain/wire/wire-ingest.js";
import { WireQueue } from "../../src/domain/wire/wire-queue.js";
import type { WireRepositories } from "../../src/domain/wire/wire-repository.js";
import { WireSourceService } from "../../src/domain/wire/wire-source-service.js";
import { WireStories } from "../../src/domain/wire/wire-stories.js";
import { DropRoots } from "../../src/ingest/drop-directory.js";
import { WireParseThread } from "../../src/ingest/wire-parse-thread.js";
import { wireSourceLocations } from "../../src/ingest/wire-source-locations.js";
import { OutboundHttp } from "../../src/security/outbound-http.js";
import type { SqlDialectName } from "../../src/storage/database.js";
import { type Repositories, sqlRepositories } from "../../src/storage/repositories.js";
import { seedCatalog } from "../support/story-fixtures.js";
import { fixedClock } from "../support/test-clock.js";
import { openTestDatabase, type TestDatabase } from "../support/test-databases.js";

/** Invented ninjs 2.x items for the wire tests (never the shared agency samples). */
export interface NinjsFields {
  uri: string;
  version?: string;
  versioncreated?: string;
  pubstatus?: "usable" | "withheld" | "canceled";
  headline?: string;
  body?: string;
  language?: string;
  urgency?: number;
  embargoed?: string;
  ednote?: string;
  subject?: { code?: string; name?: string }[];
}

function ninjsItem(fields: NinjsFields): Record<string, unknown> {
  return {
    uri: fields.uri,
    type: "text",
    version: fields.version ?? "1",
    versioncreated: fields.versioncreated ?? "2031-05-01T10:00:00Z",
    pubstatus: fields.pubstatus ?? "usable",
    language: fields.language ?? "en",
    headlines: [{ value: fields.headline ?? `Headline of ${fields.uri}` }],
    bodies: [{ contentType: "text/plain", value: fields.body ?? `Body of ${fields.uri}.` }],
    ...(fields.urgency === undefined ? {} : { urgency: fields.urgency }),
    ...(fields.embargoed === undefined ? {} : { embargoedUntil: fields.embargoed }),
    ...(fields.ednote === undefined ? {} : { ednote: fields.ednote }),
    ...(fields.subject === undefined ? {} : { subjects: fields.subject }),
  };
}

export function ninjsBytes(...items: NinjsFields[]): Uint8Array<ArrayBuffer> {
  const document = items.length === 1 && items[0] ? ninjsItem(items[0]) : items.map(ninjsItem);
  return new Uint8Array(new TextEncoder().encode(JSON.stringify(document)));
}

interface LogEntry {
  level: "info" | "warn" | "error";
  obj: object;
  msg: string;
}

function recordingLogger(): WireLogger & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  return {
    entries,
    info: (obj, msg) => entries.push({ level: "info", obj, msg }),
    warn: (obj, msg) => entries.push({ level: "warn", obj, msg }),
    error: (obj, msg) => entries.push({ level: "error", obj, msg }),
  };
}

export interface WireHarness {
  database: TestDatabase;
  repos: Repositories;
  wireRepos: WireRepositories;
  stories: StoryService;
  /** The wire desk's services, built as `buildServices` in src/main.ts builds them. */
  ingest: WireIngest;
  queue: WireQueue;
  wireStories: WireStories;
  flags: WireFlags;
  sources: WireSourceService;
  /** The roots drop directories must lie in (none unless the test gives some). */
  dropRoots: DropRoots;
  clock: Clock & { advance(ms: number): void };
  logger: WireLogger & { entries: LogEntry[] };
  actor: Actor;
  editor: Actor;
  /** The production parser: files over 64 KiB are parsed in a worker thread. */
  parser: WireParseThread;
  /** Ends the parser's worker and drops the database. */
  close(): Promise<void>;
}

export async function openWireHarness(
  dialect: SqlDialectName,
  options: {
    batchSize?: number;
    start?: string;
    /**
     * Where pull sources may point: by default the real guard with private addresses
     * refused (WIRE_ALLOW_PRIVATE unset); tests that pull from 127.0.0.1 say so here.
     */
    outbound?: OutboundRequests;
    /** WIRE_DROP_ROOTS; none by default, so drop directories are off. */
    dropRoots?: readonly string[];
  } = {},
): Promise<WireHarness> {
  const database = await openTestDatabase(dialect);
  const repos = sqlRepositories(database);
  await seedCatalog(repos);
  const clock = fixedClock(options.start ?? "2031-05-01T12:00:00.000Z");
  const logger = recordingLogger();
  const wireRepos = repos.wire;
  const { ledger, items, lineage } = wireRepos;
  const stories = new StoryService({ ...repos, clock });
  const parser = new WireParseThread();
  const events = new WireEvents({ listeners: [], logger });
  const ingest = new WireIngest({
    ledger,
    items,
    lineage,
    parser,
    clock,
    logger,
    events,
    ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
  });
  const dropRoots = new DropRoots(options.dropRoots ?? []);
  const sources = new WireSourceService({
    repository: wireRepos.sources,
    catalog: repos.catalog,
    clock,
    locations: wireSourceLocations(
      dropRoots,
      options.outbound ?? new OutboundHttp({ allowPrivate: false }),
    ),
  });
  return {
    database,
    repos,
    wireRepos,
    stories,
    ingest,
    queue: new WireQueue({ items, lineage, ledger, sources: wireRepos.sources, clock }),
    wireStories: new WireStories({
      items,
      sources: wireRepos.sources,
      lineage,
      stories,
      storyRepository: repos.stories,
      catalog: repos.catalog,
      clock,
      events,
    }),
    flags: new WireFlags({ lineage, storyRepository: repos.stories, clock }),
    sources,
    dropRoots,
    clock,
    logger,
    actor: systemActor("test"),
    editor: userActor("editor-1", [
      { serviceId: "en", role: "editor" },
      { serviceId: "fa", role: "editor" },
    ]),
    parser,
    close: async () => {
      await parser.close();
      await database.dispose();
    },
  };
}
