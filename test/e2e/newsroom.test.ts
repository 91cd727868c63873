import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import {
  type ApiSession,
  apiSignIn,
  axeViolations,
  demoAccounts,
  signIn,
  testImage,
  waitUntil,
  watchPage,
} from "./support/newsroom.js";
import { newsroomBrowserSuite } from "./support/newsroom-suite.js";

// The newsroom in Debian's Chromium against the real server: the seven
// editorial flows, axe with WCAG 2.2 AA on every newsroom screen in English and Persian, and
// the security checks (CSRF, cookie flags, throttling, an XSS corpus in every text field).
// The flows share one server and run in order: each builds on the story the previous made.

const suite = newsroomBrowserSuite("newsroom");

const newContext = () => suite.newContext();
const url = (path: string) => suite.url(path);

async function readerHtml(path: string): Promise<{ status: number; html: string }> {
  const response = await fetch(url(path), { redirect: "follow" });
  return { status: response.status, html: await response.text() };
}

/** Accepts the open confirmation dialog by its "Confirm: …" button. */
async function confirmAction(
  page: Page,
  label: string,
  fill?: { label: RegExp | string; value: string },
) {
  await page.getByRole("button", { name: label, exact: true }).click();
  const dialog = page.getByRole("dialog", { name: `${label}?` });
  await dialog.waitFor();
  if (fill) await dialog.getByLabel(fill.label).fill(fill.value);
  await dialog.getByRole("button", { name: `Confirm: ${label}` }).click();
  await dialog.waitFor({ state: "hidden" });
}

/** Uploads an image through the editor's "Insert a figure" dialog. */
async function insertUploadedFigure(page: Page, index: number) {
  await page
    .getByRole("toolbar", { name: "Body formatting" })
    .getByRole("button", { name: "Insert figure" })
    .click();
  const dialog = page.getByRole("dialog", { name: "Insert a figure" });
  await dialog.waitFor();
  await dialog.getByLabel(/^Image file/).setInputFiles({
    name: `e2e-figure-${index}.png`,
    mimeType: "image/png",
    buffer: await testImage(800, 500, index),
  });
  await dialog.getByLabel("Caption").fill(`Trucks wait at the crossing, picture ${index}`);
  await dialog.getByLabel("Credit").fill("Meridian/E2E");
  await dialog
    .getByLabel(/^Alt text/)
    .fill(`A queue of white trucks on a dusty road, view ${index}`);
  await dialog.getByRole("button", { name: "Upload image" }).click();
  await dialog.waitFor({ state: "hidden" });
}

async function storyIdOf(page: Page): Promise<string> {
  const id = /\/newsroom\/stories\/([^/?#]+)/.exec(page.url())?.[1];
  if (!id) throw new Error(`not on a story page: ${page.url()}`);
  return id;
}

async function saveStory(page: Page) {
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await page
    .getByRole("status")
    .filter({ hasText: /^Saved .* as revision \d+\.$/ })
    .waitFor();
}

/** The story's reader URL from the API (what the "Open the published story" link shows). */
async function readerPathOf(api: ApiSession, storyId: string): Promise<string> {
  const { json } = await api.request("GET", `/stories/${storyId}`);
  const readerUrl = (json as { readerUrl: string | null }).readerUrl;
  if (!readerUrl) throw new Error("the story has no reader URL (not published?)");
  return new URL(readerUrl).pathname;
}

describe("newsroom: the editorial day in a browser", () => {
  const headline = "E2E: Aid convoy crosses at dawn";
  let storyId = "";
  let editorApi: ApiSession;
  let readerPath = "";

  it("1. a reporter writes a story with two uploaded figures, two bylines and a desk, and submits it", async () => {
    const page = await signIn(await newContext(), suite.server.baseUrl, demoAccounts.reporter);
    const watch = watchPage(page);
    await page.getByLabel("Headline").fill(headline);
    await page.getByRole("button", { name: "Create story" }).click();
    await page.getByRole("heading", { level: 1, name: `Editing: ${headline}` }).waitFor();
    storyId = await storyIdOf(page);

    await page.getByLabel("Standfirst").fill("The first trucks in a week reached the border town.");
    await page.getByLabel("Dateline (place)").fill("KARAKOL");
    const body = page.getByRole("textbox", { name: "Story body" });
    await body.click();
    await page.keyboard.type("Forty trucks crossed the border before sunrise on Tuesday.");
    await page.keyboard.press("Enter");
    await page.keyboard.type("Officials said more would follow.");
    await insertUploadedFigure(page, 1);
    await insertUploadedFigure(page, 2);
    await expect.poll(() => body.locator("figure").count()).toBe(2);

    // Two people and a desk, in that order; then the second person moves up.
    const add = page.getByLabel("Person or desk");
    const options = await add
      .locator("option")
      .evaluateAll((nodes) =>
        nodes.map((node) => (node as HTMLOptionElement).value).filter((value) => value !== ""),
      );
    const people = options.filter((value) => value.startsWith("person:")).slice(0, 2);
    const desk = options.find((value) => value.startsWith("desk:"));
    expect(people).toHaveLength(2);
    expect(desk).toBeDefined();
    for (const choice of [...people, desk ?? ""]) {
      await add.selectOption(choice);
      await page.getByRole("button", { name: "Add byline" }).click();
    }
    const bylines = page.locator(".nr-bylines ol > li");
    await expect.poll(() => bylines.count()).toBe(3);
    const secondName = (await bylines.nth(1).locator(".nr-byline-name").textContent()) ?? "";
    await page.getByRole("button", { name: `Move ${secondName} up` }).click();
    await expect
      .poll(() => bylines.first().locator(".nr-byline-name").textContent())
      .toBe(secondName);

    await saveStory(page);
    await confirmAction(page, "Submit for review");
    await page.getByText("Status: In review").waitFor();

    editorApi = await apiSignIn(suite.server.baseUrl, demoAccounts.editor);
    const { json } = await editorApi.request("GET", `/stories/${storyId}`);
    const saved = json as {
      story: { status: string };
      revision: {
        content: { body: { type: string }[]; bylines: { kind: string }[]; dateline: string };
      };
    };
    expect(saved.story.status).toBe("in_review");
    expect(saved.revision.content.body.filter((b) => b.type === "figure")).toHaveLength(2);
    expect(saved.revision.content.bylines.map((b) => b.kind)).toEqual(["person", "person", "desk"]);
    expect(saved.revision.content.dateline).toBe("KARAKOL");
    expect(watch).toEqual({ dialogs: [], errors: [] });
  });

  it("2. an editor reviews and publishes it, and it appears on the reader page", async () => {
    const page = await signIn(
      await newContext(),
      suite.server.baseUrl,
      demoAccounts.editor,
      `/newsroom/stories/${storyId}`,
    );
    await page.getByRole("heading", { level: 1, name: `Editing: ${headline}` }).waitFor();
    await confirmAction(page, "Publish");
    const published = performance.now();
    await page.getByText(/^Status: Published/).waitFor();
    readerPath = await readerPathOf(editorApi, storyId);
    const ms = await waitUntil(async () => (await readerHtml(readerPath)).html.includes(headline), {
      what: "the headline on the reader page",
    });
    console.info(
      `publish → reader page: ${Math.round(performance.now() - published)} ms (poll ${Math.round(ms)} ms)`,
    );
    const reader = await readerHtml(readerPath);
    expect(reader.status).toBe(200);
    expect(reader.html).toContain("Forty trucks crossed the border before sunrise on Tuesday.");
    expect(reader.html.match(/<figure/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
    expect(reader.html).toContain("A queue of white trucks on a dusty road, view 2");
    const home = await readerHtml("/english/");
    expect(home.html).toContain(headline);
  });

  it("3. the editor publishes an update, and the Updated tag appears", async () => {
    const page = await signIn(
      await newContext(),
      suite.server.baseUrl,
      demoAccounts.editor,
      `/newsroom/stories/${storyId}`,
    );
    const body = page.getByRole("textbox", { name: "Story body" });
    await body.click();
    await page.keyboard.press("Control+End");
    await page.keyboard.press("Enter");
    await page.keyboard.type("By noon, sixty trucks had crossed.");
    await confirmAction(page, "Publish as update", {
      label: "Update note for readers (optional)",
      value: "Adds the noon figures.",
    });
    await page.getByRole("status").filter({ hasText: "Published as an update." }).waitFor();
    const reader = await readerHtml(readerPath);
    expect(reader.html).toMatch(/class="tag-updated"[^>]*>Updated</);
    expect(reader.html).toContain("By noon, sixty trucks had crossed.");
    expect(reader.html).toContain("Adds the noon figures.");
  });

  it("4. a correction shows up on the page", async () => {
    const page = await signIn(
      await newContext(),
      suite.server.baseUrl,
      demoAccounts.editor,
      `/newsroom/stories/${storyId}`,
    );
    const correction = "An earlier version gave the wrong day of the crossing.";
    await confirmAction(page, "Add correction", {
      label: "Correction text for readers",
      value: correction,
    });
    await page.getByRole("status").filter({ hasText: "Correction added." }).waitFor();
    await page.getByText(correction).first().waitFor();
    const reader = await readerHtml(readerPath);
    expect(reader.html).toContain('class="corrections"');
    expect(reader.html).toContain(correction);
  });

  it("5. a translator cannot publish into a service they do not belong to, and gets a clear error", async () => {
    const translator = await apiSignIn(suite.server.baseUrl, demoAccounts.translator);
    const attempt = await translator.request("POST", `/stories/${storyId}/publish`, {
      mode: "update",
    });
    expect(attempt.status).toBe(403);
    const problem = attempt.json as { code: string; detail?: string; title?: string };
    expect(problem.code).toBe("FORBIDDEN");
    expect((problem.detail ?? problem.title ?? "").length).toBeGreaterThan(10);

    // In the browser: the English story is published, so any newsroom role may read it
    // (access-policy.ts), read-only and without publish controls; in Persian, where they
    // translate, the publish controls are replaced by a sentence naming the role needed.
    const page = await signIn(
      await newContext(),
      suite.server.baseUrl,
      demoAccounts.translator,
      `/newsroom/stories/${storyId}`,
    );
    await page
      .getByText("You have no role in Meridian News, so you can read this story but not change it.")
      .waitFor();
    expect(await page.getByRole("button", { name: "Publish", exact: true }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Publish as update" }).count()).toBe(0);
    expect(await page.getByLabel("Headline", { exact: true }).isDisabled()).toBe(true);
    const persian = await translator.request("GET", "/stories?service=fa&limit=1");
    const faStory = (persian.json as { items: { id: string }[] }).items[0];
    expect(faStory).toBeDefined();
    await page.goto(url(`/newsroom/stories/${faStory?.id}`));
    await page.getByText(/need the editor role in .+\. Your role there is translator\./).waitFor();
    expect(await page.getByRole("button", { name: "Publish", exact: true }).count()).toBe(0);
    const faAttempt = await translator.request("POST", `/stories/${faStory?.id}/publish`, {
      mode: "update",
    });
    expect(faAttempt.status).toBe(403);
  });

  it("6. two browser contexts edit the same story: the second save gets the conflict view and both texts survive", async () => {
    const created = await editorApi.request("POST", "/stories", {
      serviceId: "en",
      content: {
        headline: "E2E: Conflict base",
        standfirst: "",
        dateline: "",
        slug: "e2e-conflict-base",
        section: "world",
        topics: [],
        leadFigure: null,
        body: [{ type: "paragraph", content: [{ text: "The shared first paragraph." }] }],
        bylines: [],
        agencies: [],
      },
    });
    expect(created.status).toBe(201);
    const id = (created.json as { story: { id: string } }).story.id;
    const path = `/newsroom/stories/${id}`;
    const mine = await signIn(await newContext(), suite.server.baseUrl, demoAccounts.editor, path);
    await mine.getByRole("heading", { level: 1, name: "Editing: E2E: Conflict base" }).waitFor();
    const theirs = await signIn(await newContext(), suite.server.baseUrl, demoAccounts.admin, path);
    await theirs.getByRole("heading", { level: 1, name: "Editing: E2E: Conflict base" }).waitFor();
    // Presence: the second browser sees the first one's user.
    await theirs.getByText(/Also editing: .+/).waitFor();

    await theirs.getByLabel("Headline").fill("E2E: Their headline");
    await saveStory(theirs);

    const body = mine.getByRole("textbox", { name: "Story body" });
    await body.click();
    await mine.keyboard.press("Control+End");
    // Type only once the caret is where the test means it to be: focused in the body, at the
    // very end of its last paragraph; then only once Enter has made the new, empty paragraph.
    await expect
      .poll(() =>
        body.evaluate((editor) => {
          const selection = document.getSelection();
          if (!selection?.isCollapsed || !selection.anchorNode) return false;
          if (!editor.contains(selection.anchorNode)) return false;
          const range = document.createRange();
          range.selectNodeContents(editor);
          range.setStart(selection.anchorNode, selection.anchorOffset);
          return range.toString() === "";
        }),
      )
      .toBe(true);
    await mine.keyboard.press("Enter");
    await expect.poll(() => body.locator("p").count()).toBe(2);
    await mine.keyboard.type("My paragraph, written at the same time.");
    await expect
      .poll(() => body.locator("p").nth(1).textContent())
      .toBe("My paragraph, written at the same time.");
    await mine.getByRole("button", { name: "Save", exact: true }).click();

    const conflict = mine.getByRole("region", {
      name: "Someone else saved this story while you were editing",
    });
    await conflict.waitFor();
    // The refused version is already kept in the history, not merged (ADR 0013).
    const yours = conflict.getByRole("region", {
      name: /^Your version \(revision \d+, not merged\)$/,
    });
    const other = conflict.getByRole("region", { name: /^Their version/ });
    await yours.getByText("My paragraph, written at the same time.").waitFor();
    await other.getByText("E2E: Their headline").waitFor();
    expect(await axeViolations(mine)).toEqual([]);

    await conflict.getByRole("button", { name: "Keep mine (save on top of theirs)" }).click();
    await conflict.waitFor({ state: "hidden" });
    await mine
      .getByRole("status")
      .filter({ hasText: /Your version was saved after revision \d+/ })
      .waitFor();

    const revisions = (await editorApi.request("GET", `/stories/${id}/revisions`)).json as {
      id: string;
      number: number;
      kind: string;
    }[];
    const sorted = revisions
      .filter((revision) => revision.kind === "saved")
      .sort((a, b) => b.number - a.number);
    const [newest, previous] = sorted;
    const diff = (
      await editorApi.request("GET", `/stories/${id}/revisions/${previous?.id}/diff/${newest?.id}`)
    ).json as {
      fields: { field: string; before: unknown; after: unknown }[];
      body: { op: string; text: string }[];
    };
    // Theirs is the previous revision, mine the newest: both texts are in the history.
    expect(JSON.stringify(diff.fields)).toContain("E2E: Their headline");
    expect(diff.body).toContainEqual({
      op: "added",
      text: "My paragraph, written at the same time.",
    });
  });

  it("7. a kill removes the story everywhere", async () => {
    const before = await Promise.all([
      readerHtml("/english/feeds/rss.xml"),
      readerHtml("/english/sitemap-news.xml"),
    ]);
    for (const page of before) expect(page.html).toContain(storyId);

    const page = await signIn(
      await newContext(),
      suite.server.baseUrl,
      demoAccounts.editor,
      `/newsroom/stories/${storyId}`,
    );
    await confirmAction(page, "Kill", {
      label: "Reason, shown to readers at the story's address",
      value: "Legal advice.",
    });
    await page.getByText(/^Status: Killed/).waitFor();
    // Nothing offers to translate a killed story.
    await page.getByText("This story was killed, so it cannot be translated.").waitFor();
    expect(await page.getByRole("button", { name: "Create translation" }).count()).toBe(0);

    const reader = await readerHtml(readerPath);
    expect(reader.status).toBe(410);
    expect(reader.html).not.toContain("Forty trucks crossed");
    // The dialog promised readers the reason: the notice at the address shows it.
    expect(reader.html).toContain("Editors' note: Legal advice.");
    await waitUntil(
      async () => {
        const pages = await Promise.all(
          [
            "/english/",
            "/english/feeds/rss.xml",
            "/english/feeds/feed.json",
            "/english/sitemap-news.xml",
            "/english/world/",
          ].map((path) => readerHtml(path)),
        );
        return pages.every((p) => !p.html.includes(headline) && !p.html.includes(storyId));
      },
      {
        what: "the killed story to leave every page, feed and sitemap",
        timeoutMs: 15_000,
        intervalMs: 250,
      },
    );
  });
});

describe("newsroom: the story list", () => {
  it("has an Unpublished tab, and pages past 50 stories with the page in the address", async () => {
    const editorApi = await apiSignIn(suite.server.baseUrl, demoAccounts.editor);
    const list = await editorApi.request("GET", "/stories?service=en&status=published&limit=1");
    const sourceId = (list.json as { items: { id: string }[] }).items[0]?.id ?? "";
    const source = await editorApi.request("GET", `/stories/${sourceId}`);
    const content = (source.json as { revision: { content: Record<string, unknown> } }).revision
      .content;
    const create = async (headline: string, slug: string) => {
      const created = await editorApi.request("POST", "/stories", {
        serviceId: "en",
        content: { ...content, headline, slug },
      });
      expect(created.status, created.text).toBe(201);
      return (created.json as { story: { id: string } }).story.id;
    };
    // A story published, then unpublished: it must stay findable.
    const pulledId = await create("E2E pulled from the site", "e2e-pulled");
    for (const action of ["publish", "unpublish"]) {
      const done = await editorApi.request(
        "POST",
        `/stories/${pulledId}/${action}`,
        action === "publish" ? { mode: "first" } : {},
      );
      expect(done.status, done.text).toBe(200);
    }
    const page = await signIn(await newContext(), suite.server.baseUrl, demoAccounts.editor);
    await page
      .getByRole("navigation", { name: "Story states" })
      .getByRole("link", {
        name: "Unpublished",
      })
      .click();
    await page.getByRole("link", { name: "E2E pulled from the site" }).waitFor();

    // More drafts than one page holds.
    const drafts = await editorApi.request("GET", "/stories?service=en&status=draft&limit=1");
    const existing = (drafts.json as { total: number }).total;
    for (let i = existing; i < 51; i++) await create(`E2E paging draft ${i}`, `e2e-paging-${i}`);
    const total = Math.max(existing, 51);
    await page.goto(url("/newsroom/?service=en&status=draft"));
    const pager = page.getByRole("navigation", { name: "Pages" });
    await pager.getByText(`Page 1 of ${Math.ceil(total / 50)}`).waitFor();
    await pager.getByRole("link", { name: "Next page" }).click();
    await pager.getByText(`Page 2 of ${Math.ceil(total / 50)}`).waitFor();
    expect(new URL(page.url()).searchParams.get("page")).toBe("2");
    const rows = page.locator("table.nr-table tbody tr");
    await waitUntil(async () => (await rows.count()) === Math.min(50, total - 50), {
      what: "the second page's rows",
      timeoutMs: 10_000,
      intervalMs: 100,
    });
    // The address alone restores the page (reload, shared link).
    await page.reload();
    await pager.getByText(`Page 2 of ${Math.ceil(total / 50)}`).waitFor();
    await pager.getByRole("link", { name: "Previous page" }).waitFor();
    await page.context().close();
  });
});

describe("newsroom: figures after a reload", () => {
  it("edits a saved lead image's caption, showing and keeping its saved focal point", async () => {
    const editorApi = await apiSignIn(suite.server.baseUrl, demoAccounts.editor);
    const list = await editorApi.request("GET", "/stories?service=en&status=published&limit=50");
    let content: Record<string, unknown> | undefined;
    for (const item of (list.json as { items: { id: string }[] }).items) {
      const detail = await editorApi.request("GET", `/stories/${item.id}`);
      const candidate = (detail.json as { revision: { content: Record<string, unknown> } }).revision
        .content;
      if (candidate.leadFigure) {
        content = candidate;
        break;
      }
    }
    if (!content) throw new Error("no demo story with a lead image");
    const lead = content.leadFigure as { mediaId: string; caption: string };
    const focal = await editorApi.request("PATCH", `/media/${lead.mediaId}`, {
      focalX: 0.25,
      focalY: 0.75,
    });
    expect(focal.status, focal.text).toBe(200);
    const created = await editorApi.request("POST", "/stories", {
      serviceId: "en",
      content: { ...content, headline: "E2E figure after reload", slug: "e2e-figure-reload" },
    });
    expect(created.status, created.text).toBe(201);
    const storyId = (created.json as { story: { id: string } }).story.id;

    // A fresh page load: the editor knows the figure only by its id.
    const page = await signIn(
      await newContext(),
      suite.server.baseUrl,
      demoAccounts.editor,
      `/newsroom/stories/${storyId}`,
    );
    const errors = watchPage(page);
    await page.getByRole("button", { name: "Edit lead image details" }).click();
    const dialog = page.getByRole("dialog", { name: "Figure" });
    await dialog.waitFor();
    await dialog
      .getByRole("button", { name: /now 25% from the left and 75% from the top/ })
      .waitFor();
    await dialog.getByLabel("Caption").fill("A caption changed after a reload");
    await dialog.getByRole("button", { name: "Save figure" }).click();
    await dialog.waitFor({ state: "hidden" });
    await saveStory(page);
    const saved = await editorApi.request("GET", `/stories/${storyId}`);
    const savedLead = (saved.json as { revision: { content: { leadFigure: { caption: string } } } })
      .revision.content.leadFigure;
    expect(savedLead.caption).toBe("A caption changed after a reload");
    const asset = await editorApi.request("GET", `/media/${lead.mediaId}`);
    expect(asset.json).toMatchObject({ asset: { focalX: 0.25, focalY: 0.75 } });
    expect(errors.errors).toEqual([]);
    await page.context().close();
  });
});

describe("newsroom: media library, history and sessions", () => {
  it("explains a refused upload, and edits metadata with a focal point picked by clicking", async () => {
    const page = await signIn(
      await newContext(),
      suite.server.baseUrl,
      demoAccounts.editor,
      "/newsroom/media",
    );
    await page.getByRole("heading", { level: 1, name: "Media library" }).waitFor();
    const upload = page.getByRole("form", { name: "Upload an image" });
    // A text file named .jpg: the browser calls it a JPEG, the server decodes it and says 415.
    await upload.getByLabel(/^Image file/).setInputFiles({
      name: "not-an-image.jpg",
      mimeType: "image/jpeg",
      buffer: Buffer.from("This is not an image."),
    });
    await upload.getByRole("button", { name: "Upload image" }).click();
    await upload
      .getByRole("alert")
      .filter({ hasText: /not a JPEG, PNG, WebP or AVIF image/ })
      .waitFor();

    await upload.getByLabel(/^Image file/).setInputFiles({
      name: "library.png",
      mimeType: "image/png",
      buffer: await testImage(640, 400, 7),
    });
    await upload.getByLabel("Caption").fill("E2E library picture");
    await upload.getByRole("button", { name: "Upload image" }).click();
    await upload
      .getByRole("status")
      .filter({ hasText: "Uploaded “E2E library picture”." })
      .waitFor();

    await page.getByRole("button", { name: "Edit details: E2E library picture" }).first().click();
    const editor = page.getByRole("form", { name: "Edit image details" });
    const picker = editor.getByRole("button", { name: /^Set the focal point/ });
    // Measure the picture only once it is decoded and laid out: before that its box is the
    // placeholder's, and a click lands at the wrong percentage (seen under load).
    await expect
      .poll(() =>
        picker
          .locator("img")
          .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0),
      )
      .toBe(true);
    const box = await picker.locator("img").boundingBox();
    if (!box) throw new Error("the focal-point image is not visible");
    await page.mouse.click(box.x + box.width * 0.25, box.y + box.height * 0.75);
    await expect.poll(() => editor.getByLabel("From the left (%)").inputValue()).toBe("25");
    await expect.poll(() => editor.getByLabel("From the top (%)").inputValue()).toBe("75");
    await picker.press("ArrowRight");
    await expect.poll(() => editor.getByLabel("From the left (%)").inputValue()).toBe("30");
    await editor.getByLabel("Alt text").fill("A grey square inside a blue frame.");
    await editor.getByRole("button", { name: "Save image details" }).click();
    await editor.getByRole("status").filter({ hasText: "Image details saved." }).waitFor();
    const api = await apiSignIn(suite.server.baseUrl, demoAccounts.editor);
    const listed = (await api.request("GET", "/media?q=E2E%20library")).json as {
      items: { asset: { caption: string; alt: string; focalX: number; focalY: number } }[];
    };
    const asset = listed.items.find((item) => item.asset.caption === "E2E library picture")?.asset;
    expect(asset?.alt).toBe("A grey square inside a blue frame.");
    // A click lands on a whole pixel, so the stored fraction is within a pixel of 30 %/75 % (25 % plus one arrow step).
    expect(asset?.focalX).toBeCloseTo(0.3, 2);
    expect(asset?.focalY).toBeCloseTo(0.75, 2);
  });

  it("shows a readable diff and restores an old revision as a new one", async () => {
    const api = await apiSignIn(suite.server.baseUrl, demoAccounts.editor);
    const content = {
      headline: "E2E: History first",
      standfirst: "",
      dateline: "",
      slug: "e2e-history",
      section: "world",
      topics: [],
      leadFigure: null,
      body: [{ type: "paragraph", content: [{ text: "Original paragraph." }] }],
      bylines: [],
      agencies: [],
    };
    const created = (await api.request("POST", "/stories", { serviceId: "en", content })).json as {
      story: { id: string };
      revision: { id: string };
    };
    const id = created.story.id;
    await api.request("PUT", `/stories/${id}/draft`, {
      baseRevisionId: created.revision.id,
      content: {
        ...content,
        headline: "E2E: History second",
        body: [{ type: "paragraph", content: [{ text: "Rewritten paragraph." }] }],
      },
    });
    const page = await signIn(
      await newContext(),
      suite.server.baseUrl,
      demoAccounts.editor,
      `/newsroom/stories/${id}/history`,
    );
    await page.getByRole("button", { name: "Compare revision 2 with revision 1" }).click();
    const diff = page.locator(".nr-diff");
    await diff
      .getByRole("row", { name: /headline.*E2E: History first.*E2E: History second/ })
      .waitFor();
    await diff.locator("del").filter({ hasText: "Removed: Original paragraph." }).waitFor();
    await diff.locator("ins").filter({ hasText: "Added: Rewritten paragraph." }).waitFor();
    await page.getByRole("button", { name: "Restore revision 1" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Restore revision 1" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: "Revision 1 was restored as revision 3." })
      .waitFor();
    await page.getByRole("heading", { name: "Audit log" }).waitFor();
    // People by name, actions in words: no account ids, no raw action codes.
    const history = page.locator("table").first();
    await history.getByRole("row", { name: /^2 .*Elif Editor/ }).waitFor();
    const audit = page.locator("section", {
      has: page.getByRole("heading", { name: "Audit log" }),
    });
    await audit
      .getByRole("row", { name: /Elif Editor.*Saved/ })
      .first()
      .waitFor();
    expect(await audit.textContent()).not.toMatch(/story\.(saved|created)/);
    const story = (await api.request("GET", `/stories/${id}`)).json as {
      revision: { number: number; content: { headline: string } };
    };
    expect(story.revision).toMatchObject({
      number: 3,
      content: { headline: "E2E: History first" },
    });
  });

  it("logs out, and logs out everywhere", async () => {
    const first = await signIn(await newContext(), suite.server.baseUrl, demoAccounts.reporter);
    const second = await signIn(await newContext(), suite.server.baseUrl, demoAccounts.reporter);
    await first.getByRole("button", { name: "Log out everywhere" }).click();
    await first
      .getByRole("dialog", { name: "Log out everywhere?" })
      .getByRole("button", { name: "Log out everywhere" })
      .click();
    await first
      .getByRole("heading", { level: 1, name: "Sign in to the Newsdesk newsroom" })
      .waitFor();
    // The other browser's session is gone too: its next request lands on the sign-in screen.
    await second.reload();
    await second
      .getByRole("heading", { level: 1, name: "Sign in to the Newsdesk newsroom" })
      .waitFor();
    const third = await signIn(await newContext(), suite.server.baseUrl, demoAccounts.reporter);
    await third.getByRole("button", { name: "Log out", exact: true }).click();
    await third
      .getByRole("heading", { level: 1, name: "Sign in to the Newsdesk newsroom" })
      .waitFor();
  });
});

describe("newsroom: people and their accounts", () => {
  const signInHeading = (page: Page) =>
    page.getByRole("heading", { level: 1, name: "Sign in to the Newsdesk newsroom" });

  /** Fills and sends the log-in form (the caller waits for the outcome it expects). */
  async function submitSignIn(page: Page, account: { email: string; password: string }) {
    await page.getByLabel("Email address").fill(account.email);
    await page.getByLabel("Password").fill(account.password);
    await page.getByRole("button", { name: "Sign in" }).click();
  }

  it("an administrator disables an account (its sessions end, its sign-in is refused) and enables it again", async () => {
    const admin = await apiSignIn(suite.server.baseUrl, demoAccounts.admin);
    const dana = { email: "dana-disable-e2e@newsdesk.test", password: "a-long-enough-passphrase" };
    const created = await admin.request("POST", "/users", {
      ...dana,
      displayName: "Dana Disable",
      grants: [{ serviceId: "en", role: "reporter" }],
    });
    expect(created.status).toBe(201);
    // Dana is signed in elsewhere before the account is disabled.
    const danaPage = await signIn(await newContext(), suite.server.baseUrl, dana);

    const page = await signIn(
      await newContext(),
      suite.server.baseUrl,
      demoAccounts.admin,
      "/newsroom/users",
    );
    const watch = watchPage(page);
    await page.getByRole("heading", { level: 1, name: "Users" }).waitFor();
    const row = page
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: "Dana Disable" }) });
    await row.getByText("Active", { exact: true }).waitFor();
    // Nobody manages their own account here: the administrator's own row offers nothing.
    const own = page
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: /^Ada Admin/ }) });
    await own.getByText(/^Your own account:/).waitFor();
    expect(await own.getByRole("button").count()).toBe(0);

    await row.getByRole("button", { name: "Disable the account of Dana Disable" }).click();
    const disable = page.getByRole("dialog", { name: "Disable this account?" });
    await disable.getByText(/^Dana Disable can no longer sign in\./).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await disable.getByRole("button", { name: "Disable account" }).click();
    await disable.waitFor({ state: "hidden" });
    await page
      .getByRole("status")
      .filter({
        hasText:
          "The account of Dana Disable was disabled. Their sessions were ended and their API tokens revoked.",
      })
      .waitFor();
    await row.getByText(/^Disabled since /).waitFor();
    // Focus stays on the control that replaced the one used (WCAG 2.2 SC 2.4.3).
    const enableButton = row.getByRole("button", { name: "Enable the account of Dana Disable" });
    await waitUntil(async () => enableButton.evaluate((el) => el === document.activeElement), {
      what: "focus on the Enable button",
    });
    expect(await row.getByRole("button", { name: /^End sessions/ }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    // Dana's open session ended, and signing in again is refused.
    await danaPage.reload();
    await signInHeading(danaPage).waitFor();
    await submitSignIn(danaPage, dana);
    await danaPage
      .getByRole("alert")
      .filter({ hasText: "The email address or password is not correct." })
      .waitFor();

    await enableButton.click();
    const enable = page.getByRole("dialog", { name: "Enable this account again?" });
    await enable.getByRole("button", { name: "Enable account" }).click();
    await enable.waitFor({ state: "hidden" });
    await page
      .getByRole("status")
      .filter({ hasText: "The account of Dana Disable was enabled; they can sign in again." })
      .waitFor();
    await row.getByText("Active", { exact: true }).waitFor();
    await submitSignIn(danaPage, dana);
    await danaPage.getByRole("button", { name: "Log out", exact: true }).waitFor();

    // Ending Dana's sessions signs that browser out again; the account stays enabled.
    await row
      .getByRole("button", { name: "End sessions and revoke tokens for Dana Disable" })
      .click();
    const end = page.getByRole("dialog", { name: "End sessions and revoke tokens?" });
    await end.getByRole("button", { name: "End sessions and revoke tokens" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: /^Dana Disable was signed out everywhere\. Sessions ended: [1-9]\d*\./ })
      .waitFor();
    await danaPage.reload();
    await signInHeading(danaPage).waitFor();
    await row.getByText("Active", { exact: true }).waitFor();
    expect(watch.errors).toEqual([]);
  });

  it("a service admin is offered actions only on accounts wholly within their services", async () => {
    const admin = await apiSignIn(suite.server.baseUrl, demoAccounts.admin);
    const sam = { email: "sam-fa-admin-e2e@newsdesk.test", password: "a-long-enough-passphrase" };
    const created = await admin.request("POST", "/users", {
      ...sam,
      displayName: "Sam Service Admin",
      grants: [{ serviceId: "fa", role: "service_admin" }],
    });
    expect(created.status).toBe(201);
    const page = await signIn(await newContext(), suite.server.baseUrl, sam, "/newsroom/users");
    await page.getByRole("heading", { level: 1, name: "Users" }).waitFor();
    const rowOf = (name: string) =>
      page.getByRole("row").filter({ has: page.getByRole("rowheader", { name }) });
    // Taraneh translates Persian only: manageable. Elif also edits English: not.
    await rowOf("Taraneh Translator")
      .getByRole("button", { name: "Disable the account of Taraneh Translator" })
      .waitFor();
    await rowOf("Elif Editor")
      .getByText("Only an administrator can change this account.")
      .waitFor();
    expect(await rowOf("Elif Editor").getByRole("button").count()).toBe(0);
    // Only administrators make administrators: the choice is not offered.
    expect(await page.getByLabel(/^Administrator \(/).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe("newsroom: accessibility (axe, WCAG 2.2 AA) in English and Persian", () => {
  let page: Page;
  let enStory = "";
  let faStory = "";

  beforeAll(async () => {
    const admin = await apiSignIn(suite.server.baseUrl, demoAccounts.admin);
    const first = async (service: string) =>
      (
        (await admin.request("GET", `/stories?service=${service}&status=published&limit=1`))
          .json as { items: { id: string }[] }
      ).items[0]?.id ?? "";
    [enStory, faStory] = await Promise.all([first("en"), first("fa")]);
    const context = await newContext();
    const login = await context.newPage();
    await login.goto(url("/newsroom/"));
    await login
      .getByRole("heading", { level: 1, name: "Sign in to the Newsdesk newsroom" })
      .waitFor();
    expect(await axeViolations(login)).toEqual([]);
    await login.close();
    page = await signIn(context, suite.server.baseUrl, demoAccounts.admin);
  });

  const screens: readonly { name: string; path: () => string; ready: RegExp; open?: string }[] = [
    {
      name: "dashboard (en)",
      path: () => "/newsroom/?service=en",
      ready: /^Stories in Meridian News$/,
    },
    {
      name: "dashboard (fa)",
      path: () => "/newsroom/?service=fa&status=published",
      ready: /^Stories in /,
    },
    { name: "story editor (en)", path: () => `/newsroom/stories/${enStory}`, ready: /^Editing: / },
    { name: "story editor (fa)", path: () => `/newsroom/stories/${faStory}`, ready: /^Editing: / },
    {
      name: "publish dialog (fa)",
      path: () => `/newsroom/stories/${faStory}`,
      ready: /^Editing: /,
      open: "Publish as update",
    },
    {
      name: "kill dialog (en)",
      path: () => `/newsroom/stories/${enStory}`,
      ready: /^Editing: /,
      open: "Kill",
    },
    {
      name: "figure picker (fa)",
      path: () => `/newsroom/stories/${faStory}`,
      ready: /^Editing: /,
      open: "Insert figure",
    },
    {
      name: "history (en)",
      path: () => `/newsroom/stories/${enStory}/history`,
      ready: /^Revision history$/,
    },
    {
      name: "history (fa)",
      path: () => `/newsroom/stories/${faStory}/history`,
      ready: /^Revision history$/,
    },
    { name: "media library", path: () => "/newsroom/media", ready: /^Media library$/ },
    {
      name: "breaking news (en)",
      path: () => "/newsroom/breaking?service=en",
      ready: /^Breaking news in /,
    },
    {
      name: "breaking news (fa)",
      path: () => "/newsroom/breaking?service=fa",
      ready: /^Breaking news in /,
    },
    { name: "users", path: () => "/newsroom/users", ready: /^Users$/ },
  ];

  it.each(screens)("$name has no violations", async (screen) => {
    await page.goto(url(screen.path()));
    await page.getByRole("heading", { level: 1, name: screen.ready }).waitFor();
    if (screen.ready.source.startsWith("^Editing")) {
      await page.getByRole("textbox", { name: "Story body" }).waitFor();
      await page.getByRole("group", { name: "Topics" }).waitFor();
    }
    if (screen.name.startsWith("history"))
      await page.getByRole("heading", { name: "Audit log" }).waitFor();
    if (screen.name.startsWith("media")) await page.locator(".nr-media-grid img").first().waitFor();
    if (screen.open) {
      await page.getByRole("button", { name: screen.open, exact: true }).first().click();
      await page.getByRole("dialog").waitFor();
    }
    if (screen.name.endsWith("(fa)") && screen.ready.source.startsWith("^Editing")) {
      // The editor follows the service: Persian is edited right to left.
      const body = page.getByRole("textbox", { name: "Story body" });
      expect(await body.getAttribute("dir")).toBe("rtl");
      expect(await body.getAttribute("lang")).toBe("fa");
      expect(await page.getByLabel("Headline").getAttribute("dir")).toBe("rtl");
    }
    if (screen.ready.source.startsWith("^Editing")) {
      // axe skips the sandboxed preview frame's inside; its title (SC 4.1.2) is checked here.
      expect(await page.locator(".nr-preview iframe").getAttribute("title")).toMatch(
        /^Preview of “.+” as readers will see it$/,
      );
    }
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe("newsroom: security", () => {
  it("rejects state changes without the CSRF token or from another origin", async () => {
    const session = await apiSignIn(suite.server.baseUrl, demoAccounts.editor);
    const noToken = await fetch(url("/newsroom/api/session/logout-everywhere"), {
      method: "POST",
      headers: { Cookie: session.cookie, Origin: suite.server.baseUrl },
    });
    expect(noToken.status).toBe(403);
    expect(((await noToken.json()) as { code: string }).code).toBe("CSRF_FAILED");
    const wrongToken = await session.request(
      "PUT",
      "/banners/en",
      { text: "x", url: null, expiresAt: "2099-01-01T00:00:00Z" },
      {
        "X-CSRF-Token": "not-the-token",
      },
    );
    expect(wrongToken.status).toBe(403);
    const otherSite = await session.request("DELETE", "/banners/en", undefined, {
      Origin: "https://evil.example",
    });
    expect(otherSite.status).toBe(403);
    expect((otherSite.json as { code: string }).code).toBe("CSRF_FAILED");
  });

  it("sets the session cookie HttpOnly and SameSite=Strict", async () => {
    const session = await apiSignIn(suite.server.baseUrl, demoAccounts.reporter);
    expect(session.setCookie).toMatch(/HttpOnly/i);
    expect(session.setCookie).toMatch(/SameSite=Strict/i);
  });

  it("shows the throttling message after repeated failed sign-ins (429 LOGIN_THROTTLED)", async () => {
    const admin = await apiSignIn(suite.server.baseUrl, demoAccounts.admin);
    const email = "throttle-e2e@newsdesk.test";
    const created = await admin.request("POST", "/users", {
      email,
      displayName: "Throttle Test",
      password: "a-long-enough-password",
      grants: [],
    });
    expect(created.status).toBe(201);
    const page = await (await newContext()).newPage();
    await page.goto(url("/newsroom/"));
    for (let attempt = 0; attempt < 6; attempt++) {
      await page.getByLabel("Email address").fill(email);
      await page.getByLabel("Password").fill(`wrong-${attempt}`);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByRole("alert").filter({ hasText: /./ }).waitFor();
      if ((await page.getByRole("alert").textContent())?.includes("Too many")) break;
    }
    await page
      .getByRole("alert")
      .filter({
        hasText: /Too many failed sign-in attempts, so signing in is paused .* Try again in \d+/,
      })
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  const corpus = [
    `<img src=x onerror="alert('xss-img')">`,
    `"><script>alert('xss-script')</script>`,
    `<svg onload=alert('xss-svg')>`,
    `javascript:alert('xss-js')`,
    `</textarea><iframe srcdoc="<script>alert('xss-iframe')</script>">`,
    `{{constructor.constructor('alert(1)')()}}`,
  ];
  const payload = corpus.join(" ");

  it("an XSS corpus in every text field never executes in the editor or the reader page", async () => {
    const context = await newContext();
    const page = await signIn(context, suite.server.baseUrl, demoAccounts.editor);
    const watch = watchPage(page);
    await page.getByLabel("Headline").fill(`XSS ${payload}`);
    await page.getByRole("button", { name: "Create story" }).click();
    await page.getByRole("heading", { level: 1, name: /^Editing: XSS / }).waitFor();
    const id = await storyIdOf(page);

    for (const label of ["Standfirst", "Dateline (place)", "Note for the history (optional)"]) {
      await page.getByLabel(label, { exact: true }).fill(payload);
    }
    // Pasted HTML goes to the server's sanitizer; the markup must arrive as inert text or not at all.
    const body = page.getByRole("textbox", { name: "Story body" });
    await body.click();
    await page.keyboard.type("Before the paste. ");
    await body.evaluate((element, html) => {
      const data = new DataTransfer();
      data.setData(
        "text/html",
        `<p>pasted ${html}</p><blockquote>${html}</blockquote><a href="javascript:alert('xss-href')">link</a>`,
      );
      data.setData("text/plain", "pasted");
      element.dispatchEvent(
        new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }),
      );
    }, payload);
    await body
      .getByText(/pasted/)
      .first()
      .waitFor();
    // A quote with a hostile speaker.
    await page.keyboard.press("Control+End");
    await page.keyboard.press("Enter");
    await page.keyboard.type("A quoted sentence.");
    await page
      .getByRole("toolbar", { name: "Body formatting" })
      .getByRole("button", { name: "Quote" })
      .click();
    await page.getByLabel("Speaker of this quote").fill(payload);
    await saveStory(page);
    await confirmAction(page, "Publish");
    await confirmAction(page, "Add correction", {
      label: "Correction text for readers",
      value: `Fixed ${payload}`,
    });

    // The banner too.
    await page.goto(url("/newsroom/breaking?service=en"));
    await page.getByLabel("Banner text").fill(`Breaking ${payload}`);
    await page.getByRole("button", { name: "Raise banner" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Raise banner" }).click();
    await page.getByRole("status").filter({ hasText: "The banner is live." }).waitFor();

    // The editor reloaded with all of it, and the reader page as readers see it.
    await page.goto(url(`/newsroom/stories/${id}`));
    await page.getByRole("heading", { level: 1, name: /^Editing: XSS / }).waitFor();
    await page
      .getByRole("textbox", { name: "Story body" })
      .getByText(/pasted/)
      .first()
      .waitFor();
    await page.waitForTimeout(500);

    const api = await apiSignIn(suite.server.baseUrl, demoAccounts.editor);
    const readerPage = await context.newPage();
    const readerWatch = watchPage(readerPage);
    await readerPage.goto(url(await readerPathOf(api, id)));
    await readerPage.getByRole("heading", { level: 1 }).waitFor();
    await readerPage.waitForTimeout(500);
    // No element from the corpus: no inline handlers, no injected script, frame or
    // javascript: link (the reader page's own scripts carry no corpus marker; the editor's
    // one frame is its sandboxed preview).
    const injected = (target: Page) =>
      target.evaluate(() =>
        [...document.querySelectorAll("*")]
          .filter(
            (element) =>
              [...element.attributes].some((attr) => /^on/i.test(attr.name)) ||
              (element.matches("iframe, object, embed") && !element.closest(".nr-preview")) ||
              // JSON-LD data blocks hold the headline as escaped JSON and never run; a
              // breakout from one would show up as another element here.
              (element.matches('script:not([type="application/ld+json"])') &&
                /xss/i.test(element.textContent ?? "")),
          )
          .map((element) => element.outerHTML.slice(0, 120)),
      );
    expect(await injected(readerPage)).toEqual([]);
    expect(await injected(page)).toEqual([]);
    expect(await readerPage.locator('a[href^="javascript:"]').count()).toBe(0);
    expect(
      await page.locator('.nr-prose a[href^="javascript:"], .nr-prose img[onerror]').count(),
    ).toBe(0);

    expect(watch).toEqual({ dialogs: [], errors: [] });
    expect(readerWatch).toEqual({ dialogs: [], errors: [] });
    await api.request("DELETE", "/banners/en");
  });
});
