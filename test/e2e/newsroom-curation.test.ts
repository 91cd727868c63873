import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  apiSignIn,
  axeViolations,
  demoAccounts,
  signIn,
  waitUntil,
  watchPage,
} from "./support/newsroom.js";
import { newsroomBrowserSuite } from "./support/newsroom-suite.js";

// Front-page curation in Debian's Chromium against the real server: an editor finds
// published stories by typing, pins three, reorders them with the keyboard alone (WCAG 2.2
// SC 2.5.7) and by dragging, saves, and the reader home page (no JavaScript) shows that
// order; the related-stories picker does the same for one story page. axe finds nothing in
// the English, Persian or Arabic interface.

const suite = newsroomBrowserSuite("newsroom curation");

interface Candidate {
  readonly id: string;
  readonly headline: string;
}

async function expectNoAxeViolations(page: Page, where: string) {
  expect([where, await axeViolations(page)]).toEqual([where, []]);
}

/** Story ids in the order the reader page's main content links them. */
async function readerOrder(path: string, fromMarker = "<main"): Promise<string[]> {
  const html = await (await fetch(suite.url(path))).text();
  const ids: string[] = [];
  const main = html.slice(Math.max(0, html.indexOf(fromMarker)));
  for (const m of main.matchAll(/href="\/english\/[a-z-]+\/[^"]+-([0-9a-z]{12})"/g)) {
    if (m[1] && !ids.includes(m[1])) ids.push(m[1]);
  }
  return ids;
}

/** Types part of the headline into the search and adds the story from the results. */
async function addByTyping(page: Page, story: Candidate) {
  const search = page.getByLabel("Find published stories");
  await search.fill("");
  // Typed key by key, as an editor would: the results follow the typing.
  await search.pressSequentially(story.headline.split(" ").slice(0, 3).join(" "), { delay: 20 });
  const add = page.getByRole("button", { name: `Add: ${story.headline}`, exact: true });
  await add.click();
  await page
    .getByRole("list")
    .filter({ has: page.getByRole("button", { name: `Remove: ${story.headline}` }) })
    .waitFor();
}

describe("newsroom: top stories", () => {
  it("pins by searching, reorders by keyboard and by dragging, and the reader home shows it", async () => {
    const editorApi = await apiSignIn(suite.server.baseUrl, demoAccounts.editor);
    const found = await editorApi.request("GET", "/curation/candidates?service=en&q=");
    const candidates = (found.json as { items: Candidate[] }).items;
    // Not the newest: pinned, the top of the page differs from the automatic one.
    const [a, b, c] = candidates.slice(1, 4);
    if (!a || !b || !c) throw new Error("the demo has fewer than four English stories");

    const context = await suite.newContext();
    const page = await signIn(context, suite.server.baseUrl, demoAccounts.editor);
    const watch = watchPage(page);
    await page.getByRole("link", { name: "Top stories" }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Top stories of Meridian News" }).waitFor();
    await page.getByText("Nothing has been pinned here yet.").waitFor();
    await expectNoAxeViolations(page, "top stories, empty (en)");

    for (const story of [a, b, c]) await addByTyping(page, story);
    const pinned = page.locator(".nr-curated-list > li .nr-curated-headline");
    await expect.poll(() => pinned.allTextContents()).toEqual([a.headline, b.headline, c.headline]);

    // Keyboard only: C up twice. Focus stays on C's Move up button, and each move is announced.
    await page.getByRole("button", { name: `Move up: ${c.headline}` }).focus();
    await page.keyboard.press("Enter");
    await page
      .getByRole("status")
      .filter({ hasText: `Moved “${c.headline}” to position 2 of 3.` })
      .waitFor();
    expect(
      await page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? ""),
    ).toBe(`Move up: ${c.headline}`);
    await page.keyboard.press("Enter");
    await page
      .getByRole("status")
      .filter({ hasText: `Moved “${c.headline}” to position 1 of 3.` })
      .waitFor();
    await expect.poll(() => pinned.allTextContents()).toEqual([c.headline, a.headline, b.headline]);
    await expectNoAxeViolations(page, "top stories, reordered (en)");

    await page.getByRole("button", { name: "Save order" }).click();
    await page.getByRole("status").filter({ hasText: "Saved." }).waitFor();
    await page.getByText(/Version 1, saved by Elif Editor/).waitFor();
    expect((await readerOrder("/english/")).slice(0, 3)).toEqual([c.id, a.id, b.id]);

    // Dragging does the same: B onto the first place.
    await page
      .locator(`.nr-curated-list > li[data-story="${b.id}"]`)
      .dragTo(page.locator(`.nr-curated-list > li[data-story="${c.id}"]`));
    await expect.poll(() => pinned.allTextContents()).toEqual([b.headline, c.headline, a.headline]);
    await page.getByRole("button", { name: "Save order" }).click();
    await page.getByText(/Version 2, saved by Elif Editor/).waitFor();
    await waitUntil(
      async () =>
        JSON.stringify((await readerOrder("/english/")).slice(0, 3)) ===
        JSON.stringify([b.id, c.id, a.id]),
      { what: "the reader home page in the new order" },
    );

    // Someone else saves meanwhile: this editor's save is refused, nothing is overwritten,
    // and Reload shows the other list.
    const theirs = await editorApi.request("PUT", "/curation/en/home", {
      version: 2,
      storyIds: [a.id],
    });
    expect(theirs.status, theirs.text).toBe(200);
    await page.getByRole("button", { name: `Remove: ${c.headline}` }).click();
    await page.getByRole("button", { name: "Save order" }).click();
    await page.getByRole("alert").filter({ hasText: "Someone else saved this list" }).waitFor();
    await page.getByRole("button", { name: "Reload the list" }).click();
    await expect.poll(() => pinned.allTextContents()).toEqual([a.headline]);
    await page.getByText(/Version 3, saved by Elif Editor/).waitFor();

    // The same screen in Persian.
    await page.locator("#ui-language").selectOption({ label: "فارسی" });
    await page.getByRole("heading", { level: 1, name: "خبرهای برگزیدهٔ Meridian News" }).waitFor();
    await page.getByRole("button", { name: `بالا ببر: ${a.headline}` }).waitFor();
    await expectNoAxeViolations(page, "top stories (fa)");
    await page.locator("#ui-language").selectOption({ label: "العربية" });
    await page
      .getByRole("heading", { level: 1, name: "الأخبار المختارة في Meridian News" })
      .waitFor();
    await page.getByRole("button", { name: `إلى الأعلى: ${a.headline}` }).waitFor();
    await expectNoAxeViolations(page, "top stories (ar)");
    await page.locator("#ui-language").selectOption({ label: "English" });

    // A section has its own list, reached from the page tabs.
    await page
      .getByRole("navigation", { name: "Home page and sections" })
      .getByRole("link", { name: "World" })
      .click();
    await page.getByRole("heading", { level: 2, name: "Pinned in World" }).waitFor();
    await page.getByText("Nothing has been pinned here yet.").waitFor();
    expect(new URL(page.url()).search).toBe("?service=en&section=world");
    await expectNoAxeViolations(page, "top stories of a section (en)");

    expect(watch.dialogs).toEqual([]);
    expect(watch.errors).toEqual([]);
  });

  it("picks related stories in the story editor, and the story page shows them", async () => {
    const editorApi = await apiSignIn(suite.server.baseUrl, demoAccounts.editor);
    const found = await editorApi.request("GET", "/curation/candidates?service=en&q=");
    const items = (found.json as { items: Candidate[] }).items;
    const [story, pick] = [items[0], items.at(-1)];
    if (!story || !pick || pick === story) throw new Error("the demo has too few stories");

    const context = await suite.newContext();
    const page = await signIn(
      context,
      suite.server.baseUrl,
      demoAccounts.editor,
      `/newsroom/stories/${story.id}`,
    );
    const watch = watchPage(page);
    const panel = page.locator(".nr-panel").filter({
      has: page.getByRole("heading", { level: 2, name: "Related stories" }),
    });
    await panel.getByText("Nothing has been pinned here yet.").waitFor();
    await addByTyping(page, pick);
    await panel.getByRole("button", { name: "Save order" }).click();
    await panel.getByText(/Version 1, saved by Elif Editor/).waitFor();
    await expectNoAxeViolations(page, "story editor with related stories (en)");

    // Any address with the story's id redirects to its canonical one.
    const moved = await fetch(suite.url(`/english/x/x-${story.id}`), { redirect: "manual" });
    const path = new URL(moved.headers.get("location") ?? "", suite.server.baseUrl).pathname;
    expect(path).toMatch(new RegExp(`^/english/[a-z-]+/[^/]+-${story.id}$`));
    expect(await readerOrder(path, 'class="related"')).toEqual([pick.id]);

    await page.locator("#ui-language").selectOption({ label: "فارسی" });
    await page.getByRole("heading", { level: 2, name: "خبرهای مرتبط" }).waitFor();
    await expectNoAxeViolations(page, "story editor with related stories (fa)");
    await page.locator("#ui-language").selectOption({ label: "العربية" });
    await page.getByRole("heading", { level: 2, name: "أخبار ذات صلة" }).waitFor();
    await expectNoAxeViolations(page, "story editor with related stories (ar)");
    await page.locator("#ui-language").selectOption({ label: "English" });
    expect(watch.dialogs).toEqual([]);
    expect(watch.errors).toEqual([]);
  });
});
