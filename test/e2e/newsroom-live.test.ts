import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
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

// Live pages in the newsroom (issue 15), in Debian's Chromium against the real server: an
// editor creates a live page from the "new story" form; a reporter on a 360 px phone posts
// text and then a photo; the editor, in a second browser, sees each post arrive over the
// newsroom events without a reload and without losing focus, pins one, marks it a key
// event, edits it (through a revision conflict that keeps the editor's text) and deletes
// the other; the reporter's draft survives a reload; after "End live page" the reporter is
// told posting is closed. axe finds nothing on the Live screen in English or Persian.

const suite = newsroomBrowserSuite("newsroom live pages");

async function chooseLanguage(page: Page, label: "English" | "فارسی") {
  await page.locator("#ui-language").selectOption({ label });
  const lang = label === "English" ? "en" : "fa";
  await waitUntil(async () => (await page.locator("html").getAttribute("lang")) === lang, {
    what: `the interface in ${lang}`,
  });
}

function postItem(page: Page, text: string): Locator {
  return page.locator(".nr-live-posts > li").filter({ hasText: text });
}

describe("newsroom: live pages", () => {
  it("a reporter posts from a phone; an editor moderates the stream live and ends the page", async () => {
    // The reporter writes as Tomás Reyes, so the byline defaults to him.
    const adminApi = await apiSignIn(suite.server.baseUrl, demoAccounts.admin);
    const users = await adminApi.request("GET", "/users");
    const reporterEntry = (users.json as { user: { id: string; email: string } }[]).find(
      (entry) => entry.user.email === demoAccounts.reporter.email,
    );
    expect(reporterEntry, users.text).toBeDefined();
    const linked = await adminApi.request("PUT", `/users/${reporterEntry?.user.id}/person`, {
      personId: "tomas-reyes",
    });
    expect(linked.status, linked.text).toBe(200);

    // The editor creates the live page through the "new story" form.
    const editor = await signIn(
      await suite.newContext(),
      suite.server.baseUrl,
      demoAccounts.editor,
    );
    const editorWatch = watchPage(editor);
    await editor.getByLabel("Headline", { exact: true }).fill("E2E live: Siege of the old town");
    await editor.getByLabel("Kind").selectOption({ label: "Live page" });
    await editor.getByRole("button", { name: "Create" }).click();
    await editor
      .getByRole("heading", { level: 1, name: "Live: E2E live: Siege of the old town" })
      .waitFor();
    const storyId = /\/newsroom\/stories\/([^/]+)\/live$/.exec(new URL(editor.url()).pathname)?.[1];
    expect(storyId).toBeDefined();
    await editor.getByRole("navigation", { name: "Live page screens" }).waitFor();
    await editor.getByText("No posts yet.").waitFor();

    // The reporter, on a phone, opens the live screen.
    const reporterContext = await suite.newContext();
    const reporter = await signIn(
      reporterContext,
      suite.server.baseUrl,
      demoAccounts.reporter,
      `/newsroom/stories/${storyId}/live`,
    );
    await reporter.setViewportSize({ width: 360, height: 740 });
    // The reporter goes offline on purpose once: the browser logs the refused request.
    const reporterWatch = watchPage(reporter, { ignore: /net::ERR_INTERNET_DISCONNECTED/ });
    const text = reporter.getByLabel("Post text");
    await text.waitFor();
    // Reporters see no settings; their byline is their linked person.
    expect(await reporter.getByRole("region", { name: "Live page settings" }).count()).toBe(0);
    const byline = reporter.getByLabel("Byline");
    await byline.locator("option", { hasText: "Tomás Reyes (me)" }).waitFor({ state: "attached" });
    expect(await byline.inputValue()).toBe("tomas-reyes");
    // Nothing at 360 px needs sideways scrolling (WCAG 2.2 SC 1.4.10).
    expect(await reporter.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );

    // The editor is typing key points when the reporter's post arrives: focus stays put.
    const keyPoints = editor.getByLabel("Key points (one per line)");
    await keyPoints.click();
    await keyPoints.pressSequentially("Talks resume");

    await text.fill("Troops have entered the old town's north gate.");
    // The text area grows with the text.
    const before = await text.evaluate((area) => area.getBoundingClientRect().height);
    await text.fill(
      "Troops have entered the old town's north gate.\n\nResidents report gunfire near the market.\n\nA curfew is announced.\n\nMore soon.",
    );
    expect(await text.evaluate((area) => area.getBoundingClientRect().height)).toBeGreaterThan(
      before,
    );
    await reporter.getByRole("button", { name: "Post", exact: true }).click();
    await reporter.getByRole("status").filter({ hasText: "Posted." }).waitFor();
    expect(await text.inputValue()).toBe("");
    await postItem(reporter, "north gate").waitFor();

    await postItem(editor, "north gate").waitFor();
    await editor.getByRole("status").filter({ hasText: "1 new post from colleagues." }).waitFor();
    expect(await editor.evaluate(() => document.activeElement?.tagName)).toBe("TEXTAREA");
    expect(await keyPoints.evaluate((area) => area === document.activeElement)).toBe(true);
    expect(await keyPoints.inputValue()).toBe("Talks resume");

    // The editor scrolls down to read the first post; what they read must not move when
    // the next post arrives above it.
    await editor.setViewportSize({ width: 1280, height: 400 });
    const reading = postItem(editor, "Troops have entered");
    await reading.evaluate((item) => {
      item.scrollIntoView({ block: "start" });
      window.scrollBy(0, -10);
    });
    const readingTop = await reading.evaluate((item) => item.getBoundingClientRect().top);
    expect(await editor.evaluate(() => window.scrollY)).toBeGreaterThan(0);

    // The reporter posts a photo with Ctrl+Enter.
    const chooser = reporter.waitForEvent("filechooser");
    await reporter.getByRole("button", { name: "Add photo" }).click();
    await (await chooser).setFiles({
      name: "gate.png",
      mimeType: "image/png",
      buffer: await testImage(640, 480, 1.2),
    });
    await reporter.getByLabel("Caption").fill("The north gate at noon.");
    await text.fill("Photo from the gate.");
    // Without a description the post is refused before sending, and the text is kept.
    await text.press("Control+Enter");
    await reporter
      .getByText("Describe the photo for people who cannot see it before posting.")
      .waitFor();
    await reporter
      .getByLabel("Description for people who cannot see the photo (alt text)")
      .fill("An armoured vehicle under a stone arch.");
    await text.press("Control+Enter");
    await reporter.getByRole("status").filter({ hasText: "Posted." }).waitFor();
    const photoPost = postItem(editor, "Photo from the gate.");
    await photoPost.getByRole("img", { name: "An armoured vehicle under a stone arch." }).waitFor();
    await photoPost.getByText("The north gate at noon.").waitFor();
    expect(await reading.evaluate((item) => item.getBoundingClientRect().top)).toBeCloseTo(
      readingTop,
      0,
    );
    expect(await keyPoints.evaluate((area) => area === document.activeElement)).toBe(true);
    await editor.setViewportSize({ width: 1280, height: 900 });

    // The reporter embeds a published story, found by words of its headline, after a line
    // of text; it shows as a card naming the story, not as text to edit.
    const river = "Record Low River Levels Threaten Harvest Across the Delta";
    await text.fill("Background to the siege:");
    await reporter.getByRole("button", { name: "Embed a story" }).click();
    const picker = reporter.getByRole("dialog", { name: "Embed a story" });
    await picker.getByLabel("Find a published story").fill("river levels");
    await picker.getByRole("button", { name: river }).click();
    await picker.waitFor({ state: "hidden" });
    await reporter.getByText(`Embedded story: ${river}`, { exact: true }).waitFor();
    expect(await reporter.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
    await reporter.getByRole("button", { name: "Post", exact: true }).click();
    await reporter.getByRole("status").filter({ hasText: "Posted." }).waitFor();
    const embedPost = postItem(editor, "Background to the siege:");
    await embedPost.getByText(`Embedded story: ${river}`, { exact: true }).waitFor();
    expect(await embedPost.locator("[contenteditable=true], textarea, input").count()).toBe(0);

    // Posting without a connection fails, says why, and keeps the text; so does a reload.
    await text.fill("Draft kept across a reload");
    await reporterContext.setOffline(true);
    await reporter.getByRole("button", { name: "Post", exact: true }).click();
    await reporter
      .getByRole("alert")
      .filter({ hasText: /^Not posted: there is no connection to the newsroom\./ })
      .waitFor();
    expect(await text.inputValue()).toBe("Draft kept across a reload");
    await reporterContext.setOffline(false);
    await reporter.reload();
    await reporter.getByLabel("Post text").waitFor();
    await waitUntil(
      async () =>
        (await reporter.getByLabel("Post text").inputValue()) === "Draft kept across a reload",
      { what: "the draft restored from storage" },
    );

    // The editor pins the first post and marks it a key event.
    // Found by its id from here on: while it is edited, its text is in a text area.
    const firstId = await postItem(editor, "Troops have entered").getAttribute("data-post-id");
    const first = editor.locator(`[data-post-id="${firstId}"]`);
    await first.getByRole("button", { name: "Pin" }).click();
    await first.getByText("Pinned", { exact: true }).waitFor();
    await first.getByRole("button", { name: "Key event" }).click();
    await first.locator(".nr-live-tag-key").waitFor();
    expect(
      await first.getByRole("button", { name: "Key event" }).getAttribute("aria-pressed"),
    ).toBe("true");

    // The editor edits it while the reporter changes it too: the editor is shown the newer
    // version, keeps their own text and saves it over.
    await first.getByRole("button", { name: "Edit" }).click();
    const editBox = first.getByLabel("Text", { exact: true });
    await editBox.fill("Troops hold the north gate, the army says.");
    const reporterApi = await apiSignIn(suite.server.baseUrl, demoAccounts.reporter);
    const posts = await reporterApi.request("GET", `/stories/${storyId}/posts`);
    const target = (
      posts.json as { items: { id: string; revision: number; content: { body: unknown[] } }[] }
    ).items.find((item) => item.id === firstId);
    expect(target, posts.text).toBeDefined();
    const theirs = await reporterApi.request("PATCH", `/posts/${target?.id}`, {
      revision: target?.revision,
      body: [{ type: "paragraph", content: [{ text: "Troops entered the north gate at dawn." }] }],
    });
    expect(theirs.status, theirs.text).toBe(200);
    await first.getByRole("button", { name: "Save post" }).click();
    await first.getByText("Someone changed this post while you were editing it.").waitFor();
    await first.getByText("Troops entered the north gate at dawn.").waitFor();
    expect(await editBox.inputValue()).toBe("Troops hold the north gate, the army says.");
    await first.getByRole("button", { name: "Save my version" }).click();
    const edited = postItem(editor, "Troops hold the north gate, the army says.");
    await edited.getByText("Edited", { exact: true }).waitFor();
    await postItem(reporter, "Troops hold the north gate, the army says.").waitFor();

    // Its history has all three versions.
    await edited.getByRole("button", { name: "History" }).click();
    const history = editor.getByRole("dialog", { name: "Post history" });
    await history.getByText(/^Version 3, /).waitFor();
    await history.getByText(/^Version 1, /).waitFor();
    await history.getByRole("button", { name: "Close" }).click();

    // The editor deletes the photo post, with a reason; the reporter's copy goes away.
    await photoPost.getByRole("button", { name: "Delete" }).click();
    const confirm = editor.getByRole("dialog", { name: "Delete this post?" });
    await confirm.getByLabel("Reason (optional, kept in the audit log)").fill("Wrong gate");
    await confirm.getByRole("button", { name: "Delete post" }).click();
    await photoPost.getByText(/^Deleted /).waitFor();
    // Its Delete button is gone, so focus lands on the deleted post itself.
    const photoId = await photoPost.getAttribute("data-post-id");
    await waitUntil(
      async () =>
        (await editor.evaluate(() =>
          document.activeElement?.closest("[data-post-id]")?.getAttribute("data-post-id"),
        )) === photoId,
      { what: "focus on the deleted post" },
    );
    await waitUntil(async () => (await postItem(reporter, "Photo from the gate.").count()) === 0, {
      what: "the deleted post gone from the reporter's stream",
    });

    // The Live screen passes axe in English and in Persian (right to left).
    expect(await axeViolations(editor), "live screen, English").toEqual([]);
    await chooseLanguage(editor, "فارسی");
    expect(await editor.locator("html").getAttribute("dir")).toBe("rtl");
    await editor.getByRole("heading", { level: 2, name: "تنظیمات صفحهٔ زنده" }).waitFor();
    expect(await axeViolations(editor), "live screen, Persian").toEqual([]);
    await chooseLanguage(editor, "English");

    // Another editor saves the settings while this one has unsaved key points: the form
    // keeps them and offers to reload, then shows the newer settings.
    const editorApi = await apiSignIn(suite.server.baseUrl, demoAccounts.editor);
    const current = await editorApi.request("GET", `/stories/${storyId}/live`);
    const saved = await editorApi.request("PUT", `/stories/${storyId}/live`, {
      status: "live",
      keyPoints: ["The army controls the north gate."],
      reportersMayPost: true,
      version: (current.json as { version: number }).version,
    });
    expect(saved.status, saved.text).toBe(200);
    const stale = editor
      .getByRole("alert")
      .filter({ hasText: "Someone else changed these settings after you opened them." });
    await stale.waitFor();
    expect(await keyPoints.inputValue()).toBe("Talks resume");
    await stale.getByRole("button", { name: "Reload settings" }).click();
    await waitUntil(
      async () => (await keyPoints.inputValue()) === "The army controls the north gate.",
      { what: "the other editor's key points in the form" },
    );
    expect(await editor.getByLabel("Status").inputValue()).toBe("live");

    // The editor ends the page; the reporter is told, live, that posting is closed.
    await editor.getByRole("button", { name: "End live page" }).click();
    const endDialog = editor.getByRole("dialog", { name: "End this live page?" });
    await endDialog.getByRole("button", { name: "End live page" }).click();
    await editor.getByRole("status").filter({ hasText: "The live page has ended." }).waitFor();
    await reporter
      .getByText("This live page has ended, so nobody can post to it any more.")
      .waitFor();
    expect(await reporter.getByLabel("Post text").count()).toBe(0);
    // The text the reporter had not posted is still there to copy.
    expect(await reporter.getByLabel("Your unposted text, kept on this device").inputValue()).toBe(
      "Draft kept across a reload",
    );
    expect(await axeViolations(reporter), "reporter's live screen, ended").toEqual([]);

    // The story list marks the live page.
    await editor.getByRole("link", { name: "Story", exact: true }).click();
    await editor.getByRole("heading", { level: 1, name: /^Editing: / }).waitFor();
    // The story editor embeds a story too: a card in the body, outside the editable text.
    await editor.getByRole("button", { name: "Embed a story" }).click();
    const storyPicker = editor.getByRole("dialog", { name: "Embed a story" });
    await storyPicker.getByLabel("Find a published story").fill("river levels");
    await storyPicker.getByRole("button", { name: river }).click();
    const card = editor.locator(".nr-prose .nr-story-embed");
    await card.getByText(`Embedded story: ${river}`, { exact: true }).waitFor();
    expect(await card.getAttribute("contenteditable")).toBe("false");
    await editor.getByRole("button", { name: "Save", exact: true }).click();
    await editor.getByText(/^Saved .* as revision 2\./).waitFor();
    await editor.goto(suite.url("/newsroom/?service=en&status=draft"));
    const row = editor.getByRole("row").filter({ hasText: "E2E live: Siege of the old town" });
    await row.locator(".nr-live-marker").filter({ hasText: "Live" }).waitFor();

    expect(editorWatch.errors).toEqual([]);
    expect(reporterWatch.errors).toEqual([]);
  });

  it("loads older posts by cursor, 30 at a time", async () => {
    const editorApi = await apiSignIn(suite.server.baseUrl, demoAccounts.editor);
    const created = await editorApi.request("POST", "/stories", {
      serviceId: "en",
      kind: "live",
      content: {
        headline: "E2E live: A long day",
        standfirst: "",
        dateline: "",
        slug: "e2e-live-a-long-day",
        section: "world",
        topics: [],
        leadFigure: null,
        body: [],
        bylines: [],
        agencies: [],
      },
    });
    expect(created.status, created.text).toBe(201);
    const storyId = (created.json as { story: { id: string } }).story.id;
    for (let n = 1; n <= 33; n += 1) {
      const posted = await editorApi.request("POST", `/stories/${storyId}/posts`, {
        title: null,
        body: [{ type: "paragraph", content: [{ text: `Update number ${n}.` }] }],
        bylines: [],
      });
      expect(posted.status, posted.text).toBe(201);
    }
    const editor = await signIn(
      await suite.newContext(),
      suite.server.baseUrl,
      demoAccounts.editor,
      `/newsroom/stories/${storyId}/live`,
    );
    const items = editor.locator(".nr-live-posts > li");
    await postItem(editor, "Update number 33.").waitFor();
    expect(await items.count()).toBe(30);
    expect(await items.first().textContent()).toContain("Update number 33.");
    await editor.getByRole("button", { name: "Older posts" }).click();
    await postItem(editor, "Update number 1.").waitFor();
    expect(await items.count()).toBe(33);
    expect(await items.last().textContent()).toContain("Update number 1.");
    expect(await editor.getByRole("button", { name: "Older posts" }).count()).toBe(0);
    await editor.getByRole("status").filter({ hasText: "3 older posts loaded." }).waitFor();
  });

  it("shows the demo's Persian live page right to left, with its photos, pin and key events", async () => {
    const adminApi = await apiSignIn(suite.server.baseUrl, demoAccounts.admin);
    const listed = await adminApi.request("GET", "/stories?service=fa&status=published&limit=100");
    expect(listed.status, listed.text).toBe(200);
    const live = (listed.json as { items: { id: string; kind?: string }[] }).items.find(
      (item) => item.kind === "live",
    );
    expect(live, "the demo's Persian live page").toBeDefined();
    const admin = await signIn(await suite.newContext(), suite.server.baseUrl, demoAccounts.admin);
    await chooseLanguage(admin, "فارسی");
    await admin.goto(suite.url(`/newsroom/stories/${live?.id}/live`));
    await admin.getByRole("heading", { level: 1, name: /^زنده: / }).waitFor();
    const posts = admin.locator(".nr-live-posts > li");
    await posts.first().waitFor();
    expect(await posts.first().locator(".nr-live-body").getAttribute("dir")).toBe("rtl");
    await admin.locator(".nr-live-tag-pinned").first().waitFor();
    await admin.locator(".nr-live-tag-key").first().waitFor();
    // Photos load lazily: scrolled into view, the first one arrives.
    const photo = admin.locator(".nr-live-figure img").first();
    await photo.scrollIntoViewIfNeeded();
    await waitUntil(
      async () => (await photo.evaluate((img: HTMLImageElement) => img.naturalWidth)) > 0,
      {
        what: "the first photo of the demo live page",
      },
    );
    expect(await axeViolations(admin), "demo Persian live page, Persian interface").toEqual([]);
  });

  it("the English desk offers a post to the Persian live page, which publishes it", async () => {
    const adminApi = await apiSignIn(suite.server.baseUrl, demoAccounts.admin);
    const liveIn = async (service: string) => {
      const listed = await adminApi.request(
        "GET",
        `/stories?service=${service}&status=published&limit=100`,
      );
      expect(listed.status, listed.text).toBe(200);
      const found = (listed.json as { items: { id: string; kind?: string }[] }).items.find(
        (item) => item.kind === "live",
      );
      expect(found, `the demo's ${service} live page`).toBeDefined();
      return found?.id ?? "";
    };
    const englishId = await liveIn("en");
    const persianId = await liveIn("fa");
    const posts = await adminApi.request("GET", `/stories/${englishId}/posts?limit=1`);
    const source = (posts.json as { items: { id: string }[] }).items[0];

    // The English desk offers its newest post to the Persian live page.
    const admin = await signIn(
      await suite.newContext(),
      suite.server.baseUrl,
      demoAccounts.admin,
      `/newsroom/stories/${englishId}/live`,
    );
    await admin
      .locator(`[data-post-id="${source?.id}"]`)
      .getByRole("button", { name: "Offer to other services" })
      .click();
    const dialog = admin.getByRole("dialog", { name: "Offer this post to other services" });
    const choices = dialog.getByRole("checkbox");
    await choices.first().waitFor();
    expect(await choices.count()).toBe(1);
    await choices.first().check();
    await dialog.getByRole("button", { name: "Offer", exact: true }).click();
    await dialog.getByText(/: offered as a draft to translate and publish$/).waitFor();
    expect(await axeViolations(admin), "offer dialog").toEqual([]);
    await dialog.getByRole("button", { name: "Close" }).click();

    const offered = await adminApi.request("GET", `/stories/${persianId}/posts?limit=5`);
    const draftId = (
      offered.json as { items: { id: string; sourcePostId: string | null }[] }
    ).items.find((item) => item.sourcePostId === source?.id)?.id;
    expect(draftId, offered.text).toBeDefined();

    await admin.goto(suite.url(`/newsroom/stories/${persianId}/live`));
    const draft = admin.locator(`[data-post-id="${draftId}"]`);
    await draft.getByText("Offered from another service: not published yet").waitFor();
    // A draft is not pinned or marked until it is published.
    expect(await draft.getByRole("button", { name: "Pin" }).count()).toBe(0);
    await draft.getByRole("button", { name: "Publish post" }).click();
    await admin.getByRole("status").filter({ hasText: "Post published." }).waitFor();
    await waitUntil(
      async () =>
        (await draft.getByText("Offered from another service: not published yet").count()) === 0,
      { what: "the draft marker gone after publishing" },
    );
    await draft.getByRole("button", { name: "Pin" }).waitFor();
  });
});
