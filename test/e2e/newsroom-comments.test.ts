import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  apiSignIn,
  axeViolations,
  demoAccounts,
  signIn,
  waitUntil,
  watchPage,
} from "./support/newsroom.js";
import { newsroomBrowserSuite } from "./support/newsroom-suite.js";

// Editor-to-editor notes in Debian's Chromium against the real server: an editor comments
// on one paragraph of a draft and mentions the reporter by typing "@raf" and choosing from
// the list; the reporter, already signed in elsewhere, sees the notification arrive live in
// the header, opens it and lands on the comment in the story. axe finds nothing in English
// or Persian on either screen.

const suite = newsroomBrowserSuite("newsroom comments");

async function chooseLanguage(page: Page, label: "English" | "فارسی") {
  await page.locator("#ui-language").selectOption({ label });
  const lang = label === "English" ? "en" : "fa";
  await waitUntil(async () => (await page.locator("html").getAttribute("lang")) === lang, {
    what: `the interface in ${lang}`,
  });
}

async function expectNoAxeViolations(page: Page, where: string) {
  expect(await axeViolations(page), where).toEqual([]);
}

describe("newsroom: comments and mentions", () => {
  it("one user comments on a paragraph and mentions another, who is notified and opens the comment", async () => {
    const editorApi = await apiSignIn(suite.server.baseUrl, demoAccounts.editor);
    const created = await editorApi.request("POST", "/stories", {
      serviceId: "en",
      content: {
        headline: "E2E comments: Harbour reopens",
        standfirst: "",
        dateline: "",
        slug: "e2e-comments-harbour-reopens",
        section: "world",
        topics: [],
        leadFigure: null,
        body: [
          { type: "paragraph", content: [{ text: "The harbour reopened at dawn." }] },
          { type: "paragraph", content: [{ text: "Fishermen returned to the quay." }] },
        ],
        bylines: [{ kind: "desk", deskId: "meridian-news" }],
        agencies: [],
      },
    });
    expect(created.status, created.text).toBe(201);
    const storyId = (created.json as { story: { id: string } }).story.id;

    // The reporter is already working, on the dashboard.
    const reporter = await signIn(
      await suite.newContext(),
      suite.server.baseUrl,
      demoAccounts.reporter,
    );
    const reporterWatch = watchPage(reporter);
    const bell = reporter.getByRole("button", { name: /^Notifications/ });
    await bell.waitFor();
    expect(await bell.textContent()).toBe("Notifications");

    // The editor opens the draft and comments on the second paragraph.
    const editor = await signIn(
      await suite.newContext(),
      suite.server.baseUrl,
      demoAccounts.editor,
      `/newsroom/stories/${storyId}`,
    );
    const editorWatch = watchPage(editor);
    await editor
      .getByRole("heading", { level: 1, name: "Editing: E2E comments: Harbour reopens" })
      .waitFor();
    const panel = editor.getByRole("region", { name: "Comments" });
    await panel.getByText("No comments yet.").waitFor();
    await editor
      .getByRole("textbox", { name: "Story body" })
      .getByText("Fishermen returned to the quay.")
      .click();
    await panel.getByRole("button", { name: "Use the paragraph at the cursor" }).click();
    const about = panel.getByLabel("About");
    expect(await about.inputValue()).toBe("1");
    expect(await about.locator("option:checked").textContent()).toBe(
      "Paragraph 2: Fishermen returned to the quay.",
    );

    const field = panel.getByRole("textbox", { name: "Comment", exact: true });
    await field.click();
    await field.pressSequentially("Please check the time, @raf");
    const suggestions = panel.getByRole("listbox", { name: "People who can see this story" });
    await suggestions.getByRole("option", { name: "Rafael Reporter" }).waitFor();
    // Only people who can see this English draft are offered.
    expect(await suggestions.getByRole("option").allTextContents()).toEqual(["Rafael Reporter"]);
    await expectNoAxeViolations(editor, "editor with the mention list open (en)");
    await field.press("Enter");
    await waitUntil(
      async () => (await field.inputValue()) === "Please check the time, @Rafael Reporter ",
      {
        what: "the chosen name in the comment",
      },
    );
    await field.pressSequentially("please.");
    await panel.getByRole("button", { name: "Add comment" }).click();
    await panel.getByRole("status").getByText("Comment added.").waitFor();
    const thread = panel.getByRole("article", { name: "Comment by Elif Editor" });
    await thread.getByText("On paragraph 2:").waitFor();
    expect(await thread.locator("q").textContent()).toBe("Fishermen returned to the quay.");
    expect(await thread.locator(".nr-mention").textContent()).toBe("@Rafael Reporter");
    expect(await field.inputValue()).toBe("");
    await expectNoAxeViolations(editor, "editor with a comment thread (en)");
    // "Show paragraph 2" puts the cursor back into that paragraph of the text.
    await editor
      .getByRole("textbox", { name: "Story body" })
      .getByText("The harbour reopened at dawn.")
      .click();
    await thread.getByRole("button", { name: "Show paragraph 2 in the text" }).click();
    await waitUntil(
      async () =>
        (await editor.evaluate(() => document.getSelection()?.anchorNode?.textContent ?? "")) ===
        "Fishermen returned to the quay.",
      { what: "the cursor in paragraph 2" },
    );
    await chooseLanguage(editor, "فارسی");
    await editor.getByRole("region", { name: "یادداشت‌ها" }).waitFor();
    await expectNoAxeViolations(editor, "editor with a comment thread (fa)");
    await chooseLanguage(editor, "English");

    // The reporter's header hears of it without a reload.
    await reporter.getByRole("button", { name: "Notifications 1 unread" }).waitFor();
    await bell.click();
    const list = reporter.getByRole("region", { name: "Notifications" });
    const entry = list.getByRole("link", {
      name: "Elif Editor mentioned you on E2E comments: Harbour reopens (new)",
    });
    await entry.waitFor();
    await list.getByText("Please check the time, @Rafael Reporter please.").waitFor();
    await expectNoAxeViolations(reporter, "notifications open (en)");
    await chooseLanguage(reporter, "فارسی");
    await reporter.getByRole("region", { name: "اعلان‌ها" }).waitFor();
    await expectNoAxeViolations(reporter, "notifications open (fa)");
    await chooseLanguage(reporter, "English");

    // Opening it leads to the story with the comment focused, and marks it read.
    await entry.click();
    await reporter
      .getByRole("heading", { level: 1, name: "Editing: E2E comments: Harbour reopens" })
      .waitFor();
    expect(new URL(reporter.url()).searchParams.get("comment")).toMatch(/^[0-9a-z]{12}$/);
    await waitUntil(
      async () =>
        (await reporter.evaluate(() => document.activeElement?.id ?? "")).startsWith("comment-"),
      { what: "the comment focused" },
    );
    const focused = reporter.locator(".nr-comment-focus");
    expect(await focused.locator(".nr-comment-body").textContent()).toBe(
      "Please check the time, @Rafael Reporter please.",
    );
    await waitUntil(async () => (await bell.textContent()) === "Notifications", {
      what: "the notification marked read",
    });

    // The reporter replies; the editor is told in turn.
    const reporterThread = reporter.getByRole("article", { name: "Comment by Elif Editor" });
    await reporterThread.getByRole("button", { name: "Reply" }).click();
    await reporterThread.getByRole("textbox", { name: "Your reply" }).fill("6 a.m., confirmed.");
    await reporterThread.getByRole("button", { name: "Send reply" }).click();
    await reporterThread.getByText("6 a.m., confirmed.").waitFor();
    await editor.getByRole("button", { name: "Notifications 1 unread" }).waitFor();

    expect(editorWatch.errors).toEqual([]);
    expect(reporterWatch.errors).toEqual([]);
  });
});
