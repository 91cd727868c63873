import { parseArgs } from "node:util";
import { loadConfig } from "../config/config.js";
import { isNewsdeskError } from "../domain/error-catalogue.js";
import { openMediaObjects } from "../media/media-stores.js";
import {
  BackupError,
  backupDatabase,
  restoreDatabase,
  restoreMediaObjects,
  tableRowCounts,
} from "../storage/backup.js";
import { migrateToLatest, openDatabase, redactUrl } from "../storage/database.js";
import { sqlRepositories } from "../storage/repositories.js";

const backupHelp = `Usage: newsdesk backup --out <file> [--timeout <minutes>]

Writes a consistent backup of the whole database (DATABASE_URL) and its media (MEDIA_STORE,
MEDIA_PREVIOUS_STORE) while the server keeps running: one tar archive holding the database
snapshot (SQLite: made with SQLite's online backup API; PostgreSQL: a pg_dump custom-format
archive, needs pg_dump: apt install postgresql-client) and every media object.
The file must not exist yet. --timeout bounds pg_dump (default 360 minutes).
`;

const restoreHelp = `Usage: newsdesk restore <file> [--timeout <minutes>]

Restores a backup made by \`newsdesk backup\` into the empty database named by DATABASE_URL
(the kind of backup is read from the file), brings its schema up to date, writes its media
objects into MEDIA_STORE (checking each one's size and SHA-256) and prints the rows restored
per table. Stop the servers using that database first.
PostgreSQL needs pg_restore (apt install postgresql-client). --timeout bounds pg_restore
(default 360 minutes).
`;

const options = {
  out: { type: "string" },
  timeout: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

/** `newsdesk backup` and `newsdesk restore`: returns the process exit code. */
export async function runBackupCommand(
  command: "backup" | "restore",
  argv: readonly string[],
  env: Record<string, string | undefined>,
): Promise<number> {
  const help = command === "backup" ? backupHelp : restoreHelp;
  let parsed: { values: { out?: string; timeout?: string; help?: boolean }; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true });
  } catch (error) {
    process.stderr.write(`newsdesk ${command}: ${(error as Error).message}\n\n${help}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(help);
    return 0;
  }
  const timeoutMinutes = values.timeout === undefined ? 360 : Number(values.timeout);
  const file = command === "backup" ? values.out : positionals[0];
  const usage =
    !file || file.length > 4096
      ? command === "backup"
        ? "--out <file> is required"
        : "name the backup file to restore"
      : (command === "backup" ? positionals.length > 0 : positionals.length > 1 || values.out)
        ? "unexpected arguments"
        : !Number.isInteger(timeoutMinutes) || timeoutMinutes < 1 || timeoutMinutes > 7 * 24 * 60
          ? "--timeout must be a whole number of minutes from 1 to 10080"
          : undefined;
  if (usage || !file) {
    process.stderr.write(`newsdesk ${command}: ${usage}.\n\n${help}`);
    return 2;
  }
  const toolOptions = {
    env,
    timeoutMs: timeoutMinutes * 60_000,
    onToolOutput: (line: string) => process.stderr.write(`${line}\n`),
  };
  try {
    const config = loadConfig(env);
    const { databaseUrl } = config;
    const shownUrl = redactUrl(databaseUrl);
    const started = performance.now();
    if (command === "backup") {
      const source = await openDatabase(databaseUrl);
      const { media: repository } = sqlRepositories(source);
      const media = openMediaObjects(config.media, repository);
      try {
        const result = await backupDatabase(
          databaseUrl,
          file,
          { repository, objects: media.objects },
          toolOptions,
        );
        const seconds = (performance.now() - started) / 1000;
        process.stdout.write(
          `Backed up ${shownUrl} to ${file} (${result.kind === "sqlite" ? "SQLite" : "pg_dump"} snapshot and ${result.objects} media objects, ${formatBytes(result.bytes)}) in ${seconds.toFixed(1)} s.\n`,
        );
        return 0;
      } finally {
        media.close();
        await source.close();
      }
    }
    const { kind, archive } = await restoreDatabase(databaseUrl, file, toolOptions);
    const database = await openDatabase(databaseUrl);
    try {
      const applied = await migrateToLatest(database);
      let restoredMedia = "";
      if (archive) {
        const { media: repository } = sqlRepositories(database);
        const media = openMediaObjects(config.media, repository);
        try {
          const store = media.objects.store(media.objects.primaryKind);
          if (!store) throw new BackupError("MEDIA_STORE names no store.");
          const result = await restoreMediaObjects(file, archive, { repository, store });
          restoredMedia = `Media: ${result.objects} objects (${formatBytes(result.bytes)}) written to the ${store.kind} store.`;
        } finally {
          media.close();
        }
      }
      const counts = await tableRowCounts(database);
      const rows = counts.reduce((sum, c) => sum + c.rows, 0);
      const seconds = (performance.now() - started) / 1000;
      const width = Math.max(...counts.map((c) => c.table.length));
      process.stdout.write(
        [
          `Restored ${file} (${kind === "sqlite" ? "SQLite" : "PostgreSQL"}) into ${shownUrl} in ${seconds.toFixed(1)} s: ${counts.length} tables, ${rows.toLocaleString("en")} rows.`,
          applied.length
            ? `Migrations applied to bring it up to date: ${applied.join(", ")}.`
            : "Schema is up to date.",
          ...(restoredMedia ? [restoredMedia] : []),
          ...counts
            .filter((c) => c.rows > 0)
            .map((c) => `  ${c.table.padEnd(width)}  ${c.rows.toLocaleString("en").padStart(12)}`),
          "",
        ].join("\n"),
      );
      return 0;
    } finally {
      await database.close();
    }
  } catch (error) {
    if (error instanceof BackupError) {
      process.stderr.write(`newsdesk ${command}: ${error.message}\n`);
      return 1;
    }
    if (isNewsdeskError(error)) {
      process.stderr.write(`newsdesk ${command}: ${error.code}: ${error.message}\n`);
      return 1;
    }
    process.stderr.write(`newsdesk ${command}: ${(error as Error).message}\n`);
    return 1;
  }
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / (1024 * 1024)).toFixed(1)} MiB`
    : `${(bytes / 1024).toFixed(1)} KiB`;
}
