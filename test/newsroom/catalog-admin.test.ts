import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { cacheTags } from "../../src/domain/cache/cache-tags.js";
import type { Newsdesk } from "../../src/main.js";
import { NewsroomClient } from "../support/newsroom-client.js";
import { dialects } from "../support/test-databases.js";
import { startTestNewsdesk } from "../support/test-newsdesk.js";

type Json = Record<string, unknown>;

const story = (overrides: Json = {}) => ({
  headline: "Glaciers retreat faster than forecast",
  standfirst: "Survey teams measured the loss.",
  dateline: "NORTH HAVEN",
  slug: "glaciers-retreat-faster",
  section: "world",
  topics: ["climate"],
  leadFigure: null,
  body: [{ type: "paragraph", content: [{ text: "The survey ended on Friday." }] }],
  bylines: [{ kind: "person", personId: "lena-okafor", role: "author" }],
  agencies: [],
  ...overrides,
});

async function photo(): Promise<Blob> {
  const bytes = await sharp({
    create: { width: 400, height: 400, channels: 3, background: "#a0522d" },
  })
    .jpeg()
    .toBuffer();
  return new Blob([new Uint8Array(bytes)], { type: "image/jpeg" });
}

describe.each(dialects)("people, desks, topics, sections and agencies on %s", (dialect) => {
  let newsdesk: Newsdesk & { dispose(): Promise<void> };
  let admin: NewsroomClient;
  let editor: NewsroomClient;
  let reporter: NewsroomClient;
  let serviceAdmin: NewsroomClient;

  const page = (path: string) => newsdesk.app.request(path);
  const publish = async (content: Json) => {
    const created = await editor.json<{ story: { id: string } }>("POST", "/stories", {
      serviceId: "en",
      content,
    });
    await editor.json("POST", `/stories/${created.story.id}/publish`, { mode: "first" });
    return created.story.id;
  };

  beforeAll(async () => {
    newsdesk = await startTestNewsdesk(dialect);
    admin = new NewsroomClient(newsdesk.app);
    editor = new NewsroomClient(newsdesk.app);
    reporter = new NewsroomClient(newsdesk.app);
    serviceAdmin = new NewsroomClient(newsdesk.app);
    await admin.login("admin@newsdesk.test", "demo-password-ada");
    await editor.login("editor@newsdesk.test", "demo-password-elif");
    await reporter.login("reporter@newsdesk.test", "demo-password-rafael");
    await admin.json("POST", "/users", {
      email: "desk-chief@newsdesk.test",
      displayName: "Sana Service-Admin",
      password: "a long and unusual passphrase 42",
      grants: [{ serviceId: "en", role: "service_admin" }],
    });
    expect(
      (await serviceAdmin.login("desk-chief@newsdesk.test", "a long and unusual passphrase 42"))
        .status,
    ).toBe(200);
  });
  afterAll(async () => {
    await newsdesk?.dispose();
  });

  it("gives a new correspondent a byline with photo, title and bio, in every service they write for", async () => {
    const form = new FormData();
    form.set("file", await photo(), "portrait.jpg");
    form.set("serviceId", "en");
    form.set("alt", "Portrait");
    const uploaded = await editor.request("POST", "/media", form);
    expect(uploaded.status).toBe(201);
    const { asset } = (await uploaded.json()) as { asset: { id: string } };

    // Reporters read the list but may not add people.
    const refused = await reporter.request("POST", "/catalog/en/people", { name: "Someone" });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: "FORBIDDEN" });

    const { person } = await editor.json<{ person: Json & { id: string } }>(
      "POST",
      "/catalog/en/people",
      {
        name: "Mina Karimi",
        title: "Caucasus correspondent",
        bio: "Mina reports from Tbilisi.\nShe joined in 2024.",
        photoMediaId: asset.id,
        alsoWritesFor: ["fa"],
      },
    );
    expect(person).toMatchObject({
      serviceId: "en",
      name: "Mina Karimi",
      bio: "Mina reports from Tbilisi.\nShe joined in 2024.",
      photoMediaId: asset.id,
      alsoWritesFor: ["fa"],
    });
    const found = await reporter.json<{ people: Json[] }>("GET", "/catalog/en/people?q=karimi");
    expect(found.people.map((p) => p.id)).toEqual([person.id]);
    // The editor's byline control reads the service catalogue: she is in both services.
    for (const service of ["en", "fa"]) {
      const catalog = await editor.json<{ people: Json[] }>("GET", `/catalog/${service}`);
      expect(catalog.people.some((p) => p.id === person.id)).toBe(true);
    }
    const id = await publish(
      story({ bylines: [{ kind: "person", personId: person.id, role: "author" }] }),
    );
    expect((await page(`/english/people/${person.id}`)).status).toBe(200);
    const authorPage = await (await page(`/english/people/${person.id}`)).text();
    expect(authorPage).toContain("Glaciers retreat faster than forecast");
    // The author page shows the title, the bio (a paragraph per line) and the photo.
    expect(authorPage).toContain('<p class="standfirst">Caucasus correspondent</p>');
    expect(authorPage).toContain("<p>Mina reports from Tbilisi.</p><p>She joined in 2024.</p>");
    expect(authorPage).toMatch(
      new RegExp(`<img src="/media/${asset.id}/[^"]+"[^>]* alt="Mina Karimi"`),
    );

    // A byline keeps the person: removing them is refused while a story names them.
    const inUse = await serviceAdmin.request("DELETE", `/people/${person.id}`);
    expect(inUse.status).toBe(409);
    expect(await inUse.json()).toMatchObject({
      code: "CATALOG_IN_USE",
      detail: "1 story refers to it.",
    });
    // Editors may edit but not remove.
    expect((await editor.request("DELETE", `/people/${person.id}`)).status).toBe(403);
    const edited = await editor.json<{ person: Json }>("PUT", `/people/${person.id}`, {
      name: "Mina Karimi",
      title: "South Caucasus correspondent",
      bio: "Mina reports from Tbilisi.",
      photoMediaId: asset.id,
      alsoWritesFor: [],
    });
    expect(edited.person).toMatchObject({
      title: "South Caucasus correspondent",
      alsoWritesFor: [],
    });
    expect(id).toBeTruthy();
  });

  it("validates input and bounds it", async () => {
    const bad = async (path: string, body: unknown, code: string, client = editor) => {
      const response = await client.request("POST", path, body);
      expect((await response.json()) as Json, JSON.stringify(body)).toMatchObject({ code });
    };
    await bad("/catalog/en/people", { name: "" }, "VALIDATION_FAILED");
    await bad("/catalog/en/people", { name: "x".repeat(201) }, "VALIDATION_FAILED");
    await bad("/catalog/en/people", { name: "Two\u0000lines" }, "VALIDATION_FAILED");
    await bad("/catalog/en/people", { name: "A", photoMediaId: "nope" }, "UNKNOWN_REFERENCE");
    await bad("/catalog/en/people", { name: "A", extra: 1 }, "VALIDATION_FAILED");
    // Adding someone to a service needs the editor role there too.
    await bad("/catalog/en/people", { name: "A", alsoWritesFor: ["ru"] }, "FORBIDDEN");
    await bad("/catalog/en/topics", { slug: "Climate Change", name: "x" }, "VALIDATION_FAILED");
    await bad("/catalog/en/topics", { slug: "climate", name: "Again" }, "CATALOG_KEY_TAKEN");
    await bad("/catalog/en/desks", { name: "Desk", members: ["nobody"] }, "UNKNOWN_REFERENCE");
    await bad("/catalog/en/sections", { slug: "sport", name: "Sport", position: 9 }, "FORBIDDEN");
    await bad(
      "/catalog/en/sections",
      { slug: "search", name: "Search", position: 9 },
      "VALIDATION_FAILED",
      serviceAdmin,
    );
    await bad("/agencies", { code: "DPA", name: "dpa" }, "FORBIDDEN", serviceAdmin);
    await bad("/agencies", { code: "dpa", name: "dpa" }, "VALIDATION_FAILED", admin);
    await bad(
      "/agencies",
      { code: "DPA", name: "dpa", link: "javascript:alert(1)" },
      "VALIDATION_FAILED",
      admin,
    );
    const { agency } = await admin.json<{ agency: Json }>("POST", "/agencies", {
      code: "DPA",
      name: "dpa",
      creditLine: "With reporting by Deutsche Presse-Agentur",
      link: "https://www.dpa.com/",
    });
    expect(agency).toMatchObject({ code: "DPA", link: "https://www.dpa.com/" });
    // A Persian slug is a slug.
    const { topic } = await editor.json<{ topic: Json }>("POST", "/catalog/fa/topics", {
      slug: "محیط-زیست",
      name: "محیط زیست",
    });
    expect(topic.slug).toBe("محیط-زیست");
  });

  it("merges a duplicate topic: stories move, the old page and feeds redirect permanently, caches are invalidated", async () => {
    await editor.json("POST", "/catalog/en/topics", {
      slug: "climate-change",
      name: "Climate change",
      description: "Duplicate of Climate.",
    });
    const moved = await publish(
      story({ slug: "ice-shelf-splits", headline: "Ice shelf splits", topics: ["climate-change"] }),
    );
    const draft = await editor.json<{ story: { id: string }; revision: { id: string } }>(
      "POST",
      "/stories",
      { serviceId: "en", content: story({ slug: "draft-on-dup", topics: ["climate-change"] }) },
    );
    expect((await page("/english/topics/climate-change")).status).toBe(200);
    const invalidate = vi.spyOn(newsdesk.pageCache, "invalidate");

    // Reporters may not merge.
    expect(
      (
        await reporter.request("POST", "/catalog/en/topics/climate-change/merge", {
          into: "climate",
        })
      ).status,
    ).toBe(403);
    const merged = await editor.json<{ topic: Json }>(
      "POST",
      "/catalog/en/topics/climate-change/merge",
      { into: "climate" },
    );
    expect(merged.topic.slug).toBe("climate");
    expect(invalidate).toHaveBeenCalledWith(
      expect.arrayContaining([
        cacheTags.topic("en", "climate-change"),
        cacheTags.topic("en", "climate"),
        cacheTags.feeds("en"),
      ]),
    );

    const old = await page("/english/topics/climate-change?page=1");
    expect(old.status).toBe(301);
    expect(old.headers.get("location")).toBe("/english/topics/climate?page=1");
    const feed = await page("/english/topics/climate-change/feeds/rss.xml?content=full");
    expect(feed.status).toBe(301);
    expect(feed.headers.get("location")).toBe("/english/topics/climate/feeds/rss.xml?content=full");
    expect(await (await page("/english/topics/climate")).text()).toContain("Ice shelf splits");
    expect(await (await page("/english/topics/climate/feeds/atom.xml")).text()).toContain(
      "Ice shelf splits",
    );
    // The story page links to the survivor.
    const storyPage = await page(`/english/world/ice-shelf-splits-${moved}`);
    expect(await storyPage.text()).toContain('href="/english/topics/climate"');
    // A draft that named the merged topic saves under the survivor.
    const saved = await editor.json<{ revision: { content: { topics: string[] } } }>(
      "PUT",
      `/stories/${draft.story.id}/draft`,
      {
        baseRevisionId: draft.revision.id,
        content: story({ slug: "draft-on-dup", topics: ["climate-change", "climate"] }),
      },
    );
    expect(saved.revision.content.topics).toEqual(["climate"]);
    const topics = await editor.json<{ topics: Json[] }>("GET", "/catalog/en/topics");
    expect(topics.topics.map((t) => t.slug)).not.toContain("climate-change");
    const audit = await editor.json<{ action: string; details: Json }[]>(
      "GET",
      "/audit?serviceId=en&limit=50",
    );
    expect(audit.find((e) => e.action === "catalog.topic.merge")?.details).toMatchObject({
      from: "climate-change",
      into: "climate",
    });
  });

  it("keeps old URLs answering after a topic or section slug changes", async () => {
    await editor.json("POST", "/catalog/en/topics", { slug: "energy", name: "Energy" });
    await publish(
      story({ slug: "wind-farm-opens", headline: "Wind farm opens", topics: ["energy"] }),
    );
    // Only service admins move URLs.
    const refused = await editor.request("PUT", "/catalog/en/topics/energy", {
      slug: "power",
      name: "Power",
    });
    expect(refused.status).toBe(403);
    await serviceAdmin.json("PUT", "/catalog/en/topics/energy", { slug: "power", name: "Power" });
    const old = await page("/english/topics/energy");
    expect(old.status).toBe(301);
    expect(old.headers.get("location")).toBe("/english/topics/power");
    expect(await (await page("/english/topics/power")).text()).toContain("Wind farm opens");
    // Renamed again: the first slug leads straight to the newest, in one hop.
    await serviceAdmin.json("PUT", "/catalog/en/topics/power", {
      slug: "energy-policy",
      name: "Energy",
    });
    expect((await page("/english/topics/energy")).headers.get("location")).toBe(
      "/english/topics/energy-policy",
    );

    await serviceAdmin.json("POST", "/catalog/en/sections", {
      slug: "science",
      name: "Science",
      position: 7,
    });
    await publish(
      story({
        slug: "telescope-sees-first-light",
        headline: "Telescope sees first light",
        section: "science",
      }),
    );
    expect(
      (
        await editor.request("PUT", "/catalog/en/sections/science", {
          slug: "sci",
          name: "Sci",
          position: 7,
        })
      ).status,
    ).toBe(403);
    const taken = await serviceAdmin.request("PUT", "/catalog/en/sections/science", {
      slug: "world",
      name: "Science",
      position: 7,
    });
    expect(await taken.json()).toMatchObject({ code: "CATALOG_KEY_TAKEN" });
    await serviceAdmin.json("PUT", "/catalog/en/sections/science", {
      slug: "science-and-tech",
      name: "Science and technology",
      position: 2,
    });
    const oldSection = await page("/english/science");
    expect(oldSection.status).toBe(301);
    expect(oldSection.headers.get("location")).toBe("/english/science-and-tech");
    expect(await (await page("/english/science-and-tech")).text()).toContain(
      "Telescope sees first light",
    );
    expect((await page("/english/science/feeds/rss.xml")).headers.get("location")).toBe(
      "/english/science-and-tech/feeds/rss.xml",
    );
    const sections = await editor.json<{ sections: { slug: string; position: number }[] }>(
      "GET",
      "/catalog/en/sections",
    );
    expect(sections.sections.find((s) => s.slug === "science-and-tech")?.position).toBe(2);
    // A section with stories cannot be removed; an empty one can.
    expect(
      (await serviceAdmin.request("DELETE", "/catalog/en/sections/science-and-tech")).status,
    ).toBe(409);
    await serviceAdmin.json("POST", "/catalog/en/sections", {
      slug: "empty",
      name: "Empty",
      position: 8,
    });
    expect((await serviceAdmin.request("DELETE", "/catalog/en/sections/empty")).status).toBe(204);
  });

  it("merges a duplicate person: bylines move, the old author page and feeds redirect", async () => {
    const { person: duplicate } = await editor.json<{ person: { id: string } }>(
      "POST",
      "/catalog/en/people",
      { name: "L. Okafor", title: "Correspondent" },
    );
    const storyId = await publish(
      story({
        slug: "delta-floods-recede",
        headline: "Delta floods recede",
        bylines: [
          { kind: "person", personId: duplicate.id, role: "author" },
          { kind: "person", personId: "lena-okafor", role: "author" },
        ],
      }),
    );
    const draft = await editor.json<{ story: { id: string }; revision: { id: string } }>(
      "POST",
      "/stories",
      {
        serviceId: "en",
        content: story({
          slug: "draft-by-duplicate",
          bylines: [{ kind: "person", personId: duplicate.id, role: "author" }],
        }),
      },
    );
    // Merging removes a person: editors may not.
    expect(
      (await editor.request("POST", `/people/${duplicate.id}/merge`, { into: "lena-okafor" }))
        .status,
    ).toBe(403);
    const merged = await serviceAdmin.json<{ person: { id: string } }>(
      "POST",
      `/people/${duplicate.id}/merge`,
      { into: "lena-okafor" },
    );
    expect(merged.person.id).toBe("lena-okafor");

    const old = await page(`/english/people/${duplicate.id}?page=1`);
    expect(old.status).toBe(301);
    expect(old.headers.get("location")).toBe("/english/people/lena-okafor?page=1");
    expect(
      (await page(`/english/people/${duplicate.id}/feeds/feed.json`)).headers.get("location"),
    ).toBe("/english/people/lena-okafor/feeds/feed.json");
    expect(await (await page("/english/people/lena-okafor")).text()).toContain(
      "Delta floods recede",
    );
    // The story names the survivor once.
    const storyPage = await (await page(`/english/world/delta-floods-recede-${storyId}`)).text();
    expect(storyPage.match(/href="\/english\/people\/lena-okafor"/g)?.length).toBe(1);
    expect(storyPage).not.toContain(duplicate.id);
    const saved = await editor.json<{ revision: { content: { bylines: Json[] } } }>(
      "PUT",
      `/stories/${draft.story.id}/draft`,
      {
        baseRevisionId: draft.revision.id,
        content: story({
          slug: "draft-by-duplicate",
          bylines: [{ kind: "person", personId: duplicate.id, role: "author" }],
        }),
      },
    );
    expect(saved.revision.content.bylines).toEqual([
      { kind: "person", personId: "lena-okafor", role: "author" },
    ]);
  });

  it("manages desks and their members, and removes what no story uses", async () => {
    const { desk } = await editor.json<{ desk: Json & { id: string } }>(
      "POST",
      "/catalog/en/desks",
      {
        name: "Climate Desk",
        description: "Our climate reporters.",
        members: ["lena-okafor", "tomas-reyes"],
      },
    );
    expect(desk.members).toEqual(["lena-okafor", "tomas-reyes"]);
    const list = await editor.json<{ desks: Json[] }>("GET", "/catalog/en/desks?q=climate");
    expect(list.desks).toEqual([
      expect.objectContaining({ id: desk.id, members: ["lena-okafor", "tomas-reyes"] }),
    ]);
    expect((await serviceAdmin.request("DELETE", `/desks/${desk.id}`)).status).toBe(204);
    await editor.json("POST", "/catalog/en/topics", { slug: "unused", name: "Unused" });
    expect((await editor.request("DELETE", "/catalog/en/topics/unused")).status).toBe(403);
    expect((await serviceAdmin.request("DELETE", "/catalog/en/topics/unused")).status).toBe(204);
    expect((await serviceAdmin.request("DELETE", "/catalog/en/topics/climate")).status).toBe(409);
  });
});
