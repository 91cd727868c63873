import type { Clock } from "./domain/clock.js";
import type { OutboundRequests } from "./domain/outbound-requests.js";
import type { CatalogRepository } from "./domain/people/catalog-repository.js";
import type { StoryRepository } from "./domain/stories/story-repository.js";
import type { StoryService } from "./domain/stories/story-service.js";
import { type WireEventListener, WireEvents, type WireLogger } from "./domain/wire/wire-events.js";
import { WireFlags } from "./domain/wire/wire-flags.js";
import { WireIngest } from "./domain/wire/wire-ingest.js";
import { WireQueue } from "./domain/wire/wire-queue.js";
import type {
  WireItemRepository,
  WireLedgerRepository,
  WireLineageRepository,
  WireSourceRepository,
} from "./domain/wire/wire-repository.js";
import { WireSourceService } from "./domain/wire/wire-source-service.js";
import { WireStories } from "./domain/wire/wire-stories.js";
import type { DropRoots } from "./ingest/drop-directory.js";
import { WireParseThread } from "./ingest/wire-parse-thread.js";
import { WireScheduler } from "./ingest/wire-scheduler.js";
import { wireSourceLocations } from "./ingest/wire-source-locations.js";
import type { Database } from "./storage/database.js";
import { WireItemSqlRepository } from "./storage/wire-item-sql-repository.js";
import { WireLedgerSqlRepository } from "./storage/wire-ledger-sql-repository.js";
import { WireLineageSqlRepository } from "./storage/wire-lineage-sql-repository.js";
import { WireSourceSqlRepository } from "./storage/wire-source-sql-repository.js";

/*
 * The wire desk's part of the composition root: `src/main.ts` is the only module in `src/`
 * that imports this one (tests and the ingest benchmark build the desk the same way).
 */

/** The wire desk: one service per job, the parser thread and the background scheduler. */
export interface WireDesk {
  /** The one ingest command every transport (push, pull, drop directory) calls. */
  readonly ingest: WireIngest;
  readonly queue: WireQueue;
  /** Wire copy used in stories, and a story's lineage. */
  readonly stories: WireStories;
  readonly flags: WireFlags;
  readonly sources: WireSourceService;
  /** Parses wire files in a worker thread; `close()` it on shutdown. */
  readonly parser: WireParseThread;
  /** Not started: `startBackground` starts it with the other background work. */
  readonly scheduler: WireScheduler;
}

/** The wire desk's storage, one repository per table group. */
export interface WireRepositories {
  readonly sources: WireSourceRepository;
  readonly ledger: WireLedgerRepository;
  readonly items: WireItemRepository;
  readonly lineage: WireLineageRepository;
}

export function wireSqlRepositories(database: Database): WireRepositories {
  return {
    sources: new WireSourceSqlRepository(database.db),
    ledger: new WireLedgerSqlRepository(database.db),
    items: new WireItemSqlRepository(database.db, database.dialect),
    lineage: new WireLineageSqlRepository(database.db, database.dialect),
  };
}

/**
 * Builds the wire desk: HTTP and the scheduler read and decode (src/ingest), the injected
 * parser maps, one domain command (`WireIngest`) stores through the repositories.
 */
export function createWireDesk(deps: {
  readonly repositories: WireRepositories;
  readonly stories: StoryService;
  readonly storyRepository: StoryRepository;
  readonly catalog: CatalogRepository;
  readonly clock: Clock;
  readonly logger: WireLogger;
  /** The outbound guard for pull sources (WIRE_ALLOW_PRIVATE decides what it refuses). */
  readonly outbound: OutboundRequests;
  /** WIRE_DROP_ROOTS. */
  readonly dropRoots: DropRoots;
  /** Told after wire commits (the newsroom's live events). */
  readonly listeners: readonly WireEventListener[];
}): WireDesk {
  const { clock, logger } = deps;
  const { sources: sourceRepository, ledger, items, lineage } = deps.repositories;
  const events = new WireEvents({ listeners: deps.listeners, logger });
  const parser = new WireParseThread();
  const ingest = new WireIngest({ ledger, items, lineage, parser, clock, logger, events });
  return {
    ingest,
    queue: new WireQueue({ items, lineage, ledger, sources: sourceRepository, clock }),
    stories: new WireStories({
      items,
      sources: sourceRepository,
      lineage,
      stories: deps.stories,
      storyRepository: deps.storyRepository,
      catalog: deps.catalog,
      clock,
      events,
    }),
    flags: new WireFlags({ lineage, storyRepository: deps.storyRepository, clock }),
    sources: new WireSourceService({
      repository: sourceRepository,
      catalog: deps.catalog,
      clock,
      locations: wireSourceLocations(deps.dropRoots, deps.outbound),
    }),
    parser,
    scheduler: new WireScheduler({
      ingest,
      sources: sourceRepository,
      clock,
      logger,
      outbound: deps.outbound,
      dropRoots: deps.dropRoots,
    }),
  };
}
