import { parseArgs } from "node:util";
import { loadConfig } from "../config/config.js";
import { seedDemo } from "../demo/seed-demo.js";
import { isNewsdeskError } from "../domain/error-catalogue.js";
import { defaultMediaLimits } from "../domain/media/media-service.js";
import { isServiceId } from "../domain/services/service-registry.js";
import { openMediaObjects } from "../media/media-stores.js";
import { SharpImageProcessor } from "../media/sharp-image-processor.js";
import { bulkSeedStories } from "../storage/bulk-seed.js";
import { migrateToLatest, openDatabase } from "../storage/database.js";
import { hasAnyStory, sqlRepositories } from "../storage/repositories.js";

const seedBenchHelp = `Usage: newsdesk seed-bench --stories <N> [--service <id>] [--batch <n>]

Adds N published stories to the database (DATABASE_URL) for benchmarks: real revisions,
reader projections, topics, contributors and search entries, inserted in bulk. An empty
database gets the demo newsroom first, for its sections, topics, people and images.
Progress goes to stderr.
`;

const options = {
  stories: { type: "string" },
  service: { type: "string" },
  batch: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

/** `newsdesk seed-bench`: returns the process exit code. */
export async function runSeedBenchCommand(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  stderr: NodeJS.WritableStream = process.stderr,
): Promise<number> {
  let values: { stories?: string; service?: string; batch?: string; help?: boolean };
  try {
    values = parseArgs({ args: [...argv], options, allowPositionals: false }).values;
  } catch (error) {
    stderr.write(`newsdesk seed-bench: ${(error as Error).message}\n\n${seedBenchHelp}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(seedBenchHelp);
    return 0;
  }
  const count = positiveInteger(values.stories);
  const batch = values.batch === undefined ? 2000 : positiveInteger(values.batch);
  const serviceId = values.service ?? "en";
  if (count === undefined || batch === undefined || !isServiceId(serviceId)) {
    stderr.write(
      `newsdesk seed-bench: ${
        count === undefined
          ? "--stories must be a positive whole number (1000000 or 1_000_000)"
          : batch === undefined
            ? "--batch must be a positive whole number"
            : `unknown service "${serviceId}"`
      }.\n\n${seedBenchHelp}`,
    );
    return 2;
  }
  try {
    const config = loadConfig(env);
    const database = await openDatabase(config.databaseUrl, { create: config.createDatabase });
    try {
      await migrateToLatest(database);
      if (!(await hasAnyStory(database))) {
        stderr.write("newsdesk seed-bench: empty database; adding the demo newsroom first…\n");
        const repositories = sqlRepositories(database);
        const media = openMediaObjects(config.media, repositories.media);
        await seedDemo({
          repositories,
          images: new SharpImageProcessor({ maxPixels: defaultMediaLimits.maxPixels }),
          mediaObjects: media.objects,
          now: new Date(),
        }).finally(() => media.close());
      }
      const progress = progressBar(stderr, "stories");
      const result = await bulkSeedStories(database, {
        serviceId,
        count,
        batchSize: batch,
        onProgress: progress.update,
      });
      progress.finish();
      process.stdout.write(
        `Seeded ${result.stories} published stories into "${serviceId}" in ${result.seconds.toFixed(1)} s (${Math.round(result.stories / Math.max(result.seconds, 0.001))} stories/s).\n`,
      );
      return 0;
    } finally {
      await database.close();
    }
  } catch (error) {
    if (isNewsdeskError(error)) {
      stderr.write(`newsdesk seed-bench: ${error.code}: ${error.message}\n`);
      return 1;
    }
    stderr.write(`newsdesk seed-bench: ${(error as Error).message}\n`);
    return 1;
  }
}

function positiveInteger(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d[\d_]*$/.test(text)) return undefined;
  const n = Number(text.replaceAll("_", ""));
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

/**
 * A one-line text progress bar redrawn with `\r` (at most 5 times a second): percentage,
 * count, rate and time left. Plain ASCII, so it reads the same in a log file.
 */
function progressBar(
  out: NodeJS.WritableStream,
  unit: string,
  now: () => number = () => performance.now(),
) {
  const started = now();
  let lastDraw = Number.NEGATIVE_INFINITY;
  let lastLine = "";
  const draw = (done: number, total: number) => {
    const elapsed = (now() - started) / 1000;
    const fraction = total > 0 ? done / total : 1;
    const width = 30;
    const filled = Math.round(fraction * width);
    const rate = elapsed > 0 ? done / elapsed : 0;
    const eta = rate > 0 ? (total - done) / rate : Number.NaN;
    lastLine =
      `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${(fraction * 100).toFixed(1).padStart(5)}% ` +
      `${done.toLocaleString("en")}/${total.toLocaleString("en")} ${unit}, ` +
      `${Math.round(rate).toLocaleString("en")}/s, ETA ${formatDuration(eta)}`;
    out.write(`\r${lastLine.padEnd(90)}`);
  };
  return {
    update: (done: number, total: number) => {
      const t = now();
      if (done < total && t - lastDraw < 200) return;
      lastDraw = t;
      draw(done, total);
    },
    finish: () => {
      if (lastLine) out.write("\n");
    },
  };
}

function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return "--:--";
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${rest}` : `${m}:${rest}`;
}
