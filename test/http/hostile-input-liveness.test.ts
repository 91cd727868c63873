import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../src/domain/actor.js";
import { type Newsdesk, startServer } from "../../src/main.js";
import { dialects } from "../support/test-databases.js";
import { startTestNewsdesk } from "../support/test-newsdesk.js";

/**
 * While a hostile revision diff or a hostile wire file is being
 * processed, the real HTTP server still answers `/healthz` within 100 ms. The probes run
 * from the same test process over real sockets, concurrently with the hostile request.
 */
const ORIGIN = "https://news.example.org";

/** Polls /healthz every 10 ms until `work` settles; returns each probe's latency. */
async function healthLatencies(base: string, work: Promise<unknown>): Promise<number[]> {
  let settled = false;
  const done = work.finally(() => {
    settled = true;
  });
  const latencies: number[] = [];
  while (!settled) {
    const started = performance.now();
    const res = await fetch(`${base}/healthz`);
    await res.arrayBuffer();
    latencies.push(performance.now() - started);
    expect(res.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await done;
  return latencies;
}

/**
 * Runs the hostile request up to three times (after the server has settled each time) and
 * returns the attempt with the smallest worst-case probe latency. Real blocking (the old
 * O(n·m) diff held the loop for seconds) fails every attempt; a one-off stall of a shared
 * CI machine does not fail the build.
 */
async function bestOfThree(
  base: string,
  hostile: (attempt: number) => Promise<Response>,
): Promise<{ worst: number; latencies: number[]; responses: Response[] }> {
  let best: number[] | undefined;
  const responses: Response[] = [];
  for (let attempt = 0; attempt < 3; attempt += 1) {
    await settle(base);
    const request = hostile(attempt);
    const latencies = await healthLatencies(base, request);
    responses.push(await request);
    if (!best || Math.max(...latencies) < Math.max(...best)) best = latencies;
    if (Math.max(...latencies) < 100) break;
  }
  const latencies = best ?? [];
  return { worst: Math.max(...latencies), latencies, responses };
}

/** Waits (at most 5 s) until the server answers /healthz quickly: nothing else is running. */
async function settle(base: string): Promise<void> {
  const until = performance.now() + 5_000;
  while (performance.now() < until) {
    const started = performance.now();
    await (await fetch(`${base}/healthz`)).arrayBuffer();
    if (performance.now() - started < 20) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Before: 2,000 paragraphs of six lines; after: every other line changed, the worst case
 * for an O(ND) diff and 144 million cells for the old O(n·m) table. */
function hostileBodies() {
  const paragraph = (p: number, changed: boolean) =>
    Array.from({ length: 6 }, (_, l) =>
      changed && l % 2 === 1 ? `rewritten ${p}.${l}` : `line ${p}.${l}`,
    ).join("\n");
  const body = (changed: boolean) =>
    Array.from({ length: 2_000 }, (_, p) => ({
      type: "paragraph",
      content: [{ text: paragraph(p, changed) }],
    }));
  return { before: body(false), after: body(true) };
}

describe.each(dialects)("liveness under hostile input on %s", (dialect) => {
  let newsdesk: Newsdesk & { dispose(): Promise<void> };
  let server: { port: number; stop(): Promise<void> };
  let base: string;

  beforeAll(async () => {
    newsdesk = await startTestNewsdesk(dialect, { env: { PORT: "0", HOST: "127.0.0.1" } });
    server = await startServer(newsdesk);
    base = `http://127.0.0.1:${server.port}`;
  });
  afterAll(async () => {
    await server.stop();
    await newsdesk.dispose();
  });

  it("answers /healthz within 100 ms while a reporter diffs two huge revisions", async () => {
    const login = await fetch(`${base}/newsroom/api/session`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: ORIGIN },
      body: JSON.stringify({ email: "reporter@newsdesk.test", password: "demo-password-rafael" }),
    });
    expect(login.status).toBe(200);
    const cookie = /nd_session=[^;]+/.exec(login.headers.get("set-cookie") ?? "")?.[0] ?? "";
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const call = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`${base}/newsroom/api${path}`, {
        method,
        headers: {
          Cookie: cookie,
          Origin: ORIGIN,
          "X-CSRF-Token": csrfToken,
          ...(body === undefined ? {} : { "Content-Type": "application/json" }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: res.status, json: (await res.json()) as Record<string, never> };
    };
    const { before, after } = hostileBodies();
    const content = {
      headline: "Long story",
      standfirst: "",
      dateline: "GENEVA",
      slug: "long-story",
      section: "world",
      topics: [],
      leadFigure: null,
      bylines: [],
      agencies: [],
    };
    const created = await call("POST", "/stories", {
      serviceId: "en",
      content: { ...content, body: before },
    });
    expect(created.status).toBe(201);
    const storyId = (created.json.story as unknown as { id: string }).id;
    const first = (created.json.revision as unknown as { id: string }).id;
    const saved = await call("PUT", `/stories/${storyId}/draft`, {
      baseRevisionId: first,
      content: { ...content, body: after },
    });
    expect(saved.status).toBe(200);
    const second = (saved.json.revision as unknown as { id: string }).id;

    // Saving 2,000 paragraphs sets off indexing and live events; measure the diff alone.
    const path = `/newsroom/api/stories/${storyId}/revisions/${first}/diff/${second}`;
    const { worst, latencies, responses } = await bestOfThree(base, () =>
      fetch(`${base}${path}`, { headers: { Cookie: cookie, Origin: ORIGIN } }),
    );
    for (const response of responses) {
      expect(response.status).toBe(200);
      const json = (await response.json()) as { body: unknown[]; tooLarge: unknown };
      expect(json.body).toEqual([]);
      expect(json.tooLarge).toMatchObject({ reason: expect.stringMatching(/^(edits|time)$/) });
    }
    expect(latencies.length).toBeGreaterThan(0);
    expect(worst).toBeLessThan(100);
  });

  it("answers /healthz within 100 ms while a pushed wire file nests 150k elements", async () => {
    const { source, pushToken } = await newsdesk.services.wire.sources.add(systemActor("test"), {
      kind: "push",
      name: "Hostile push",
      agencyCode: "HOSTPU",
      agencyName: "Hostile Push",
      serviceId: "en",
    });
    const nested = 150_000;
    const file = (attempt: number) =>
      JSON.stringify({
        uri: `urn:hostile:${attempt}`,
        headline: "Deep",
        body_html: `${"<div>".repeat(nested)}words${"</div>".repeat(nested)}`,
      });
    const { worst, latencies, responses } = await bestOfThree(base, (attempt) =>
      fetch(`${base}/ingest/push/${source.id}`, {
        method: "POST",
        headers: { Authorization: `Bearer ${pushToken}`, "Content-Type": "application/json" },
        body: file(attempt),
      }),
    );
    for (const response of responses) {
      expect(await response.json()).toMatchObject({ code: "WIRE_TOO_DEEP" });
    }
    expect(latencies.length).toBeGreaterThan(0);
    expect(worst).toBeLessThan(100);
  });
});
