import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export interface RunningServer {
  /** e.g. http://127.0.0.1:41234, no trailing slash. */
  readonly baseUrl: string;
  stop(): Promise<void>;
}

const repoRoot = resolve(fileURLToPath(new URL(".", import.meta.url)), "../../..");
const cliPath = join(repoRoot, "bin/newsdesk.js");

/** Asks the kernel for a free loopback port; the CLI does not accept PORT=0. */
export async function findFreePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => (port > 0 ? done(port) : fail(new Error("no free port"))));
    });
  });
}

/**
 * Starts the built CLI (`npm test` builds before the e2e project) on a free port with a
 * fresh SQLite database, seeded with the demo newsroom, and waits for /healthz.
 * Uses the Node that runs the tests (Node 24 under npm/npx), not the system one.
 */
export async function startServer(
  options: { timeoutMs?: number; env?: Record<string, string> } = {},
): Promise<RunningServer> {
  const dir = await mkdtemp(join(tmpdir(), "newsdesk-e2e-"));
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [cliPath, "start"], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_URL: baseUrl,
      DATABASE_URL: `sqlite:${join(dir, "newsdesk.db")}`,
      SEED_DEMO: "auto",
      LOG_LEVEL: "warn",
      // The demo's generated recordings cost about half a minute of ffmpeg on two cores per
      // server; only the tests that play them ask for them.
      DEMO_MEDIA: "off",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const collect = (chunk: Buffer) => {
    output = `${output}${chunk.toString("utf8")}`.slice(-8_000);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const exited = new Promise<number | null>((done) => child.once("exit", (code) => done(code)));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(baseUrl, child, options.timeoutMs ?? 60_000);
  } catch (error) {
    await stop();
    throw new Error(
      `newsdesk did not become healthy: ${String(error)}\n--- output ---\n${output}`,
      {
        cause: error,
      },
    );
  }
  return { baseUrl, stop };
}

async function waitForHealth(baseUrl: string, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // Not listening yet: the first start migrates and generates the demo images.
    }
    await new Promise((done) => setTimeout(done, 150));
  }
  throw new Error(`no healthy /healthz within ${timeoutMs} ms`);
}
