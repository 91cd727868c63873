import { mkdtemp, rm } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  deskStoryContent,
  type Instance,
  NewsroomSession,
  startInstance,
} from "./support/instances.js";

const storyContent = (headline: string) => deskStoryContent(headline, "workers");

/**
 * A GET on a connection of its own: the cluster primary deals connections to the workers
 * in turn (round robin), so consecutive requests land on different workers.
 */
function getFresh(url: string): Promise<{ status: number; cacheStatus: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false, headers: { connection: "close" } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          cacheStatus: String(res.headers["cache-status"] ?? ""),
          body: Buffer.concat(chunks).toString("utf8"),
        }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}

const metricsToken = "workers-test-metrics-token-0123456789";

const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

/** `newsdesk start --workers 2` on SQLite: two processes, one page cache's worth of renders. */
describe("start --workers 2", () => {
  let dir: string;
  let instance: Instance;
  let editor: NewsroomSession;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "newsdesk-workers-"));
    instance = await startInstance(
      `sqlite:${join(dir, "newsdesk.db")}`,
      { SEED_DEMO: "always", METRICS_TOKEN: metricsToken },
      ["--workers", "2"],
    );
    // The demo's start-up jobs (renditions, transcodes) invalidate pages as they finish: a
    // page rendered before one of those is rightly refused by the other worker, so the
    // tests below start once they are done.
    const deadline = Date.now() + 60_000;
    for (;;) {
      const res = await fetch(`${instance.baseUrl}/metrics`, {
        headers: { authorization: `Bearer ${metricsToken}` },
      });
      const text = await res.text();
      const pending = [...text.matchAll(/^newsdesk_jobs\{state="(?:queued|running)"\} (\d+)/gm)];
      if (pending.length === 2 && pending.every((m) => m[1] === "0")) break;
      if (Date.now() > deadline) throw new Error("the demo's start-up jobs did not finish");
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    editor = new NewsroomSession(instance.baseUrl);
    await editor.login("editor@newsdesk.test", "demo-password-elif");
  });

  afterAll(async () => {
    await instance?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it("renders a page once: after one miss, both workers serve it from their cache", async () => {
    const url = `${instance.baseUrl}/english/world`;
    const first = await getFresh(url);
    expect(first.status).toBe(200);
    expect(first.cacheStatus).toContain("stored");
    await settle();
    // Each worker serves several of these; without sharing, the one that did not render
    // the page would miss on its first.
    const next = await Promise.all(Array.from({ length: 6 }, () => getFresh(url)));
    expect(next.map((r) => r.cacheStatus.includes("hit"))).toEqual(Array(6).fill(true));
    expect(new Set(next.map((r) => r.body))).toEqual(new Set([first.body]));
  });

  it("drops a shared page on every worker when a publish changes it", async () => {
    const url = `${instance.baseUrl}/english/world`;
    await getFresh(url);
    await settle();
    const created = await editor.json<{ story: { id: string } }>("POST", "/stories", {
      serviceId: "en",
      content: storyContent("Ferry links restored across the strait"),
    });
    await editor.json("POST", `/stories/${created.story.id}/publish`, { mode: "first" });
    await settle();
    const after = [];
    for (let i = 0; i < 6; i++) after.push(await getFresh(url));
    expect(after.map((r) => r.body.includes("Ferry links restored across the strait"))).toEqual(
      Array(6).fill(true),
    );
  });
});
