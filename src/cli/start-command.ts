import cluster from "node:cluster";
import { availableParallelism } from "node:os";
import { pageShareMessage } from "../cache/page-share.js";
import type { Config } from "../config/config.js";
import { createNewsdesk, type Newsdesk, startServer } from "../main.js";
import { ensureSigningKey } from "../security/signing-key-file.js";

/**
 * `newsdesk start [--workers N]`. One process serves readers, the newsroom and background
 * jobs. With --workers, a primary prepares the database once (migrations, demo seed),
 * then forks N identical workers sharing the port (node:cluster); it relays cache and
 * banner changes between them when there is no PostgreSQL to carry them, and replaces
 * any worker that dies.
 */
/** How long a shutdown waits for in-flight requests (load balancers allow about 30 s). */
const drainMs = 25_000;

export async function runStart(config: Config, options: { workers: number }): Promise<number> {
  // Development only: sign /mirrors.json from the first start (production: `newsdesk keys`).
  if (cluster.isPrimary && !config.production) {
    await ensureSigningKey(config.signingKeyFile, new Date());
  }
  if (options.workers > 1 && cluster.isPrimary) return runPrimary(config, options.workers);
  const newsdesk = await createNewsdesk(config);
  const server = await startServer(newsdesk);
  newsdesk.startBackground();
  newsdesk.logger.info(
    { port: server.port, url: config.publicUrl, pid: process.pid, production: config.production },
    "Newsdesk is serving readers",
  );
  if (!config.publicUrlSet && cluster.isPrimary) {
    newsdesk.logger.warn(
      { publicUrl: config.publicUrl },
      "PUBLIC_URL is not set: canonical links, feeds and sitemaps name localhost",
    );
  }
  if (cluster.isPrimary && !config.production) printWelcome(newsdesk, server.port);
  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    // A second signal means "now": the operator gave up waiting.
    if (stopping) process.exit(1);
    stopping = true;
    const started = Date.now();
    newsdesk.logger.info({ signal, streams: newsdesk.live.connections }, "shutting down: draining");
    const { finished, cut } = await server.drain(drainMs);
    await newsdesk.close();
    newsdesk.logger.info(
      { ms: Date.now() - started, finished, cutRequests: cut },
      "shut down: requests drained, jobs finished, database closed",
    );
    process.exit(0);
  };
  process.on("SIGINT", (signal) => void shutdown(signal));
  process.on("SIGTERM", (signal) => void shutdown(signal));
  return new Promise<number>(() => undefined);
}

async function runPrimary(config: Config, workers: number): Promise<number> {
  // Migrate and seed once, here, so workers never race on either.
  const prepared = await createNewsdesk(config);
  const accounts = prepared.demoAccounts;
  await prepared.close();
  // "advanced" (the structured clone algorithm): shared pages travel as bytes (page-share.ts).
  cluster.setupPrimary({
    exec: process.argv[1] ?? "",
    args: process.argv.slice(2),
    serialization: "advanced",
  });
  const env = { NEWSDESK_CLUSTER_WORKER: "1", SEED_DEMO: "never" };
  let stopping = false;
  for (let i = 0; i < workers; i++) cluster.fork(env);
  // Changes (change-bus.ts) and rendered pages (page-share.ts), forwarded in the order they
  // come, which is what lets a worker tell a page rendered before a change from one after.
  cluster.on("message", (from, message: { type?: string }) => {
    if (message?.type !== "newsdesk-change" && message?.type !== pageShareMessage) return;
    for (const worker of Object.values(cluster.workers ?? {})) {
      if (worker && worker.id !== from.id) worker.send(message);
    }
  });
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    process.stderr.write(
      `newsdesk: worker ${worker.process.pid} exited (${signal ?? code}); starting another\n`,
    );
    cluster.fork(env);
  });
  let listening = 0;
  cluster.on("listening", () => {
    listening++;
    if (listening === workers && !config.production) {
      process.stderr.write(
        `\nNewsdesk is running at http://localhost:${config.port}/ with ${workers} workers\n`,
      );
      process.stderr.write(`The newsroom is at http://localhost:${config.port}/newsroom/\n`);
      printAccounts(accounts);
    }
  });
  // The primary drains its workers: each finishes its requests and jobs, then exits.
  const shutdown = () => {
    if (stopping) process.exit(1);
    stopping = true;
    const running = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
    if (running.length === 0) process.exit(0);
    let exited = 0;
    cluster.on("exit", () => {
      exited++;
      if (exited === running.length) process.exit(0);
    });
    for (const worker of running) worker.kill("SIGTERM");
    // Past the workers' own drain limit, give up on them.
    setTimeout(() => process.exit(1), drainMs + 5_000).unref();
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
  return new Promise<number>(() => undefined);
}

/** `--workers auto` means one per core. */
export function parseWorkers(value: string | undefined): number {
  if (value === undefined) return 1;
  if (value === "auto") return availableParallelism();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256) {
    throw new Error(`--workers takes a whole number from 1 to 256 or "auto", not "${value}"`);
  }
  return n;
}

/** For people at a terminal, on stderr: stdout carries only the JSON log. */
function printWelcome(newsdesk: Newsdesk, port: number): void {
  process.stderr.write(`\nNewsdesk is running at http://localhost:${port}/\n`);
  process.stderr.write(`The newsroom is at http://localhost:${port}/newsroom/\n`);
  printAccounts(newsdesk.demoAccounts);
}

function printAccounts(accounts: Newsdesk["demoAccounts"]): void {
  if (accounts.length > 0) {
    process.stderr.write(
      "\nDemo accounts (public passwords; production mode never creates them):\n",
    );
    for (const account of accounts) {
      process.stderr.write(
        `  ${account.email.padEnd(26)} ${account.password.padEnd(26)} ${account.role}\n`,
      );
    }
  }
  process.stderr.write("\n");
}
