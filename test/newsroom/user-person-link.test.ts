import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Newsdesk } from "../../src/main.js";
import { NewsroomClient } from "../support/newsroom-client.js";
import { dialects } from "../support/test-databases.js";
import { startTestNewsdesk } from "../support/test-newsdesk.js";

type Entry = { user: { id: string; email: string; personId: string | null }; person: unknown };

/**
 * A user account linked to a person of the catalogue, so the signed-in reporter can byline
 * themselves: administrators (and service admins, for people of their services) set the
 * link; the session carries it; the story API takes it like any byline.
 */
describe.each(dialects)("linking a user to a person on %s", (dialect) => {
  let newsdesk: Newsdesk & { dispose(): Promise<void> };
  let admin: NewsroomClient;
  let reporter: NewsroomClient;
  let reporterId: string;

  beforeAll(async () => {
    newsdesk = await startTestNewsdesk(dialect);
    admin = new NewsroomClient(newsdesk.app);
    reporter = new NewsroomClient(newsdesk.app);
    await admin.login("admin@newsdesk.test", "demo-password-ada");
    await reporter.login("reporter@newsdesk.test", "demo-password-rafael");
    const users = await admin.json<Entry[]>("GET", "/users");
    reporterId = users.find((e) => e.user.email === "reporter@newsdesk.test")?.user.id ?? "";
  });
  afterAll(async () => {
    await newsdesk?.dispose();
  });

  it("starts unlinked, and an administrator links and unlinks a person", async () => {
    expect((await reporter.json<Entry>("GET", "/session")).user.personId).toBeNull();
    const linked = await admin.json<Entry>("PUT", `/users/${reporterId}/person`, {
      personId: "tomas-reyes",
    });
    expect(linked.user.personId).toBe("tomas-reyes");
    expect(linked.person).toEqual({ id: "tomas-reyes", serviceId: "en", name: "Tomás Reyes" });
    const listed = await admin.json<Entry[]>("GET", "/users");
    expect(listed.find((e) => e.user.id === reporterId)?.person).toMatchObject({
      name: "Tomás Reyes",
    });
    expect((await reporter.json<Entry>("GET", "/session")).user.personId).toBe("tomas-reyes");

    // The reporter bylines themselves through the story API like any byline.
    const created = await reporter.json<{ revision: { content: { bylines: unknown[] } } }>(
      "POST",
      "/stories",
      {
        serviceId: "en",
        content: {
          headline: "Market reopens",
          standfirst: "",
          dateline: "",
          slug: "market-reopens",
          section: "world",
          topics: [],
          leadFigure: null,
          body: [{ type: "paragraph", content: [{ text: "Stalls reopened." }] }],
          bylines: [{ kind: "person", personId: "tomas-reyes", role: "author" }],
          agencies: [],
        },
      },
    );
    expect(created.revision.content.bylines).toEqual([
      { kind: "person", personId: "tomas-reyes", role: "author" },
    ]);

    const unlinked = await admin.json<Entry>("PUT", `/users/${reporterId}/person`, {
      personId: null,
    });
    expect(unlinked.user.personId).toBeNull();
    expect(unlinked.person).toBeNull();
  });

  it("refuses an unknown person, a person outside a service admin's services, and non-admins", async () => {
    const unknown = await admin.request("PUT", `/users/${reporterId}/person`, {
      personId: "nobody-at-all",
    });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { code: string }).code).toBe("PERSON_NOT_FOUND");

    // A service admin of English links English people only.
    await admin.json("POST", "/users", {
      email: "en-admin@newsdesk.test",
      displayName: "English Admin",
      password: "a long enough passphrase 42",
      grants: [{ serviceId: "en", role: "service_admin" }],
    });
    const serviceAdmin = new NewsroomClient(newsdesk.app);
    await serviceAdmin.login("en-admin@newsdesk.test", "a long enough passphrase 42");
    expect(
      (
        await serviceAdmin.request("PUT", `/users/${reporterId}/person`, {
          personId: "nasrin-ahmadi",
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await serviceAdmin.request("PUT", `/users/${reporterId}/person`, {
          personId: "lena-okafor",
        })
      ).status,
    ).toBe(200);
    expect(
      (await reporter.request("PUT", `/users/${reporterId}/person`, { personId: "hana-sato" }))
        .status,
    ).toBe(403);
    const tooLong = await admin.request("PUT", `/users/${reporterId}/person`, {
      personId: "x".repeat(65),
    });
    expect(tooLong.status).toBe(400);
  });
});
