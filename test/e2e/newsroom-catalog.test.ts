import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ar } from "../../src/newsroom-ui/i18n/ar.js";
import { en } from "../../src/newsroom-ui/i18n/en.js";
import { fa } from "../../src/newsroom-ui/i18n/fa.js";
import {
  apiSignIn,
  axeViolations,
  demoAccounts,
  signIn,
  testImage,
  waitUntil,
  watchPage,
} from "./support/newsroom.js";
import { newsroomBrowserSuite } from "./support/newsroom-suite.js";

// The catalogue screen in Debian's Chromium against the real server: an editor gives a new
// correspondent a byline with photo (uploaded through the media picker), title and bio, and
// then picks her in the story editor's byline control; a duplicate topic is merged from the
// screen and its reader address answers with a permanent redirect. axe finds nothing in
// English, Persian or Arabic. The tests share one server and run in order.

const suite = newsroomBrowserSuite("newsroom catalogue");
const url = (path: string) => suite.url(path);

async function chooseLanguage(page: Page, label: "English" | "فارسی" | "العربية") {
  await page.locator("#ui-language").selectOption({ label });
  const lang = label === "English" ? "en" : label === "فارسی" ? "fa" : "ar";
  await waitUntil(async () => (await page.locator("html").getAttribute("lang")) === lang, {
    what: `the interface in ${lang}`,
  });
}

describe("newsroom: people, desks, topics, sections and agencies", () => {
  let personId = "";

  it("an editor adds a correspondent with photo, title and bio; axe finds nothing in English, Persian or Arabic", async () => {
    const page = await signIn(
      await suite.newContext(),
      suite.server.baseUrl,
      demoAccounts.editor,
      "/newsroom/catalog/people?service=en",
    );
    const watch = watchPage(page);
    await page.getByRole("heading", { level: 1, name: en["catalog.title"] }).waitFor();
    await page.getByRole("row").filter({ hasText: "Lena Okafor" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Add a person" }).click();
    const form = page.getByRole("dialog", { name: "Add a person" });
    await form.getByLabel("Name", { exact: true }).fill("Mina Karimi");
    await form.getByLabel(/^Role or title/).fill("Caucasus correspondent");
    await form.getByLabel("Short biography").fill("Mina reports from Tbilisi.");
    await form.getByRole("button", { name: "Choose a photo" }).click();
    const picker = page.getByRole("dialog", { name: "Choose a photo" });
    await picker.getByLabel(/^Image file/).setInputFiles({
      name: "mina-karimi.png",
      mimeType: "image/png",
      buffer: await testImage(600, 600, 3),
    });
    await picker.getByLabel("Caption").fill("Mina Karimi");
    await picker.getByLabel(/^Alt text/).fill("Portrait of Mina Karimi");
    await picker.getByRole("button", { name: "Upload image" }).click();
    await picker.waitFor({ state: "hidden" });
    await form.getByText("Photo chosen from the media library.").waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await form.getByRole("button", { name: "Save" }).click();
    await form.waitFor({ state: "hidden" });
    await page.getByRole("status").filter({ hasText: "Saved Mina Karimi." }).waitFor();
    const row = page.getByRole("row").filter({ hasText: "Mina Karimi" });
    await row.getByText("Caucasus correspondent", { exact: true }).waitFor();
    await row.getByText("Has a photo", { exact: true }).waitFor();

    // What the server stored.
    const api = await apiSignIn(suite.server.baseUrl, demoAccounts.editor);
    const listed = await api.request("GET", "/catalog/en/people?q=karimi");
    const people = (listed.json as { people: Record<string, unknown>[] }).people;
    expect(people).toEqual([
      expect.objectContaining({
        name: "Mina Karimi",
        title: "Caucasus correspondent",
        bio: "Mina reports from Tbilisi.",
        photoMediaId: expect.any(String),
      }),
    ]);
    personId = String(people[0]?.id);

    await chooseLanguage(page, "فارسی");
    await page.getByRole("heading", { level: 1, name: fa["catalog.title"] }).waitFor();
    expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("link", { name: fa["catalog.topics"], exact: true }).click();
    await page.getByRole("heading", { level: 2, name: fa["catalog.topics"] }).waitFor();
    await page.getByRole("row").filter({ hasText: "diplomacy" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await chooseLanguage(page, "العربية");
    await page.getByRole("heading", { level: 1, name: ar["catalog.title"] }).waitFor();
    expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
    expect(await axeViolations(page)).toEqual([]);
    await chooseLanguage(page, "English");
    expect(watch.errors).toEqual([]);
  });

  it("the story editor's byline control offers the new correspondent, and her page lists the story", async () => {
    expect(personId).not.toBe("");
    const api = await apiSignIn(suite.server.baseUrl, demoAccounts.editor);
    const created = await api.request("POST", "/stories", {
      serviceId: "en",
      content: {
        headline: "E2E catalogue: Tbilisi talks resume",
        standfirst: "Delegations met again.",
        dateline: "TBILISI",
        slug: "e2e-catalogue-tbilisi-talks-resume",
        section: "world",
        topics: ["diplomacy"],
        leadFigure: null,
        body: [{ type: "paragraph", content: [{ text: "Talks resumed on Monday." }] }],
        bylines: [{ kind: "desk", deskId: "meridian-news" }],
        agencies: [],
      },
    });
    expect(created.status, created.text).toBe(201);
    const storyId = (created.json as { story: { id: string } }).story.id;

    const page = await signIn(
      await suite.newContext(),
      suite.server.baseUrl,
      demoAccounts.editor,
      `/newsroom/stories/${storyId}`,
    );
    await page
      .getByRole("heading", { level: 1, name: "Editing: E2E catalogue: Tbilisi talks resume" })
      .waitFor();
    await page
      .getByLabel("Person or desk")
      .selectOption({ label: "Mina Karimi — Caucasus correspondent" });
    await page.getByRole("button", { name: "Add byline" }).click();
    await page.getByRole("button", { name: "Remove Mina Karimi" }).waitFor();
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.getByText(/^Saved .* as revision 2\./).waitFor();

    const published = await api.request("POST", `/stories/${storyId}/publish`, { mode: "first" });
    expect(published.status, published.text).toBe(200);
    const author = await fetch(url(`/english/people/${personId}`));
    expect(author.status).toBe(200);
    expect(await author.text()).toContain("E2E catalogue: Tbilisi talks resume");
  });

  it("merging a duplicate topic on the screen redirects its reader page permanently", async () => {
    const api = await apiSignIn(suite.server.baseUrl, demoAccounts.editor);
    const added = await api.request("POST", "/catalog/en/topics", {
      slug: "e2e-diplomatic-talks",
      name: "E2E diplomatic talks",
    });
    expect(added.status, added.text).toBe(201);
    expect((await fetch(url("/english/topics/e2e-diplomatic-talks"))).status).toBe(200);

    const page = await signIn(
      await suite.newContext(),
      suite.server.baseUrl,
      demoAccounts.editor,
      "/newsroom/catalog/topics?service=en",
    );
    await page
      .getByRole("button", { name: "Merge E2E diplomatic talks into another topic" })
      .click();
    const dialog = page.getByRole("dialog", { name: "Merge into another topic" });
    await dialog.getByLabel("Topic that stays").selectOption({ label: "Diplomacy" });
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole("button", { name: "Merge" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: "Merged E2E diplomatic talks into Diplomacy." })
      .waitFor();
    // The row was there (its Merge button was used) and is gone once the list reloads.
    await page
      .getByRole("row")
      .filter({ hasText: "e2e-diplomatic-talks" })
      .waitFor({ state: "detached" });

    const old = await fetch(url("/english/topics/e2e-diplomatic-talks"), { redirect: "manual" });
    expect(old.status).toBe(301);
    expect(old.headers.get("location")).toBe("/english/topics/diplomacy");
  });

  it("a service admin's merge of a duplicate person sends the old author page to the survivor", async () => {
    const admin = await apiSignIn(suite.server.baseUrl, demoAccounts.admin);
    const added = await admin.request("POST", "/catalog/en/people", {
      name: "T. Reyes (duplicate)",
      title: "Reporter",
    });
    expect(added.status, added.text).toBe(201);
    const duplicate = (added.json as { person: { id: string } }).person.id;

    const page = await signIn(
      await suite.newContext(),
      suite.server.baseUrl,
      demoAccounts.admin,
      "/newsroom/catalog/people?service=en",
    );
    await page
      .getByRole("button", { name: "Merge T. Reyes (duplicate) into another person" })
      .click();
    const dialog = page.getByRole("dialog", { name: "Merge into another person" });
    await dialog
      .getByLabel("Person who stays")
      .selectOption({ label: "Tomás Reyes — Diplomatic reporter" });
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole("button", { name: "Merge" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: "Merged T. Reyes (duplicate) into Tomás Reyes." })
      .waitFor();
    const old = await fetch(url(`/english/people/${duplicate}`), { redirect: "manual" });
    expect(old.status).toBe(301);
    expect(old.headers.get("location")).toBe("/english/people/tomas-reyes");
  });
});
