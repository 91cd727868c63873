import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { apiSignIn, axeViolations, demoAccounts, signIn, waitUntil } from "./support/newsroom.js";
import { newsroomBrowserSuite } from "./support/newsroom-suite.js";

// The desk's own byline and the audit log in Debian's Chromium against the real server: an
// administrator links the reporter's account to a person of the catalogue in the Users
// screen; the reporter adds themselves to a story's bylines with "Add me" and saves; the
// audit-log screen shows who did it with readable labels, filters by action and user with the
// filters kept in the address, and is clean under axe in English and Persian. A service
// admin's navigation offers it too; a reporter's does not. The tests share one server and
// run in order.

const suite = newsroomBrowserSuite("newsroom desk");
const newContext = () => suite.newContext();

async function chooseLanguage(page: Page, label: "English" | "فارسی") {
  await page.locator("#ui-language").selectOption({ label });
  const lang = label === "English" ? "en" : "fa";
  await waitUntil(async () => (await page.locator("html").getAttribute("lang")) === lang, {
    what: `the interface in ${lang}`,
  });
}

describe("newsroom: the reporter's own byline", () => {
  it("an administrator links the reporter to a person; the reporter adds themselves", async () => {
    const admin = await signIn(await newContext(), suite.server.baseUrl, demoAccounts.admin);
    await admin.getByRole("link", { name: "Users", exact: true }).click();
    await admin.getByRole("heading", { level: 1, name: "Users" }).waitFor();
    const row = admin.getByRole("row").filter({ hasText: "reporter@newsdesk.test" });
    await row.getByText("No byline person").waitFor();
    await row.getByRole("button", { name: "Choose the byline person of Rafael Reporter" }).click();
    const dialog = admin.getByRole("dialog", { name: "Byline person of Rafael Reporter" });
    await dialog.getByLabel("Service").selectOption({ label: "Meridian News" });
    const person = dialog.getByLabel("Person");
    await person.locator("option", { hasText: "Tomás Reyes" }).waitFor({ state: "attached" });
    await person.selectOption({ label: "Tomás Reyes — Diplomatic reporter" });
    expect(await axeViolations(admin)).toEqual([]);
    await dialog.getByRole("button", { name: "Save byline person" }).click();
    await admin
      .getByRole("status")
      .filter({ hasText: "Byline person of Rafael Reporter saved." })
      .waitFor();
    await row.getByText("Tomás Reyes, Meridian News").waitFor();

    const api = await apiSignIn(suite.server.baseUrl, demoAccounts.reporter);
    const created = await api.request("POST", "/stories", {
      serviceId: "en",
      content: {
        headline: "E2E desk: Night market returns",
        standfirst: "",
        dateline: "",
        slug: "e2e-desk-night-market",
        section: "world",
        topics: [],
        leadFigure: null,
        body: [{ type: "paragraph", content: [{ text: "Stalls reopened after dark." }] }],
        bylines: [],
        agencies: [],
      },
    });
    expect(created.status, created.text).toBe(201);
    const storyId = (created.json as { story: { id: string } }).story.id;

    const reporter = await signIn(
      await newContext(),
      suite.server.baseUrl,
      demoAccounts.reporter,
      `/newsroom/stories/${storyId}`,
    );
    await reporter.getByRole("heading", { level: 1, name: /^Editing: / }).waitFor();
    const bylines = reporter.getByRole("group", { name: /^Bylines/ });
    await bylines.getByText("No bylines yet.").waitFor();
    await bylines.getByRole("button", { name: "Add me (Tomás Reyes) to the bylines" }).click();
    await bylines.getByRole("listitem").filter({ hasText: "Tomás Reyes" }).waitFor();
    await reporter.getByRole("button", { name: "Save", exact: true }).click();
    await reporter
      .getByRole("status")
      .filter({ hasText: /^Saved .* as revision 2\.$/ })
      .waitFor();
    const saved = await api.request("GET", `/stories/${storyId}`);
    expect(
      (saved.json as { revision: { content: { bylines: unknown[] } } }).revision.content.bylines,
    ).toEqual([{ kind: "person", personId: "tomas-reyes", role: "author" }]);
    expect(await axeViolations(reporter)).toEqual([]);

    // An account without a linked person is told how to get one.
    const editor = await signIn(
      await newContext(),
      suite.server.baseUrl,
      demoAccounts.editor,
      `/newsroom/stories/${storyId}`,
    );
    await editor.getByText(/^Your account is not linked to a person of the catalogue/).waitFor();
    // The reporter's navigation has no audit log.
    const nav = reporter.getByRole("navigation", { name: "Newsroom" });
    await nav.getByRole("link", { name: "Stories", exact: true }).waitFor();
    expect(await nav.getByRole("link", { name: "Audit log", exact: true }).count()).toBe(0);
  });
});

describe("newsroom: the audit log", () => {
  it("lists who did what with readable labels, filters in the address, axe-clean in en and fa", async () => {
    const page = await signIn(await newContext(), suite.server.baseUrl, demoAccounts.admin);
    await page
      .getByRole("navigation", { name: "Newsroom" })
      .getByRole("link", { name: "Audit log", exact: true })
      .click();
    await page.getByRole("heading", { level: 1, name: "Audit log" }).waitFor();
    const table = page.getByRole("table");
    await table.getByRole("cell", { name: "Changed a byline person" }).first().waitFor();
    await table.getByRole("cell", { name: "Ada Admin" }).first().waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel("Action").selectOption({ label: "Saved" });
    await page.getByLabel("User").selectOption({ label: "Rafael Reporter" });
    await page.getByRole("button", { name: "Show entries" }).click();
    await waitUntil(async () => page.url().includes("action=story.saved"), {
      what: "the action filter in the address",
    });
    expect(new URL(page.url()).searchParams.get("user")).toBeTruthy();
    await page.getByRole("heading", { level: 2, name: "1 entry" }).waitFor();
    const row = table.getByRole("row").filter({ hasText: "Rafael Reporter" });
    await row.getByRole("cell", { name: "Saved", exact: true }).waitFor();
    await row.getByRole("cell", { name: "Meridian News" }).waitFor();
    await row.getByRole("link", { name: "Open the story" }).waitFor();

    // The filtered view survives a reload.
    await page.reload();
    await page.getByRole("heading", { level: 2, name: "1 entry" }).waitFor();
    expect(await page.getByLabel("Action").inputValue()).toBe("story.saved");

    await chooseLanguage(page, "فارسی");
    await page.getByRole("heading", { level: 1, name: "گزارش رویدادها" }).waitFor();
    await table.getByRole("cell", { name: "ذخیره شد" }).first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await chooseLanguage(page, "English");
  });

  it("is offered to a service admin, who sees only their services", async () => {
    const admin = await apiSignIn(suite.server.baseUrl, demoAccounts.admin);
    const account = { email: "fa-admin@newsdesk.test", password: "e2e desk passphrase 42" };
    const created = await admin.request("POST", "/users", {
      email: account.email,
      displayName: "Farah Service Admin",
      password: account.password,
      grants: [{ serviceId: "fa", role: "service_admin" }],
    });
    expect(created.status, created.text).toBe(201);
    const page = await signIn(await newContext(), suite.server.baseUrl, account);
    await page
      .getByRole("navigation", { name: "Newsroom" })
      .getByRole("link", { name: "Audit log", exact: true })
      .click();
    await page.getByRole("heading", { level: 1, name: "Audit log" }).waitFor();
    await page.getByText(/^Changes in the services you administer/).waitFor();
    const services = await page.getByLabel("Service").locator("option").allTextContents();
    expect(services.slice(1)).toEqual(["مریدین فارسی"]);
    const other = await page.request.get(
      `${suite.server.baseUrl}/newsroom/api/audit/entries?serviceId=en`,
    );
    expect(other.status()).toBe(403);
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe("newsroom: a translator opens the source of their translation", () => {
  it("reads the unpublished English source, read-only, from the Persian translation", async () => {
    const editor = await apiSignIn(suite.server.baseUrl, demoAccounts.editor);
    const source = await editor.request("POST", "/stories", {
      serviceId: "en",
      content: {
        headline: "E2E desk: Harbour crane collapses",
        standfirst: "",
        dateline: "",
        slug: "e2e-desk-harbour-crane",
        section: "world",
        topics: [],
        leadFigure: null,
        body: [{ type: "paragraph", content: [{ text: "Nobody was hurt." }] }],
        bylines: [],
        agencies: [],
      },
    });
    expect(source.status, source.text).toBe(201);
    const sourceId = (source.json as { story: { id: string } }).story.id;
    const translation = await editor.request("POST", `/stories/${sourceId}/translations`, {
      serviceId: "fa",
    });
    expect(translation.status, translation.text).toBe(201);
    const translationId = (translation.json as { story: { id: string } }).story.id;

    const page = await signIn(
      await newContext(),
      suite.server.baseUrl,
      demoAccounts.translator,
      `/newsroom/stories/${translationId}`,
    );
    await page.getByRole("heading", { level: 1, name: /^Editing: / }).waitFor();
    await page.getByRole("link", { name: "E2E desk: Harbour crane collapses" }).click();
    await waitUntil(async () => page.url().endsWith(`/newsroom/stories/${sourceId}`), {
      what: "the source's editor address",
    });
    await page
      .getByRole("heading", { level: 1, name: "Editing: E2E desk: Harbour crane collapses" })
      .waitFor();
    await page
      .getByText("You have no role in Meridian News, so you can read this story but not change it.")
      .waitFor();
    expect(await page.getByText(/^You need a role/).count()).toBe(0);
    // Read-only: no Save, and the fields cannot be changed.
    expect(await page.getByRole("button", { name: "Save", exact: true }).count()).toBe(0);
    expect(await page.getByLabel("Headline", { exact: true }).isDisabled()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
  });
});
