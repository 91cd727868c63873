import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { axeViolations, demoAccounts, signIn, watchPage } from "./support/newsroom.js";
import { newsroomBrowserSuite } from "./support/newsroom-suite.js";
import { formatVnuMessage, isVnuError, runVnu } from "./support/vnu.js";

// Programmes and the broadcast schedule in Debian's Chromium against the real server: an
// editor creates a programme with a platform link and gives it a weekly slot in the newsroom;
// the reader schedule and programme pages (no JavaScript) show it; axe and vnu find nothing
// on the reader pages in English and Persian, nor on the newsroom screen; and at 320 px the
// schedule never scrolls sideways.

const suite = newsroomBrowserSuite("programmes");

async function expectNoAxeViolations(page: Page, where: string) {
  expect([where, await axeViolations(page)]).toEqual([where, []]);
}

describe("programmes and the broadcast schedule", () => {
  it("an editor creates a programme and a weekly slot; readers see them on the schedule", async () => {
    const context = await suite.newContext();
    const page = await signIn(context, suite.server.baseUrl, demoAccounts.editor);
    const watch = watchPage(page);
    await page.goto(suite.url("/newsroom/programmes?service=en"));
    await page.getByRole("heading", { name: "Programmes and schedule", level: 1 }).waitFor();
    // The demo programmes are listed.
    await page.getByRole("cell", { name: "Daybreak", exact: true }).waitFor();
    await expectNoAxeViolations(page, "programmes screen (en)");

    await page.getByRole("button", { name: "New programme" }).click();
    await page.getByLabel("Title").fill("Science Hour");
    await page.getByLabel("Address (slug)").fill("science-hour");
    await page.getByLabel("Description").fill("Discoveries explained by the people who made them.");
    await page.getByLabel("Kind").selectOption("podcast");
    await page.getByRole("checkbox", { name: "Lena Okafor" }).check();
    await page.getByRole("button", { name: "Add a link" }).click();
    await page.getByLabel("Platform").fill("Spotify");
    await page
      .getByLabel("Address (https://…)")
      .first()
      .fill("https://open.example.com/science-hour");
    await page.getByLabel("Podcast owner (name, for Apple Podcasts)").fill("Meridian Science Desk");
    await page.getByLabel(/^Podcast owner's e-mail/).fill("science@news.example.org");
    await page.getByRole("button", { name: "Save programme" }).click();
    await page.getByText("Saved Science Hour.").waitFor();
    await page.getByRole("cell", { name: "Science Hour", exact: true }).waitFor();

    // A new slot: Saturdays and Sundays at 10:15 for 45 minutes.
    await page.getByRole("button", { name: "Add a slot" }).click();
    const slot = page
      .getByRole("group")
      .filter({ has: page.getByText(/^Slot \d+$/) })
      .last();
    await slot.getByLabel("Programme").selectOption({ label: "Science Hour" });
    await slot.getByLabel("Starts at").fill("10:15");
    await slot.getByLabel("Length in minutes").fill("45");
    for (const day of ["Mon", "Tue", "Wed", "Thu", "Fri"]) {
      await slot.getByRole("checkbox", { name: day }).uncheck();
    }
    await slot.getByRole("checkbox", { name: "Sat" }).check();
    await slot.getByRole("checkbox", { name: "Sun" }).check();
    await page.getByRole("button", { name: "Save schedule" }).click();
    await page.getByText(/Schedule saved \(version \d+\)\./).waitFor();
    expect([...watch.errors, ...watch.dialogs]).toEqual([]);

    const schedule = await (await fetch(suite.url("/english/schedule"))).text();
    expect(schedule).toMatch(
      /10:15 AM<\/time>–<time[^>]*>11:00 AM<\/time><\/span> <a href="\/english\/programmes\/science-hour">Science Hour</,
    );
    const programme = await (await fetch(suite.url("/english/programmes/science-hour"))).text();
    expect(programme).toContain("Presented by Lena Okafor");
    expect(programme).toContain('href="https://open.example.com/science-hour"');
    // The podcast feed names its owner as the editor entered it (itunes:owner).
    const feed = await (
      await fetch(suite.url("/english/programmes/science-hour/podcast.xml"))
    ).text();
    expect(feed).toMatch(
      /<itunes:owner>\s*<itunes:name>Meridian Science Desk<\/itunes:name>\s*<itunes:email>science@news\.example\.org<\/itunes:email>\s*<\/itunes:owner>/,
    );
    const ics = await (await fetch(suite.url("/english/schedule.ics"))).text();
    expect(ics).toContain("SUMMARY:Science Hour\r\n");
  });

  it("reader schedule and programme pages pass axe and vnu in English and Persian, and fit 320 px", async () => {
    const pages = [
      { name: "schedule-en", path: "/english/schedule" },
      { name: "programmes-en", path: "/english/programmes" },
      { name: "programme-en", path: "/english/programmes/daybreak" },
      { name: "schedule-fa", path: "/persian/schedule" },
      { name: "programme-fa", path: `/persian/programmes/${encodeURIComponent("بامداد")}` },
      { name: "home-en", path: "/english/" },
    ];
    const context = await suite.browser.newContext({ viewport: { width: 320, height: 640 } });
    context.setDefaultTimeout(15_000);
    const dir = await mkdtemp(join(tmpdir(), "newsdesk-programmes-vnu-"));
    try {
      const files: string[] = [];
      for (const readerPage of pages) {
        const page = await context.newPage();
        const response = await page.goto(suite.url(readerPage.path));
        expect(response?.status(), readerPage.name).toBe(200);
        await expectNoAxeViolations(page, readerPage.name);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect([readerPage.name, overflow]).toEqual([readerPage.name, 0]);
        const file = join(dir, `${readerPage.name}.html`);
        await writeFile(file, await (await fetch(suite.url(readerPage.path))).text());
        files.push(file);
        await page.close();
      }
      const fa = await (await fetch(suite.url("/persian/schedule"))).text();
      // Persian digits in the times and the Solar Hijri calendar in the day headings.
      expect(fa).toMatch(/<time datetime="[^"]+T[^"]+">[۰-۹]{1,2}:[۰-۹]{2}<\/time>/);
      const errors = (await runVnu(files)).filter(isVnuError).map(formatVnuMessage);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
