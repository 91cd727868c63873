import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { locales } from "../../src/i18n/locale-registry.js";
import { ar } from "../../src/newsroom-ui/i18n/ar.js";
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

// The newsroom interface in eight languages, in Debian's Chromium against the real server:
// the header's switch offers each language in its own name; Arabic turns the page
// right-to-left with Arabic month names and the digits the reader's Arabic edition uses;
// Russian and Chinese follow; axe finds nothing on the dashboard in Arabic. Then the users
// screen's role control: a role is added by typing a service's name, another removed, and
// the saved roles survive a reload.

const suite = newsroomBrowserSuite("newsroom languages");

async function chooseLanguage(page: Page, label: string, lang: string) {
  await page.locator("#ui-language").selectOption({ label });
  await waitUntil(async () => (await page.locator("html").getAttribute("lang")) === lang, {
    what: `the interface in ${lang}`,
  });
}

async function expectNoAxeViolations(page: Page, where: string) {
  expect([where, await axeViolations(page)]).toEqual([where, []]);
}

describe("newsroom: interface languages", () => {
  it("switches to Arabic (right-to-left), Russian and Chinese, each named in itself", async () => {
    // A story on the dashboard, so there is a "Last changed" date to read.
    const admin = await apiSignIn(suite.server.baseUrl, demoAccounts.admin);
    const story = await admin.request("POST", "/stories", {
      serviceId: "en",
      content: {
        headline: "E2E languages: Harbour talks resume",
        standfirst: "Negotiators return to the table.",
        dateline: "KESSARA",
        slug: "e2e-languages-harbour-talks",
        section: "world",
        topics: [],
        leadFigure: null,
        body: [{ type: "paragraph", content: [{ text: "Talks resumed on Monday." }] }],
        bylines: [],
        agencies: [],
      },
    });
    expect(story.status, story.text).toBe(201);
    const page = await signIn(await suite.newContext(), suite.server.baseUrl, demoAccounts.admin);
    const watch = watchPage(page);
    await page.getByRole("heading", { level: 1, name: "Stories in Meridian News" }).waitFor();
    // The list's "last change" shows a relative time; the exact date is its title.
    const changedCell = page
      .getByRole("row")
      .filter({ hasText: "E2E languages: Harbour talks resume" })
      .locator("time");

    // Every language is offered in its own name and marked with its own lang.
    const options = await page
      .locator("#ui-language option")
      .evaluateAll((elements) =>
        elements.map((e) => [e.getAttribute("value"), e.getAttribute("lang"), e.textContent]),
      );
    expect(options).toEqual([
      ["en", "en", "English"],
      ["ar", "ar", "العربية"],
      ["es", "es", "Español"],
      ["fa", "fa", "فارسی"],
      ["fr", "fr", "Français"],
      ["ru", "ru", "Русский"],
      ["uk", "uk", "Українська"],
      ["zh-Hans", "zh-Hans", "简体中文"],
    ]);

    await chooseLanguage(page, "العربية", "ar");
    expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
    await page.getByRole("heading", { level: 1, name: "القصص في Meridian News" }).waitFor();
    await page.getByRole("link", { name: "الوكالات" }).waitFor();
    // The header starts at the right edge of a right-to-left page.
    const brand = await page.getByText("غرفة أخبار نيوزديسك", { exact: true }).boundingBox();
    expect(brand && brand.x > 640).toBe(true);
    // "Last changed": an Arabic month name, with the digits the locale registry gives the
    // reader's Arabic edition (Western digits today; Arabic-Indic if that choice changes).
    const changed = (await changedCell.getAttribute("title")) ?? "";
    expect(changed).toMatch(
      /يناير|فبراير|مارس|أبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر/u,
    );
    const arabicDigits = locales.ar.numberingSystem === "arab";
    expect(changed).toMatch(arabicDigits ? /[٠-٩]/u : /[0-9]/u);
    expect(changed).not.toMatch(arabicDigits ? /[0-9]/u : /[٠-٩]/u);
    await expectNoAxeViolations(page, "dashboard (ar)");

    // The choice is kept across a reload.
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "القصص في Meridian News" }).waitFor();
    expect(await page.locator("html").getAttribute("dir")).toBe("rtl");

    await chooseLanguage(page, "Русский", "ru");
    expect(await page.locator("html").getAttribute("dir")).toBe("ltr");
    await page.getByRole("heading", { level: 1, name: "Материалы в Meridian News" }).waitFor();
    await page.getByRole("link", { name: "Ленты агентств" }).waitFor();
    const changedRu = (await changedCell.getAttribute("title")) ?? "";
    expect(changedRu).toMatch(/янв|февр|мар|апр|мая|июн|июл|авг|сент|окт|нояб|дек/u);

    await chooseLanguage(page, "简体中文", "zh-Hans");
    await page.getByRole("heading", { level: 1, name: "Meridian News 的稿件" }).waitFor();
    await page.getByRole("link", { name: "通讯社稿" }).waitFor();
    const changedZh = (await changedCell.getAttribute("title")) ?? "";
    expect(changedZh).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/u);
    await expectNoAxeViolations(page, "dashboard (zh-Hans)");

    await chooseLanguage(page, "English", "en");
    expect(watch.errors).toEqual([]);
  });
});

describe("newsroom: roles per service", () => {
  it("adds a role by typing a service's name, removes one, and the saved roles survive a reload", async () => {
    const admin = await apiSignIn(suite.server.baseUrl, demoAccounts.admin);
    const created = await admin.request("POST", "/users", {
      email: "rita-roles-e2e@newsdesk.test",
      password: "a-long-enough-passphrase",
      displayName: "Rita Roles",
      grants: [{ serviceId: "en", role: "reporter" }],
    });
    expect(created.status, created.text).toBe(201);
    const ritaId = (created.json as { user: { id: string } }).user.id;

    const page = await signIn(
      await suite.newContext(),
      suite.server.baseUrl,
      demoAccounts.admin,
      "/newsroom/users",
    );
    const watch = watchPage(page);
    await page.getByRole("heading", { level: 1, name: "Users" }).waitFor();
    await page.getByRole("button", { name: "Edit roles of Rita Roles" }).click();
    const dialog = page.getByRole("dialog", { name: "Roles of Rita Roles" });
    const current = dialog
      .getByRole("group", { name: "Roles in language services" })
      .getByRole("list");
    await current.getByText("reporter in Meridian News", { exact: true }).waitFor();
    // One search field, not a dropdown per service.
    expect(await dialog.getByRole("combobox").count()).toBe(2);

    // Keyboard only: type part of the language's English name, pick with the arrow keys.
    const search = dialog.getByRole("combobox", { name: "Language service" });
    // The dialog opens on the search, not on a Remove button.
    await waitUntil(async () => search.evaluate((el) => el === document.activeElement), {
      what: "focus on the service search",
    });
    await page.keyboard.type("fren");
    const list = dialog.getByRole("listbox", { name: "Language service" });
    await list.getByRole("option", { name: /Meridian Afrique/ }).waitFor();
    expect(await list.getByRole("option").count()).toBe(1);
    await expectNoAxeViolations(page, "role search open (en)");
    // Escape closes the list, not the dialog; Down opens it again on the first option.
    await page.keyboard.press("Escape");
    await list.waitFor({ state: "hidden" });
    expect(await dialog.isVisible()).toBe(true);
    expect(await search.getAttribute("aria-expanded")).toBe("false");
    await page.keyboard.press("ArrowDown");
    expect(await search.getAttribute("aria-activedescendant")).toBe(
      await list.getByRole("option", { name: /Meridian Afrique/ }).getAttribute("id"),
    );
    await page.keyboard.press("Enter");
    await list.waitFor({ state: "hidden" });
    expect(await search.inputValue()).toBe("Meridian Afrique");
    await dialog.getByRole("combobox", { name: "Role" }).selectOption({ label: "editor" });
    await dialog.getByRole("button", { name: "Add role" }).click();
    await current.getByText("editor in Meridian Afrique", { exact: true }).waitFor();
    expect(await search.inputValue()).toBe("");

    // A service found by its own name, in its own script.
    await search.fill("فارسی");
    await list.getByRole("option", { name: /فارسی/ }).first().click();
    await dialog.getByRole("combobox", { name: "Role" }).selectOption({ label: "translator" });
    await dialog.getByRole("button", { name: "Add role" }).click();
    await current.getByText(/^translator in .*فارسی/).waitFor();

    // Remove the English role; focus stays in the list.
    await current.getByRole("button", { name: "Remove: reporter in Meridian News" }).click();
    await current
      .getByText("reporter in Meridian News", { exact: true })
      .waitFor({ state: "detached" });
    await waitUntil(
      async () =>
        page.evaluate(() =>
          Boolean(document.activeElement?.getAttribute("aria-label")?.startsWith("Remove:")),
        ),
      { what: "focus on the next Remove button" },
    );
    await expectNoAxeViolations(page, "roles dialog (en)");

    await dialog.getByRole("button", { name: "Save roles" }).click();
    await dialog.waitFor({ state: "hidden" });
    await page.getByRole("status").filter({ hasText: "Saved the roles of Rita Roles." }).waitFor();

    // The same payload as before: the server holds exactly the two new grants.
    const users = await admin.request("GET", "/users");
    const rita = (users.json as { user: { id: string }; grants: unknown[] }[]).find(
      (entry) => entry.user.id === ritaId,
    );
    expect(rita?.grants).toEqual(
      expect.arrayContaining([
        { serviceId: "fr", role: "editor" },
        { serviceId: "fa", role: "translator" },
      ]),
    );
    expect(rita?.grants).toHaveLength(2);

    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Users" }).waitFor();
    const row = page
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: "Rita Roles" }) });
    await row.getByText(/editor in Meridian Afrique/).waitFor();
    expect(await row.getByText(/reporter in Meridian News/).count()).toBe(0);
    await page.getByRole("button", { name: "Edit roles of Rita Roles" }).click();
    await current.getByText("editor in Meridian Afrique", { exact: true }).waitFor();
    await current.getByText(/^translator in .*فارسی/).waitFor();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "hidden" });

    // The same control right to left, in Arabic and in Persian, with its list open.
    for (const [label, lang, words, query] of [
      ["العربية", "ar", ar, "arab"],
      ["فارسی", "fa", fa, "dari"],
    ] as const) {
      await chooseLanguage(page, label, lang);
      const name = (key: "users.editRolesOf" | "users.rolesOf") =>
        words[key].replace("{name}", "Rita Roles");
      await page.getByRole("button", { name: name("users.editRolesOf") }).click();
      const rtlDialog = page.getByRole("dialog", { name: name("users.rolesOf") });
      const rtlSearch = rtlDialog.getByRole("combobox", { name: words["users.grants.service"] });
      await rtlSearch.fill(query);
      await rtlDialog.getByRole("listbox").getByRole("option").first().waitFor();
      await expectNoAxeViolations(page, `roles dialog with its list open (${lang})`);
      await rtlDialog.getByRole("button", { name: words["common.cancel"] }).click();
      await rtlDialog.waitFor({ state: "hidden" });
    }
    expect(watch.errors).toEqual([]);
  });
});
