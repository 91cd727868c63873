import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cacheKeyFor } from "../../src/cache/page-cache.js";
import { systemActor } from "../../src/domain/actor.js";
import type { Newsdesk } from "../../src/main.js";
import { NewsroomClient } from "../support/newsroom-client.js";
import { dialects } from "../support/test-databases.js";
import { startTestNewsdesk } from "../support/test-newsdesk.js";

interface CurationView {
  version: number;
  list: string;
  limit: number;
  updatedBy: { name: string } | null;
  items: { id: string; live: boolean; headline: string }[];
}

const storyLink = (prefix: string) =>
  new RegExp(`href="(/${prefix}/[a-z-]+/[^"]+-([0-9a-z]{12}))"`, "g");

/** The page's main content (the breaking-news bar above it may link a story too). */
const mainOf = (html: string) => html.slice(Math.max(0, html.indexOf("<main")));

/** Story ids in the order a page's main content links them, each once (first appearance). */
function linkedIds(html: string, prefix = "english"): string[] {
  const ids: string[] = [];
  for (const m of mainOf(html).matchAll(storyLink(prefix)))
    if (m[2] && !ids.includes(m[2])) ids.push(m[2]);
  return ids;
}

/** Every story link on the page, duplicates kept. */
function allLinks(html: string, prefix = "english"): string[] {
  return [...mainOf(html).matchAll(storyLink(prefix))].flatMap((m) => (m[2] ? [m[2]] : []));
}

describe.each(dialects)("front-page, section and related curation on %s", (dialect) => {
  let newsdesk: Newsdesk & { dispose(): Promise<void> };
  let editor: NewsroomClient;
  let reporter: NewsroomClient;
  let translator: NewsroomClient;
  let english: string[] = [];
  const page = async (url: string) => (await newsdesk.app.request(url)).text();
  const cached = (url: string) => newsdesk.pageCache.has(cacheKeyFor(url, undefined));

  beforeAll(async () => {
    newsdesk = await startTestNewsdesk(dialect);
    editor = new NewsroomClient(newsdesk.app);
    reporter = new NewsroomClient(newsdesk.app);
    translator = new NewsroomClient(newsdesk.app);
    await editor.login("editor@newsdesk.test", "demo-password-elif");
    await reporter.login("reporter@newsdesk.test", "demo-password-rafael");
    await translator.login("translator@newsdesk.test", "demo-password-taraneh");
    english = linkedIds(await page("/english/"));
    expect(english.length).toBeGreaterThanOrEqual(4);
  });
  afterAll(async () => {
    await newsdesk?.dispose();
  });

  it("shows pinned stories first in the editors' order, then the newest, none twice", async () => {
    const [first, second, third] = english;
    const oldest = english.at(-1) ?? "";
    const saved = await editor.json<CurationView>("PUT", "/curation/en/home", {
      version: 0,
      storyIds: [oldest, third],
    });
    expect(saved.version).toBe(1);
    expect(saved.items.map((i) => i.id)).toEqual([oldest, third]);
    expect(saved.updatedBy?.name).toBe("Elif Editor");
    const home = await page("/english/");
    expect(linkedIds(home).slice(0, 4)).toEqual([oldest, third, first, second]);
    const links = allLinks(home);
    // The top story links twice (picture and headline) at most; nothing else repeats.
    expect(links.filter((id) => id === third)).toHaveLength(1);
    expect(new Set(links).size).toBe(linkedIds(home).length);
    // Reordering is a new version.
    const reordered = await editor.json<CurationView>("PUT", "/curation/en/home", {
      version: 1,
      storyIds: [third, oldest],
    });
    expect(reordered.version).toBe(2);
    expect(linkedIds(await page("/english/")).slice(0, 2)).toEqual([third, oldest]);
  });

  it("refuses a save based on a stale version and keeps the newer list", async () => {
    const current = await editor.json<CurationView>("GET", "/curation/en/home");
    const stale = await editor.request("PUT", "/curation/en/home", {
      version: current.version - 1,
      storyIds: [english[0]],
    });
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { code: string }).code).toBe("CURATION_CONFLICT");
    const after = await editor.json<CurationView>("GET", "/curation/en/home");
    expect(after.items.map((i) => i.id)).toEqual(current.items.map((i) => i.id));
    // A first save racing another first save loses too.
    const late = await editor.request("PUT", "/curation/en/sections/economy", {
      version: 0,
      storyIds: [],
    });
    expect(late.status).toBe(200);
    const again = await editor.request("PUT", "/curation/en/sections/economy", {
      version: 0,
      storyIds: [],
    });
    expect(again.status).toBe(409);
  });

  it("lets editors save, others with a role only look, and audits who changed what", async () => {
    expect((await reporter.request("GET", "/curation/en/home")).status).toBe(200);
    const refused = await reporter.request("PUT", "/curation/en/home", {
      version: 2,
      storyIds: [],
    });
    expect(refused.status).toBe(403);
    expect((await translator.request("GET", "/curation/en/home")).status).toBe(403);
    expect(
      (
        await reporter.request("PUT", `/stories/${english[0]}/related`, {
          version: 0,
          storyIds: [],
        })
      ).status,
    ).toBe(403);
    const log = await editor.json<
      { action: string; actorName: string; details: { list: string; after: string[] } }[]
    >("GET", "/audit?serviceId=en");
    const entry = log.find((e) => e.action === "curation.saved" && e.details.list === "home");
    expect(entry?.actorName).toBe("Elif Editor");
    expect(entry?.details.after).toHaveLength(2);
  });

  it("bounds the list and refuses duplicates, unknown and unpublished stories", async () => {
    const { version } = await editor.json<CurationView>("GET", "/curation/en/home");
    const many = Array.from({ length: 21 }, (_, i) => `story${String(i).padStart(7, "0")}`);
    expect(
      (await editor.request("PUT", "/curation/en/home", { version, storyIds: many })).status,
    ).toBe(400);
    const twice = await editor.request("PUT", "/curation/en/home", {
      version,
      storyIds: [english[0], english[0]],
    });
    expect(twice.status).toBe(400);
    const unknown = await editor.request("PUT", "/curation/en/home", {
      version,
      storyIds: ["nosuchstory1"],
    });
    expect(unknown.status).toBe(422);
    // A Persian story cannot be pinned on the English home page.
    const persian = linkedIds(await page("/persian/"), "persian")[0];
    const foreign = await editor.request("PUT", "/curation/en/home", {
      version,
      storyIds: [persian],
    });
    expect(foreign.status).toBe(422);
    expect((await editor.request("GET", "/curation/en/sections/no-such-section")).status).toBe(404);
  });

  it("drops a killed pin from the reader page and marks it not live in the newsroom", async () => {
    const { version } = await editor.json<CurationView>("GET", "/curation/en/home");
    // Not a world story: the section tests below need the demo's two of them.
    const world = linkedIds(await page("/english/world"));
    const [victim = "", keeper = ""] = english.slice(1).filter((id) => !world.includes(id));
    await editor.json("PUT", "/curation/en/home", { version, storyIds: [victim, keeper] });
    expect(linkedIds(await page("/english/"))[0]).toBe(victim);
    expect(cached("/english/")).toBe(true);
    await newsdesk.services.stories.kill(systemActor("test"), victim, "Legal");
    const home = await page("/english/");
    expect(linkedIds(home)).not.toContain(victim);
    expect(linkedIds(home)[0]).toBe(keeper);
    const view = await editor.json<CurationView>("GET", "/curation/en/home");
    expect(view.items.map((i) => [i.id, i.live])).toEqual([
      [victim, false],
      [keeper, true],
    ]);
    // The dead pin may stay while the list is reordered, but not be added anew elsewhere.
    const kept = await editor.request("PUT", "/curation/en/home", {
      version: view.version,
      storyIds: [keeper, victim],
    });
    expect(kept.status).toBe(200);
    const section = await editor.json<CurationView>("GET", "/curation/en/sections/world");
    const added = await editor.request("PUT", "/curation/en/sections/world", {
      version: section.version,
      storyIds: [victim],
    });
    expect(added.status).toBe(422);
    english = english.filter((id) => id !== victim);
  });

  it("pins on a section page and continues the automatic list on the next page", async () => {
    const world = linkedIds(await page("/english/world"));
    const pick = world.at(-1) ?? "";
    const view = await editor.json<CurationView>("GET", "/curation/en/sections/world");
    await editor.json("PUT", "/curation/en/sections/world", {
      version: view.version,
      storyIds: [pick],
    });
    const after = linkedIds(await page("/english/world"));
    expect(after[0]).toBe(pick);
    expect(after.filter((id) => id === pick)).toHaveLength(1);
    expect(new Set(after)).toEqual(new Set(world));
  });

  it("shows picked related stories on the story page, else the automatic ones", async () => {
    const [storyId, pickA, pickB] = english;
    const story = await newsdesk.repositories.stories.findStory(storyId ?? "");
    const url = (await page("/english/")).match(
      new RegExp(`href="(/english/[a-z-]+/[^"]+-${storyId})"`),
    )?.[1];
    expect(url && story).toBeTruthy();
    const automatic = await page(url ?? "");
    await editor.json("PUT", `/stories/${storyId}/related`, {
      version: 0,
      storyIds: [pickB, pickA],
    });
    const picked = await page(url ?? "");
    const block = (html: string) => html.slice(html.indexOf('class="related"'));
    expect(linkedIds(block(picked))).toEqual([pickB, pickA]);
    // Itself cannot be related.
    const self = await editor.request("PUT", `/stories/${storyId}/related`, {
      version: 1,
      storyIds: [storyId],
    });
    expect(self.status).toBe(422);
    await editor.json("PUT", `/stories/${storyId}/related`, { version: 1, storyIds: [] });
    expect(block(await page(url ?? ""))).toBe(block(automatic));
    expect((await editor.json<CurationView>("GET", `/stories/${storyId}/related`)).limit).toBe(6);

    // A story from another service links to its own edition, its headline in its language.
    const persian = linkedIds(await page("/persian/"), "persian")[0] ?? "";
    await editor.json("PUT", `/stories/${storyId}/related`, { version: 2, storyIds: [persian] });
    const crossService = block(await page(url ?? ""));
    expect(crossService).toMatch(
      new RegExp(`<a href="/persian/[a-z-]+/[^"]+-${persian}" lang="fa" dir="rtl">`),
    );
  });

  it("invalidates exactly the pages a save changes", async () => {
    const storyUrls = [...(await page("/english/")).matchAll(storyLink("english"))]
      .map((m) => m[1] ?? "")
      .slice(0, 3);
    const urls = [
      "/english/",
      "/english/world",
      "/english/economy",
      "/persian/",
      "/serbian/",
      "/serbian-cyrillic/",
      ...storyUrls,
    ];
    const warm = async () => {
      for (const url of urls) await page(url);
      for (const url of urls) expect(cached(url), url).toBe(true);
    };
    const dropped = () => urls.filter((url) => !cached(url));

    await warm();
    let home = await editor.json<CurationView>("GET", "/curation/en/home");
    home = await editor.json("PUT", "/curation/en/home", {
      version: home.version,
      storyIds: [english[3]],
    });
    expect(dropped()).toEqual(["/english/"]);

    // Saving the same list again changes no page.
    await warm();
    await editor.json("PUT", "/curation/en/home", {
      version: home.version,
      storyIds: [english[3]],
    });
    expect(dropped()).toEqual([]);

    // A section: its pages, not the story pages in it (they carry the section's list tag).
    const world = await editor.json<CurationView>("GET", "/curation/en/sections/world");
    const worldOrder = linkedIds(await page("/english/world"));
    expect(worldOrder.length).toBeGreaterThanOrEqual(2);
    await editor.json("PUT", "/curation/en/sections/world", {
      version: world.version,
      storyIds: [worldOrder.at(-1)],
    });
    expect(dropped()).toEqual(["/english/world"]);

    // Related: only that story's page.
    await warm();
    const target = storyUrls[1] ?? "";
    const targetId = target.slice(-12);
    const related = await editor.json<CurationView>("GET", `/stories/${targetId}/related`);
    const pick = english.find((id) => id !== targetId);
    await editor.json("PUT", `/stories/${targetId}/related`, {
      version: related.version,
      storyIds: [pick],
    });
    expect(dropped()).toEqual([target]);

    // Serbian: the one list shows in both scripts, so both homes go.
    await warm();
    const serbian = linkedIds(await page("/serbian/"), "serbian");
    const sr = await editor.json<CurationView>("GET", "/curation/sr/home").catch(() => null);
    expect(sr).toBeNull(); // the demo editor has no Serbian role
    await newsdesk.services.curation.saveFront(systemActor("test"), "sr", undefined, {
      version: 0,
      storyIds: [serbian.at(-1)],
    });
    expect(dropped()).toEqual(["/serbian/", "/serbian-cyrillic/"]);
    expect(linkedIds(await page("/serbian-cyrillic/"), "serbian-cyrillic")[0]).toBe(serbian.at(-1));
  });

  it("keeps a page with live related picks when a story is published in its section", async () => {
    const storyUrls = [...(await page("/english/")).matchAll(storyLink("english"))]
      .map((m) => m[1] ?? "")
      .filter((url, i, all) => all.indexOf(url) === i);
    const [pickedUrl, automaticUrl] = storyUrls.filter((url) => url.startsWith("/english/world/"));
    expect(pickedUrl && automaticUrl).toBeTruthy();
    const pickedId = (pickedUrl ?? "").slice(-12);
    const related = await editor.json<CurationView>("GET", `/stories/${pickedId}/related`);
    await editor.json("PUT", `/stories/${pickedId}/related`, {
      version: related.version,
      storyIds: [english.find((id) => id !== pickedId)],
    });
    for (const url of [pickedUrl, automaticUrl]) await page(url ?? "");
    const before = await page(pickedUrl ?? "");

    const { story } = await editor.json<{ story: { id: string } }>("POST", "/stories", {
      serviceId: "en",
      content: {
        headline: "Ferries resume across the strait",
        standfirst: "",
        dateline: "",
        slug: "ferries-resume",
        section: "world",
        topics: [],
        leadFigure: null,
        body: [{ type: "paragraph", content: [{ text: "The first ferry sailed at dawn." }] }],
        bylines: [{ kind: "desk", deskId: "meridian-news" }],
        agencies: [],
      },
    });
    await editor.json("POST", `/stories/${story.id}/publish`, { mode: "first" });
    // The page that shows the editors' picks does not list the section's newest stories,
    // so it stays cached and unchanged; a page with the automatic list shows the new story.
    expect(cached(pickedUrl ?? "")).toBe(true);
    expect(await page(pickedUrl ?? "")).toBe(before);
    expect(cached(automaticUrl ?? "")).toBe(false);
    expect(linkedIds(await page(automaticUrl ?? ""))).toContain(story.id);
  });

  it("searches published stories as the editor types", async () => {
    const { items } = await editor.json<{
      items: { id: string; headline: string; live: boolean }[];
    }>("GET", "/curation/candidates?service=en&q=");
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.live)).toBe(true);
    const word = (items[0]?.headline ?? "").split(" ")[0]?.slice(0, 4).toLowerCase() ?? "";
    const found = await editor.json<{ items: { headline: string }[] }>(
      "GET",
      `/curation/candidates?service=en&q=${encodeURIComponent(word)}`,
    );
    expect(found.items.length).toBeGreaterThan(0);
    expect(found.items.every((i) => i.headline.toLowerCase().includes(word))).toBe(true);
    const any = await editor.json<{ items: { serviceId: string }[] }>(
      "GET",
      "/curation/candidates?service=en&any=1&q=",
    );
    expect(new Set(any.items.map((i) => i.serviceId)).size).toBeGreaterThanOrEqual(1);
    expect(any.items.every((i) => ["en", "fa"].includes(i.serviceId))).toBe(true);
    expect((await translator.request("GET", "/curation/candidates?service=en&q=")).status).toBe(
      403,
    );
  });
});
