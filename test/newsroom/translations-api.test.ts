import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Newsdesk } from "../../src/main.js";
import { NewsroomClient } from "../support/newsroom-client.js";
import { dialects } from "../support/test-databases.js";
import { startTestNewsdesk } from "../support/test-newsdesk.js";

type Json = Record<string, unknown>;

const english = (headline: string, extra = "") => ({
  headline,
  standfirst: "",
  dateline: "",
  slug: "ferry-service-resumes",
  section: "world",
  topics: [],
  leadFigure: null,
  body: [{ type: "paragraph", content: [{ text: `The ferry sailed at dawn.${extra}` }] }],
  bylines: [{ kind: "desk", deskId: "meridian-news" }],
  agencies: [],
});

describe.each(dialects)("the translation flow through the newsroom API on %s", (dialect) => {
  let newsdesk: Newsdesk & { dispose(): Promise<void> };
  let editor: NewsroomClient;
  let translator: NewsroomClient;

  beforeAll(async () => {
    newsdesk = await startTestNewsdesk(dialect);
    editor = new NewsroomClient(newsdesk.app);
    translator = new NewsroomClient(newsdesk.app);
    await editor.login("editor@newsdesk.test", "demo-password-elif");
    await translator.login("translator@newsdesk.test", "demo-password-taraneh");
  });
  afterAll(async () => {
    await newsdesk?.dispose();
  });

  it("translates, flags the translation stale on a source update, and brings it up to date", async () => {
    const { story: source } = await editor.json<{ story: { id: string } }>("POST", "/stories", {
      serviceId: "en",
      content: english("Ferry service resumes"),
    });
    await editor.json("POST", `/stories/${source.id}/publish`, { mode: "first" });

    // A reporter may not translate; the Persian translator may.
    const reporter = new NewsroomClient(newsdesk.app);
    await reporter.login("reporter@newsdesk.test", "demo-password-rafael");
    expect(
      (await reporter.request("POST", `/stories/${source.id}/translations`, { serviceId: "fa" }))
        .status,
    ).toBe(403);
    const created = await translator.json<{
      story: { id: string; serviceId: string; familyId: string };
    }>("POST", `/stories/${source.id}/translations`, { serviceId: "fa" });
    expect(created.story).toMatchObject({ serviceId: "fa", familyId: source.id });
    const again = await translator.request("POST", `/stories/${source.id}/translations`, {
      serviceId: "fa",
    });
    expect(await again.json()).toMatchObject({ code: "TRANSLATION_EXISTS" });

    const family = await editor.json<{
      family: { serviceId: string; role: string; stale: boolean }[];
    }>("GET", `/stories/${source.id}/translations`);
    expect(family.family.map((m) => [m.serviceId, m.role, m.stale])).toEqual([
      ["en", "source", false],
      ["fa", "translation", false],
    ]);

    // The source is updated: the translation becomes stale, with the diff to catch up on.
    const detail = await editor.json<{ revision: { id: string } }>("GET", `/stories/${source.id}`);
    await editor.json("PUT", `/stories/${source.id}/draft`, {
      baseRevisionId: detail.revision.id,
      content: english("Ferry service resumes after storm", " Passengers cheered."),
    });
    await editor.json("POST", `/stories/${source.id}/publish`, {
      mode: "update",
      note: "Adds the storm.",
    });
    const queue = await translator.json<{ storyId: string }[]>("GET", "/translations/stale");
    expect(queue.map((l) => l.storyId)).toContain(created.story.id);
    const report = await translator.json<{
      toRevisionId: string;
      diff: { op: string; text: string }[];
    }>("GET", `/stories/${created.story.id}/translation/stale`);
    expect(
      report.diff.some((line) => line.op === "added" && line.text.includes("Passengers cheered.")),
    ).toBe(true);
    // The translator view pairs the blocks and shows the source's change inline.
    const sideBySide = await translator.json<{
      source: { revisionId: string };
      fields: { field: string; source: string; previous: string | null; translation: string }[];
      rows: {
        change: string;
        source: string | null;
        previous: string | null;
        translation: string | null;
      }[];
    }>("GET", `/stories/${created.story.id}/translation/side-by-side`);
    expect(sideBySide.source.revisionId).toBe(report.toRevisionId);
    expect(sideBySide.fields[0]).toEqual({
      field: "headline",
      source: "Ferry service resumes after storm",
      previous: "Ferry service resumes",
      translation: "Ferry service resumes",
    });
    expect(sideBySide.rows).toEqual([
      {
        change: "changed",
        source: "The ferry sailed at dawn. Passengers cheered.",
        previous: "The ferry sailed at dawn.",
        translation: "The ferry sailed at dawn.",
      },
    ]);
    expect(
      (await reporter.request("GET", `/stories/${created.story.id}/translation/side-by-side`))
        .status,
    ).toBe(403);
    const done = await translator.json<{ link: Json }>(
      "POST",
      `/stories/${created.story.id}/translation/up-to-date`,
      {
        sourceRevisionId: report.toRevisionId,
      },
    );
    expect(done.link.status).toBe("current");
    expect(await translator.json<unknown[]>("GET", "/translations/stale")).toEqual([]);

    // A correction flags it again; this time the translator waives it with a reason.
    await editor.json("POST", `/stories/${source.id}/corrections`, {
      text: "The ferry sailed at 6 a.m., not at dawn.",
    });
    const waived = await translator.json<{ link: Json }>(
      "POST",
      `/stories/${created.story.id}/translation/waive`,
      {
        reason: "The Persian version never gave the time.",
      },
    );
    expect(waived.link).toMatchObject({
      status: "waived",
      waiverReason: "The Persian version never gave the time.",
    });
  });
});
