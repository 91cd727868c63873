import type { Dialog, Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { en } from "../../src/newsroom-ui/i18n/en.js";
import { fa } from "../../src/newsroom-ui/i18n/fa.js";
import {
  apiSignIn,
  axeViolations,
  demoAccounts,
  signIn,
  waitUntil,
  watchPage,
} from "./support/newsroom.js";
import { newsroomBrowserSuite } from "./support/newsroom-suite.js";

// Breaking-news alerts for several services in Debian's Chromium against the
// real server: an editor raises one alert for English and Persian with the Persian text
// left for a translator, each service shows its own status, the reader pages follow; the
// translator's text waits for approval and stays off the Persian pages until an editor of
// the Persian service approves it, and then it is live. Also: a freshly opened draft is not
// "changed" (no unsaved-changes prompt), and the Persian interface has no English labels
// on the dashboard and in the editor. The tests share one server and run in order.

const suite = newsroomBrowserSuite("newsroom alerts");

const newContext = () => suite.newContext();
const url = (path: string) => suite.url(path);

async function readerHtml(path: string): Promise<string> {
  return (await fetch(url(path))).text();
}

/** The interface language through the header's switcher (stored in localStorage). */
async function chooseLanguage(page: Page, label: "English" | "فارسی") {
  await page.locator("#ui-language").selectOption({ label });
  const lang = label === "English" ? "en" : "fa";
  await waitUntil(async () => (await page.locator("html").getAttribute("lang")) === lang, {
    what: `the interface in ${lang}`,
  });
}

/**
 * Collects `beforeunload` prompts (the editor's unsaved-changes guard). Chromium shows one
 * only after a user gesture on the page, which the clicks in these tests are.
 */
function watchUnloadPrompts(page: Page): string[] {
  const prompts: string[] = [];
  page.on("dialog", (dialog: Dialog) => {
    if (dialog.type() === "beforeunload") prompts.push(page.url());
    void dialog.accept().catch(() => undefined);
  });
  return prompts;
}

describe("newsroom: a freshly opened draft has no unsaved changes", () => {
  it("'Use in new story' opens a draft; leaving and reloading it asks nothing", async () => {
    const admin = await apiSignIn(suite.server.baseUrl, demoAccounts.admin);
    const created = await admin.request("POST", "/wire/sources", {
      kind: "push",
      name: "E2E alerts push feed",
      agencyCode: "E2EALRT",
      agencyName: "Alert Test Agency",
      serviceId: "en",
      subjectSections: {},
    });
    expect(created.status, created.text).toBe(201);
    const { source, pushToken } = created.json as { source: { id: string }; pushToken: string };
    const pushed = await fetch(url(`/ingest/push/${source.id}`), {
      method: "POST",
      headers: { Authorization: `Bearer ${pushToken}`, "Content-Type": "application/json" },
      body: JSON.stringify({
        uri: "urn:newsdesk-e2e:alerts:bridge-1",
        type: "text",
        version: "1",
        versioncreated: "2031-06-01T10:00:00Z",
        pubstatus: "usable",
        language: "en",
        urgency: 3,
        headlines: [{ value: "E2E alerts: Bridge reopens after repairs" }],
        bodies: [
          {
            contentType: "text/html",
            value:
              "<p>The bridge reopened on Monday.</p><p>Traffic was light.</p><ul><li>Two lanes are open.</li><li>Trucks wait until June.</li></ul>",
          },
        ],
      }),
    });
    expect(pushed.status, await pushed.text()).toBe(200);

    const page = await signIn(
      await newContext(),
      suite.server.baseUrl,
      demoAccounts.editor,
      "/newsroom/wire",
    );
    const prompts = watchUnloadPrompts(page);
    const saveState = page.locator(".nr-help[aria-live=off]");
    await page.getByRole("link", { name: "E2E alerts: Bridge reopens after repairs" }).click();
    await page.getByLabel("Service for a new story").selectOption("en");
    await page.getByRole("button", { name: "Use in new story" }).click();
    const opened = Date.now();
    await page
      .getByRole("heading", { level: 1, name: "Editing: E2E alerts: Bridge reopens after repairs" })
      .waitFor();
    await page
      .getByRole("textbox", { name: "Story body" })
      .getByText("Trucks wait until June.")
      .waitFor();
    // Time for the editor to settle (Tiptap's first transactions, the catalogue's arrival),
    // but well inside the 15-second autosave, which would hide a false "changed" state.
    await page.getByRole("group", { name: "Topics" }).waitFor();
    await page.waitForTimeout(500);
    expect(await saveState.textContent()).toMatch(/^All changes saved\./);
    await page.goto(url("/newsroom/"));
    await page.getByRole("heading", { level: 1, name: /^Stories in / }).waitFor();
    expect(Date.now() - opened).toBeLessThan(12_000);
    expect(prompts).toEqual([]);

    // Back in the draft, a click into the body (a selection transaction, after which Tiptap
    // may append its trailing paragraph behind the list) changes nothing either.
    await page.goBack();
    await page
      .getByRole("textbox", { name: "Story body" })
      .getByText("Trucks wait until June.")
      .click();
    const clicked = Date.now();
    await page.waitForTimeout(500);
    expect(await saveState.textContent()).toMatch(/^All changes saved\./);
    await page.reload();
    await page.getByRole("heading", { level: 1, name: /^Editing: E2E alerts: Bridge/ }).waitFor();
    expect(Date.now() - clicked).toBeLessThan(12_000);
    expect(prompts).toEqual([]);

    // A real change still asks before leaving, and undoing it makes the draft clean again.
    const standfirst = page.getByLabel("Standfirst");
    await standfirst.fill("Repairs took a year.");
    await page.getByText("Unsaved changes.").waitFor();
    await standfirst.fill("");
    await page.getByText("All changes saved.").waitFor({ timeout: 2_000 });
    await standfirst.fill("Repairs took a year.");
    await page.goto(url("/newsroom/media"));
    await waitUntil(async () => prompts.length === 1, { what: "the unsaved-changes prompt" });
  });
});

describe("newsroom: one breaking alert for English and Persian", () => {
  const englishText = "E2E alert: Storm closes the coast road";
  const persianText = "هشدار آزمایشی: توفان جادهٔ ساحلی را بست";
  let editorPage: Page;
  let translatorPage: Page;
  let alertCard: Locator;
  /** The card's heading ("Alert raised …"): it finds the card where English is not listed. */
  let alertHeading: string;

  const breakingBar = (html: string) =>
    /<section class="breaking"[^>]*>([\s\S]*?)<\/section>/.exec(html)?.[1] ?? null;

  it("an editor raises an alert for en and fa with fa left empty; each service shows its status", async () => {
    const editorApi = await apiSignIn(suite.server.baseUrl, demoAccounts.editor);
    // The demo raises a Persian banner; take it down so the Persian page starts without one.
    expect((await editorApi.request("DELETE", "/banners/fa")).status).toBe(204);

    editorPage = await signIn(await newContext(), suite.server.baseUrl, demoAccounts.editor);
    const watch = watchPage(editorPage);
    await editorPage
      .getByRole("navigation", { name: "Newsroom" })
      .getByRole("link", { name: "Breaking news" })
      .click();
    await editorPage.getByRole("heading", { level: 1, name: "Breaking news alerts" }).waitFor();
    const services = editorPage.getByRole("group", { name: "Services" });
    await services.getByLabel("Meridian News").check();
    await services.getByLabel("مریدین فارسی").check();
    const english = editorPage.getByLabel("Text for Meridian News");
    const persian = editorPage.getByLabel("Text for مریدین فارسی");
    // Each text is typed in its service's language and direction.
    expect(await english.getAttribute("lang")).toBe("en");
    expect(await persian.getAttribute("lang")).toBe("fa");
    expect(await persian.getAttribute("dir")).toBe("rtl");
    await english.fill(englishText);
    await editorPage.getByLabel("Link (optional)").fill("/english/");
    await editorPage.getByRole("button", { name: "Raise alert" }).click();

    const dialog = editorPage.getByRole("dialog", { name: "Raise this alert?" });
    await dialog
      .getByText(`Readers of Meridian News see “${englishText}” at the top of every page`)
      .waitFor();
    await dialog.getByText(/^Readers of مریدین فارسی see nothing yet/).waitFor();
    expect(await axeViolations(editorPage)).toEqual([]);
    await dialog.getByRole("button", { name: "Raise the alert now" }).click();
    await editorPage.getByRole("status").filter({ hasText: "The alert was raised." }).waitFor();

    alertCard = editorPage.getByRole("article").filter({ hasText: englishText });
    alertHeading = (await alertCard.getByRole("heading", { level: 3 }).textContent()) ?? "";
    expect(alertHeading).toMatch(/^Alert raised /);
    await alertCard
      .getByRole("listitem")
      .filter({ hasText: "Meridian News" })
      .getByText("Live", { exact: true })
      .waitFor();
    await alertCard
      .getByRole("listitem")
      .filter({ hasText: "مریدین فارسی" })
      .getByText("Awaiting translation", { exact: true })
      .waitFor();
    // An editor of fa may write the waiting text too; the form is there for them.
    await alertCard.getByLabel("Add the text for مریدین فارسی").waitFor();

    await waitUntil(
      async () => breakingBar(await readerHtml("/english/"))?.includes(englishText) ?? false,
      {
        what: "the English bar on the English home",
      },
    );
    const persianHome = await readerHtml("/persian/");
    expect(breakingBar(persianHome)).toBeNull();
    expect(persianHome).not.toContain(englishText);
    expect(watch.errors).toEqual([]);
  });

  it("the alerts screen passes axe in English and Persian, right to left in Persian", async () => {
    expect(await axeViolations(editorPage)).toEqual([]);
    await chooseLanguage(editorPage, "فارسی");
    await editorPage.getByRole("heading", { level: 1, name: fa["alerts.title"] }).waitFor();
    expect(await editorPage.locator("html").getAttribute("dir")).toBe("rtl");
    await alertCard.getByText(fa["alerts.status.awaiting-translation"], { exact: true }).waitFor();
    await editorPage.getByRole("group", { name: fa["alerts.services"] }).waitFor();
    expect(await editorPage.getByText(en["alerts.raiseHeading"], { exact: true }).count()).toBe(0);
    expect(await axeViolations(editorPage)).toEqual([]);
    await chooseLanguage(editorPage, "English");
  });

  it("the Persian translator sends the Persian text: it awaits approval and is not on the Persian page", async () => {
    translatorPage = await signIn(
      await newContext(),
      suite.server.baseUrl,
      demoAccounts.translator,
      "/newsroom/alerts",
    );
    const page = translatorPage;
    const watch = watchPage(page);
    await page.getByRole("heading", { level: 1, name: "Breaking news alerts" }).waitFor();
    // Translators cannot raise alerts; they are told so.
    expect(await page.getByRole("button", { name: "Raise alert" }).count()).toBe(0);
    // The translator works in Persian only, so the card lists only the Persian service.
    const card = page
      .getByRole("article")
      .filter({ has: page.getByRole("heading", { level: 3, name: alertHeading }) });
    await card.getByRole("listitem").filter({ hasText: "مریدین فارسی" }).waitFor();
    expect(await card.getByRole("listitem").count()).toBe(1);
    expect(await page.getByText(englishText).count()).toBe(0);
    const field = card.getByLabel("Add the text for مریدین فارسی");
    expect(await field.getAttribute("dir")).toBe("rtl");
    await card.getByText("An editor of مریدین فارسی approves it before readers see it.").waitFor();
    // Nothing of the translator's form claims to put the bar live.
    expect(await card.getByRole("button", { name: /bar live/ }).count()).toBe(0);
    await field.fill(persianText);
    await card.getByRole("button", { name: "Send the مریدین فارسی text for approval" }).click();
    await page
      .getByRole("status")
      .filter({
        hasText:
          "The مریدین فارسی text was sent. It goes live when an editor of the service approves it.",
      })
      .waitFor();
    const faItem = card.getByRole("listitem").filter({ hasText: "مریدین فارسی" });
    await faItem.getByText("Awaiting approval", { exact: true }).waitFor();
    await faItem.getByText("Proposed text, not shown to readers yet:").waitFor();
    await faItem.getByText(persianText).waitFor();
    await faItem.getByText("Waiting for an editor of مریدین فارسی to approve it.").waitFor();
    // They may still revise their waiting text, which again waits for approval.
    await faItem.getByText("Change the text", { exact: true }).click();
    const revision = faItem.getByLabel("New text for مریدین فارسی");
    expect(await revision.inputValue()).toBe(persianText);
    await faItem.getByRole("button", { name: "Send the مریدین فارسی text for approval" }).waitFor();
    await faItem.getByText("Change the text", { exact: true }).click();
    // The translator cannot approve their own text.
    expect(await faItem.getByRole("button", { name: /Approve and publish/ }).count()).toBe(0);
    expect(await page.getByRole("status").filter({ hasText: "is live" }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    // Readers of the Persian service see nothing of it; English is unchanged.
    const persianHome = await readerHtml("/persian/");
    expect(breakingBar(persianHome)).toBeNull();
    expect(persianHome).not.toContain(persianText);
    expect(breakingBar(await readerHtml("/english/"))).toContain(englishText);
    expect(watch.errors).toEqual([]);
  });

  it("an editor of fa approves the Persian text: fa goes live, on the Persian reader page", async () => {
    const watch = watchPage(editorPage);
    await editorPage.reload();
    const faItem = editorPage
      .getByRole("article")
      .filter({ hasText: englishText })
      .getByRole("listitem")
      .filter({ hasText: "مریدین فارسی" });
    await faItem.getByText("Awaiting approval", { exact: true }).waitFor();
    await faItem.getByText(persianText).waitFor();
    // An editor may also write a different text, which goes live at once for them.
    await faItem.getByText("Change the text", { exact: true }).click();
    expect(await faItem.getByLabel("New text for مریدین فارسی").inputValue()).toBe(persianText);
    await faItem.getByRole("button", { name: "Put the مریدین فارسی bar live" }).waitFor();
    await faItem.getByText("Change the text", { exact: true }).click();
    await faItem.getByRole("button", { name: "Approve and publish the مریدین فارسی text" }).click();

    const dialog = editorPage.getByRole("dialog", { name: "Approve and publish this text?" });
    await dialog
      .getByText(`Readers of مریدین فارسی see “${persianText}” at the top of every page`)
      .waitFor();
    expect(await axeViolations(editorPage)).toEqual([]);
    await dialog.getByRole("button", { name: "Approve and publish now" }).click();
    await editorPage
      .getByRole("status")
      .filter({ hasText: "The مریدین فارسی text was approved and is live." })
      .waitFor();
    await faItem.getByText("Live", { exact: true }).waitFor();
    await faItem.getByText(persianText).waitFor();
    expect(await faItem.getByRole("button", { name: /Approve and publish/ }).count()).toBe(0);

    await waitUntil(
      async () => breakingBar(await readerHtml("/persian/"))?.includes(persianText) ?? false,
      { what: "the Persian bar on the Persian home" },
    );
    expect(breakingBar(await readerHtml("/english/"))).toContain(englishText);
    expect(watch.errors).toEqual([]);
  });

  it("the translator sees the Persian text live, with no control to change it", async () => {
    await translatorPage.reload();
    const faItem = translatorPage
      .getByRole("article")
      .filter({ has: translatorPage.getByRole("heading", { level: 3, name: alertHeading }) })
      .getByRole("listitem")
      .filter({ hasText: "مریدین فارسی" });
    await faItem.getByText("Live", { exact: true }).waitFor();
    await faItem.getByText(persianText).waitFor();
    expect(await faItem.getByRole("textbox", { includeHidden: true }).count()).toBe(0);
    expect(await faItem.getByRole("button").count()).toBe(0);
    expect(await faItem.getByText("Change the text").count()).toBe(0);
  });
});

describe("newsroom: the Persian interface has no English labels on the dashboard, in the editor and in the media library", () => {
  /** Catalogue keys whose words appear on these screens (labels, buttons, headings). */
  const dashboardKeys = [
    "dashboard.search",
    "dashboard.searchButton",
    "dashboard.newStory",
    "dashboard.create",
    "status.draft",
    "status.published",
  ] as const;
  const editorKeys = [
    "editor.headline",
    "editor.standfirst",
    "editor.dateline",
    "editor.section",
    "editor.topics",
    "editor.leadImage",
    "editor.save",
    "editor.history",
    "workflow.heading",
    "bylines.personOrDesk",
    "bylines.add",
    "preview.heading",
    "preview.refresh",
  ] as const;
  const mediaKeys = [
    "media.title",
    "media.upload.heading",
    "media.upload.submit",
    "media.browse.heading",
  ] as const;

  /** The language an element's own words are read in: its nearest `lang` (WCAG 2.2 SC 3.1.2). */
  const interfaceLanguageOf = (target: Locator) =>
    target.first().evaluate((element) => element.closest("[lang]")?.getAttribute("lang") ?? null);

  it("shows the Persian words and none of the English ones; no English-only fallbacks", async () => {
    const page = await signIn(await newContext(), suite.server.baseUrl, demoAccounts.editor);
    const watch = watchPage(page);
    await chooseLanguage(page, "فارسی");
    await page.goto(url("/newsroom/?service=en"));
    await page.getByRole("button", { name: fa["dashboard.create"] }).waitFor();
    const main = page.locator("main");
    for (const key of dashboardKeys) {
      expect([key, await main.getByText(fa[key], { exact: true }).count()]).not.toEqual([key, 0]);
      expect([key, await main.getByText(en[key], { exact: true }).count()]).toEqual([key, 0]);
    }
    // Content keeps its own language; the interface around it is no longer marked English.
    expect(await interfaceLanguageOf(page.locator("main h1"))).toBe("fa");
    expect(await interfaceLanguageOf(page.getByText(fa["dashboard.search"]))).toBe("fa");

    await page.getByLabel(fa["dashboard.headline"]).fill("E2E: Persian interface check");
    await page.getByRole("button", { name: fa["dashboard.create"] }).click();
    await page.getByRole("textbox", { name: fa["editor.body"] }).waitFor();
    await page.getByRole("group", { name: fa["editor.topics"] }).waitFor();
    for (const key of editorKeys) {
      expect([key, await main.getByText(fa[key], { exact: true }).count()]).not.toEqual([key, 0]);
      expect([key, await main.getByText(en[key], { exact: true }).count()]).toEqual([key, 0]);
    }
    expect(await interfaceLanguageOf(page.locator("main h1"))).toBe("fa");
    expect(await interfaceLanguageOf(main.getByText(fa["editor.save"], { exact: true }))).toBe(
      "fa",
    );
    expect(await interfaceLanguageOf(page.getByRole("group", { name: fa["editor.topics"] }))).toBe(
      "fa",
    );
    // The parts that used to stay English (bylines, preview) are in the interface language.
    expect(await interfaceLanguageOf(main.getByText(fa["bylines.add"], { exact: true }))).toBe(
      "fa",
    );
    expect(await interfaceLanguageOf(main.getByText(fa["preview.heading"], { exact: true }))).toBe(
      "fa",
    );
    // The story's own fields still follow its service (English here), not the interface.
    expect(await page.getByLabel(fa["editor.headline"]).getAttribute("lang")).toBe("en");
    expect(await axeViolations(page)).toEqual([]);

    // The media library: upload form, focal point and browser, all in Persian.
    await page.goto(url("/newsroom/media"));
    await page.getByRole("heading", { level: 1, name: fa["media.title"] }).waitFor();
    await main.getByText(fa["media.browse.heading"], { exact: true }).waitFor();
    await main.getByText(fa["media.upload.file"], { exact: true }).waitFor();
    for (const key of mediaKeys) {
      expect([key, await main.getByText(fa[key], { exact: true }).count()]).not.toEqual([key, 0]);
      expect([key, await main.getByText(en[key], { exact: true }).count()]).toEqual([key, 0]);
    }
    expect(await interfaceLanguageOf(page.locator("main h1"))).toBe("fa");
    expect(await axeViolations(page)).toEqual([]);
    expect(watch.errors).toEqual([]);
  });
});
