import type { BrowserContext, Locator, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import {
  type ApiSession,
  apiSignIn,
  axeViolations,
  demoAccounts,
  signIn,
  waitUntil,
} from "./support/newsroom.js";
import { newsroomBrowserSuite } from "./support/newsroom-suite.js";

// Conflicts lose nothing (ADR 0013), in Debian's Chromium against the built server: two
// browser contexts edit the same story; the second save is refused, kept as a "not merged"
// revision, and resolved field by field and block by block in the conflict view with the
// keyboard; axe finds nothing in English or Persian, on the conflict view and the history.
//
// Each context's page clock is held still while it types and saves (Playwright's fake
// clock), so autosave cannot fire between two edits: the state the test means to create is
// exactly the one it waits for, and nothing waits for time.

const suite = newsroomBrowserSuite("newsroom conflicts");

async function newClockedContext(): Promise<BrowserContext> {
  const context = await suite.newContext();
  await context.clock.install();
  return context;
}

/** Holds the page's timers (autosave, presence) still until `resume`. */
async function holdTime(page: Page) {
  await page.clock.pauseAt(Date.now() + 1_000);
}

async function chooseLanguage(page: Page, label: "English" | "فارسی") {
  await page.locator("#ui-language").selectOption({ label });
  const lang = label === "English" ? "en" : "fa";
  await waitUntil(async () => (await page.locator("html").getAttribute("lang")) === lang, {
    what: `the interface in ${lang}`,
  });
}

/**
 * Puts the caret at the end of the body's paragraph `index` and types `text` there, only
 * once the caret is where it should be: focused in that paragraph, nothing after it.
 */
async function appendToParagraph(page: Page, body: Locator, index: number, text: string) {
  const paragraph = body.locator("p").nth(index);
  await paragraph.click();
  await page.keyboard.press("End");
  await expect
    .poll(() =>
      paragraph.evaluate((element) => {
        const selection = document.getSelection();
        if (!selection?.isCollapsed || !selection.anchorNode) return false;
        if (!element.contains(selection.anchorNode)) return false;
        const range = document.createRange();
        range.selectNodeContents(element);
        range.setStart(selection.anchorNode, selection.anchorOffset);
        return range.toString() === "";
      }),
    )
    .toBe(true);
  const before = (await paragraph.textContent()) ?? "";
  await page.keyboard.type(text);
  await expect.poll(() => paragraph.textContent()).toBe(`${before}${text}`);
}

describe("newsroom: conflicts lose nothing", () => {
  let editorApi: ApiSession;

  beforeAll(async () => {
    editorApi = await apiSignIn(suite.server.baseUrl, demoAccounts.editor);
  });

  it("two browser contexts edit the same story: the refused version is kept as not merged and resolved field by field", async () => {
    const created = await editorApi.request("POST", "/stories", {
      serviceId: "en",
      content: {
        headline: "E2E merge base",
        standfirst: "Base standfirst.",
        dateline: "NORTH HAVEN",
        slug: "e2e-merge-base",
        section: "world",
        topics: [],
        leadFigure: null,
        body: [
          { type: "paragraph", content: [{ text: "First paragraph." }] },
          { type: "paragraph", content: [{ text: "Second paragraph." }] },
          { type: "paragraph", content: [{ text: "Third paragraph." }] },
        ],
        bylines: [],
        agencies: [],
      },
    });
    expect(created.status).toBe(201);
    const id = (created.json as { story: { id: string } }).story.id;
    const path = `/newsroom/stories/${id}`;
    const editing = { level: 1, name: "Editing: E2E merge base" } as const;

    const first = await signIn(
      await newClockedContext(),
      suite.server.baseUrl,
      demoAccounts.editor,
      path,
    );
    await first.getByRole("heading", editing).waitFor();
    const second = await signIn(
      await newClockedContext(),
      suite.server.baseUrl,
      demoAccounts.admin,
      path,
    );
    await second.getByRole("heading", editing).waitFor();
    // Presence: each sees the other.
    await second.getByText(/Also editing: .+/).waitFor();

    // The first editor changes the headline, the standfirst and paragraph 2, and saves.
    await holdTime(first);
    await first.getByLabel("Headline", { exact: true }).fill("My headline");
    await first.getByLabel("Standfirst", { exact: true }).fill("My standfirst.");
    const firstBody = first.getByRole("textbox", { name: "Story body" });
    await appendToParagraph(first, firstBody, 1, " My words.");
    await first.getByRole("button", { name: "Save", exact: true }).click();
    await first
      .getByRole("status")
      .filter({ hasText: /^Saved .* as revision 2\.$/ })
      .waitFor();
    await first.clock.resume();

    // The second changes the headline and paragraph 2 too, and the dateline alone.
    await holdTime(second);
    await second.getByLabel("Headline", { exact: true }).fill("Their headline");
    await second.getByLabel("Dateline (place)").fill("ALEPPO");
    const secondBody = second.getByRole("textbox", { name: "Story body" });
    await appendToParagraph(second, secondBody, 1, " Their words.");
    await second.getByRole("button", { name: "Save", exact: true }).click();
    const conflict = second.getByRole("region", {
      name: "Someone else saved this story while you were editing",
    });
    await conflict.waitFor();
    await second.clock.resume();

    // Before the view opened, the refused version was kept as revision 3, not merged.
    await conflict
      .getByText(/kept in the revision history as revision 3, marked “Not merged”/)
      .waitFor();
    // One change on each side merged by itself; the two changes made on both sides are asked.
    await conflict
      .getByText(
        "Changes merged automatically: 2. Changes made in both versions that need your choice: 2.",
      )
      .waitFor();
    const headline = conflict.getByRole("group", { name: "Headline" });
    const paragraph = conflict.getByRole("group", { name: "Body, paragraph 2" });
    await headline.getByRole("radio", { name: /^Mine\s*Their headline$/ }).waitFor();
    await headline.getByRole("radio", { name: /^Theirs \(revision 2\)\s*My headline$/ }).waitFor();
    await paragraph
      .getByRole("radio", { name: /^Mine\s*Second paragraph\. Their words\.$/ })
      .waitFor();
    // The editor is locked while the conflict is open.
    await expect.poll(() => secondBody.getAttribute("contenteditable")).toBe("false");
    await expect.poll(() => second.getByLabel("Headline", { exact: true }).isDisabled()).toBe(true);

    expect(await axeViolations(second)).toEqual([]);
    await chooseLanguage(second, "فارسی");
    await conflict
      .page()
      .getByRole("heading", { name: "هم‌زمان با ویرایش شما، کس دیگری این خبر را ذخیره کرد" })
      .waitFor();
    expect(await axeViolations(second)).toEqual([]);
    await chooseLanguage(second, "English");

    // Saving before every change has an answer says how many are left, and goes to the first.
    const saveMerged = conflict.getByRole("button", { name: "Save merged version" });
    await saveMerged.click();
    await conflict
      .getByRole("alert")
      .filter({ hasText: "Choose a version for each change made in both versions; 2 left." })
      .waitFor();
    const headlineMine = headline.getByRole("radio", { name: /^Mine/ });
    await expect
      .poll(() => headlineMine.evaluate((el) => el === document.activeElement))
      .toBe(true);

    // By keyboard: headline → theirs (arrow key); paragraph 2 → written anew.
    await second.keyboard.press("ArrowDown");
    await expect
      .poll(() => headline.getByRole("radio", { name: /^Theirs/ }).isChecked())
      .toBe(true);
    await paragraph.getByRole("radio", { name: /^Mine/ }).focus();
    await second.keyboard.press("ArrowDown");
    await second.keyboard.press("ArrowDown");
    const write = paragraph.getByRole("radio", { name: "Write it myself" });
    await expect.poll(() => write.isChecked()).toBe(true);
    const text = paragraph.getByLabel("Your text for Body, paragraph 2");
    await expect.poll(() => text.inputValue()).toBe("Second paragraph. Their words.");
    await second.keyboard.press("Tab");
    await expect.poll(() => text.evaluate((el) => el === document.activeElement)).toBe(true);
    await second.keyboard.press("ControlOrMeta+A");
    await second.keyboard.type("Second paragraph. My words. Their words.");
    await expect.poll(() => text.inputValue()).toBe("Second paragraph. My words. Their words.");
    await saveMerged.focus();
    await second.keyboard.press("Enter");

    await conflict.waitFor({ state: "hidden" });
    await second
      .getByRole("status")
      .filter({ hasText: "The merged version was saved as revision 4, on top of revision 2." })
      .waitFor();
    // The editor holds the merge and is editable again.
    await expect
      .poll(() => second.getByLabel("Headline", { exact: true }).inputValue())
      .toBe("My headline");
    await expect
      .poll(() => second.getByLabel("Standfirst", { exact: true }).inputValue())
      .toBe("My standfirst.");
    await expect.poll(() => second.getByLabel("Dateline (place)").inputValue()).toBe("ALEPPO");
    await expect
      .poll(() => secondBody.locator("p").nth(1).textContent())
      .toBe("Second paragraph. My words. Their words.");
    await expect.poll(() => secondBody.getAttribute("contenteditable")).toBe("true");

    // The history: four revisions, the refused one kept whole and marked "Not merged".
    type Summary = { id: string; number: number; kind: string };
    const revisions = (await editorApi.request("GET", `/stories/${id}/revisions`))
      .json as Summary[];
    expect(revisions.map((r) => [r.number, r.kind])).toEqual([
      [4, "saved"],
      [3, "not_merged"],
      [2, "saved"],
      [1, "saved"],
    ]);
    const kept = (await editorApi.request("GET", `/stories/${id}/revisions/${revisions[1]?.id}`))
      .json as { revision: { content: { headline: string; dateline: string; body: unknown } } };
    expect(kept.revision.content.headline).toBe("Their headline");
    expect(kept.revision.content.dateline).toBe("ALEPPO");
    expect(JSON.stringify(kept.revision.content.body)).toContain("Second paragraph. Their words.");

    await second.getByRole("link", { name: "Revision history and audit log" }).click();
    await second.getByRole("heading", { level: 1, name: "Revision history" }).waitFor();
    const row = second.getByRole("row").filter({ hasText: "Not merged" });
    await expect.poll(() => row.count()).toBe(1);
    await row
      .getByRole("button", {
        name: "Compare revision 3 (not merged) with revision 1, which it was based on",
      })
      .click();
    const diff = second.locator(".nr-diff");
    await diff.getByRole("cell", { name: "Their headline" }).waitFor();
    await diff.getByRole("cell", { name: "E2E merge base" }).waitFor();
    await row
      .getByRole("link", { name: "Open revision 3 as readers would see it, in a new tab" })
      .waitFor();
    expect(await axeViolations(second)).toEqual([]);
    await chooseLanguage(second, "فارسی");
    await second.getByRole("row").filter({ hasText: "ادغام‌نشده" }).first().waitFor();
    expect(await axeViolations(second)).toEqual([]);
    await chooseLanguage(second, "English");
  });
});
