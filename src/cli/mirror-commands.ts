import { parseArgs } from "node:util";
import { loadConfig } from "../config/config.js";
import { isNewsdeskError } from "../domain/error-catalogue.js";
import {
  editionsOf,
  isServiceId,
  serviceByUrlPrefix,
} from "../domain/services/service-registry.js";
import { lastExportTime } from "../export/mirror-sync.js";
import { exportEdition } from "../export/static-export.js";
import { createNewsdesk } from "../main.js";

const mirrorHelp = `Usage: newsdesk mirror export --service <id> --out <dir> [--since <time>|--incremental]

Writes a complete static copy of one edition (--service takes a service id such as fa, or an
edition's address prefix such as serbian-cyrillic): home, sections, topics, people, desks,
stories, images, feeds, an offline search page, with .br and .gz beside each text file, and
MANIFEST.json (every file's SHA-256) signed as MANIFEST.json.minisig with SIGNING_KEY_FILE.
<dir>/index.html is the edition's home; serve <dir> from any static server, under any host
name and path prefix (nginx: gzip_static on; try_files $uri $uri/index.html =404).

  --since <time>   Incremental: re-export only what changed after <time> (ISO 8601), the
                   lists showing it, and remove killed or unpublished stories
  --incremental    The same, since the last export recorded in <dir>

Verify an export: minisign -Vm <dir>/MANIFEST.json -P <public key>  (newsdesk keys show)
The server can keep directories in sync itself: see MIRROR_SYNC in README.md.
`;

const options = {
  service: { type: "string" },
  out: { type: "string" },
  since: { type: "string" },
  incremental: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

/** `newsdesk mirror export …`: returns the process exit code. */
export async function runMirrorCommand(
  argv: readonly string[],
  env: Record<string, string | undefined>,
): Promise<number> {
  let parsed: {
    values: {
      service?: string;
      out?: string;
      since?: string;
      incremental?: boolean;
      help?: boolean;
    };
    positionals: string[];
  };
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true });
  } catch (error) {
    process.stderr.write(`newsdesk mirror: ${(error as Error).message}\n\n${mirrorHelp}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(mirrorHelp);
    return 0;
  }
  const edition = values.service
    ? isServiceId(values.service)
      ? editionsOf(values.service)[0]
      : serviceByUrlPrefix(values.service)
    : undefined;
  const since = values.since === undefined ? undefined : new Date(values.since);
  const problem =
    positionals.length !== 1 || positionals[0] !== "export"
      ? "the only mirror command is `export`"
      : !edition
        ? "--service must name a service (e.g. en, fa) or an edition prefix"
        : !values.out || values.out.length > 4096
          ? "--out <dir> is required"
          : since && Number.isNaN(since.getTime())
            ? "--since must be a time such as 2026-01-31T12:00:00Z"
            : since && values.incremental
              ? "use --since or --incremental, not both"
              : undefined;
  if (problem || !edition || !values.out) {
    process.stderr.write(`newsdesk mirror: ${problem}\n\n${mirrorHelp}`);
    return 2;
  }
  const outDir = values.out;
  try {
    const config = loadConfig({ ...env, SEED_DEMO: "never" });
    const newsdesk = await createNewsdesk(config, { seed: false });
    try {
      const key = newsdesk.reach.keyRing?.current;
      if (!key) {
        process.stderr.write(
          `newsdesk mirror: no signing key at ${config.signingKeyFile}; run \`newsdesk keys generate\`\n`,
        );
        return 1;
      }
      const from = values.incremental ? await lastExportTime(outDir) : since;
      const report = await exportEdition({
        fetchPage: async (path) => newsdesk.app.request(path),
        edition,
        publicUrl: config.publicUrl,
        outDir,
        key,
        now: new Date(),
        ...(from ? { since: from } : {}),
      });
      const seconds = report.ms / 1000;
      process.stdout.write(
        `${report.incremental ? "Updated" : "Exported"} ${edition.urlPrefix} into ${outDir}: ` +
          `${report.pages} pages, ${report.assets} images and icons, ${report.removed} removed, ` +
          `${report.files} files in MANIFEST.json, ${seconds.toFixed(1)} s ` +
          `(${(report.pages / Math.max(seconds, 0.001)).toFixed(0)} pages/s).\n`,
      );
      return 0;
    } finally {
      await newsdesk.close();
    }
  } catch (error) {
    if (isNewsdeskError(error)) {
      process.stderr.write(`newsdesk mirror: ${error.code}: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
