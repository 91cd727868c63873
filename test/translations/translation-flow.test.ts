import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../src/domain/actor.js";
import { isNewsdeskError } from "../../src/domain/error-catalogue.js";
import type { StoryContent } from "../../src/domain/stories/story-schema.js";
import type { Newsdesk } from "../../src/main.js";
import { dialects } from "../support/test-databases.js";
import { startTestNewsdesk } from "../support/test-newsdesk.js";

const actor = systemActor("translation test");

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  return isNewsdeskError(error) ? error.code : undefined;
}

describe.each(dialects)("linked translations end to end on %s", (dialect) => {
  let newsdesk: Newsdesk & { dispose(): Promise<void> };
  let sourceId: string;
  let translationId: string;

  const page = async (path: string) => {
    const res = await newsdesk.app.request(path);
    return { status: res.status, html: await res.text() };
  };
  const storyPath = async (storyId: string, prefix: string) => {
    const story = await newsdesk.repositories.stories.findStory(storyId);
    const revision = await newsdesk.repositories.stories.findRevision(
      story?.publishedRevisionId ?? "",
    );
    if (!revision) throw new Error(`no published revision for ${storyId}`);
    const { section, slug } = revision.content;
    return `/${prefix}/${encodeURIComponent(section)}/${encodeURIComponent(slug)}-${storyId}`;
  };
  const sourceContent = async (): Promise<{ content: StoryContent; revisionId: string }> => {
    const story = await newsdesk.repositories.stories.findStory(sourceId);
    const revision = await newsdesk.repositories.stories.findRevision(
      story?.currentRevisionId ?? "",
    );
    if (!revision) throw new Error("no source revision");
    return { content: revision.content, revisionId: revision.id };
  };

  beforeAll(async () => {
    newsdesk = await startTestNewsdesk(dialect);
    const english = await newsdesk.repositories.published.listPublished({
      serviceId: "en",
      limit: 50,
      offset: 0,
    });
    const flagship = english.find((s) => s.headline.startsWith("Capital's Transit Budget"));
    if (!flagship) throw new Error("demo story missing");
    sourceId = flagship.id;
  });
  afterAll(async () => {
    await newsdesk?.dispose();
  });

  it("translates into another service as a linked draft made from the current revision", async () => {
    const { translations } = newsdesk.services;
    const source = await sourceContent();
    const created = await translations.translateInto(actor, sourceId, "uk");
    translationId = created.story.id;
    expect(created.story.serviceId).toBe("uk");
    expect(created.story.status).toBe("draft");
    const sourceStory = await newsdesk.repositories.stories.findStory(sourceId);
    expect(created.story.familyId).toBe(sourceStory?.familyId);
    expect(created.link).toMatchObject({
      sourceStoryId: sourceId,
      syncedRevisionId: source.revisionId,
      status: "current",
      staleEvents: [],
    });
    // The draft starts from the source text, in the target's section, without bylines.
    expect(created.revision.content.headline).toBe(source.content.headline);
    expect(created.revision.content.section).toBe("world");
    expect(created.revision.content.bylines).toEqual([]);
  });

  it("refuses a second version in the same service and a translation into the source's", async () => {
    const { translations } = newsdesk.services;
    expect(await codeOf(translations.translateInto(actor, sourceId, "uk"))).toBe(
      "TRANSLATION_EXISTS",
    );
    expect(await codeOf(translations.translateInto(actor, sourceId, "en"))).toBe(
      "TRANSLATION_SAME_SERVICE",
    );
    expect(await codeOf(translations.translateInto(actor, "nosuchstory1", "fr"))).toBe(
      "STORY_NOT_FOUND",
    );
  });

  it("publishes the translation; both pages link each other with hreflang and a switcher", async () => {
    const { stories } = newsdesk.services;
    const draft = await newsdesk.repositories.stories.findStory(translationId);
    const revision = await newsdesk.repositories.stories.findRevision(
      draft?.currentRevisionId ?? "",
    );
    if (!draft || !revision) throw new Error("draft missing");
    await stories.saveDraft(actor, translationId, {
      baseRevisionId: draft.currentRevisionId,
      content: {
        ...revision.content,
        headline: "Транспортний бюджет столиці подвоюється",
        standfirst: "Міська рада ухвалила найбільший транспортний бюджет за десятиліття.",
        slug: "транспортний-бюджет",
        body: [
          { type: "paragraph", content: [{ text: "Рада проголосувала 31 голосом проти 6." }] },
        ],
      },
    });
    await stories.publish(actor, translationId, { mode: "first" });

    const enPath = await storyPath(sourceId, "english");
    const ukPath = await storyPath(translationId, "ukrainian");
    const en = await page(enPath);
    const uk = await page(ukPath);
    expect(uk.status).toBe(200);
    expect(uk.html).toContain('<html lang="uk" dir="ltr"');
    const origin = "https://news.example.org";
    // Pages write links with their letters, not percent-encoded (src/render/iri-urls.ts).
    const ukLink = decodeURI(ukPath);
    expect(ukLink).toMatch(/\p{Script=Cyrillic}/u);
    for (const html of [en.html, uk.html]) {
      expect(html).toContain(`<link rel="alternate" hreflang="en" href="${origin}${enPath}"/>`);
      expect(html).toContain(`<link rel="alternate" hreflang="uk" href="${origin}${ukLink}"/>`);
      expect(html).toContain(
        `<link rel="alternate" hreflang="x-default" href="${origin}${enPath}"/>`,
      );
    }
    // The switcher names the other version in its own language, with lang and dir.
    expect(en.html).toContain(
      `<a href="${ukLink}" lang="uk" dir="ltr" hreflang="uk">Українська</a>`,
    );
    expect(uk.html).toContain(`<a href="${enPath}" lang="en" dir="ltr" hreflang="en">English</a>`);
    expect(uk.html).toContain('<span id="languages-label">Також доступно</span>');
  });

  it("flags the translation stale on a source update, with the diff since its revision", async () => {
    const { stories } = newsdesk.services;
    const { translations } = newsdesk.services;
    const source = await sourceContent();
    const added = "The mayor said the first new buses would arrive in March.";
    await stories.saveDraft(actor, sourceId, {
      baseRevisionId: source.revisionId,
      content: {
        ...source.content,
        body: [...source.content.body, { type: "paragraph", content: [{ text: added }] }],
      },
    });
    await stories.publish(actor, sourceId, { mode: "update", note: "Adds the bus timetable." });
    const link = await translations.link(translationId);
    expect(link.status).toBe("stale");
    expect(link.staleEvents.map((e) => [e.kind, e.note])).toEqual([
      ["updated", "Adds the bus timetable."],
    ]);
    const report = await translations.staleReport(actor, translationId);
    expect(report.diff).toEqual([{ op: "added", field: "body", text: added }]);
    expect(report.fromRevisionId).toBe(link.syncedRevisionId);
    expect(report.toRevisionId).not.toBe(report.fromRevisionId);
    expect((await translations.staleQueue(actor, "uk")).map((l) => l.storyId)).toEqual([
      translationId,
    ]);
  });

  it("adds a correction to the stale report, and ignores silent fixes", async () => {
    const { stories } = newsdesk.services;
    const { translations } = newsdesk.services;
    await stories.correct(actor, sourceId, { text: "The vote was 31 to 6, not 30 to 7." });
    const source = await sourceContent();
    await stories.saveDraft(actor, sourceId, {
      baseRevisionId: source.revisionId,
      content: { ...source.content, standfirst: `${source.content.standfirst} ` },
    });
    await stories.publish(actor, sourceId, { mode: "silent" });
    const report = await translations.staleReport(actor, translationId);
    expect(report.events.map((e) => e.kind)).toEqual(["updated", "corrected"]);
    expect(report.corrections.map((c) => c.text)).toEqual(["The vote was 31 to 6, not 30 to 7."]);
  });

  it("marks it up to date only against the source's latest revision", async () => {
    const { translations } = newsdesk.services;
    const report = await translations.staleReport(actor, translationId);
    expect(
      await codeOf(
        translations.markUpToDate(actor, translationId, {
          sourceRevisionId: report.fromRevisionId,
        }),
      ),
    ).toBe("REVISION_CONFLICT");
    const done = await translations.markUpToDate(actor, translationId, {
      sourceRevisionId: report.toRevisionId,
    });
    expect(done).toMatchObject({
      status: "current",
      syncedRevisionId: report.toRevisionId,
      reviewedRevisionId: report.toRevisionId,
      staleEvents: [],
    });
    expect(
      await codeOf(translations.waive(actor, translationId, { reason: "Nothing to do." })),
    ).toBe("TRANSLATION_NOT_STALE");
    expect(await translations.staleQueue(actor, "uk")).toEqual([]);
  });

  it("waives a later change with a reason, keeping the synced revision", async () => {
    const { stories } = newsdesk.services;
    const { translations } = newsdesk.services;
    const before = await translations.link(translationId);
    const source = await sourceContent();
    await stories.saveDraft(actor, sourceId, {
      baseRevisionId: source.revisionId,
      content: { ...source.content, dateline: "NORTH HAVEN, capital district" },
    });
    await stories.publish(actor, sourceId, { mode: "update" });
    const report = await translations.staleReport(actor, translationId);
    expect(report.diff).toEqual([
      { op: "removed", field: "dateline", text: "NORTH HAVEN" },
      { op: "added", field: "dateline", text: "NORTH HAVEN, capital district" },
    ]);
    expect(await codeOf(translations.waive(actor, translationId, { reason: "" }))).toBe(
      "VALIDATION_FAILED",
    );
    const waived = await translations.waive(actor, translationId, {
      reason: "The dateline is not translated in this service.",
    });
    expect(waived).toMatchObject({
      status: "waived",
      waiverReason: "The dateline is not translated in this service.",
      syncedRevisionId: before.syncedRevisionId,
      reviewedRevisionId: report.toRevisionId,
    });
    // The next change is measured from the waived revision, not the original one.
    const next = await sourceContent();
    await stories.saveDraft(actor, sourceId, {
      baseRevisionId: next.revisionId,
      content: { ...next.content, headline: "Capital's Transit Budget Doubles Again" },
    });
    await stories.publish(actor, sourceId, { mode: "update" });
    const again = await translations.staleReport(actor, translationId);
    expect(again.diff.map((d) => `${d.op} ${d.field}`)).toEqual([
      "removed headline",
      "added headline",
    ]);
  });

  it("drops a killed version from the other versions' switchers", async () => {
    const enPath = await storyPath(sourceId, "english");
    await newsdesk.services.stories.kill(actor, translationId, "Legal");
    const en = await page(enPath);
    // Neither the head's alternates nor the story's language switcher name it; the footer's
    // picker of every edition still links the Ukrainian home page.
    const head = /<head>(.*?)<\/head>/su.exec(en.html)?.[1] ?? "";
    const switcher = /<nav class="languages".*?<\/nav>/su.exec(en.html)?.[0] ?? "";
    expect(head).toContain("<title>");
    expect(head).not.toContain('hreflang="uk"');
    expect(switcher).not.toContain('hreflang="uk"');
    expect(switcher).not.toContain('lang="uk"');
  });
});
