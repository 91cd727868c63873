import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { Logger } from "pino";
import { loadConfig } from "../../src/config/config.js";
import type { Clock } from "../../src/domain/clock.js";
import { newId } from "../../src/domain/ids.js";
import type { MediaObjectStore } from "../../src/domain/media/media-object-store.js";
import { createNewsdesk, type Newsdesk } from "../../src/main.js";
import { Argon2PasswordHasher } from "../../src/security/argon2-password-hasher.js";
import type { SqlDialectName } from "../../src/storage/database.js";
import { postgresUrl } from "./test-databases.js";

/**
 * A whole Newsdesk (composition root included) on a fresh database of either dialect,
 * seeded with the demo newsroom. PostgreSQL runs in a private schema chosen through the
 * connection string's `options`, exactly as an operator could configure it.
 */
export async function startTestNewsdesk(
  dialect: SqlDialectName,
  options: {
    clock?: Clock;
    seed?: boolean;
    /** Queue the demo seed's `demo.media` job (off: tests run `jobs.runOnce()` themselves). */
    demoMedia?: boolean;
    env?: Record<string, string>;
    logger?: Logger;
    /** Where audio and video bytes go instead of MEDIA_STORE (to look inside it). */
    mediaStore?: MediaObjectStore;
  } = {},
): Promise<Newsdesk & { dispose(): Promise<void> }> {
  let databaseUrl: string;
  let cleanup: () => Promise<void>;
  // Media bytes (MEDIA_STORE): SQLite's default is beside its file; PostgreSQL gets its own.
  let mediaEnv: Record<string, string> = {};
  if (dialect === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "newsdesk-http-"));
    databaseUrl = `sqlite:${join(dir, "newsdesk.db")}`;
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const schema = `t_${newId(10)}`;
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    databaseUrl = `${postgresUrl}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    const mediaDir = mkdtempSync(join(tmpdir(), "newsdesk-media-"));
    mediaEnv = { MEDIA_STORE: `dir:${mediaDir}` };
    cleanup = async () => {
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      await client.query(`drop schema ${schema} cascade`);
      await client.end();
      rmSync(mediaDir, { recursive: true, force: true });
    };
  }
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: "silent",
    SEED_DEMO: "never",
    PUBLIC_URL: "https://news.example.org",
    ...mediaEnv,
    ...options.env,
  });
  const newsdesk = await createNewsdesk(config, {
    seed: options.seed ?? true,
    demoMedia: options.demoMedia ?? false,
    // Cheap argon2 parameters keep tests fast; production uses the OWASP minimum.
    passwordHasher: new Argon2PasswordHasher({ memoryCost: 1024, timeCost: 1 }),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.mediaStore ? { mediaStore: options.mediaStore } : {}),
  });
  return {
    ...newsdesk,
    dispose: async () => {
      await newsdesk.close();
      await cleanup();
    },
  };
}
