import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Newsdesk } from "../../src/main.js";
import { NewsroomClient } from "../support/newsroom-client.js";
import { fixedClock } from "../support/test-clock.js";
import { dialects } from "../support/test-databases.js";
import { startTestNewsdesk } from "../support/test-newsdesk.js";

type Json = Record<string, unknown>;

interface Item {
  id: string;
  status: string;
  headline: string;
  section: string | null;
  wordCount: number;
  bylines: { kind: string; id: string; name: string | null }[];
  thumbnail: { url: string; width: number } | null;
  trashedAt: string | null;
  lastModifiedAt: string;
}
interface Page {
  total: number;
  totalExact: boolean;
  over: string[];
  counts: Record<string, number>;
  items: Item[];
}
interface Bulk {
  done: number;
  refused: number;
  doneIds: string[];
  refusals: { storyId: string; code: string }[];
}

const content = (headline: string, overrides: Json = {}) => ({
  headline,
  standfirst: "",
  dateline: "",
  slug: headline
    .toLowerCase()
    .replace(/[^a-z]+/gu, "-")
    .replace(/-$/u, ""),
  section: "world",
  topics: [],
  leadFigure: null,
  body: [{ type: "paragraph", content: [{ text: "One two three, four five." }] }],
  bylines: [],
  agencies: [],
  ...overrides,
});

// Every story here has "Quokka" in its headline, so the demo stories never count.
describe.each(dialects)("the dashboard story list on %s", (dialect) => {
  let newsdesk: Newsdesk & { dispose(): Promise<void> };
  const clock = fixedClock("2026-03-10T23:30:00.000Z");
  let ed: NewsroomClient;
  let rep: NewsroomClient;
  let tr: NewsroomClient;
  const ids: Record<string, string> = {};

  const list = (client: NewsroomClient, query: string) =>
    client.json<Page>("GET", `/stories?service=en&q=quokka&${query}`);
  const headlines = (page: Page) => page.items.map((i) => i.headline);

  beforeAll(async () => {
    newsdesk = await startTestNewsdesk(dialect, { clock });
    ed = new NewsroomClient(newsdesk.app);
    rep = new NewsroomClient(newsdesk.app);
    tr = new NewsroomClient(newsdesk.app);
    // The test clock jumps; fresh sessions keep each step within the idle timeout.
    const logIn = async () => {
      await ed.login("editor@newsdesk.test", "demo-password-elif");
      await rep.login("reporter@newsdesk.test", "demo-password-rafael");
      await tr.login("translator@newsdesk.test", "demo-password-taraneh");
    };
    await logIn();
    const create = async (client: NewsroomClient, key: string, body: Json) => {
      const created = await client.json<{ story: { id: string } }>("POST", "/stories", {
        serviceId: "en",
        content: body,
      });
      ids[key] = created.story.id;
      clock.advance(10 * 60_000); // B, A and D on 10 March (UTC), C at midnight
      await logIn();
    };
    await create(
      ed,
      "b",
      content("Quokka B harbour", {
        bylines: [{ kind: "person", personId: "lena-okafor", role: "author" }],
      }),
    );
    await create(
      ed,
      "a",
      content("Quokka A economy", {
        section: "economy",
        bylines: [
          { kind: "person", personId: "tomas-reyes", role: "author" },
          { kind: "desk", deskId: "meridian-news" },
        ],
      }),
    );
    await create(
      ed,
      "d",
      content("Quokka D published", {
        body: [{ type: "paragraph", content: [{ text: "Short." }] }],
      }),
    );
    await create(rep, "c", content("Quokka C reporter's own"));
    await ed.json("POST", `/stories/${ids.d}/publish`, { mode: "first" });
  });
  afterAll(async () => {
    await newsdesk?.dispose();
  });

  it("counts every tab under the filters and shows section, bylines and word count", async () => {
    const drafts = await list(ed, "status=draft");
    expect(drafts.total).toBe(3);
    expect(drafts.totalExact).toBe(true);
    expect(drafts.counts).toEqual({ draft: 3, published: 1 });
    expect(drafts.over).toEqual([]);
    expect(headlines(drafts)).toEqual([
      "Quokka C reporter's own",
      "Quokka A economy",
      "Quokka B harbour",
    ]);
    const a = drafts.items.find((i) => i.id === ids.a);
    expect(a).toMatchObject({ section: "economy", wordCount: 5, thumbnail: null });
    expect(a?.bylines).toEqual([
      { kind: "person", id: "tomas-reyes", name: "Tomás Reyes" },
      { kind: "desk", id: "meridian-news", name: expect.any(String) },
    ]);
    // Without a tab: everything not in the trash.
    expect((await list(ed, "")).total).toBe(4);
  });

  it("filters by section, author, mine and a date range, and the counts follow", async () => {
    expect(headlines(await list(ed, "status=draft&section=economy"))).toEqual(["Quokka A economy"]);
    const byLena = await list(ed, "status=draft&author=lena-okafor");
    expect(headlines(byLena)).toEqual(["Quokka B harbour"]);
    expect(byLena.counts).toEqual({ draft: 1 });
    expect(headlines(await list(rep, "status=draft&mine=true"))).toEqual([
      "Quokka C reporter's own",
    ]);
    // Last change on 10 March: A and B; D changed on the 11th when it was published.
    const ranged = await list(ed, "from=2026-03-10&to=2026-03-10");
    expect(headlines(ranged)).toEqual(["Quokka A economy", "Quokka B harbour"]);
    expect(ranged.counts).toEqual({ draft: 2 });
    expect(headlines(await list(ed, "from=2026-03-11"))).toEqual([
      "Quokka D published",
      "Quokka C reporter's own",
    ]);
    const bad = await ed.request("GET", "/stories?from=yesterday");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: "VALIDATION_FAILED" });
  });

  it("sorts by headline, creation and publish date both ways, and pages", async () => {
    expect(headlines(await list(ed, "status=draft&sort=headline&dir=asc"))).toEqual([
      "Quokka A economy",
      "Quokka B harbour",
      "Quokka C reporter's own",
    ]);
    expect(headlines(await list(ed, "sort=created&dir=asc"))).toEqual([
      "Quokka B harbour",
      "Quokka A economy",
      "Quokka D published",
      "Quokka C reporter's own",
    ]);
    // Publish date: never-published stories last in both directions.
    for (const dir of ["asc", "desc"]) {
      expect(headlines(await list(ed, `sort=published&dir=${dir}`))[0]).toBe("Quokka D published");
    }
    const second = await list(ed, "status=draft&sort=headline&dir=desc&limit=2&offset=2");
    expect(second.total).toBe(3);
    expect(headlines(second)).toEqual(["Quokka A economy"]);
    const badSort = await ed.request("GET", "/stories?sort=random");
    expect(badSort.status).toBe(400);
  });

  it("trashes a draft out of every tab and restores it; published copy is refused", async () => {
    const trashed = await ed.json<{ story: { trashedAt: string } }>(
      "POST",
      `/stories/${ids.b}/trash`,
    );
    expect(trashed.story.trashedAt).toBeTruthy();
    const drafts = await list(ed, "status=draft");
    expect(headlines(drafts)).not.toContain("Quokka B harbour");
    expect(drafts.counts).toEqual({ draft: 2, published: 1, trash: 1 });
    const trash = await list(ed, "status=trash");
    expect(trash.items.map((i) => [i.headline, i.status])).toEqual([["Quokka B harbour", "draft"]]);
    // Still readable, never editable while in the trash.
    expect((await ed.request("GET", `/stories/${ids.b}`)).status).toBe(200);
    const detail = await ed.json<{ story: { currentRevisionId: string } }>(
      "GET",
      `/stories/${ids.b}`,
    );
    const save = await ed.request("PUT", `/stories/${ids.b}/draft`, {
      baseRevisionId: detail.story.currentRevisionId,
      content: content("Quokka B edited"),
    });
    expect(save.status).toBe(409);
    expect(await save.json()).toMatchObject({ code: "STORY_IN_TRASH" });
    const twice = await ed.request("POST", `/stories/${ids.b}/trash`);
    expect(await twice.json()).toMatchObject({ code: "STORY_IN_TRASH" });

    const published = await ed.request("POST", `/stories/${ids.d}/trash`);
    expect(published.status).toBe(409);
    expect(await published.json()).toMatchObject({ code: "STORY_NOT_TRASHABLE" });

    await ed.json("POST", `/stories/${ids.b}/untrash`);
    expect(headlines(await list(ed, "status=draft"))).toContain("Quokka B harbour");
    expect((await list(ed, "status=trash")).total).toBe(0);
    const again = await ed.request("POST", `/stories/${ids.b}/untrash`);
    expect(await again.json()).toMatchObject({ code: "INVALID_TRANSITION" });

    const audit = await ed.json<{ action: string }[]>("GET", `/audit?storyId=${ids.b}`);
    expect(audit.map((e) => e.action)).toEqual(
      expect.arrayContaining(["story.trashed", "story.restored"]),
    );
  });

  it("lets a reporter trash only their own draft", async () => {
    const others = await rep.request("POST", `/stories/${ids.a}/trash`);
    expect(others.status).toBe(403);
    expect(await others.json()).toMatchObject({ code: "FORBIDDEN" });
    await rep.json("POST", `/stories/${ids.c}/trash`);
    await rep.json("POST", `/stories/${ids.c}/untrash`);
    // A translator has no trash at all.
    expect((await tr.request("POST", `/stories/${ids.c}/trash`)).status).toBe(403);
  });

  it("runs bulk actions story by story and reports what was refused", async () => {
    const reporterTrash = await rep.json<Bulk>("POST", "/stories/bulk", {
      action: "trash",
      storyIds: [ids.c, ids.a, "nosuchstory0"],
    });
    expect(reporterTrash).toMatchObject({ done: 1, refused: 2, doneIds: [ids.c] });
    expect(reporterTrash.refusals).toEqual([
      expect.objectContaining({ storyId: ids.a, code: "FORBIDDEN" }),
      expect.objectContaining({ storyId: "nosuchstory0", code: "STORY_NOT_FOUND" }),
    ]);
    expect((await list(ed, "status=trash")).items.map((i) => i.id)).toEqual([ids.c]);
    await ed.json("POST", `/stories/${ids.c}/untrash`);

    const sections = await ed.json<Bulk>("POST", "/stories/bulk", {
      action: "assign-section",
      storyIds: [ids.a, ids.b],
      section: "culture",
    });
    expect(sections).toMatchObject({ done: 2, refused: 0 });
    expect(headlines(await list(ed, "section=culture&sort=headline&dir=asc"))).toEqual([
      "Quokka A economy",
      "Quokka B harbour",
    ]);
    const unknown = await ed.json<Bulk>("POST", "/stories/bulk", {
      action: "assign-section",
      storyIds: [ids.a],
      section: "no-such-section",
    });
    expect(unknown.refusals).toEqual([
      expect.objectContaining({ storyId: ids.a, code: "UNKNOWN_REFERENCE" }),
    ]);

    const review = await ed.json<Bulk>("POST", "/stories/bulk", {
      action: "submit",
      storyIds: [ids.a, ids.d],
    });
    expect(review).toMatchObject({ done: 1, refused: 1 });
    expect(review.refusals[0]).toMatchObject({ storyId: ids.d, code: "INVALID_TRANSITION" });
    expect((await list(ed, "status=in_review")).items.map((i) => i.id)).toEqual([ids.a]);

    const tooMany = await ed.request("POST", "/stories/bulk", {
      action: "trash",
      storyIds: Array.from({ length: 201 }, (_, i) => `id${i}`),
    });
    expect(tooMany.status).toBe(400);
  });

  it("shows the lead image's narrowest rendition as the row's thumbnail", async () => {
    const bytes = await sharp({
      create: { width: 1600, height: 900, channels: 3, background: "#3a6ea5" },
    })
      .png()
      .toBuffer();
    const form = new FormData();
    form.set("file", new Blob([new Uint8Array(bytes)], { type: "image/png" }), "quokka.png");
    form.set("caption", "Quokka");
    form.set("credit", "Staff");
    form.set("alt", "A quokka");
    const uploaded = (await (await ed.request("POST", "/media", form)).json()) as {
      asset: { id: string };
      renditions: { url: string; format: string; width: number }[];
    };
    const narrowest = Math.min(
      ...uploaded.renditions
        .filter((r) => r.format === "jpeg" && r.url.includes("/16x9-"))
        .map((r) => r.width),
    );
    const created = await ed.json<{ story: { id: string } }>("POST", "/stories", {
      serviceId: "en",
      content: content("Quokka E pictured", {
        leadFigure: {
          type: "figure",
          mediaId: uploaded.asset.id,
          caption: "Quokka",
          credit: "Staff",
          alt: "A quokka",
        },
      }),
    });
    const row = (await list(ed, "status=draft")).items.find((i) => i.id === created.story.id);
    expect(row?.thumbnail).toMatchObject({
      url: `/media/${uploaded.asset.id}/16x9-${narrowest}.jpg`,
      width: narrowest,
    });
    expect((await newsdesk.app.request(row?.thumbnail?.url ?? "")).status).toBe(200);
    await ed.json("POST", `/stories/${created.story.id}/trash`);
  });

  it("search finds unpublished and trashed stories and says in which tab", async () => {
    const pulled = await ed.json<{ story: { id: string } }>("POST", "/stories", {
      serviceId: "en",
      content: content("Quokka F pulled"),
    });
    await ed.json("POST", `/stories/${pulled.story.id}/publish`, { mode: "first" });
    await ed.json("POST", `/stories/${pulled.story.id}/unpublish`);
    const found = await ed.json<Page>("GET", "/stories?service=en&q=QUOKKA%20F&status=draft");
    expect(found.total).toBe(0);
    expect(found.counts).toEqual({ unpublished: 1 });
    const inTrash = await ed.json<Page>("GET", "/stories?service=en&q=pictured&status=trash");
    expect(inTrash.items.map((i) => i.headline)).toEqual(["Quokka E pictured"]);
    // Trashed drafts never reach readers: nothing of it on the English search page.
    const reader = await newsdesk.app.request("/english/search?q=pictured");
    expect(await reader.text()).not.toContain("Quokka E pictured");
  });

  it("lists only services the caller works in", async () => {
    // The reporter works in English only; the translator in Persian only.
    expect((await rep.json<Page>("GET", "/stories?service=fa")).total).toBe(0);
    expect((await tr.json<Page>("GET", "/stories?service=en&q=quokka")).total).toBe(0);
    const everywhere = await tr.json<Page>("GET", "/stories?q=quokka");
    expect(everywhere.items).toEqual([]);
  });
});
