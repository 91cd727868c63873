import { describe, expect, it } from "vitest";
import { systemActor, userActor } from "../actor.js";
import {
  applySettings,
  initialLivePage,
  mayChangePost,
  mayModerate,
  mayPost,
} from "./live-rules.js";
import type { LivePost } from "./live-schema.js";

const reporter = userActor("rafa", [{ serviceId: "en", role: "reporter" }]);
const editor = userActor("elif", [{ serviceId: "en", role: "editor" }]);
const translator = userActor("tara", [{ serviceId: "en", role: "translator" }]);
const elsewhere = userActor("far", [{ serviceId: "fa", role: "editor" }]);
const admin = userActor("ada", [], true);

const page = initialLivePage("s1");
const post = (createdBy: string | null): LivePost => ({
  id: "p1",
  storyId: "s1",
  postedAt: "2026-12-05T10:00:00.000Z",
  content: { title: null, body: [{ type: "paragraph", content: [{ text: "x" }] }], bylines: [] },
  keyEvent: false,
  pinned: false,
  revision: 1,
  editedAt: null,
  deletedAt: null,
  createdBy,
  sourcePostId: null,
});

describe("who may post on a live page", () => {
  it("lets reporters post only while reporters may and the page has not ended", () => {
    expect(mayPost(reporter, "en", page)).toBe(true);
    expect(mayPost(reporter, "en", { ...page, reportersMayPost: false })).toBe(false);
    expect(mayPost(reporter, "en", { ...page, status: "ended" })).toBe(false);
    expect(mayPost(reporter, "en", { ...page, status: "live" })).toBe(true);
  });

  it("lets editors, administrators and the system post always; translators and other services never", () => {
    const closed = { ...page, status: "ended" as const, reportersMayPost: false };
    for (const actor of [editor, admin, systemActor("test")]) {
      expect(mayPost(actor, "en", closed)).toBe(true);
      expect(mayModerate(actor, "en")).toBe(true);
    }
    expect(mayPost(translator, "en", page)).toBe(false);
    expect(mayPost(elsewhere, "en", page)).toBe(false);
    expect(mayModerate(reporter, "en")).toBe(false);
    expect(mayModerate(elsewhere, "en")).toBe(false);
  });

  it("lets reporters change their own posts only; editors any", () => {
    expect(mayChangePost(reporter, "en", post("rafa"))).toBe(true);
    expect(mayChangePost(reporter, "en", post("elif"))).toBe(false);
    expect(mayChangePost(reporter, "en", post(null))).toBe(false);
    expect(mayChangePost(editor, "en", post("rafa"))).toBe(true);
    expect(mayChangePost(translator, "en", post("tara"))).toBe(false);
    expect(mayChangePost(elsewhere, "en", post("far"))).toBe(false);
  });

  it("lets translators of the service change drafts offered to it, and nothing else", () => {
    const offered = { ...post("elif"), draft: true, sourcePostId: "source" };
    expect(mayChangePost(translator, "en", offered)).toBe(true);
    expect(mayChangePost(translator, "en", { ...offered, draft: false })).toBe(false);
    expect(mayChangePost(translator, "en", { ...offered, sourcePostId: null })).toBe(false);
    expect(mayChangePost(reporter, "en", offered)).toBe(false);
    expect(
      mayChangePost(userActor("tfa", [{ serviceId: "fa", role: "translator" }]), "en", offered),
    ).toBe(false);
  });
});

describe("live settings", () => {
  const t1 = "2026-12-05T10:00:00.000Z";
  const t2 = "2026-12-05T12:00:00.000Z";
  const t3 = "2026-12-05T14:00:00.000Z";
  const settings = { keyPoints: [], reportersMayPost: true };

  it("starts the coverage on the first move from upcoming, ends it on ended, and reopens", () => {
    const live = applySettings(page, { ...settings, status: "live" }, t1);
    expect(live).toMatchObject({ coverageStartTime: t1, coverageEndTime: null, version: 2 });
    const ended = applySettings(live, { ...settings, status: "ended" }, t2);
    expect(ended).toMatchObject({ coverageStartTime: t1, coverageEndTime: t2, version: 3 });
    // Saving an ended page again (key points) keeps when it ended.
    const again = applySettings(ended, { ...settings, status: "ended", keyPoints: ["a"] }, t3);
    expect(again.coverageEndTime).toBe(t2);
    const reopened = applySettings(again, { ...settings, status: "live" }, t3);
    expect(reopened).toMatchObject({ coverageStartTime: t1, coverageEndTime: null });
    // Staying upcoming starts nothing.
    expect(applySettings(page, { ...settings, status: "upcoming" }, t1).coverageStartTime).toBe(
      null,
    );
  });
});
