import { isDeepStrictEqual } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bodyPlainText } from "../../src/domain/stories/story-body-schema.js";
import { mergeStories, resolveAll } from "../../src/domain/stories/story-merge.js";
import type { StoryContent } from "../../src/domain/stories/story-schema.js";
import type { Newsdesk } from "../../src/main.js";
import { NewsroomClient } from "../support/newsroom-client.js";
import { movableClock } from "../support/test-clock.js";
import { dialects } from "../support/test-databases.js";
import { startTestNewsdesk } from "../support/test-newsdesk.js";

/**
 * "Conflicts lose nothing" (ADR 0013), proved over the HTTP API on both dialects: two or three
 * editors change the same story, some changes overlapping and some not, and save in every
 * order. Each editor's client does what the conflict view does: merge three ways against the
 * base the 409 names, settle the true conflicts (all "mine" or all "theirs"), and save on top
 * of the current revision, again and again until the save lands.
 */

const paragraph = (text: string) => ({ type: "paragraph" as const, content: [{ text }] });

const base: StoryContent = {
  headline: "Base headline",
  standfirst: "Base standfirst.",
  dateline: "NORTH HAVEN",
  slug: "conflict-permutations",
  section: "world",
  topics: ["diplomacy"],
  leadFigure: null,
  body: ["P0.", "P1.", "P2.", "P3.", "P4.", "P5."].map(paragraph),
  bylines: [{ kind: "desk", deskId: "meridian-news" }],
  agencies: ["AFP"],
};

interface Edit {
  readonly content: StoryContent;
  /** Everything this editor typed. */
  readonly typed: readonly string[];
  /** The changes nobody else touched: every one must be in the final story. */
  readonly own: (final: StoryContent) => void;
}

/** Editor k rewrites paragraph k alone, and the headline and last paragraph like everyone. */
function edit(k: number): Edit {
  const mineOnly = `P${k} rewritten by editor ${k}.`;
  const headline = `Headline by editor ${k}`;
  const last = `Last paragraph by editor ${k}.`;
  const added = `Added at the end by editor ${k}.`;
  const body = base.body.map((block, index) =>
    index === k ? paragraph(mineOnly) : index === 5 ? paragraph(last) : block,
  );
  const topics = [["climate"], ["humanitarian-aid"], []][k] ?? [];
  const agencies = [["REUTERS"], ["AP"], []][k] ?? [];
  const dateline = k === 2 ? "DATELINE BY EDITOR 2" : base.dateline;
  // Search fields: editor 0 writes the description, editor 1 the title, editor 2 none.
  const seoText = [`Description by editor ${k}`, `Search title by editor ${k}`][k];
  const seo =
    k === 2
      ? {}
      : {
          seo: {
            title: k === 1 ? (seoText ?? "") : "",
            description: k === 0 ? (seoText ?? "") : "",
            socialTitle: "",
            socialDescription: "",
            socialImageId: null,
          },
        };
  return {
    content: {
      ...base,
      ...seo,
      headline,
      dateline,
      body: [...body, paragraph(added)],
      topics: [...base.topics, ...topics],
      agencies: [...base.agencies, ...agencies],
    },
    typed: [mineOnly, headline, last, added, ...(k === 2 ? [dateline] : [seoText ?? ""])],
    own: (final) => {
      if (k === 0) expect(final.seo?.description).toBe(seoText);
      if (k === 1) expect(final.seo?.title).toBe(seoText);
      expect(bodyPlainText(final.body)).toContain(mineOnly);
      for (const topic of topics) expect(final.topics).toContain(topic);
      for (const code of agencies) expect(final.agencies).toContain(code);
      if (k === 2) expect(final.dateline).toBe(dateline);
    },
  };
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, index) =>
    permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [
      item,
      ...rest,
    ]),
  );
}

/** Which editor takes the next step: "all first" (everyone saves, then everyone resolves in
 * `then` order) or "each in turn" (each editor saves and resolves before the next starts). */
type Schedule =
  | { readonly kind: "all-first"; readonly first: number[]; readonly then: number[] }
  | { readonly kind: "each-in-turn"; readonly order: number[] };

function schedules(editors: number): Schedule[] {
  const ids = Array.from({ length: editors }, (_, i) => i);
  return permutations(ids).flatMap((first): Schedule[] => [
    ...permutations(first.slice(1)).map((then) => ({ kind: "all-first" as const, first, then })),
    ...(editors > 2 ? [{ kind: "each-in-turn" as const, order: first }] : []),
  ]);
}

function describeSchedule(s: Schedule): string {
  return s.kind === "all-first"
    ? `all save in order ${s.first.join("")}, then resolve ${s.then.join("")}`
    : `each saves and resolves in turn ${s.order.join("")}`;
}

interface Problem {
  readonly currentRevision: { id: string; content: StoryContent };
  readonly baseRevision: { id: string; content: StoryContent } | null;
  readonly notMergedRevision: { id: string; number: number };
  readonly yourContent: StoryContent;
}

describe.each(dialects)("conflicts lose nothing on %s", (dialect) => {
  let newsdesk: Newsdesk & { dispose(): Promise<void> };
  /** Three editors: the admin, the editor, and the editor again in a second tab. */
  const clients: NewsroomClient[] = [];

  beforeAll(async () => {
    newsdesk = await startTestNewsdesk(dialect, { clock: movableClock() });
    const logins: [string, string][] = [
      ["admin@newsdesk.test", "demo-password-ada"],
      ["editor@newsdesk.test", "demo-password-elif"],
      ["editor@newsdesk.test", "demo-password-elif"],
    ];
    for (const [email, password] of logins) {
      const client = new NewsroomClient(newsdesk.app);
      expect((await client.login(email, password)).status).toBe(200);
      clients.push(client);
    }
  });
  afterAll(async () => {
    await newsdesk?.dispose();
  });

  async function run(editors: number, schedule: Schedule, policy: "mine" | "theirs") {
    const owner = clients[0] as NewsroomClient;
    const created = await owner.json<{ story: { id: string }; revision: { id: string } }>(
      "POST",
      "/stories",
      { serviceId: "en", content: base },
    );
    const storyId = created.story.id;
    const edits = Array.from({ length: editors }, (_, k) => edit(k));
    const state = edits.map((e) => ({
      base: created.revision.id,
      content: e.content,
      done: false,
    }));
    const sent: StoryContent[] = [];
    let refusals = 0;

    const step = async (k: number) => {
      const editor = state[k];
      if (!editor || editor.done) return;
      sent.push(editor.content);
      const response = await (clients[k] as NewsroomClient).request(
        "PUT",
        `/stories/${storyId}/draft`,
        { baseRevisionId: editor.base, content: editor.content },
      );
      if (response.status === 200) {
        editor.done = true;
        return;
      }
      expect(response.status).toBe(409);
      refusals += 1;
      const problem = (await response.json()) as Problem;
      expect(problem.yourContent).toEqual(editor.content);
      expect(problem.baseRevision?.id).toBe(editor.base);
      const merge = mergeStories(
        problem.baseRevision?.content ?? base,
        problem.yourContent,
        problem.currentRevision.content,
      );
      editor.content = resolveAll(merge, policy);
      editor.base = problem.currentRevision.id;
    };

    if (schedule.kind === "all-first") {
      for (const k of schedule.first) await step(k);
      for (let round = 0; round < editors + 1 && state.some((s) => !s.done); round += 1) {
        for (const k of schedule.then) await step(k);
      }
    } else {
      for (const k of schedule.order) {
        for (let tries = 0; tries < editors + 1 && !state[k]?.done; tries += 1) await step(k);
      }
    }
    expect(state.every((s) => s.done)).toBe(true);

    const revisions = await owner.json<{ id: string; kind: string; number: number }[]>(
      "GET",
      `/stories/${storyId}/revisions`,
    );
    const contents = await Promise.all(
      revisions.map(async (r) => ({
        kind: r.kind,
        content: (
          await owner.json<{ revision: { content: StoryContent; kind: string } }>(
            "GET",
            `/stories/${storyId}/revisions/${r.id}`,
          )
        ).revision.content,
      })),
    );
    const final = (
      await owner.json<{ revision: { content: StoryContent } }>("GET", `/stories/${storyId}`)
    ).revision.content;
    const textOf = (c: StoryContent) =>
      [
        c.headline,
        c.standfirst,
        c.dateline,
        c.seo?.title ?? "",
        c.seo?.description ?? "",
        bodyPlainText(c.body),
      ].join("\n");
    const notMerged = contents.filter((c) => c.kind === "not_merged");

    // Every refused save is a not-merged revision, and every content sent is in the history.
    expect(refusals).toBeGreaterThanOrEqual(editors - 1);
    expect(notMerged).toHaveLength(refusals);
    for (const content of sent) {
      expect(contents.some((c) => isDeepStrictEqual(c.content, content))).toBe(true);
    }
    // Every text typed is in the final story or in a not-merged revision. Choosing "mine"
    // replaces what an earlier editor saved: that text stays in its saved revision.
    const kept = [final, ...notMerged.map((c) => c.content)]
      .concat(policy === "mine" ? contents.map((c) => c.content) : [])
      .map(textOf)
      .join("\n");
    for (const e of edits) for (const text of e.typed) expect(kept).toContain(text);
    // Changes nobody else touched were merged without asking, whatever the order.
    for (const e of edits) e.own(final);
    // The head is a saved revision; not-merged ones never became current.
    const head = revisions.reduce((a, b) => (a.number > b.number ? a : b));
    expect(revisions.find((r) => r.kind === "saved" && r.number === head.number)).toBeDefined();
  }

  for (const editors of [2, 3]) {
    for (const policy of ["theirs", "mine"] as const) {
      it(`${editors} editors, true conflicts settled as "${policy}": every order of saves`, async () => {
        for (const schedule of schedules(editors)) {
          await run(editors, schedule, policy).catch((failure: unknown) => {
            throw new Error(`${describeSchedule(schedule)}: ${String(failure)}`, {
              cause: failure,
            });
          });
        }
      });
    }
  }

  it("keeps the refused version only for someone who could have saved it", async () => {
    const [admin, editor] = clients as [NewsroomClient, NewsroomClient];
    const created = await editor.json<{ story: { id: string }; revision: { id: string } }>(
      "POST",
      "/stories",
      { serviceId: "en", content: base },
    );
    const id = created.story.id;
    await editor.json("PUT", `/stories/${id}/draft`, {
      baseRevisionId: created.revision.id,
      content: { ...base, headline: "Saved first" },
    });
    const reporter = new NewsroomClient(newsdesk.app);
    await reporter.login("reporter@newsdesk.test", "demo-password-rafael");
    const translator = new NewsroomClient(newsdesk.app);
    await translator.login("translator@newsdesk.test", "demo-password-taraneh");
    for (const client of [reporter, translator]) {
      const refused = await client.request("PUT", `/stories/${id}/draft`, {
        baseRevisionId: created.revision.id,
        content: { ...base, headline: "Not allowed" },
      });
      expect(refused.status).toBe(403);
    }
    expect(await admin.json<unknown[]>("GET", `/stories/${id}/revisions`)).toHaveLength(2);

    // An autosave retrying the same refused content adds one not-merged revision, not two.
    const stale = { baseRevisionId: created.revision.id, content: { ...base, headline: "Mine" } };
    const first = (await (
      await admin.request("PUT", `/stories/${id}/draft`, stale)
    ).json()) as Problem;
    const again = (await (
      await admin.request("PUT", `/stories/${id}/draft`, stale)
    ).json()) as Problem;
    expect(again.notMergedRevision).toEqual(first.notMergedRevision);
    const history = await admin.json<{ id: string; number: number; kind: string }[]>(
      "GET",
      `/stories/${id}/revisions`,
    );
    expect(history.map((r) => [r.number, r.kind])).toEqual([
      [3, "not_merged"],
      [2, "saved"],
      [1, "saved"],
    ]);
    // It opens like any revision: as readers would see it, in the preview.
    const preview = await admin.request(
      "GET",
      `/stories/${id}/preview?revision=${first.notMergedRevision.id}`,
    );
    expect(preview.status).toBe(200);
    const html = await preview.text();
    expect(html).toContain("Mine");
    expect(html).not.toContain("Saved first");
    // The head did not move, and the next save takes the next number after the kept one.
    const detail = await admin.json<{ story: { currentRevisionNumber: number } }>(
      "GET",
      `/stories/${id}`,
    );
    expect(detail.story.currentRevisionNumber).toBe(2);
    const saved = await admin.json<{ revision: { number: number; kind: string } }>(
      "PUT",
      `/stories/${id}/draft`,
      { baseRevisionId: history[1]?.id, content: { ...base, headline: "Merged" } },
    );
    expect(saved.revision).toMatchObject({ number: 4, kind: "saved" });
    // A revision of another story is not found through this one.
    const other = await admin.json<{ revision: { id: string } }>("POST", "/stories", {
      serviceId: "en",
      content: base,
    });
    const foreign = await admin.request("GET", `/stories/${id}/revisions/${other.revision.id}`);
    expect(foreign.status).toBe(404);
  });
});
