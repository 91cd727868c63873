import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Newsdesk } from "../../src/main.js";
import { NewsroomClient } from "../support/newsroom-client.js";
import { dialects } from "../support/test-databases.js";
import { startTestNewsdesk } from "../support/test-newsdesk.js";

/**
 * Attacks with an ordinary newsroom account: each performs the attack
 * through the HTTP API and expects the refusal.
 */
const draftContent = (headline: string) => ({
  headline,
  standfirst: "",
  dateline: "",
  slug: "harbour-talks",
  section: "world",
  topics: [],
  leadFigure: null,
  body: [{ type: "paragraph", content: [{ text: "Talks resumed at the harbour." }] }],
  bylines: [{ kind: "desk", deskId: "meridian-news" }],
  agencies: [],
});

describe.each(dialects)("closed abuse paths on %s", (dialect) => {
  let newsdesk: Newsdesk & { dispose(): Promise<void> };
  let admin: NewsroomClient;
  let editor: NewsroomClient;
  let russian: NewsroomClient;

  beforeAll(async () => {
    newsdesk = await startTestNewsdesk(dialect);
    admin = new NewsroomClient(newsdesk.app);
    editor = new NewsroomClient(newsdesk.app);
    russian = new NewsroomClient(newsdesk.app);
    await admin.login("admin@newsdesk.test", "demo-password-ada");
    await editor.login("editor@newsdesk.test", "demo-password-elif");
    await admin.json("POST", "/users", {
      email: "ru-translator@newsdesk.test",
      displayName: "Russian translator",
      password: "a-long-russian-passphrase",
      grants: [
        { serviceId: "ru", role: "translator" },
        { serviceId: "ru", role: "reporter" },
      ],
    });
    await russian.login("ru-translator@newsdesk.test", "a-long-russian-passphrase");
  });
  afterAll(async () => {
    await newsdesk?.dispose();
  });

  describe("body limits (item 6)", () => {
    it("refuses a JSON body over 1 MB with 413 before reading it", async () => {
      const { story } = await editor.json<{ story: { id: string; currentRevisionId: string } }>(
        "POST",
        "/stories",
        { serviceId: "en", content: draftContent("Limits") },
      );
      const huge = await editor.request("PUT", `/stories/${story.id}/draft`, {
        baseRevisionId: story.currentRevisionId,
        content: { ...draftContent("Limits"), standfirst: "x".repeat(1_100_000) },
      });
      expect(huge.status).toBe(413);
      expect(huge.headers.get("content-type")).toContain("application/problem+json");
      expect(await huge.json()).toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
      // Nothing was stored: the story is still at its first revision.
      const after = await editor.json<{ story: { currentRevisionNumber: number } }>(
        "GET",
        `/stories/${story.id}`,
      );
      expect(after.story.currentRevisionNumber).toBe(1);
    });

    it("cuts off a chunked body without Content-Length at the limit", async () => {
      const chunk = new TextEncoder().encode(`{"html":"${"a".repeat(64 * 1024)}`);
      let sent = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          // An endless body: the router must stop reading, not buffer it all.
          sent += chunk.byteLength;
          controller.enqueue(chunk);
          if (sent > 64 * 1024 * 1024) controller.close();
        },
      });
      const response = await newsdesk.app.request("/newsroom/api/stories", {
        method: "POST",
        headers: {
          Cookie: editor.cookie,
          "X-CSRF-Token": editor.csrfToken,
          Origin: "https://news.example.org",
          "Content-Type": "application/json",
        },
        body: stream,
        duplex: "half",
      } as RequestInit);
      expect(response.status).toBe(413);
      expect(sent).toBeLessThan(4 * 1024 * 1024);
    });

    it("gives anonymous log-in 16 KB", async () => {
      const response = await new NewsroomClient(newsdesk.app).request("POST", "/session", {
        email: "admin@newsdesk.test",
        password: "p".repeat(20_000),
      });
      expect(response.status).toBe(413);
      expect(await response.json()).toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    });

    it("refuses JSON nested deeper than 64 levels with 400, not a stack overflow", async () => {
      const deep = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
      const response = await newsdesk.app.request("/newsroom/api/stories", {
        method: "POST",
        headers: {
          Cookie: editor.cookie,
          "X-CSRF-Token": editor.csrfToken,
          Origin: "https://news.example.org",
          "Content-Type": "application/json",
        },
        body: deep,
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ code: "VALIDATION_FAILED" });
    });
  });

  describe("translations (item 11)", () => {
    it("refuses to start a translation from another service's unpublished draft", async () => {
      const { story } = await editor.json<{ story: { id: string } }>("POST", "/stories", {
        serviceId: "en",
        content: draftContent("Unpublished English draft"),
      });
      const attempt = await russian.request("POST", `/stories/${story.id}/translations`, {
        serviceId: "ru",
      });
      expect(attempt.status).toBe(403);
      // Nothing was created in the Russian service.
      const family = await editor.json<{ family: { serviceId: string }[] }>(
        "GET",
        `/stories/${story.id}/translations`,
      );
      expect(family.family.map((m) => m.serviceId)).toEqual(["en"]);
    });

    it("lists only the family members the caller may see", async () => {
      const { story } = await editor.json<{ story: { id: string } }>("POST", "/stories", {
        serviceId: "en",
        content: draftContent("Harbour talks"),
      });
      await editor.json("POST", `/stories/${story.id}/publish`, { mode: "first" });
      const ru = await russian.json<{ story: { id: string } }>(
        "POST",
        `/stories/${story.id}/translations`,
        { serviceId: "ru" },
      );
      // A Persian draft translation, which the Russian translator must not see.
      await editor.json("POST", `/stories/${story.id}/translations`, { serviceId: "fa" });
      const seen = await russian.json<{ family: { serviceId: string }[] }>(
        "GET",
        `/stories/${ru.story.id}/translations`,
      );
      expect(seen.family.map((m) => m.serviceId).sort()).toEqual(["en", "ru"]);
      const all = await admin.json<{ family: { serviceId: string }[] }>(
        "GET",
        `/stories/${ru.story.id}/translations`,
      );
      expect(all.family.map((m) => m.serviceId).sort()).toEqual(["en", "fa", "ru"]);
    });
  });

  describe("listings limited to the caller's services (item 16)", () => {
    it("shows alerts only with entries in the caller's services", async () => {
      const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
      const { alert } = await editor.json<{ alert: { id: string } }>("POST", "/alerts", {
        expiresAt,
        services: { en: "Storm warning for the coast", fa: null },
      });
      const mine = await russian.json<{ id: string }[]>("GET", "/alerts");
      expect(mine.map((a) => a.id)).not.toContain(alert.id);
      expect(JSON.stringify(mine)).not.toContain("Storm warning");
      const theirs = await editor.json<{ id: string }[]>("GET", "/alerts");
      expect(theirs.map((a) => a.id)).toContain(alert.id);
    });

    it("keeps a story's wire lineage to those who may see the story", async () => {
      const { story } = await editor.json<{ story: { id: string } }>("POST", "/stories", {
        serviceId: "en",
        content: draftContent("Lineage"),
      });
      const refused = await russian.request("GET", `/wire/stories/${story.id}`);
      expect(refused.status).toBe(403);
      expect((await editor.request("GET", `/wire/stories/${story.id}`)).status).toBe(200);
    });
  });
});
