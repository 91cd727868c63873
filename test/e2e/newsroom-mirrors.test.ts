import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { en } from "../../src/newsroom-ui/i18n/en.js";
import { fa } from "../../src/newsroom-ui/i18n/fa.js";
import { axeViolations, demoAccounts, signIn, waitUntil } from "./support/newsroom.js";
import { newsroomBrowserSuite } from "./support/newsroom-suite.js";

// The mirrors screen in Debian's Chromium against the real server (issue 16): an
// administrator adds a Persian onion mirror, is told why a private address is refused,
// sees the mirror on the reader's "Can't reach us?" page, and removes it; axe finds nothing
// in the English or the Persian interface.

const suite = newsroomBrowserSuite("newsroom mirrors");
const onion = "http://duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczad.onion";

async function chooseLanguage(page: Page, label: "English" | "فارسی") {
  await page.locator("#ui-language").selectOption({ label });
  const lang = label === "English" ? "en" : "fa";
  await waitUntil(async () => (await page.locator("html").getAttribute("lang")) === lang, {
    what: `the interface in ${lang}`,
  });
}

describe("newsroom: mirrors", () => {
  it("an administrator adds and removes a service's mirror (axe clean, en and fa)", async () => {
    const context = await suite.newContext();
    const page = await signIn(context, suite.server.baseUrl, demoAccounts.admin);
    await page.goto(suite.url("/newsroom/mirrors?service=fa"));
    await page.getByRole("heading", { level: 1, name: en["mirrors.title"] }).waitFor();
    await page.getByText(en["mirrors.empty"]).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // A private address is refused with the server's reason, next to the form.
    await page.getByLabel(en["mirrors.url"]).fill("https://intranet.local/fa");
    await page.getByRole("button", { name: en["mirrors.add"] }).click();
    await page.getByText("public DNS name").waitFor();

    await page.getByLabel(en["mirrors.kind"]).selectOption(en["mirrors.kind.onion"]);
    await page.getByLabel(en["mirrors.url"]).fill(`${onion}/`);
    await page.getByLabel(en["mirrors.note"]).fill("Tor Browser only");
    await page.getByRole("button", { name: en["mirrors.add"] }).click();
    await page.getByRole("rowheader", { name: onion }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const readers = await (await fetch(suite.url("/persian/mirrors"))).text();
    expect(readers).toContain(`${onion}/persian/`);

    await chooseLanguage(page, "فارسی");
    await page.getByRole("heading", { level: 1, name: fa["mirrors.title"] }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await chooseLanguage(page, "English");

    await page.getByRole("button", { name: en["mirrors.remove"] }).click();
    await page.getByRole("dialog").getByRole("button", { name: en["mirrors.remove"] }).click();
    await page.getByText(en["mirrors.empty"]).waitFor();
    expect(await (await fetch(suite.url("/persian/mirrors"))).text()).not.toContain(onion);
  });
});
