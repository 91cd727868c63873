import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { findFreePort } from "./support/start-server.js";

// The built CLI as an operator runs it: SIGTERM drains and exits 0, stdout is JSON only, and
// production mode refuses to start without its settings.

const repoRoot = resolve(fileURLToPath(new URL(".", import.meta.url)), "../..");
const cliPath = join(repoRoot, "bin/newsdesk.js");

function run(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [cliPath, ...args], {
    cwd: repoRoot,
    env: { ...process.env, NODE_ENV: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString("utf8");
  });
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  const exited = new Promise<number | null>((done) => child.once("exit", (code) => done(code)));
  return { child, exited, stdout: () => stdout, stderr: () => stderr };
}

async function waitReady(baseUrl: string, exited: Promise<unknown>): Promise<void> {
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  for (let i = 0; i < 600 && !gone; i++) {
    try {
      if ((await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(2000) })).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error("the server never became ready");
}

describe("operating the built server", () => {
  it("drains on SIGTERM and exits 0, logging JSON lines only on stdout", async () => {
    const dir = await mkdtemp(join(tmpdir(), "newsdesk-ops-"));
    try {
      const port = await findFreePort();
      const baseUrl = `http://127.0.0.1:${port}`;
      const server = run(["start"], {
        PORT: String(port),
        HOST: "127.0.0.1",
        DATABASE_URL: `sqlite:${join(dir, "newsdesk.db")}`,
        SEED_DEMO: "never",
        LOG_LEVEL: "info",
      });
      await waitReady(baseUrl, server.exited);
      expect((await fetch(`${baseUrl}/english/`)).status).toBe(200);
      server.child.kill("SIGTERM");
      expect(await server.exited).toBe(0);
      const lines = server
        .stdout()
        .split("\n")
        .filter((line) => line.trim() !== "");
      // Every stdout line is one JSON log record (pino); people's text went to stderr.
      const records = lines.map((line) => JSON.parse(line) as { msg: string });
      const messages = records.map((r) => r.msg);
      expect(messages).toContain("Newsdesk is serving readers");
      expect(messages).toContain("shutting down: draining");
      expect(messages).toContain("shut down: requests drained, jobs finished, database closed");
      expect(messages).toContain(
        "PUBLIC_URL is not set: canonical links, feeds and sitemaps name localhost",
      );
      // The welcome text for people at a terminal went to stderr.
      expect(server.stderr()).toContain("Newsdesk is running at");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("refuses to start in production without DATABASE_URL and PUBLIC_URL", async () => {
    const server = run(["start", "--production"], { PORT: String(await findFreePort()) });
    expect(await server.exited).toBe(1);
    expect(server.stderr()).toContain(
      "CONFIG_INVALID: Invalid configuration: production needs DATABASE_URL and PUBLIC_URL set explicitly.",
    );
  });

  it("starts in production with no demo accounts and no passwords printed", async () => {
    const dir = await mkdtemp(join(tmpdir(), "newsdesk-ops-"));
    try {
      const port = await findFreePort();
      const baseUrl = `http://127.0.0.1:${port}`;
      const server = run(["start"], {
        NODE_ENV: "production",
        PORT: String(port),
        HOST: "127.0.0.1",
        PUBLIC_URL: baseUrl,
        DATABASE_URL: `sqlite:${join(dir, "newsdesk.db")}`,
        LOG_LEVEL: "info",
      });
      await waitReady(baseUrl, server.exited);
      const login = await fetch(`${baseUrl}/newsroom/api/session`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Origin: baseUrl },
        body: JSON.stringify({ email: "admin@newsdesk.test", password: "demo-password-ada" }),
      });
      expect(login.status).toBe(401);
      server.child.kill("SIGTERM");
      expect(await server.exited).toBe(0);
      expect(`${server.stdout()}${server.stderr()}`).not.toContain("demo-password");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
