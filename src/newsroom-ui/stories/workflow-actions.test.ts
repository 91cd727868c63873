import { describe, expect, it } from "vitest";
import type { StoryStatus } from "../shared/api-schemas.js";
import { actionsFor, confirmationText, workflowActionIds } from "./workflow-actions.js";

const editor = { canWrite: true, canPublish: true };
const reporter = { canWrite: true, canPublish: false };
const outsider = { canWrite: false, canPublish: false };
const ids = (status: StoryStatus, can = editor, embargoUntil: string | null = null) =>
  actionsFor({ status, embargoUntil }, can).allowed.map((a) => a.id);

describe("workflow actions offered", () => {
  it("follows the story's state", () => {
    expect(ids("draft")).toEqual(["submit", "publish-first", "schedule", "embargo"]);
    expect(ids("in_review")).toEqual(["publish-first", "schedule", "embargo"]);
    expect(ids("scheduled")).toEqual(["publish-first", "cancel-schedule", "embargo"]);
    expect(ids("published")).toEqual([
      "publish-update",
      "publish-silent",
      "correct",
      "unpublish",
      "kill",
    ]);
    expect(ids("killed")).toEqual([]);
  });

  it("offers to lift an embargo instead of setting one", () => {
    expect(ids("draft", editor, "2030-01-01T00:00:00Z")).toContain("lift-embargo");
    expect(ids("draft", editor, "2030-01-01T00:00:00Z")).not.toContain("embargo");
  });

  it("keeps publishing from reporters and everything from people without a role", () => {
    const forReporter = actionsFor({ status: "draft", embargoUntil: null }, reporter);
    expect(forReporter.allowed.map((a) => a.id)).toEqual(["submit"]);
    expect(forReporter.needsEditor.map((a) => a.id)).toEqual([
      "publish-first",
      "schedule",
      "embargo",
    ]);
    expect(actionsFor({ status: "draft", embargoUntil: null }, outsider).allowed).toEqual([]);
  });

  it("asks for a reason to kill and a text to correct", () => {
    const published = actionsFor({ status: "published", embargoUntil: null }, editor).allowed;
    expect(published.find((a) => a.id === "kill")).toMatchObject({
      input: "reason",
      inputRequired: true,
      danger: true,
    });
    expect(published.find((a) => a.id === "correct")).toMatchObject({
      input: "text",
      inputRequired: true,
    });
    expect(published.find((a) => a.id === "publish-update")).toMatchObject({
      input: "note",
      inputRequired: false,
    });
  });
});

describe("confirmation sentences", () => {
  const ctx = {
    serviceName: "Meridian News",
    nowText: "14 May 2026, 10:42",
    chosenTimeText: "15 May 2026, 06:00",
    embargoUntilText: null,
  };

  it("says exactly what readers will see for each action", () => {
    expect(confirmationText("publish-update", ctx)).toBe(
      "Readers will see an 'Updated' label with today's time (14 May 2026, 10:42) and your note, and this version replaces the published text.",
    );
    expect(confirmationText("publish-silent", ctx)).toMatch(/no 'Updated' label and no new time/);
    expect(confirmationText("schedule", ctx)).toBe(
      "The story will go live automatically on Meridian News at 15 May 2026, 06:00. Until then readers cannot see it.",
    );
    // A desk in one zone schedules for readers in another: both times are stated.
    expect(
      confirmationText("embargo", { ...ctx, chosenServiceTimeText: "15 May 2026, 09:30 GMT+3:30" }),
    ).toBe(
      "Readers cannot see the story before 15 May 2026, 06:00, even if it is published earlier. For readers of Meridian News that is 15 May 2026, 09:30 GMT+3:30.",
    );
    expect(confirmationText("kill", ctx)).toMatch(/every page, feed and sitemap/);
    expect(
      confirmationText("publish-first", { ...ctx, embargoUntilText: "20 May 2026, 00:00" }),
    ).toMatch(/readers see it only from 20 May 2026, 00:00/);
  });

  it("has a sentence for every action, in every interface language", () => {
    for (const id of workflowActionIds) {
      expect(confirmationText(id, ctx).length).toBeGreaterThan(30);
      const persian = confirmationText(id, ctx, "fa");
      expect([id, /[\u0600-\u06FF]/.test(persian)]).toEqual([id, true]);
      expect(persian).not.toMatch(/\{\w+\}/);
    }
    expect(confirmationText("schedule", { ...ctx, serviceName: "مریدین فارسی" }, "fa")).toBe(
      "خبر در 15 May 2026, 06:00 به‌طور خودکار در مریدین فارسی منتشر می‌شود. تا آن زمان خوانندگان آن را نمی‌بینند.",
    );
  });
});
