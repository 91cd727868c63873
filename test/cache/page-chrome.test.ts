import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../src/domain/actor.js";
import { cacheTags } from "../../src/domain/cache/cache-tags.js";
import type { Newsdesk } from "../../src/main.js";
import { startTestNewsdesk } from "../support/test-newsdesk.js";

/**
 * A service's chrome (its sections and breaking-news bar) is read once per change, not on
 * every cache miss, and never outlives the change or the banner's expiry: it is kept in the
 * page cache under the tags its pages carry.
 */
let now = new Date("2026-11-24T12:00:00Z");
let newsdesk: Newsdesk & { dispose(): Promise<void> };
let sectionReads = 0;
const actor = systemActor("chrome test");

beforeAll(async () => {
  newsdesk = await startTestNewsdesk("sqlite", { clock: { now: () => now } });
  const catalog = newsdesk.repositories.catalog;
  const listSections = catalog.listSections.bind(catalog);
  catalog.listSections = (serviceId) => {
    sectionReads++;
    return listSections(serviceId);
  };
});
afterAll(async () => {
  await newsdesk?.dispose();
});

/** Renders of the English home page (its list dropped from the cache, its chrome not). */
const misses = async () => {
  const pages: string[] = [];
  for (const size of ["sm", "lg", "xs"]) {
    newsdesk.pageCache.invalidate([cacheTags.home("en")]);
    const response = await newsdesk.app.request("/english/", {
      headers: { cookie: `nd_ts=${size}` },
    });
    expect(response.headers.get("cache-status")).toContain("fwd=uri-miss");
    pages.push(await response.text());
  }
  return pages;
};

describe("page chrome", () => {
  it("is read once for many page renders, and again after a section edit", async () => {
    await misses();
    const before = sectionReads;
    const pages = await misses();
    expect(sectionReads).toBe(before);
    expect(pages.every((html) => html.includes(">World<"))).toBe(true);

    const world = (await newsdesk.repositories.catalog.listSections("en")).find(
      (s) => s.slug === "world",
    );
    if (!world) throw new Error("the demo has an English world section");
    await newsdesk.services.catalogAdmin.editSection(actor, "en", "world", {
      slug: "world",
      name: "Around the world",
      position: world.position,
    });
    const edited = sectionReads; // the edit reads the sections itself
    const renamed = await misses();
    expect(sectionReads).toBe(edited + 1);
    expect(renamed.every((html) => html.includes(">Around the world<"))).toBe(true);
  });

  it("shows a banner from the moment it is raised until it expires, on the newsroom's clock", async () => {
    const banner = await newsdesk.services.breaking.raise(actor, {
      serviceId: "en",
      text: "Polls close in Kessara",
      url: null,
      expiresAt: new Date(now.getTime() + 60_000).toISOString(),
    });
    expect(banner.text).toBe("Polls close in Kessara");
    expect((await misses()).every((html) => html.includes("Polls close in Kessara"))).toBe(true);
    now = new Date(now.getTime() + 61_000);
    expect((await misses()).some((html) => html.includes("Polls close in Kessara"))).toBe(false);
  });
});
