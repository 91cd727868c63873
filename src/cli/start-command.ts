import cluster from "node:cluster";
import { availableParallelism } from "node:os";
import type { Config } from "../config/config.js";
import { createNewsdesk, type Newsdesk, startServer } from "../main.js";

/**
 * `newsdesk start [--workers N]`. One process serves readers, the newsroom and background
 * jobs. With --workers, a primary prepares the database once (migrations, demo seed),
 * then forks N identical workers sharing the port (node:cluster); it relays cache and
 * banner changes between them when there is no PostgreSQL to carry them, and replaces
 * any worker that dies.
 */
export async function runStart(config: Config, options: { workers: number }): Promise<number> {
  if (options.workers > 1 && cluster.isPrimary) return runPrimary(config, options.workers);
  const newsdesk = await createNewsdesk(config);
  const server = await startServer(newsdesk);
  newsdesk.startBackground();
  newsdesk.logger.info(
    { port: server.port, url: config.publicUrl, pid: process.pid },
    "Newsdesk is serving readers",
  );
  if (cluster.isPrimary) printWelcome(newsdesk, server.port);
  const shutdown = async () => {
    await server.stop();
    await newsdesk.close();
    process.exit(0);
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
  return new Promise<number>(() => undefined);
}

async function runPrimary(config: Config, workers: number): Promise<number> {
  // Migrate and seed once, here, so workers never race on either.
  const prepared = await createNewsdesk(config);
  const accounts = prepared.demoAccounts;
  await prepared.close();
  cluster.setupPrimary({ exec: process.argv[1] ?? "", args: process.argv.slice(2) });
  const env = { NEWSDESK_CLUSTER_WORKER: "1", SEED_DEMO: "never" };
  let stopping = false;
  for (let i = 0; i < workers; i++) cluster.fork(env);
  cluster.on("message", (from, message: { type?: string }) => {
    if (message?.type !== "newsdesk-change") return;
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
    if (listening === workers) {
      process.stdout.write(
        `\nNewsdesk is running at http://localhost:${config.port}/ with ${workers} workers\n`,
      );
      process.stdout.write(`The newsroom is at http://localhost:${config.port}/newsroom/\n`);
      printAccounts(accounts);
    }
  });
  const shutdown = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill("SIGTERM");
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
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

function printWelcome(newsdesk: Newsdesk, port: number): void {
  process.stdout.write(`\nNewsdesk is running at http://localhost:${port}/\n`);
  process.stdout.write(`The newsroom is at http://localhost:${port}/newsroom/\n`);
  printAccounts(newsdesk.demoAccounts);
}

function printAccounts(accounts: Newsdesk["demoAccounts"]): void {
  if (accounts.length > 0) {
    process.stdout.write(
      "\nDemo accounts (public passwords; set SEED_DEMO=never in production):\n",
    );
    for (const account of accounts) {
      process.stdout.write(
        `  ${account.email.padEnd(26)} ${account.password.padEnd(26)} ${account.role}\n`,
      );
    }
  }
  process.stdout.write("\n");
}
