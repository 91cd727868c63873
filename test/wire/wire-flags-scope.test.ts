import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Actor, userActor } from "../../src/domain/actor.js";
import { isNewsdeskError } from "../../src/domain/error-catalogue.js";
import type { WireSource } from "../../src/domain/wire/wire-source-schema.js";
import { NewsroomRouter } from "../../src/http/newsroom/newsroom-router.js";
import { wireRoutes } from "../../src/http/newsroom/wire-routes.js";
import { problemResponse } from "../../src/http/problem-json.js";
import { dialects } from "../support/test-databases.js";
import { ninjsBytes, openWireHarness, type WireHarness } from "./wire-test-support.js";

/**
 * The dashboard's withdrawn-copy list (GET /wire/flags) names stories: a reporter who works
 * only for the Russian service must not see English stories there, even published ones,
 * and each entry carries the story's headline and service so nobody reads bare ids.
 */
describe.each(dialects)("the withdrawn-copy list's scope on %s", (dialect) => {
  let h: WireHarness;
  let app: Hono;
  let source: WireSource;
  let caller: Actor;
  const russianReporter = userActor("ru-reporter", [{ serviceId: "ru", role: "reporter" }]);
  const englishReporter = userActor("en-reporter", [{ serviceId: "en", role: "reporter" }]);

  beforeAll(async () => {
    h = await openWireHarness(dialect);
    caller = h.editor;
    app = new Hono();
    const router = new NewsroomRouter({
      publicUrl: "https://news.example.org",
      authenticate: async () => ({
        actor: caller,
        credential: {
          kind: "session",
          token: "session-token",
          session: {
            user: {
              id: "caller",
              email: "caller@example.org",
              displayName: "Caller",
              isAdmin: false,
              createdAt: "2026-01-01T00:00:00.000Z",
              disabledAt: null,
              personId: null,
            },
            grants: [],
            csrfToken: "csrf",
            actor: caller,
          },
        },
      }),
    });
    wireRoutes(router, {
      queue: h.queue,
      stories: h.wireStories,
      flags: h.flags,
      sources: h.sources,
    });
    app.route("/newsroom/api", router.app);
    app.onError((error, c) =>
      isNewsdeskError(error) && error.status < 500
        ? problemResponse(c, error.code, error.message)
        : problemResponse(c, "INTERNAL"),
    );
    ({ source } = await h.sources.add(h.actor, {
      kind: "push",
      name: "Scope Agency push",
      agencyCode: "SCOPEAG",
      agencyName: "Scope Agency",
      serviceId: "en",
      subjectSections: {},
    }));
  });
  afterAll(async () => {
    await h.close();
  });

  async function flagsAs(actor: Actor) {
    caller = actor;
    const response = await app.request("/newsroom/api/wire/flags");
    expect(response.status).toBe(200);
    return ((await response.json()) as { flags: Record<string, unknown>[] }).flags;
  }

  it("lists only stories of services the caller works in, with headline and service", async () => {
    h.clock.advance(1000);
    await h.ingest.ingest(source, {
      bytes: ninjsBytes({ uri: "urn:scope:1", headline: "Dam breaks upstream" }),
      filename: "one.json",
      contentType: "application/json",
    });
    const [entry] = (await h.queue.listQueue(h.editor, { q: "dam breaks" })).items;
    if (!entry) throw new Error("item missing");
    const used = await h.wireStories.useInNewStory(h.editor, entry.id, {});
    // Published copy is readable by anyone with a role anywhere; the list must still be scoped.
    await h.stories.publish(h.editor, used.story.id, { mode: "first" });
    h.clock.advance(1000);
    await h.ingest.ingest(source, {
      bytes: ninjsBytes({
        uri: "urn:scope:1",
        version: "2",
        versioncreated: "2031-05-01T11:00:00Z",
        pubstatus: "canceled",
        headline: "KILL: Dam breaks upstream",
      }),
      filename: "two.json",
      contentType: "application/json",
    });

    expect(await flagsAs(russianReporter)).toEqual([]);
    const english = await flagsAs(englishReporter);
    expect(english).toHaveLength(1);
    expect(english[0]).toMatchObject({
      storyId: used.story.id,
      serviceId: "en",
      headline: "Dam breaks upstream",
    });
  });
});
