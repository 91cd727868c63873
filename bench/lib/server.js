import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { isShuttingDown, onCleanup } from "./cleanup.js";
import { withFdLimit } from "./proc.js";
import { epochMs, sleep } from "./timing.js";

/**
 * A free TCP port on 127.0.0.1 (bound then released; the server binds it right after).
 * @returns {Promise<number>}
 */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * @typedef {object} ServerChild
 * @property {string} baseUrl
 * @property {number} port
 * @property {number} pid the Node process itself (bash `exec`s it), for /proc readings
 * @property {number} spawnedAt epoch ms just before spawn
 * @property {number} healthyAt epoch ms when /healthz first answered 200
 * @property {() => string} output the child's captured stdout+stderr so far
 * @property {() => Promise<void>} stop SIGTERM, then SIGKILL after a grace period
 */

/**
 * Starts `node bin/newsdesk.js start` as a child, with the open-files limit raised, and
 * waits until GET /healthz is 200 (polled every 5 ms, so cold start is measured closely).
 * @param {{ repoRoot: string, databaseUrl: string, timeoutMs: number,
 *   env?: Record<string, string>, waitForJobs?: boolean, args?: string[] }} options
 *   (waitForJobs: return only once no background job is queued or running; on by default;
 *   args: more `start` arguments, such as `--workers 2`)
 * @returns {Promise<ServerChild>}
 */
export async function startServerChild({
  repoRoot,
  databaseUrl,
  timeoutMs,
  env = {},
  waitForJobs = true,
  args: startArgs = [],
}) {
  const port = await freePort();
  if (isShuttingDown()) throw new Error("the bench is shutting down");
  const [command, args] = withFdLimit(process.execPath, ["bin/newsdesk.js", "start", ...startArgs]);
  const spawnedAt = epochMs();
  const child = spawn(command, args, {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      SEED_DEMO: "auto",
      LOG_LEVEL: "warn",
      METRICS_TOKEN: benchMetricsToken,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (/** @type {Buffer} */ chunk) => {
    output = (output + chunk).slice(-20_000);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  /** @type {Promise<void>} */
  const exited = new Promise((resolve) => {
    if (child.exitCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
  const stop = onCleanup(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const killer = setTimeout(() => child.kill("SIGKILL"), 3000);
    await exited;
    clearTimeout(killer);
  });

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`the server exited with code ${child.exitCode} before /healthz:\n${output}`);
    }
    try {
      const res = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(1000) });
      await res.arrayBuffer();
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the server did not answer /healthz within ${timeoutMs} ms:\n${output}`);
    }
    await sleep(5);
  }
  const healthyAt = epochMs();
  // Measurements start once the demo's start-up jobs (clip transcodes) are done.
  if (waitForJobs) await jobsIdle(baseUrl, timeoutMs * 4);
  return {
    baseUrl,
    port,
    pid: /** @type {number} */ (child.pid),
    spawnedAt,
    healthyAt,
    output: () => output,
    stop,
  };
}

/** The bearer token bench servers take for `/metrics` (loopback only). */
const benchMetricsToken = "bench-metrics-token-0123456789abcdef";

/**
 * A bench server's /metrics text (Prometheus exposition).
 * @param {string} baseUrl
 */
export async function scrapeMetrics(baseUrl) {
  const res = await fetch(`${baseUrl}/metrics`, {
    headers: { authorization: `Bearer ${benchMetricsToken}` },
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`/metrics answered ${res.status}`);
  return text;
}

/**
 * One unlabelled sample from /metrics text, or NaN.
 * @param {string} text @param {string} name
 */
export function metricValue(text, name) {
  return Number(new RegExp(`^${name} ([0-9.e+-]+)`, "m").exec(text)?.[1] ?? Number.NaN);
}

/**
 * Waits until the server has no background job queued or running (`newsdesk_jobs` on
 * /metrics): the demo newsroom transcodes its clips after start, and each ffmpeg spawn holds
 * the event loop for milliseconds, so a measurement taken meanwhile times the demo's
 * set-up, not the path under test.
 * @param {string} baseUrl
 * @param {number} timeoutMs
 */
export async function jobsIdle(baseUrl, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = await scrapeMetrics(baseUrl);
    const pending = [...text.matchAll(/^newsdesk_jobs\{state="(?:queued|running)"\} (\d+)/gm)];
    if (pending.length === 2 && pending.every((m) => m[1] === "0")) return;
    if (Date.now() > deadline) throw new Error("the server's background jobs did not finish");
    await sleep(250);
  }
}

/**
 * The English flagship story: the first world-section story link on the service home page.
 * @param {string} html
 * @returns {string | undefined} the story path
 */
export function findFlagshipStoryPath(html) {
  return /href="(\/english\/world\/[^"/]+-[0-9a-hjkmnp-tv-z]{12})"/.exec(html)?.[1];
}
