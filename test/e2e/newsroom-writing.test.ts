import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { en } from "../../src/newsroom-ui/i18n/en.js";
import { fa } from "../../src/newsroom-ui/i18n/fa.js";
import { apiSignIn, axeViolations, demoAccounts, signIn, waitUntil } from "./support/newsroom.js";
import { newsroomBrowserSuite } from "./support/newsroom-suite.js";

// Writing aids in Debian's Chromium against the real server: an administrator sets the
// English house style on the writing-settings screen; an editor writing a story sees the
// body's counts, the headline's length hint, typed quotes turned into the service's marks
// (English and Persian), the search and social previews, the keyboard shortcuts (save,
// link, publishing controls, the list), and the house-style findings before publishing.

const suite = newsroomBrowserSuite("newsroom writing aids");

const paragraph = (text: string) => ({ type: "paragraph", content: [{ text }] });

async function createStory(serviceId: "en" | "fa", headline: string, body: string) {
  const editor = await apiSignIn(suite.server.baseUrl, demoAccounts.editor);
  const created = await editor.request("POST", "/stories", {
    serviceId,
    content: {
      headline,
      standfirst: "",
      dateline: "",
      slug: serviceId === "en" ? "writing-aids-story" : "نوشتن",
      section: "world",
      topics: [],
      leadFigure: null,
      body: [paragraph(body)],
      bylines: [
        { kind: "desk", deskId: serviceId === "en" ? "meridian-news" : "meridian-persian" },
      ],
      agencies: [],
    },
  });
  expect(created.status, created.text).toBe(201);
  return (created.json as { story: { id: string } }).story.id;
}

async function openEditor(page: Page, storyId: string) {
  await page.goto(suite.url(`/newsroom/stories/${storyId}`));
  await page.locator(".nr-prose").waitFor();
  await page.getByTestId("body-counts").waitFor();
}

describe("newsroom: writing aids", () => {
  it("an administrator sets the house style on the writing-settings screen (axe clean)", async () => {
    const context = await suite.newContext();
    const page = await signIn(context, suite.server.baseUrl, demoAccounts.admin);
    await page.getByRole("link", { name: en["header.writingSettings"] }).click();
    await page.getByRole("heading", { level: 1, name: en["writing.settings.title"] }).waitFor();
    await page.getByRole("button", { name: en["writing.settings.addRule"] }).click();
    await page.getByLabel(en["writing.settings.avoid"]).fill("blast");
    await page.getByLabel(en["writing.settings.prefer"]).fill("explosion");
    await page.getByLabel(en["writing.settings.note"]).fill("Style guide 4.2");
    await page.getByLabel(en["writing.settings.headlineIdeal"]).fill("40");
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: en["writing.settings.save"] }).click();
    await page.getByText("Saved the writing settings for").waitFor();
    // Reloading shows what the server kept.
    await page.reload();
    await expect
      .poll(() => page.getByLabel(en["writing.settings.avoid"]).inputValue())
      .toBe("blast");
    expect(await page.getByLabel(en["writing.settings.headlineIdeal"]).inputValue()).toBe("40");
  });

  it("an editor sees counts, length hints, smart quotes, previews and the checks before publishing", async () => {
    const storyId = await createStory(
      "en",
      "Harbour reopens",
      "A blast damaged the pier last week, and the harbour closed.",
    );
    const context = await suite.newContext();
    const page = await signIn(context, suite.server.baseUrl, demoAccounts.editor);
    await openEditor(page, storyId);

    // Counts of the body, updated as the editor types.
    await expect
      .poll(() => page.getByTestId("body-counts").textContent())
      .toBe("Words: 11 · Characters: 59");
    await page.locator(".nr-prose p").first().click();
    await page.keyboard.press("End");
    await page.keyboard.type(" It reopened today.");
    await expect.poll(() => page.getByTestId("body-counts").textContent()).toContain("Words: 14");

    // Typed straight quotes become English curly quotes in the body and the headline.
    await page.keyboard.type(' The mayor said "we are back."');
    await expect
      .poll(() => page.locator(".nr-prose").textContent())
      .toContain("The mayor said “we are back.”");
    const headline = page.getByLabel(en["editor.headline"]);
    await headline.click();
    await page.keyboard.press("End");
    await page.keyboard.type(' after "months" of repairs to the damaged pier');
    expect(await headline.inputValue()).toBe(
      "Harbour reopens after “months” of repairs to the damaged pier",
    );
    // The service's ideal is 40 characters (set in the test above): the hint says so.
    const hintId = await headline.getAttribute("aria-describedby");
    await expect
      .poll(() => page.locator(`#${hintId}`).textContent())
      .toContain("longer than the 40");

    // Search and social fields with their previews.
    await page.getByText(en["writing.seo.heading"]).click();
    await page.getByLabel(en["writing.seo.title"]).fill("Harbour reopens after repairs");
    await page.getByLabel(en["writing.seo.socialDescription"]).fill("Boats are back at the pier.");
    await expect
      .poll(() => page.getByTestId("search-preview").textContent())
      .toContain("Harbour reopens after repairs");
    await expect
      .poll(() => page.getByTestId("social-preview").textContent())
      .toContain("Boats are back at the pier.");
    expect(await axeViolations(page)).toEqual([]);

    // Ctrl+S saves; the history then has a second revision.
    await page.keyboard.press("Control+s");
    await page.getByText("All changes saved.").waitFor();
    const editor = await apiSignIn(suite.server.baseUrl, demoAccounts.editor);
    const saved = (await editor.request("GET", `/stories/${storyId}`)).json as {
      revision: { number: number; content: { seo?: { title: string } } };
    };
    expect(saved.revision.content.seo?.title).toBe("Harbour reopens after repairs");

    // Ctrl+K in the body opens the link dialog.
    await page.locator(".nr-prose p").first().click();
    await page.keyboard.press("Control+k");
    await page.getByRole("dialog", { name: en["toolbar.link"] }).waitFor();
    await page.keyboard.press("Escape");
    await waitUntil(async () => (await page.locator("dialog[open]").count()) === 0, {
      what: "the link dialog closed",
    });

    // Ctrl+/ lists the shortcuts.
    await page.keyboard.press("Control+/");
    const help = page.getByRole("dialog", { name: en["writing.shortcuts.title"] });
    await help.waitFor();
    expect(await help.textContent()).toContain(en["writing.shortcuts.publish"]);
    expect(await axeViolations(page)).toEqual([]);
    await help.getByRole("button", { name: en["writing.shortcuts.close"] }).click();
    // Page shortcuts are off while any dialog is open: wait until this one has closed.
    await waitUntil(async () => (await page.locator("dialog[open]").count()) === 0, {
      what: "the shortcuts dialog closed",
    });

    // Ctrl+Shift+Enter opens the publishing dialog, which lists the house-style findings.
    await page.keyboard.press("Control+Shift+Enter");
    const publish = page.getByRole("dialog", { name: /Publish/ });
    await publish.waitFor();
    const checks = publish.getByRole("region", { name: en["writing.checks.heading"] });
    await expect
      .poll(() => checks.textContent())
      .toContain("“blast” in the body (×1): use “explosion”.");
    expect(await checks.textContent()).toContain("Style guide 4.2");
    expect(await checks.textContent()).toContain("The headline has");
    expect(await axeViolations(page)).toEqual([]);
  });

  it("the Persian editor gets guillemets and Persian digits, with no axe violations", async () => {
    const storyId = await createStory("fa", "بندر باز شد", "بندر پس از تعمیر باز شد.");
    const context = await suite.newContext();
    const page = await signIn(context, suite.server.baseUrl, demoAccounts.editor);
    await page.locator("#ui-language").selectOption({ label: "فارسی" });
    await waitUntil(async () => (await page.locator("html").getAttribute("lang")) === "fa", {
      what: "the interface in Persian",
    });
    await openEditor(page, storyId);
    await expect
      .poll(() => page.getByTestId("body-counts").textContent())
      .toBe("واژه‌ها: ۶ · نویسه‌ها: ۲۴");
    const headline = page.getByLabel(fa["editor.headline"]);
    await headline.click();
    await page.keyboard.press("End");
    await page.keyboard.type(' "امروز"');
    expect(await headline.inputValue()).toBe("بندر باز شد «امروز»");
    await page.getByText(fa["writing.seo.heading"]).click();
    await page.getByRole("button", { name: fa["writing.shortcuts.button"] }).click();
    await page.getByRole("dialog", { name: fa["writing.shortcuts.title"] }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });
});
