import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Newsdesk } from "../../src/main.js";
import { NewsroomClient } from "../support/newsroom-client.js";
import { dialects } from "../support/test-databases.js";
import { startTestNewsdesk } from "../support/test-newsdesk.js";

const english = (headline: string) => ({
  headline,
  standfirst: "",
  dateline: "",
  slug: "bridge-reopens",
  section: "world",
  topics: [],
  leadFigure: null,
  body: [{ type: "paragraph", content: [{ text: "The bridge reopened at noon." }] }],
  bylines: [{ kind: "desk", deskId: "meridian-news" }],
  agencies: [],
});

/**
 * A translator who works only for the Persian service opens the English source of the
 * translation they work on, whether or not the source is published; they can never change
 * it, and a refusal reads as a sentence that names services in words.
 */
describe.each(dialects)("a translator reads the source of their translation on %s", (dialect) => {
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

  async function sourceWithPersianTranslation(headline: string) {
    const { story } = await editor.json<{ story: { id: string } }>("POST", "/stories", {
      serviceId: "en",
      content: english(headline),
    });
    const created = await editor.json<{ story: { id: string } }>(
      "POST",
      `/stories/${story.id}/translations`,
      { serviceId: "fa" },
    );
    return { sourceId: story.id, translationId: created.story.id };
  }

  it("opens an unpublished source, read-only, and sees it in the translation's family", async () => {
    const { sourceId, translationId } = await sourceWithPersianTranslation("Bridge reopens");
    const opened = await translator.request("GET", `/stories/${sourceId}`);
    expect(opened.status).toBe(200);
    expect(
      ((await opened.json()) as { revision: { content: { headline: string } } }).revision.content
        .headline,
    ).toBe("Bridge reopens");
    expect((await translator.request("GET", `/stories/${sourceId}/revisions`)).status).toBe(200);
    // The editor screen also needs the source service's catalogue to show its bylines.
    expect((await translator.request("GET", "/catalog/en")).status).toBe(200);
    // …and its comments, which go with reading.
    expect((await translator.request("GET", `/stories/${sourceId}/comments`)).status).toBe(200);
    expect((await translator.request("GET", `/stories/${sourceId}/mentionable`)).status).toBe(200);
    // …and the related stories its side column lists (read only: saving needs an editor).
    expect((await translator.request("GET", `/stories/${sourceId}/related`)).status).toBe(200);

    const family = await translator.json<{ family: { storyId: string; role: string }[] }>(
      "GET",
      `/stories/${translationId}/translations`,
    );
    expect(family.family.map((m) => [m.storyId, m.role])).toEqual([
      [sourceId, "source"],
      [translationId, "translation"],
    ]);
    // The source's own editor screen asks for its family too.
    expect((await translator.request("GET", `/stories/${sourceId}/translations`)).status).toBe(200);

    // Read-only: the translator cannot save over the source.
    const detail = await translator.json<{ revision: { id: string } }>(
      "GET",
      `/stories/${sourceId}`,
    );
    const save = await translator.request("PUT", `/stories/${sourceId}/draft`, {
      baseRevisionId: detail.revision.id,
      content: english("Bridge reopens to traffic"),
    });
    expect(save.status).toBe(403);
    const problem = (await save.json()) as { detail: string };
    expect(problem.detail).toBe(
      "Only editors of the English service can change this story; reporters can change their own stories there until they are published.",
    );
  });

  it("still opens the source after it was published and unpublished", async () => {
    const { sourceId } = await sourceWithPersianTranslation("Ferry returns");
    await editor.json("POST", `/stories/${sourceId}/publish`, { mode: "first" });
    await editor.json("POST", `/stories/${sourceId}/unpublish`, {});
    expect((await translator.request("GET", `/stories/${sourceId}`)).status).toBe(200);
  });

  it("does not open unpublished stories of other services without a linked translation", async () => {
    const { story } = await editor.json<{ story: { id: string } }>("POST", "/stories", {
      serviceId: "en",
      content: english("Untranslated draft"),
    });
    const refused = await translator.request("GET", `/stories/${story.id}`);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { detail: string }).detail).toBe(
      "You need a role in the English service to open this story.",
    );
  });
});
