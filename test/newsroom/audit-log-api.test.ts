import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Newsdesk } from "../../src/main.js";
import { NewsroomClient } from "../support/newsroom-client.js";
import { dialects } from "../support/test-databases.js";
import { startTestNewsdesk } from "../support/test-newsdesk.js";

interface Page {
  entries: {
    action: string;
    actorId: string | null;
    actorName: string | null;
    serviceId: string | null;
    at: string;
  }[];
  total: number;
  page: number;
  pageSize: number;
}

const story = (headline: string) => ({
  headline,
  standfirst: "",
  dateline: "",
  slug: "audit-story",
  section: "world",
  topics: [],
  leadFigure: null,
  body: [{ type: "paragraph", content: [{ text: "Text." }] }],
  bylines: [],
  agencies: [],
});

/**
 * The audit-log screen's route: filters by user, action, service and time, pages of a
 * bounded size, and a scope decided in the domain (administrators everything, service admins
 * their services, everyone else nothing).
 */
describe.each(dialects)("the audit-log list on %s", (dialect) => {
  let newsdesk: Newsdesk & { dispose(): Promise<void> };
  let admin: NewsroomClient;
  let editor: NewsroomClient;
  let serviceAdmin: NewsroomClient;
  let editorId: string;

  beforeAll(async () => {
    newsdesk = await startTestNewsdesk(dialect);
    admin = new NewsroomClient(newsdesk.app);
    editor = new NewsroomClient(newsdesk.app);
    serviceAdmin = new NewsroomClient(newsdesk.app);
    await admin.login("admin@newsdesk.test", "demo-password-ada");
    await editor.login("editor@newsdesk.test", "demo-password-elif");
    editorId = (await editor.json<{ user: { id: string } }>("GET", "/session")).user.id;
    await admin.json("POST", "/users", {
      email: "fa-admin@newsdesk.test",
      displayName: "Farah Admin",
      password: "a long enough passphrase 42",
      grants: [{ serviceId: "fa", role: "service_admin" }],
    });
    await serviceAdmin.login("fa-admin@newsdesk.test", "a long enough passphrase 42");
    await editor.json("POST", "/stories", { serviceId: "en", content: story("One") });
    await editor.json("POST", "/stories", { serviceId: "en", content: story("Two") });
    await editor.json("POST", "/stories", { serviceId: "fa", content: story("سه") });
  });
  afterAll(async () => {
    await newsdesk?.dispose();
  });

  const list = (client: NewsroomClient, query: Record<string, string>) =>
    client.json<Page>("GET", `/audit/entries?${new URLSearchParams(query)}`);

  it("filters by user and action, with people's names, newest first", async () => {
    const created = await list(admin, { userId: editorId, action: "story.created" });
    expect(created.total).toBe(3);
    expect(created.entries.map((e) => [e.action, e.actorName])).toEqual([
      ["story.created", "Elif Editor"],
      ["story.created", "Elif Editor"],
      ["story.created", "Elif Editor"],
    ]);
    const times = created.entries.map((e) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
    const logins = await list(admin, { action: "session.login" });
    expect(logins.entries.map((e) => e.actorName)).toEqual(
      expect.arrayContaining(["Ada Admin", "Elif Editor", "Farah Admin"]),
    );
  });

  it("filters by service and period, and pages with a total", async () => {
    const persian = await list(admin, { serviceId: "fa", action: "story.created" });
    expect(persian.total).toBe(1);
    expect(persian.entries[0]?.serviceId).toBe("fa");
    const future = await list(admin, { from: "2999-01-01T00:00:00Z" });
    expect(future).toMatchObject({ entries: [], total: 0 });
    const everything = await list(admin, { from: "2000-01-01T00:00:00+03:30" });
    const first = await list(admin, { pageSize: "2", page: "1" });
    const second = await list(admin, { pageSize: "2", page: "2" });
    expect(first.total).toBe(everything.total);
    expect(first.entries).toHaveLength(2);
    expect(second.page).toBe(2);
    expect(second.entries[0]).toEqual(everything.entries[2]);
    const past = await list(admin, { to: "2000-01-01T00:00:00Z" });
    expect(past.total).toBe(0);
  });

  it("bounds the page size and refuses a reversed period", async () => {
    const tooBig = await admin.request("GET", "/audit/entries?pageSize=101");
    expect(tooBig.status).toBe(400);
    const reversed = await admin.request(
      "GET",
      "/audit/entries?from=2030-01-02T00:00:00Z&to=2030-01-01T00:00:00Z",
    );
    expect(reversed.status).toBe(400);
    const unknownAction = await admin.request("GET", "/audit/entries?action=story.deleted");
    expect(unknownAction.status).toBe(400);
  });

  it("shows a service admin only their services, and refuses other services", async () => {
    const own = await list(serviceAdmin, {});
    expect(own.total).toBeGreaterThan(0);
    expect(new Set(own.entries.map((e) => e.serviceId))).toEqual(new Set(["fa"]));
    const other = await serviceAdmin.request("GET", "/audit/entries?serviceId=en");
    expect(other.status).toBe(403);
    // Editors and reporters do not browse the audit log.
    expect((await editor.request("GET", "/audit/entries")).status).toBe(403);
  });
});
