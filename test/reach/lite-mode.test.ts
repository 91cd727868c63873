import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../src/domain/actor.js";
import { startTestNewsdesk } from "../support/test-newsdesk.js";

const actor = systemActor("lite test");

/** Everyday news prose, so a word is as long as in a real story (≈5 letters). */
const vocabulary = {
  english:
    "the talks between the two sides resumed on Monday after weeks of delay and officials said progress was slow but real",
  persian:
    "گفت‌وگوها میان دو طرف روز دوشنبه پس از هفته‌ها تأخیر از سر گرفته شد و مقام‌ها گفتند پیشرفت کند اما واقعی است",
} as const;

/** A paragraph of 100 words in the edition's language. */
function paragraphText(edition: keyof typeof vocabulary): string {
  const words = vocabulary[edition].split(" ");
  return Array.from({ length: 100 }, (_, i) => words[i % words.length]).join(" ");
}

/**
 * Text-only mode (issue 16): `?lite=1` serves pages without pictures (alt text and a link to
 * the photo instead), small enough for the slowest connections, remembered by a cookie, and
 * cached as its own variant.
 */
describe("text-only mode", () => {
  let newsdesk: Awaited<ReturnType<typeof startTestNewsdesk>>;
  const stories: Record<"english" | "persian", string> = { english: "", persian: "" };

  beforeAll(async () => {
    newsdesk = await startTestNewsdesk("sqlite");
    // A demo story in each edition, rewritten to 1,000 words with a second picture.
    for (const edition of ["english", "persian"] as const) {
      const home = await (await newsdesk.app.request(`/${edition}/`)).text();
      const id = /href="\/[a-z]+\/[^"/]+\/[^"]*-([0-9a-z]{12})"/.exec(home)?.[1] ?? "";
      const head = await newsdesk.repositories.stories.findStory(id);
      const revision =
        head && (await newsdesk.repositories.stories.findRevision(head.currentRevisionId));
      if (!head || !revision?.content.leadFigure)
        throw new Error(`no demo story with a picture in ${edition}`);
      const paragraph = { type: "paragraph" as const, content: [{ text: paragraphText(edition) }] };
      const content = {
        ...revision.content,
        body: [
          ...Array.from({ length: 5 }, () => paragraph),
          { ...revision.content.leadFigure, caption: "Second picture.", alt: "Trucks on a road." },
          ...Array.from({ length: 5 }, () => paragraph),
        ],
      };
      await newsdesk.services.stories.saveDraft(actor, id, {
        baseRevisionId: head.currentRevisionId,
        content,
      });
      await newsdesk.services.stories.publish(actor, id, { mode: "update" });
      const page = await newsdesk.app.request(`/${edition}/`);
      const html = await page.text();
      const href = new RegExp(`href="(/${edition}/[^"]+-${id})"`).exec(html)?.[1];
      if (!href) throw new Error(`story ${id} not on the ${edition} home page`);
      stories[edition] = href;
    }
  });
  afterAll(async () => {
    await newsdesk?.dispose();
  });

  it.each(["english", "persian"] as const)(
    "serves a 1,000-word %s story in at most 15 KB without pictures, linking to each photo",
    async (edition) => {
      const full = await (await newsdesk.app.request(stories[edition])).text();
      expect(full).toContain("<img");
      const response = await newsdesk.app.request(`${stories[edition]}?lite=1`);
      expect(response.status).toBe(200);
      const html = await response.text();
      const bytes = Buffer.byteLength(html);
      console.info(
        `lite ${edition} story: ${bytes} bytes (full: ${Buffer.byteLength(full)} bytes)`,
      );
      expect(bytes).toBeLessThanOrEqual(15_000);
      expect(html).not.toMatch(/<img|<picture|<source/);
      // The story text is all there: 1,000 words.
      expect(html.split(paragraphText(edition)).length - 1).toBe(10);
      // Each described picture becomes a link to its largest JPEG, named by its alt text.
      const photos = [...html.matchAll(/<a href="(\/media\/[^"]+\.jpg)">([^<]+)<\/a>/g)];
      expect(photos.map((m) => m[2])).toContain(
        edition === "english" ? "Photo: Trucks on a road." : "عکس: Trucks on a road.",
      );
      for (const [, href] of photos) {
        expect((await newsdesk.app.request(href ?? "")).headers.get("content-type")).toBe(
          "image/jpeg",
        );
      }
      // The way back, and the cookie that keeps the mode for later pages.
      expect(html).toContain('href="?lite=0"');
      expect(response.headers.get("set-cookie")).toMatch(/^nd_lite=1;/);
    },
  );

  it("remembers the mode by cookie, caches it apart, and leaves it with ?lite=0", async () => {
    const path = stories.english;
    newsdesk.pageCache.clear();
    const cookie = { headers: { Cookie: "nd_lite=1" } };
    const first = await newsdesk.app.request(path, cookie);
    expect(first.headers.get("cache-status")).toContain("stored");
    const again = await newsdesk.app.request(path, cookie);
    expect(again.headers.get("cache-status")).toContain("hit");
    expect(await again.text()).not.toContain("<img");
    // The full page is another entry: the lite copy never reaches readers without the cookie.
    const plain = await newsdesk.app.request(path);
    expect(plain.headers.get("cache-status")).toContain("stored");
    expect(await plain.text()).toContain("<img");
    // Switching is answered fresh (it sets the cookie), never from either stored copy.
    const off = await newsdesk.app.request(`${path}?lite=0`, cookie);
    expect(off.headers.get("cache-status") ?? "").not.toContain("hit");
    expect(off.headers.get("set-cookie")).toMatch(/^nd_lite=;.*Max-Age=0/);
    expect(await off.text()).toContain("<img");
    // Every page links to the text-only version.
    const home = await (await newsdesk.app.request("/persian/")).text();
    expect(home).toContain('href="?lite=1">فقط متن</a>');
  });

  it("drops both variants when the story changes", async () => {
    const path = stories.english;
    const id = path.slice(-12);
    const cookie = { headers: { Cookie: "nd_lite=1" } };
    await newsdesk.app.request(path, cookie);
    await newsdesk.app.request(path);
    await newsdesk.services.stories.correct(actor, id, { text: "A figure was wrong." });
    for (const init of [cookie, {}]) {
      const response = await newsdesk.app.request(path, init);
      expect(response.headers.get("cache-status")).toContain("stored");
      expect(await response.text()).toContain("A figure was wrong.");
    }
  });
});
