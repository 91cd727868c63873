import { spawn } from "node:child_process";
import { createServer } from "node:net";

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
 * @property {() => string} output the child's captured stdout+stderr so far
 * @property {() => Promise<void>} stop SIGTERM, then SIGKILL after a grace period
 */

/**
 * Starts `node bin/newsdesk.js start` as a child and waits until GET /healthz is 200.
 * @param {{ repoRoot: string, databaseUrl: string, timeoutMs: number }} options
 * @returns {Promise<ServerChild>}
 */
export async function startServerChild({ repoRoot, databaseUrl, timeoutMs }) {
  const port = await freePort();
  if (closed) throw new Error("the bench is shutting down");
  const child = spawn(process.execPath, ["bin/newsdesk.js", "start"], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      SEED_DEMO: "auto",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr.on("data", (chunk) => {
    output += chunk;
  });
  /** @type {Promise<void>} */
  const exited = new Promise((resolve) => {
    if (child.exitCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const killer = setTimeout(() => child.kill("SIGKILL"), 3000);
    await exited;
    clearTimeout(killer);
  };
  registerChild(stop);

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
    await new Promise((r) => setTimeout(r, 50));
  }
  return { baseUrl, output: () => output, stop };
}

/** @type {Set<() => Promise<void>>} */
const liveChildren = new Set();
let closed = false;

/** @param {() => Promise<void>} stop */
function registerChild(stop) {
  liveChildren.add(stop);
}

/** Stops every server child started by this process (idempotent). */
export async function stopAllChildren() {
  closed = true;
  const stops = [...liveChildren];
  liveChildren.clear();
  await Promise.allSettled(stops.map((stop) => stop()));
}

/**
 * The English flagship story: the first world-section story link on the service home page.
 * @param {string} html
 * @returns {string | undefined} the story path
 */
export function findFlagshipStoryPath(html) {
  return /href="(\/english\/world\/[^"/]+-[0-9a-hjkmnp-tv-z]{12})"/.exec(html)?.[1];
}
