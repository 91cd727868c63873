import { parseArgs } from "node:util";
import { loadConfig } from "../config/config.js";
import { isNewsdeskError } from "../domain/error-catalogue.js";
import { migrateMediaObjects } from "../domain/media/media-migration.js";
import { openMediaObjects } from "../media/media-stores.js";
import { migrateToLatest, openDatabase } from "../storage/database.js";
import { sqlRepositories } from "../storage/repositories.js";

const mediaHelp = `Usage: newsdesk media migrate --to dir|s3 [--concurrency <N>]
       newsdesk media status

migrate  Moves every media object that is not yet in MEDIA_STORE into it: objects still in
         the database (installs from before media stores) and objects in
         MEDIA_PREVIOUS_STORE. Each object is copied, read back and checked (size and
         SHA-256), then the database points at the copy and the original is removed.
         Servers keep serving throughout; stop it at any time and run it again to resume.
         --to names MEDIA_STORE's kind, as a check that it is the store you mean.
         --concurrency: objects moved at once (default 4, at most 32).
status   Objects and bytes per location (db, dir, s3).

Before moving between two stores, restart every server with MEDIA_STORE set to the new
store and MEDIA_PREVIOUS_STORE to the old one (docs/ops/README.md, "Media storage").
`;

/** `newsdesk media …`: returns the process exit code. */
export async function runMediaCommand(
  argv: readonly string[],
  env: Record<string, string | undefined>,
): Promise<number> {
  let parsed: {
    values: { to?: string; concurrency?: string; help?: boolean };
    positionals: string[];
  };
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        to: { type: "string" },
        concurrency: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    process.stderr.write(`newsdesk media: ${(error as Error).message}\n\n${mediaHelp}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const sub = positionals[0];
  if (values.help || sub === undefined) {
    (values.help ? process.stdout : process.stderr).write(mediaHelp);
    return values.help ? 0 : 2;
  }
  const concurrency = values.concurrency === undefined ? 4 : Number(values.concurrency);
  const usage =
    sub !== "migrate" && sub !== "status"
      ? `unknown command "media ${sub}"`
      : positionals.length > 1
        ? "unexpected arguments"
        : sub === "migrate" && values.to !== "dir" && values.to !== "s3"
          ? "--to dir or --to s3 is required"
          : !Number.isInteger(concurrency) || concurrency < 1 || concurrency > 32
            ? "--concurrency must be a whole number from 1 to 32"
            : undefined;
  if (usage) {
    process.stderr.write(`newsdesk media: ${usage}.\n\n${mediaHelp}`);
    return 2;
  }
  try {
    const config = loadConfig(env);
    if (sub === "migrate" && values.to !== config.media.store.kind) {
      process.stderr.write(
        `newsdesk media migrate: --to ${values.to}, but MEDIA_STORE is a ${config.media.store.kind} store. Set MEDIA_STORE to the ${values.to} store to migrate into (and MEDIA_PREVIOUS_STORE to the current one) on the servers and here.\n`,
      );
      return 1;
    }
    const database = await openDatabase(config.databaseUrl, { create: config.createDatabase });
    const { media: repository } = sqlRepositories(database);
    const opened = openMediaObjects(config.media, repository);
    try {
      await migrateToLatest(database);
      if (sub === "status") {
        const counts = await repository.countByLocation();
        for (const [location, count] of Object.entries(counts)) {
          process.stdout.write(
            `${location.padEnd(3)}  ${String(count.objects).padStart(9)} objects  ${megabytes(count.bytes).padStart(10)} MB\n`,
          );
        }
        return 0;
      }
      const started = performance.now();
      const result = await migrateMediaObjects({
        repository,
        objects: opened.objects,
        to: config.media.store.kind,
        concurrency,
        onProgress: (p) =>
          process.stderr.write(`Moved ${p.moved} objects (${megabytes(p.bytes)} MB)…\r`),
      });
      const seconds = Math.max((performance.now() - started) / 1000, 0.001);
      process.stdout.write(
        `Moved ${result.moved} objects (${megabytes(result.bytes)} MB) to the ${config.media.store.kind} store in ${seconds.toFixed(1)} s: ${(result.moved / seconds).toFixed(1)} objects/s, ${(result.bytes / 1_048_576 / seconds).toFixed(1)} MB/s; ${result.skipped} already moved by another process.\n`,
      );
      for (const failure of result.failed) {
        process.stderr.write(`newsdesk media migrate: not moved: ${failure.reason}\n`);
      }
      if (result.failed.length > 0) {
        process.stderr.write(
          `newsdesk media migrate: ${result.failed.length} objects were left where they are; fix the cause and run it again.\n`,
        );
        return 1;
      }
      return 0;
    } finally {
      opened.close();
      await database.close();
    }
  } catch (error) {
    process.stderr.write(
      `newsdesk media: ${isNewsdeskError(error) ? `${error.code}: ` : ""}${(error as Error).message}\n`,
    );
    return 1;
  }
}

function megabytes(bytes: number): string {
  return (bytes / 1_048_576).toFixed(1);
}
