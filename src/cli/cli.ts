import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { loadConfig } from "../config/config.js";
import { demoMediaJobKind } from "../demo/demo-media.js";
import { seedDemo } from "../demo/seed-demo.js";
import { isNewsdeskError } from "../domain/error-catalogue.js";
import { newId } from "../domain/ids.js";
import { defaultMediaLimits } from "../domain/media/media-service.js";
import { createLogger } from "../main.js";
import { openMediaObjects } from "../media/media-stores.js";
import { SharpImageProcessor } from "../media/sharp-image-processor.js";
import { migrateToLatest, openDatabase } from "../storage/database.js";
import { sqlRepositories } from "../storage/repositories.js";
import { reindexSearch } from "../storage/search-index.js";
import { runBackupCommand } from "./backup-commands.js";
import { catalogCommands, runCatalogCommand } from "./catalog-commands.js";
import { runDistributionCommand } from "./distribution-commands.js";
import { runKeyCommand } from "./key-commands.js";
import { runMediaCommand } from "./media-commands.js";
import { runMirrorCommand } from "./mirror-commands.js";
import { runPackageCommand } from "./package-command.js";
import { runSeedBenchCommand } from "./seed-bench-command.js";
import { runSourceCommand } from "./source-commands.js";
import { parseWorkers, runStart } from "./start-command.js";
import { runUserCommand } from "./user-commands.js";

const help = `newsdesk — the Newsdesk newsroom and publishing platform

Usage: newsdesk <command> [options]

Commands:
  start        Migrate the database, seed the demo newsroom into an empty one, and serve
               (PORT, default 8080; --port overrides; --workers N|auto uses N processes;
               --production: no demo content or accounts, DATABASE_URL and PUBLIC_URL
               required, two-factor authentication for administrators; --create makes a
               missing SQLite directory). SIGTERM drains requests and jobs, then exits 0.
  migrate      Bring the database schema up to date and exit
  seed-demo    Add the demo newsroom (stories, people, images, banners) to the database
  reindex-search
               Recompute the search index of every published story (after an upgrade that
               changes folding or stemming; readers can keep searching meanwhile)
  seed-bench --stories <N> [--service <id>]
               Bulk-insert N published stories for benchmarks (progress on stderr)
  user create <email> --name <name> [--admin] [--role <service>:<role> …]
               Create a newsroom account; the password is read from NEWSDESK_PASSWORD
  user set-role <email> --role <service>:<role> [--role …]
               Replace the account's roles (roles: reporter, editor, translator, service_admin)
  user reset-password <email>
               Set a new password from NEWSDESK_PASSWORD and end the account's sessions
  user list    Every account: email, name, roles, active or disabled
  user disable|enable <email>
               Disable an account (ends its sessions and API tokens) or enable it again
  user revoke-tokens <email>
               End the account's sessions and revoke its API tokens
  source add|list|remove
               Configure wire sources (HTTP pull, drop directory, push); see \`newsdesk source -h\`
  api-key create --name <name> [--rate <N>] | list | revoke <id>
               Content-API keys for partners (the key is printed once); see \`newsdesk api-key -h\`
  webhook add --url <url> [--event <type> …] [--service <id>] | list | remove <id>
               Signed webhooks to partners (the secret is printed once); see \`newsdesk webhook -h\`
  backup --out <file>
               Consistent online backup of the database, media included (SQLite file or
               pg_dump archive); see \`newsdesk backup -h\`
  restore <file>
               Restore a backup into an empty database, then migrate it up to date
  media migrate --to dir|s3 | media status
               Move media bytes into MEDIA_STORE while servers keep serving; see \`newsdesk media -h\`
  people|desks|topics|sections|agencies list|add|edit|remove
               The newsroom's reference data; \`topics merge <from> <to>\` merges a duplicate
               topic (its address redirects); see \`newsdesk topics -h\`
  keys generate|show|rotate
               The Ed25519 key signing /mirrors.json, mirror exports and offline packages
               (minisign format; the private key is in SIGNING_KEY_FILE); see \`newsdesk keys -h\`
  mirror export --service <id> --out <dir> [--since <time>|--incremental]
               A signed static copy of an edition for any static host; see \`newsdesk mirror -h\`
  package --service <id> --format zim|epub [--out <file>] [--top 50]
               A signed offline package (EPUB 3 or ZIM) of the top stories; see \`newsdesk package -h\`
  help         Show this help (--version prints the version)

Environment:
  DATABASE_URL   sqlite:<path>, file:<path> or postgres(ql)://user@host:5432/db
                 (development default: sqlite:./data/newsdesk.db)
  NODE_ENV       production: the same as start --production
  PORT           HTTP port (default 8080)
  HOST           Interface to bind (default 0.0.0.0)
  PUBLIC_URL     Public origin for canonical links (default http://localhost:PORT)
  SEED_DEMO      auto (default: seed an empty database) | never | always
  LOG_LEVEL      fatal|error|warn|info|debug|trace|silent (default info)
  WEBHOOK_ALLOW_PRIVATE  1 lets webhooks target private/loopback addresses (default 0)
  WIRE_ALLOW_PRIVATE     1 lets HTTP-pull wire sources fetch from private/loopback addresses (default 0)
  SIGNING_KEY_FILE       The signing key file (default: signing-key.json beside a SQLite
                         database, else ./data/signing-key.json)
  MIRROR_SYNC            <service>=<dir>,…: static mirrors the server keeps in sync, every
                         MIRROR_SYNC_MINUTES (15), then runs MIRROR_SYNC_COMMAND
  PACKAGES_DIR           Offline packages served at /_/packages/ (default: packages/ beside
                         a SQLite database, else ./data/packages)
  PACKAGES_DAILY         <service>,…: build each one's packages daily (PACKAGES_FORMATS,
                         default epub,zim) and keep PACKAGES_KEEP_DAYS (7) days of them
  WIRE_DROP_ROOTS        Directories drop-directory sources may use, separated by ':' (default none: off)
  MEDIA_STORE            dir:<path> or s3://<bucket>/<prefix> (default: dir: media/ beside the SQLite file)
                         with MEDIA_S3_ENDPOINT, MEDIA_S3_REGION, MEDIA_S3_FORCE_PATH_STYLE=1,
                         MEDIA_PUBLIC_BASE_URL, MEDIA_PREVIOUS_STORE; credentials: AWS_ACCESS_KEY_ID…
`;

/** Runs one CLI command; returns the process exit code. */
export async function runCli(
  argv: readonly string[],
  env: Record<string, string | undefined>,
): Promise<number> {
  // Wire sources have options of their own, parsed by source-commands.ts.
  if (argv[0] === "source") return runSourceCommand(argv.slice(1), env);
  // So does seed-bench (src/cli/seed-bench-command.ts).
  switch (argv[0]) {
    case "seed-bench":
      return runSeedBenchCommand(argv.slice(1), env);
    case "api-key":
      return runDistributionCommand("api-key", argv.slice(1), env);
    case "webhook":
      return runDistributionCommand("webhook", argv.slice(1), env);
    case "backup":
    case "restore":
      return runBackupCommand(argv[0], argv.slice(1), env);
    case "media":
      return runMediaCommand(argv.slice(1), env);
    case "keys":
      return runKeyCommand(argv.slice(1), env);
    case "mirror":
      return runMirrorCommand(argv.slice(1), env);
    case "package":
      return runPackageCommand(argv.slice(1), env);
  }
  // People, desks, topics, sections and agencies (src/cli/catalog-commands.ts).
  const catalogCommand = catalogCommands.find((name) => name === argv[0]);
  if (catalogCommand) return runCatalogCommand(catalogCommand, argv.slice(1), env);
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    process.stderr.write(`newsdesk: ${(error as Error).message}\n\n${help}`);
    return 2;
  }
  const command = parsed.positionals[0] ?? "help";
  if (parsed.values.version) {
    process.stdout.write(`newsdesk ${await packageVersion()}\n`);
    return 0;
  }
  if (parsed.values.help || command === "help") {
    process.stdout.write(help);
    return 0;
  }
  try {
    const config = loadConfig(
      {
        ...env,
        ...(parsed.values.port ? { PORT: parsed.values.port } : {}),
      },
      { production: parsed.values.production === true, create: parsed.values.create === true },
    );
    switch (command) {
      case "start":
        return await runStart(config, { workers: parseWorkers(parsed.values.workers) });
      case "migrate": {
        const database = await openDatabase(config.databaseUrl, { create: config.createDatabase });
        const applied = await migrateToLatest(database);
        await database.close();
        process.stdout.write(
          applied.length ? `Applied: ${applied.join(", ")}\n` : "Schema is up to date.\n",
        );
        return 0;
      }
      case "seed-demo": {
        const database = await openDatabase(config.databaseUrl, { create: config.createDatabase });
        try {
          await migrateToLatest(database);
          const repositories = sqlRepositories(database);
          const media = openMediaObjects(config.media, repositories.media);
          const result = await seedDemo({
            repositories,
            images: new SharpImageProcessor({ maxPixels: defaultMediaLimits.maxPixels }),
            mediaObjects: media.objects,
            now: new Date(),
          }).finally(() => media.close());
          // The demo episodes' recordings: made by the next `newsdesk start` (demo-media.ts).
          await repositories.jobs.enqueue({
            id: newId(),
            kind: demoMediaJobKind,
            payload: {},
            runAt: new Date().toISOString(),
          });
          process.stdout.write(
            `Seeded ${result.stories} stories and ${result.images} images; the demo episodes' recordings are made when the server starts.\n`,
          );
        } finally {
          await database.close();
        }
        return 0;
      }
      case "reindex-search": {
        const database = await openDatabase(config.databaseUrl, { create: config.createDatabase });
        try {
          await migrateToLatest(database);
          const count = await reindexSearch(database.db, database.dialect, (done) => {
            process.stderr.write(`Re-indexed ${done} stories…\r`);
          });
          process.stdout.write(`Re-indexed ${count} stories.\n`);
        } finally {
          await database.close();
        }
        return 0;
      }
      case "user":
        return await runUserCommand(parsed.positionals.slice(1), parsed.values, config, env);
      default:
        process.stderr.write(`newsdesk: unknown command "${command}"\n\n${help}`);
        return 2;
    }
  } catch (error) {
    if (isNewsdeskError(error)) {
      process.stderr.write(`newsdesk: ${error.code}: ${error.message}\n`);
      return 1;
    }
    createLogger({ logLevel: "error" }).error({ err: error }, "newsdesk failed");
    process.stderr.write(`newsdesk: ${(error as Error).message}\n`);
    return 1;
  }
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      port: { type: "string" },
      workers: { type: "string" },
      help: { type: "boolean", short: "h" },
      version: { type: "boolean", short: "v" },
      production: { type: "boolean" },
      create: { type: "boolean" },
      name: { type: "string" },
      admin: { type: "boolean" },
      role: { type: "string", multiple: true },
    },
  });
}

/** The version in package.json, read next to the compiled code (dist/cli → package.json). */
async function packageVersion(): Promise<string> {
  const text = await readFile(new URL("../../package.json", import.meta.url), "utf8");
  return (JSON.parse(text) as { version: string }).version;
}
