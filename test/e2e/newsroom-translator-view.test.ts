import type { ConsoleMessage, Locator, Page } from "playwright-core";
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

// The translator view (source and translation side by side, the source's changes inline,
// "mark up to date"), in English and Persian with axe; and the editor's bugs a desk met:
// the focal-point marker beside wide and tall photos, the preview blank until refreshed, the
// sandboxed preview logging a blocked script, and English words left in the Persian
// interface. The tests share one server.

const suite = newsroomBrowserSuite("newsroom translator view");
const url = (path: string) => suite.url(path);

/** The interface language through the header's switcher (stored in localStorage). */
async function chooseLanguage(page: Page, label: "English" | "فارسی" | "العربية") {
  await page.locator("#ui-language").selectOption({ label });
  const lang = label === "English" ? "en" : label === "فارسی" ? "fa" : "ar";
  await waitUntil(async () => (await page.locator("html").getAttribute("lang")) === lang, {
    what: `the interface in ${lang}`,
  });
}

const paragraphs = (texts: string[]) =>
  texts.map((text) => ({ type: "paragraph", content: [{ text }] }));

const english = (headline: string, body: string[]) => ({
  headline,
  standfirst: "",
  dateline: "GENEVA",
  slug: "e2e-translator-view",
  section: "world",
  topics: [],
  leadFigure: null,
  body: paragraphs(body),
  bylines: [{ kind: "person", personId: "lena-okafor", role: "author" }],
  agencies: [],
});

describe("newsroom: the translator view", () => {
  it("shows source and translation block by block with the source's changes, and marks the translation up to date", async () => {
    const editorApi = await apiSignIn(suite.server.baseUrl, demoAccounts.editor);
    const translatorApi = await apiSignIn(suite.server.baseUrl, demoAccounts.translator);
    const created = await editorApi.request("POST", "/stories", {
      serviceId: "en",
      content: english("E2E: Talks resume", ["Delegates met.", "They talked.", "Nobody left."]),
    });
    expect(created.status, created.text).toBe(201);
    const source = (created.json as { story: { id: string } }).story;
    const published = await editorApi.request("POST", `/stories/${source.id}/publish`, {
      mode: "first",
    });
    expect(published.status, published.text).toBe(200);
    const translated = await translatorApi.request("POST", `/stories/${source.id}/translations`, {
      serviceId: "fa",
    });
    expect(translated.status, translated.text).toBe(201);
    const translation = (translated.json as { story: { id: string } }).story;
    const draft = (await translatorApi.request("GET", `/stories/${translation.id}`)).json as {
      revision: { id: string; content: Record<string, unknown> };
    };
    const saved = await translatorApi.request("PUT", `/stories/${translation.id}/draft`, {
      baseRevisionId: draft.revision.id,
      content: {
        ...draft.revision.content,
        headline: "ای‌تو‌ای: گفت‌وگوها از سر گرفته شد",
        dateline: "ژنو",
        body: paragraphs(["نمایندگان دیدار کردند.", "آن‌ها گفت‌وگو کردند.", "کسی نرفت."]),
        bylines: [{ kind: "person", personId: "nasrin-ahmadi", role: "translator" }],
      },
    });
    expect(saved.status, saved.text).toBe(200);
    // The source is updated: its second block is rewritten and a fourth added.
    const sourceDetail = (await editorApi.request("GET", `/stories/${source.id}`)).json as {
      revision: { id: string };
    };
    await editorApi.request("PUT", `/stories/${source.id}/draft`, {
      baseRevisionId: sourceDetail.revision.id,
      content: english("E2E: Talks resume", [
        "Delegates met.",
        "They talked for nine hours.",
        "Nobody left.",
        "A deal is expected on Friday.",
      ]),
    });
    const update = await editorApi.request("POST", `/stories/${source.id}/publish`, {
      mode: "update",
      note: "Adds the length of the talks.",
    });
    expect(update.status, update.text).toBe(200);

    const page = await signIn(
      await suite.newContext(),
      suite.server.baseUrl,
      demoAccounts.translator,
      "/newsroom/?service=fa",
    );
    const watch = watchPage(page);
    // The translator's queue on the dashboard leads to the view.
    await page
      .getByRole("region", { name: en["translations.queueHeading"] })
      .getByRole("listitem")
      .filter({ hasText: "ای‌تو‌ای: گفت‌وگوها از سر گرفته شد" })
      .getByRole("link", { name: en["translatorView.open"] })
      .click();
    await page.waitForURL(`**/newsroom/stories/${translation.id}/translate`);
    const body = page.getByRole("table", { name: en["translatorView.bodyHeading"] });
    await body.waitFor();
    const rows = body.locator("tbody tr");
    await expect.poll(() => rows.count()).toBe(4);

    const cells = async (row: Locator) => ({
      header: ((await row.locator("th").textContent()) ?? "").trim(),
      source: ((await row.locator("td").nth(0).textContent()) ?? "").trim(),
      translation: ((await row.locator("td").nth(1).textContent()) ?? "").trim(),
    });
    const first = await cells(rows.nth(0));
    expect(first.source).toBe("Delegates met.");
    expect(first.translation).toBe("نمایندگان دیدار کردند.");
    // The rewritten block shows the old and the new source text, next to its translation.
    const changed = rows.nth(1);
    expect(await changed.locator("th").textContent()).toContain(
      en["translatorView.change.changed"],
    );
    expect(await changed.locator("td").nth(0).locator("del").textContent()).toContain(
      "They talked.",
    );
    expect(await changed.locator("td").nth(0).locator("ins").textContent()).toContain(
      "They talked for nine hours.",
    );
    expect((await cells(changed)).translation).toBe("آن‌ها گفت‌وگو کردند.");
    const added = await cells(rows.nth(3));
    expect(added.header).toContain(en["translatorView.change.added"]);
    expect(added.source).toContain("A deal is expected on Friday.");
    expect(added.translation).toBe(en["translatorView.notTranslated"]);
    // Each side in its own language and direction.
    expect(await rows.nth(0).locator("td").nth(0).getAttribute("lang")).toBe("en");
    expect(await rows.nth(0).locator("td").nth(0).getAttribute("dir")).toBe("ltr");
    expect(await rows.nth(0).locator("td").nth(1).getAttribute("lang")).toBe("fa");
    expect(await rows.nth(0).locator("td").nth(1).getAttribute("dir")).toBe("rtl");
    const direction = await rows
      .nth(0)
      .locator("td")
      .nth(1)
      .evaluate((cell) => getComputedStyle(cell).direction);
    expect(direction).toBe("rtl");
    // The headline row: unchanged; the source has no inputs at all (read-only).
    const fields = page.getByRole("table", { name: en["translatorView.fieldsHeading"] });
    expect(await fields.locator("tbody tr").first().locator("td").nth(0).textContent()).toBe(
      "E2E: Talks resume",
    );
    expect(await page.locator("main").getByRole("textbox").count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    // In Persian: the interface words change, the story text keeps its language.
    await chooseLanguage(page, "فارسی");
    const faBody = page.getByRole("table", { name: fa["translatorView.bodyHeading"] });
    await faBody.waitFor();
    expect(await faBody.locator("tbody tr").nth(1).locator("th").textContent()).toContain(
      fa["translatorView.change.changed"],
    );
    expect(await faBody.locator("tbody tr").nth(0).locator("td").nth(0).getAttribute("lang")).toBe(
      "en",
    );
    expect(await axeViolations(page)).toEqual([]);
    await chooseLanguage(page, "العربية");
    await page.getByRole("table", { name: ar["translatorView.bodyHeading"] }).waitFor();
    expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
    expect(await axeViolations(page)).toEqual([]);
    await chooseLanguage(page, "English");

    await page.getByRole("button", { name: en["translatorView.markUpToDate"] }).click();
    await page
      .getByRole("status")
      .filter({ hasText: en["translatorView.markedUpToDate"] })
      .waitFor();
    await page.getByText(en["translatorView.status.current"]).waitFor();
    expect(await body.locator("tbody tr.nr-aligned-changed").count()).toBe(0);
    expect(
      await page.getByRole("button", { name: en["translatorView.markUpToDate"] }).count(),
    ).toBe(0);
    // From the view to the editor of the translation, whose panel leads back.
    await page.getByRole("link", { name: en["translatorView.edit"] }).click();
    await page.getByRole("textbox", { name: en["editor.body"] }).waitFor();
    await page.getByRole("link", { name: en["translatorView.open"] }).click();
    await page.waitForURL(`**/newsroom/stories/${translation.id}/translate`);
    await body.waitFor();
    const link = (await translatorApi.request("GET", `/stories/${translation.id}/translations`))
      .json as { family: { storyId: string; stale: boolean }[] };
    expect(link.family.find((m) => m.storyId === translation.id)?.stale).toBe(false);
    expect(watch.errors).toEqual([]);
  });
});

describe("newsroom: a translator localizes a figure's caption and alt text", () => {
  it("edits them in the figure dialog of the translation, leaving the shared image and the source as they were", async () => {
    const editorApi = await apiSignIn(suite.server.baseUrl, demoAccounts.editor);
    const translatorApi = await apiSignIn(suite.server.baseUrl, demoAccounts.translator);
    const image = await testImage(800, 450, 11);
    const form = new FormData();
    form.set("file", new File([new Uint8Array(image)], "harbour.png", { type: "image/png" }));
    form.set("caption", "The harbour at dawn.");
    form.set("alt", "Fishing boats moored in a calm harbour.");
    const upload = await fetch(url("/newsroom/api/media"), {
      method: "POST",
      headers: {
        Cookie: editorApi.cookie,
        Origin: suite.server.baseUrl,
        "X-CSRF-Token": editorApi.csrfToken,
      },
      body: form,
    });
    expect(upload.status).toBe(201);
    const { asset } = (await upload.json()) as { asset: { id: string } };
    const figure = {
      type: "figure",
      mediaId: asset.id,
      caption: "The harbour at dawn.",
      credit: "Meridian",
      alt: "Fishing boats moored in a calm harbour.",
    };
    const created = await editorApi.request("POST", "/stories", {
      serviceId: "en",
      content: {
        ...english("E2E: Harbour reopens", ["The harbour reopened."]),
        slug: "e2e-harbour",
        leadFigure: figure,
      },
    });
    expect(created.status, created.text).toBe(201);
    const source = (created.json as { story: { id: string } }).story;
    await editorApi.request("POST", `/stories/${source.id}/publish`, { mode: "first" });
    const translated = await translatorApi.request("POST", `/stories/${source.id}/translations`, {
      serviceId: "fa",
    });
    expect(translated.status, translated.text).toBe(201);
    const translation = (translated.json as { story: { id: string } }).story;

    const page = await signIn(
      await suite.newContext(),
      suite.server.baseUrl,
      demoAccounts.translator,
      `/newsroom/stories/${translation.id}`,
    );
    const watch = watchPage(page);
    await page.getByRole("button", { name: en["editor.editLead"] }).click();
    const dialog = page.getByRole("dialog", { name: en["figure.title"] });
    const caption = dialog.getByLabel(en["media.caption"]);
    await expect.poll(() => caption.inputValue()).toBe("The harbour at dawn.");
    // The fields are in the translation's language and direction.
    expect(await caption.getAttribute("lang")).toBe("fa");
    expect(await caption.getAttribute("dir")).toBe("rtl");
    await caption.fill("بندر در سپیده‌دم.");
    await dialog.getByLabel(/^Alt text/).fill("قایق‌های ماهیگیری در بندری آرام.");
    await dialog.getByRole("button", { name: en["figure.save"] }).click();
    await dialog.waitFor({ state: "hidden" });
    await page.getByRole("button", { name: en["editor.save"], exact: true }).click();
    const preview = page.frameLocator(".nr-preview iframe");
    await preview.getByText("بندر در سپیده‌دم.").waitFor();
    expect(await preview.locator("main img").first().getAttribute("alt")).toBe(
      "قایق‌های ماهیگیری در بندری آرام.",
    );

    const saved = (await translatorApi.request("GET", `/stories/${translation.id}`)).json as {
      revision: { content: { leadFigure: Record<string, unknown> } };
    };
    expect(saved.revision.content.leadFigure).toMatchObject({
      mediaId: asset.id,
      caption: "بندر در سپیده‌دم.",
      alt: "قایق‌های ماهیگیری در بندری آرام.",
    });
    const shared = (await editorApi.request("GET", `/media/${asset.id}`)).json as {
      asset: Record<string, unknown>;
    };
    expect(shared.asset).toMatchObject({
      caption: "The harbour at dawn.",
      alt: "Fishing boats moored in a calm harbour.",
    });
    const sourceNow = (await editorApi.request("GET", `/stories/${source.id}`)).json as {
      revision: { content: { leadFigure: Record<string, unknown> } };
    };
    expect(sourceNow.revision.content.leadFigure).toMatchObject({
      caption: "The harbour at dawn.",
      alt: "Fishing boats moored in a calm harbour.",
    });
    expect(watch.errors).toEqual([]);
  });
});

describe("newsroom: the focal-point marker sits on the picture", () => {
  for (const [width, height] of [
    [1600, 400],
    [400, 1600],
  ] as const) {
    it(`on a ${width}×${height} image, at the chosen percentages`, async () => {
      const page = await signIn(
        await suite.newContext(),
        suite.server.baseUrl,
        demoAccounts.editor,
        "/newsroom/media",
      );
      const upload = page.getByRole("form", { name: en["media.upload.heading"] });
      await upload.getByLabel(/^Image file/).setInputFiles({
        name: `focal-${width}x${height}.png`,
        mimeType: "image/png",
        buffer: await testImage(width, height, 3),
      });
      const picker = upload.getByRole("button", { name: /^Set the focal point/ });
      await picker.locator("img").waitFor();
      await upload.getByLabel(en["focal.fromLeft"]).fill("25");
      await upload.getByLabel(en["focal.fromTop"]).fill("75");
      await upload.getByLabel(en["focal.fromTop"]).press("Tab");
      const marker = picker.locator(".nr-focal-marker");
      await marker.waitFor();
      // Where the picture is drawn (letterboxed by object-fit, if it is), measured here
      // independently of the component, and where the marker's centre is.
      const measure = () =>
        picker.evaluate((button) => {
          const img = button.querySelector("img") as HTMLImageElement;
          const dot = button.querySelector(".nr-focal-marker") as HTMLElement;
          const box = img.getBoundingClientRect();
          const fit = getComputedStyle(img).objectFit;
          const scale =
            fit === "contain"
              ? Math.min(box.width / img.naturalWidth, box.height / img.naturalHeight)
              : 1;
          const drawn =
            fit === "contain"
              ? { width: img.naturalWidth * scale, height: img.naturalHeight * scale }
              : { width: box.width, height: box.height };
          const left = box.left + (box.width - drawn.width) / 2;
          const top = box.top + (box.height - drawn.height) / 2;
          const m = dot.getBoundingClientRect();
          return {
            x: (m.left + m.width / 2 - left) / drawn.width,
            y: (m.top + m.height / 2 - top) / drawn.height,
            drawn,
          };
        });
      await expect
        .poll(async () => {
          const at = await measure();
          return [Math.round(at.x * 100), Math.round(at.y * 100)];
        })
        .toEqual([25, 75]);
      const { drawn } = await measure();
      expect(drawn.width).toBeGreaterThan(20);
      expect(drawn.height).toBeGreaterThan(20);
      // Clicking a point of the picture sets that point.
      const box = await picker.locator("img").boundingBox();
      if (!box) throw new Error("the focal-point image is not visible");
      const drawnLeft = box.x + (box.width - drawn.width) / 2;
      const drawnTop = box.y + (box.height - drawn.height) / 2;
      await page.mouse.click(drawnLeft + drawn.width * 0.6, drawnTop + drawn.height * 0.4);
      // Within a pixel: the mouse lands on whole pixels of a picture ~100 px high.
      const near = async (label: string, expected: number) =>
        Math.abs(Number(await upload.getByLabel(label).inputValue()) - expected) <= 1;
      await expect.poll(() => near(en["focal.fromLeft"], 60)).toBe(true);
      await expect.poll(() => near(en["focal.fromTop"], 40)).toBe(true);
    });
  }
});

describe("newsroom: the story preview", () => {
  it("shows the story on first open and after a save, without a refresh, and logs no blocked script", async () => {
    const api = await apiSignIn(suite.server.baseUrl, demoAccounts.editor);
    const created = await api.request("POST", "/stories", {
      serviceId: "en",
      // A long story, as desks write them: the preview is far below the first screen.
      content: {
        ...english(
          "E2E: Preview on open",
          Array.from({ length: 120 }, (_, i) => `Paragraph ${i + 1} of a long story.`),
        ),
        slug: "e2e-preview",
      },
    });
    expect(created.status, created.text).toBe(201);
    const { story } = created.json as { story: { id: string } };

    const context = await suite.newContext();
    const page = await signIn(context, suite.server.baseUrl, demoAccounts.editor);
    // Every console message of the page and its frames, the preview's included.
    const consoleErrors: string[] = [];
    page.on("console", (message: ConsoleMessage) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });
    await page.goto(url(`/newsroom/stories/${story.id}`));
    const preview = page.frameLocator(".nr-preview iframe");
    await preview.getByRole("heading", { level: 1, name: "E2E: Preview on open" }).waitFor();
    expect(
      await page.locator(".nr-preview iframe").evaluate((frame) => frame.getAttribute("sandbox")),
    ).toBe("");

    await page.getByLabel(en["editor.headline"]).fill("E2E: Preview after saving");
    await page.getByRole("button", { name: en["editor.save"], exact: true }).click();
    await preview.getByRole("heading", { level: 1, name: "E2E: Preview after saving" }).waitFor();

    // A story made from the dashboard opens with its preview showing too.
    await page.goto(url("/newsroom/?service=en"));
    await page.getByLabel(en["dashboard.headline"]).fill("E2E: Preview of a new story");
    await page.getByRole("button", { name: en["dashboard.create"] }).click();
    await page.getByRole("textbox", { name: en["editor.body"] }).waitFor();
    await preview.getByRole("heading", { level: 1, name: "E2E: Preview of a new story" }).waitFor();

    expect(consoleErrors.filter((text) => /Blocked script execution/.test(text))).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});

/**
 * Latin-letter words in the visible interface text of the page, that is text whose nearest
 * `lang` is the interface's (stories, names and other content carry their own `lang`), and in
 * the accessible names of controls. Technical strings that stay Latin in every language
 * (abbreviations, formats, codes) are allowed.
 */
async function latinInterfaceWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const allowed = new Set([
      "API",
      "URL",
      "HTTP",
      "HTTPS",
      "JSON",
      "ninjs",
      "RSS",
      "Atom",
      "JPEG",
      "PNG",
      "WebP",
      "AVIF",
      // Audio and video formats (MP3 and MP4 read as "MP" here: digits are not letters).
      "MP",
      "WebM",
      "Ogg",
      "WAV",
      "FLAC",
      "WebVTT",
      "HLS",
      "MB",
      "KB",
      "px",
      "ID",
      "TOTP",
      "CSRF",
      "HMAC",
      "SHA",
      "UTC",
      "IPTC",
      "NewsML",
      "NITF",
      // Service names (Meridian News) where a table cell shows one.
      "Meridian",
      "News",
      // The wire desk's example language tags.
      "en",
      "fa",
      "pt-BR",
    ]);
    const found = new Set<string>();
    const check = (text: string, where: string) => {
      for (const word of text.match(/[A-Za-z][A-Za-z'’-]+/g) ?? []) {
        if (!allowed.has(word)) found.add(`${word} (${where})`);
      }
    };
    const interfaceLang = document.documentElement.lang;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !node.textContent?.trim()) continue;
      if (parent.closest("[lang]")?.getAttribute("lang") !== interfaceLang) continue;
      // Names and other content isolated inside interface sentences (<bdi>), and codes.
      if (parent.closest("bdi, code, kbd, samp, [translate='no']")) continue;
      if (!parent.checkVisibility() && !parent.closest(".nr-visually-hidden")) continue;
      check(node.textContent, parent.tagName.toLowerCase());
    }
    // Placeholders are the interface's own words (labels with content in them are not
    // checked here: a name or a headline in them is content).
    for (const element of document.querySelectorAll<HTMLElement>(
      "input[placeholder], textarea[placeholder]",
    )) {
      if (element.closest("[lang]")?.getAttribute("lang") !== interfaceLang) continue;
      if (!element.checkVisibility()) continue;
      check(element.getAttribute("placeholder") ?? "", "placeholder");
    }
    return [...found].sort();
  });
}

describe("newsroom: the Persian interface has no English words on its main screens", () => {
  it("dashboard, editor with its figure dialog, media library, tokens, users, wire and breaking news", async () => {
    const page = await signIn(await suite.newContext(), suite.server.baseUrl, demoAccounts.admin);
    await chooseLanguage(page, "فارسی");
    const found: Record<string, string[]> = {};
    const visit = async (path: string, ready: () => Promise<unknown>) => {
      await page.goto(url(path));
      await ready();
      const words = await latinInterfaceWords(page);
      if (words.length > 0) found[path] = words;
    };
    await visit("/newsroom/?service=en", () =>
      page.getByRole("button", { name: fa["dashboard.create"] }).waitFor(),
    );
    // A demo story with a lead image, and its figure dialog.
    const api = await apiSignIn(suite.server.baseUrl, demoAccounts.admin);
    const list = (await api.request("GET", "/stories?service=en&limit=50")).json as {
      items: { id: string; headline: string }[];
    };
    let withFigure: string | undefined;
    // A demo story: the other tests' stories have translations whose text is still English.
    for (const item of list.items.filter((i) => !i.headline.startsWith("E2E"))) {
      const detail = (await api.request("GET", `/stories/${item.id}`)).json as {
        revision: { content: { leadFigure: unknown } };
      };
      if (detail.revision.content.leadFigure) {
        withFigure = item.id;
        break;
      }
    }
    if (!withFigure) throw new Error("no demo story with a lead image");
    await visit(`/newsroom/stories/${withFigure}`, () =>
      page.getByRole("textbox", { name: fa["editor.body"] }).waitFor(),
    );
    await page.getByRole("button", { name: fa["editor.editLead"] }).click();
    const dialog = page.getByRole("dialog", { name: fa["figure.title"] });
    await dialog.getByRole("button", { name: /^.+$/ }).first().waitFor();
    await dialog.locator(".nr-focal img").waitFor();
    const dialogWords = await latinInterfaceWords(page);
    if (dialogWords.length > 0) found["figure dialog"] = dialogWords;
    await page.keyboard.press("Escape");
    await visit("/newsroom/media", () =>
      page.getByRole("heading", { level: 1, name: fa["media.title"] }).waitFor(),
    );
    await visit("/newsroom/tokens", () => page.locator("main h1").waitFor());
    await page.locator("main form, main fieldset").first().waitFor();
    found["/newsroom/tokens"] = await latinInterfaceWords(page);
    await visit("/newsroom/users", () => page.locator("main h1").waitFor());
    await visit("/newsroom/wire", () => page.locator("main h1").waitFor());
    await visit("/newsroom/breaking?service=en", () => page.locator("main h1").waitFor());
    await visit("/newsroom/account", () => page.locator("main h1").waitFor());
    for (const [key, words] of Object.entries(found)) if (words.length === 0) delete found[key];
    expect(found).toEqual({});
  });
});
