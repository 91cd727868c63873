import { spawn } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { onCleanup } from "./cleanup.js";
import { loginNewsroom } from "./newsroom-client.js";
import { onCpu, pinnedCpus, pinProcess, rssKiB, withFdLimit } from "./proc.js";
import { startServerChild } from "./server.js";
import { summarize } from "./stats.js";
import { epochMs, sleep } from "./timing.js";

const clientScript = fileURLToPath(new URL("./sse-client.js", import.meta.url));

/**
 * Benchmark 4: one instance holding `connections` SSE streams on GET /_/live/en, split over
 * `clients` client processes (each process may hold at most 20,000 open files). Reports
 * the server's RSS growth per connection and the time from the editor's banner request to
 * the banner frame's arrival on every socket (client timestamps).
 * @param {{ repoRoot: string, dir: string, connections: number, clients: number,
 *   timeoutMs: number, log: (line: string) => void }} options
 */
export async function runSseBench({ repoRoot, dir, connections, clients, timeoutMs, log }) {
  const server = await startServerChild({
    repoRoot,
    databaseUrl: `sqlite:${join(dir, "sse.db")}`,
    timeoutMs: 30_000,
  });
  // The server on one core, the readers on the other (issue 18, item 0).
  const cpus = pinnedCpus();
  if (cpus) pinProcess(server.pid, cpus.server);
  const editor = await loginNewsroom(server.baseUrl);
  await sleep(1000);
  const rssBefore = rssKiB(server.pid);
  const per = Math.ceil(connections / clients);
  const startedAt = epochMs();
  const children = Array.from({ length: clients }, (_, i) =>
    startClient(server.port, Math.min(per, connections - i * per), "en", cpus?.load ?? null),
  );
  const connectedReports = await Promise.all(
    children.map((c) => c.next("connected", timeoutMs * 4)),
  );
  const connectSeconds = (epochMs() - startedAt) / 1000;
  const connected = connectedReports.reduce((s, r) => s + (r?.connected ?? 0), 0);
  const failed = connectedReports.reduce((s, r) => s + (r?.failed ?? 0), 0);
  log(
    `bench: ${connected} SSE connections open (${failed} failed) in ${connectSeconds.toFixed(1)} s`,
  );
  await sleep(2000);
  const rssConnected = rssKiB(server.pid);

  const token = `bench${Math.random().toString(36).slice(2, 12)}`;
  for (const c of children) c.command(`watch ${token}`);
  await sleep(100);
  const waits = children.map((c) => c.next("received", timeoutMs));
  const t0 = epochMs();
  await editor.call("PUT", "/banners/en", {
    text: `Bench banner ${token}`,
    url: null,
    expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
  });
  const apiMs = epochMs() - t0;
  let reports = await Promise.all(waits);
  if (reports.some((r) => !r)) {
    for (const c of children) c.command("report");
    reports = await Promise.all(children.map((c) => c.next("report", 5000)));
  }
  const arrivals = reports.flatMap((r) =>
    (r?.receivedAt ?? []).map((/** @type {number} */ t) => t - t0),
  );
  const delivery = summarize(arrivals);
  const rssAfter = rssKiB(server.pid);
  for (const c of children) await c.stop();
  await server.stop();
  return {
    connections: connected,
    failed,
    connectSeconds,
    rssBeforeKiB: rssBefore,
    rssConnectedKiB: rssConnected,
    rssAfterBroadcastKiB: rssAfter,
    perConnectionKiB: connected ? (rssConnected - rssBefore) / connected : 0,
    received: arrivals.length,
    bannerRequestMs: apiMs,
    pinned: cpus !== null,
    deliveryMs: delivery,
    reachAllMs: arrivals.length === connected ? delivery.maxMs : Number.POSITIVE_INFINITY,
  };
}

/**
 * A client process holding `count` streams on `/_/live/<edition>` (the edition's tag, which
 * may carry a live page's query: `en?story=…`).
 * @param {number} port
 * @param {number} count
 * @param {string} [edition]
 * @param {number | null} [cpu] the CPU to run on (`taskset`), or any
 */
export function startClient(port, count, edition = "en", cpu = null) {
  const [command, args] = onCpu(
    ...withFdLimit(process.execPath, [clientScript, String(port), String(count), edition]),
    cpu,
  );
  const child = spawn(command, args, { stdio: ["pipe", "pipe", "inherit"] });
  /** @type {any[]} */
  const inbox = [];
  /** @type {((m: any) => void)[]} */
  const waiters = [];
  createInterface({ input: child.stdout }).on("line", (line) => {
    try {
      const message = JSON.parse(line);
      inbox.push(message);
      for (const w of [...waiters]) w(message);
    } catch {
      // not ours
    }
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const stop = onCleanup(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.stdin.end("close\n");
    const killer = setTimeout(() => child.kill("SIGKILL"), 3000);
    await exited;
    clearTimeout(killer);
  });
  return {
    stop,
    /** @param {string} line */
    command: (line) => child.stdin.write(`${line}\n`),
    /**
     * The next message of a type (or one already received); undefined on timeout.
     * @param {string} type
     * @param {number} timeoutMs
     * @returns {Promise<any>}
     */
    next: (type, timeoutMs) =>
      new Promise((resolve) => {
        const found = inbox.find((m) => m.type === type);
        if (found) {
          inbox.splice(inbox.indexOf(found), 1);
          resolve(found);
          return;
        }
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          resolve(undefined);
        }, timeoutMs);
        /** @param {any} m */
        const waiter = (m) => {
          if (m.type !== type) return;
          clearTimeout(timer);
          waiters.splice(waiters.indexOf(waiter), 1);
          inbox.splice(inbox.indexOf(m), 1);
          resolve(m);
        };
        waiters.push(waiter);
      }),
  };
}
