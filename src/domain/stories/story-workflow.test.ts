import { describe, expect, it } from "vitest";
import type { Story } from "./story-schema.js";
import { applyCorrection, applyKill, applyPublish, applyUnpublish } from "./story-workflow.js";

const t0 = "2026-11-20T10:00:00.000Z";
const t1 = "2026-11-20T11:00:00.000Z";

const draft: Story = {
  id: "s1",
  kind: "story",
  serviceId: "en",
  familyId: "s1",
  status: "draft",
  currentRevisionId: "r1",
  currentRevisionNumber: 1,
  publishedRevisionId: null,
  firstPublishedAt: null,
  updatedAt: null,
  updateNote: null,
  lastModifiedAt: t0,
  scheduledAt: null,
  embargoUntil: null,
  killedAt: null,
  killReason: null,
  createdAt: t0,
  createdBy: null,
};

describe("publishing rules", () => {
  it("first publication sets the first-published time and no Updated time", () => {
    const next = applyPublish(draft, { mode: "first" }, t1);
    expect(next).toMatchObject({
      status: "published",
      firstPublishedAt: t1,
      updatedAt: null,
      publishedRevisionId: "r1",
    });
  });

  it("an update shows the Updated time and note; a silent fix does not", () => {
    const live = { ...applyPublish(draft, { mode: "first" }, t0), currentRevisionId: "r2" };
    expect(applyPublish(live, { mode: "update", note: "New figures" }, t1)).toMatchObject({
      updatedAt: t1,
      updateNote: "New figures",
      publishedRevisionId: "r2",
      firstPublishedAt: t0,
    });
    expect(applyPublish(live, { mode: "silent" }, t1)).toMatchObject({
      updatedAt: null,
      publishedRevisionId: "r2",
      lastModifiedAt: t1,
    });
  });

  it("refuses updates to unpublished stories and re-publishing a killed one", () => {
    expect(() => applyPublish(draft, { mode: "update" }, t1)).toThrow(/Only a published story/);
    expect(() => applyPublish(draft, { mode: "silent" }, t1)).toThrow(/Only a published story/);
    const killed = applyKill(applyPublish(draft, { mode: "first" }, t0), "Legal", t1);
    expect(killed).toMatchObject({
      status: "killed",
      publishedRevisionId: null,
      killReason: "Legal",
    });
    expect(() => applyPublish(killed, { mode: "first" }, t1)).toThrow(/killed/);
    expect(() => applyKill(killed, "again", t1)).toThrow(/already killed/);
  });

  it("corrections and unpublishing need a published story", () => {
    expect(() => applyCorrection(draft, t1)).toThrow(/published stories only/);
    expect(() => applyUnpublish(draft, t1)).toThrow(/Only a published story/);
    const live = applyPublish(draft, { mode: "first" }, t0);
    expect(applyUnpublish(live, t1)).toMatchObject({
      status: "unpublished",
      publishedRevisionId: null,
    });
    expect(() => applyPublish(live, { mode: "first" }, t1)).toThrow(/already published/);
  });
});
