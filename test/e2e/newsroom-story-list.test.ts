import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { en } from "../../src/newsroom-ui/i18n/en.js";
import { fa } from "../../src/newsroom-ui/i18n/fa.js";
import {
  type ApiSession,
  apiSignIn,
  axeViolations,
  demoAccounts,
  signIn,
  waitUntil,
  watchPage,
} from "./support/newsroom.js";
import { newsroomBrowserSuite } from "./support/newsroom-suite.js";

// The dashboard's story list in Chromium against the real server: search, filters and order
// live in the address (a reload and the back button bring the same list back), rows are
// selected with the keyboard, bulk "Move to the trash" empties them into the Trash tab and
// Restore brings one back. axe finds nothing in English or Persian.

const suite = newsroomBrowserSuite("newsroom story list");
const url = (path: string) => suite.url(path);

async function chooseLanguage(page: Page, label: "English" | "فارسی") {
  await page.locator("#ui-language").selectOption({ label });
  const lang = label === "English" ? "en" : "fa";
  await waitUntil(async () => (await page.locator("html").getAttribute("lang")) === lang, {
    what: `the interface in ${lang}`,
  });
}

async function createDraft(api: ApiSession, headline: string, section: string): Promise<string> {
  const slug = headline.toLowerCase().replace(/[^a-z]+/gu, "-");
  const created = await api.request("POST", "/stories", {
    serviceId: "en",
    content: {
      headline,
      standfirst: "",
      dateline: "",
      slug,
      section,
      topics: [],
      leadFigure: null,
      body: [{ type: "paragraph", content: [{ text: "Three short words." }] }],
      bylines: [{ kind: "person", personId: "lena-okafor", role: "author" }],
      agencies: [],
    },
  });
  expect(created.status, created.text).toBe(201);
  return (created.json as { story: { id: string } }).story.id;
}

/** The headlines of the list's rows, top to bottom. */
async function rowHeadlines(page: Page): Promise<string[]> {
  return page.locator(".nr-story-list tbody th[scope=row]").allInnerTexts();
}

async function waitForRows(page: Page, expected: readonly string[]) {
  await waitUntil(
    async () => JSON.stringify(await rowHeadlines(page)) === JSON.stringify(expected),
    { what: `rows ${expected.join(", ")}` },
  );
}

describe("newsroom: the story list at scale", () => {
  it("keeps search, filters and order in the address through reload and back", async () => {
    const editorApi = await apiSignIn(suite.server.baseUrl, demoAccounts.editor);
    for (const [headline, section] of [
      ["Wombat list Gamma", "world"],
      ["Wombat list Alpha", "world"],
      ["Wombat list Beta", "world"],
      ["Wombat list Delta", "economy"],
    ] as const) {
      await createDraft(editorApi, headline, section);
    }
    const page = await signIn(await suite.newContext(), suite.server.baseUrl, demoAccounts.editor);
    const watch = watchPage(page);
    await page.goto(url("/newsroom/?service=en&status=draft"));
    await page.getByLabel("Search stories").fill("wombat list");
    await page.getByLabel("Section", { exact: true }).selectOption({ label: "World" });
    await page.getByLabel("Sort by").selectOption("headline");
    await page.getByLabel("Order").selectOption("asc");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    const ordered = ["Wombat list Alpha", "Wombat list Beta", "Wombat list Gamma"];
    await waitForRows(page, ordered);
    const address = new URL(page.url());
    expect(Object.fromEntries(address.searchParams)).toMatchObject({
      q: "wombat list",
      section: "world",
      sort: "headline",
      dir: "asc",
    });
    const drafts = page.getByRole("link", { name: /^Draft \(3\)$/u });
    await drafts.waitFor();

    await page.reload();
    await waitForRows(page, ordered);
    expect(await page.getByLabel("Search stories").inputValue()).toBe("wombat list");
    expect(await page.getByLabel("Sort by").inputValue()).toBe("headline");
    expect(await page.getByLabel("Order").inputValue()).toBe("asc");

    // Descending by headline, then back: the ascending list and its address return.
    await page.getByLabel("Order").selectOption("desc");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await waitForRows(page, [...ordered].reverse());
    await page.goBack();
    await waitForRows(page, ordered);
    expect(new URL(page.url()).searchParams.get("dir")).toBe("asc");
    expect(await page.getByLabel("Order").inputValue()).toBe("asc");
    expect(await axeViolations(page)).toEqual([]);
    expect(watch.errors).toEqual([]);
  });

  it("trashes selected drafts in bulk from the keyboard and restores one", async () => {
    const editorApi = await apiSignIn(suite.server.baseUrl, demoAccounts.editor);
    await createDraft(editorApi, "Numbat bulk One", "world");
    await createDraft(editorApi, "Numbat bulk Two", "world");
    const page = await signIn(await suite.newContext(), suite.server.baseUrl, demoAccounts.editor);
    const watch = watchPage(page);
    await page.goto(url("/newsroom/?service=en&status=draft&q=numbat&sort=headline&dir=asc"));
    await waitForRows(page, ["Numbat bulk One", "Numbat bulk Two"]);

    // Selection by keyboard: focus each box and press Space.
    for (const headline of ["Numbat bulk One", "Numbat bulk Two"]) {
      const box = page.getByRole("checkbox", { name: `Select “${headline}”` });
      await box.focus();
      await page.keyboard.press("Space");
      expect(await box.isChecked()).toBe(true);
    }
    await page.getByText("2 selected").waitFor();
    await page.getByLabel("Action").selectOption("trash");
    await page.getByRole("button", { name: "Apply to selected" }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("status").getByText("Done: 2. Refused: 0.").waitFor();
    await page.getByText(en["dashboard.empty"]).waitFor();
    await page.getByRole("link", { name: /^Trash \(2\)$/u }).click();
    await waitForRows(page, ["Numbat bulk One", "Numbat bulk Two"]);
    expect(new URL(page.url()).searchParams.get("status")).toBe("trash");
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Restore “Numbat bulk One”" }).click();
    await page.getByRole("status").getByText("“Numbat bulk One” is out of the trash.").waitFor();
    await waitForRows(page, ["Numbat bulk Two"]);
    await page.getByRole("link", { name: /^Draft \(1\)$/u }).click();
    await waitForRows(page, ["Numbat bulk One"]);

    // The same screen in Persian: its own words, Persian digits, and nothing for axe.
    await chooseLanguage(page, "فارسی");
    await page.getByRole("button", { name: fa["storyList.bulk.apply"] }).waitFor();
    await page.getByRole("link", { name: `${fa["storyList.trash"]} (۱ خبر)` }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(watch.errors).toEqual([]);
  });
});
