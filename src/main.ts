import { serve } from "@hono/node-server";
import type { Hono } from "hono";
import { sql } from "kysely";
import { type Logger, pino } from "pino";
import type { Config } from "./config/config.js";
import { seedDemo } from "./demo/seed-demo.js";
import { type Clock, systemClock } from "./domain/clock.js";
import { defaultMediaLimits } from "./domain/media/media-service.js";
import { ReaderService } from "./domain/reader/reader-service.js";
import { buildApp } from "./http/app.js";
import { SharpImageProcessor } from "./media/sharp-image-processor.js";
import { type Database, migrateToLatest, openDatabase } from "./storage/database.js";
import { hasAnyStory, type Repositories, sqlRepositories } from "./storage/repositories.js";

/** The running newsroom: every stateful piece, built once here and passed down. */
export interface Newsdesk {
  readonly config: Config;
  readonly database: Database;
  readonly repositories: Repositories;
  readonly app: Hono;
  readonly logger: Logger;
  close(): Promise<void>;
}

export function createLogger(config: Pick<Config, "logLevel">): Logger {
  return pino({ level: config.logLevel, base: { service: "newsdesk" } });
}

/** The composition root: open the database, migrate, build services and the HTTP app. */
export async function createNewsdesk(
  config: Config,
  options: { logger?: Logger; clock?: Clock; seed?: boolean } = {},
): Promise<Newsdesk> {
  const logger = options.logger ?? createLogger(config);
  const clock = options.clock ?? systemClock;
  const database = await openDatabase(config.databaseUrl);
  try {
    const applied = await migrateToLatest(database);
    if (applied.length > 0) logger.info({ migrations: applied }, "database migrated");
    const repositories = sqlRepositories(database);
    const images = new SharpImageProcessor({ maxPixels: defaultMediaLimits.maxPixels });
    const shouldSeed =
      options.seed ??
      (config.seedDemo === "always" ||
        (config.seedDemo === "auto" && !(await hasAnyStory(database))));
    if (shouldSeed) {
      const seeded = await seedDemo({ repositories, images, now: clock.now() });
      logger.info(seeded, "demo newsroom seeded");
    }
    const reader = new ReaderService({ ...repositories, clock });
    const app = buildApp({
      reader,
      media: repositories.media,
      clock,
      logger,
      publicUrl: config.publicUrl,
      publisherName: config.publisherName,
      checkDatabase: async () => {
        await sql`select 1`.execute(database.db);
      },
    });
    return { config, database, repositories, app, logger, close: () => database.close() };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** Listens on the configured port; resolves once the socket is bound. */
export async function startServer(
  newsdesk: Newsdesk,
): Promise<{ port: number; stop(): Promise<void> }> {
  const { config } = newsdesk;
  return new Promise((resolve, reject) => {
    const server = serve(
      { fetch: newsdesk.app.fetch, port: config.port, hostname: config.host },
      (info) => {
        resolve({
          port: info.port,
          stop: () =>
            new Promise<void>((done) => {
              server.close(() => done());
            }),
        });
      },
    );
    server.once("error", reject);
  });
}
