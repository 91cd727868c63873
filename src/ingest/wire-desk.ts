import type { Clock } from "../domain/clock.js";
import type { OutboundRequests } from "../domain/outbound-requests.js";
import type { CatalogRepository } from "../domain/people/catalog-repository.js";
import type { StoryRepository } from "../domain/stories/story-repository.js";
import type { StoryService } from "../domain/stories/story-service.js";
import {
  type WireEventListener,
  type WireLogger,
  WireService,
} from "../domain/wire/wire-service.js";
import { type WireSourceLocations, WireSourceService } from "../domain/wire/wire-source-service.js";
import type { Database } from "../storage/database.js";
import { WireSqlRepository } from "../storage/wire-sql-repository.js";
import type { DropRoots } from "./drop-directory.js";
import { checkPullUrl } from "./http-pull.js";
import { WireParseThread } from "./wire-parse-thread.js";
import { WireScheduler } from "./wire-scheduler.js";

export interface WireDesk {
  readonly repository: WireSqlRepository;
  readonly service: WireService;
  readonly sources: WireSourceService;
  /** Parses wire files in a worker thread; `close()` it on shutdown. */
  readonly parser: WireParseThread;
  /** Not started: the composition root starts it with the other background work. */
  readonly scheduler: WireScheduler;
}

/** Where sources may point: inside the drop roots, or at public addresses. */
export function wireSourceLocations(
  dropRoots: DropRoots,
  outbound: OutboundRequests,
): WireSourceLocations {
  return {
    checkDropDirectory: async (directory) => {
      await dropRoots.resolve(directory);
    },
    checkPullUrl: (url) => checkPullUrl(outbound, url),
  };
}

/** Builds the wire desk's pieces for the composition root (`src/main.ts`) and the CLI. */
export function createWireDesk(deps: {
  readonly database: Database;
  readonly stories: StoryService;
  readonly storyRepository: StoryRepository;
  readonly catalog: CatalogRepository;
  readonly clock: Clock;
  readonly logger: WireLogger;
  /** The outbound guard for pull sources (WIRE_ALLOW_PRIVATE decides what it refuses). */
  readonly outbound: OutboundRequests;
  /** WIRE_DROP_ROOTS. */
  readonly dropRoots: DropRoots;
  /** Told after ingest commits (the newsroom's live events). */
  readonly listeners?: readonly WireEventListener[];
}): WireDesk {
  const repository = new WireSqlRepository(deps.database.db, deps.database.dialect);
  const parser = new WireParseThread();
  const service = new WireService({
    wire: repository,
    parser,
    stories: deps.stories,
    storyRepository: deps.storyRepository,
    catalog: deps.catalog,
    clock: deps.clock,
    logger: deps.logger,
    ...(deps.listeners === undefined ? {} : { listeners: deps.listeners }),
  });
  const sources = new WireSourceService({
    wire: repository,
    catalog: deps.catalog,
    clock: deps.clock,
    locations: wireSourceLocations(deps.dropRoots, deps.outbound),
  });
  const scheduler = new WireScheduler({
    wire: service,
    repository,
    clock: deps.clock,
    logger: deps.logger,
    outbound: deps.outbound,
    dropRoots: deps.dropRoots,
  });
  return { repository, service, sources, parser, scheduler };
}
