import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Newsdesk } from "../../src/main.js";
import { NewsroomClient } from "../support/newsroom-client.js";
import { dialects } from "../support/test-databases.js";
import { startTestNewsdesk } from "../support/test-newsdesk.js";

const onion = "http://duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczad.onion";

/** The newsroom API for mirrors (docs/newsroom-api.md, "Mirrors"): administrators only. */
describe.each(dialects)("mirror management on %s", (dialect) => {
  let newsdesk: Newsdesk & { dispose(): Promise<void> };
  let admin: NewsroomClient;
  let editor: NewsroomClient;

  beforeAll(async () => {
    newsdesk = await startTestNewsdesk(dialect);
    admin = new NewsroomClient(newsdesk.app);
    editor = new NewsroomClient(newsdesk.app);
    await admin.login("admin@newsdesk.test", "demo-password-ada");
    await editor.login("editor@newsdesk.test", "demo-password-elif");
  });
  afterAll(async () => {
    await newsdesk?.dispose();
  });

  const problem = async (response: Response) => ({
    status: response.status,
    type: response.headers.get("content-type")?.split(";")[0],
    code: ((await response.json()) as { code: string }).code,
  });

  it("adds, lists and removes a service's mirrors, normalized and audited", async () => {
    const added = await admin.request("POST", "/services/fa/mirrors", {
      kind: "https",
      url: "https://Fa.Mirror-One.net/",
      note: " ",
    });
    expect(added.status).toBe(201);
    const { mirror } = (await added.json()) as {
      mirror: { id: string; url: string; note: string };
    };
    expect(mirror).toMatchObject({ url: "https://fa.mirror-one.net", note: "", kind: "https" });
    const onionAdded = await admin.request("POST", "/services/fa/mirrors", {
      kind: "onion",
      url: onion,
      note: "Tor Browser only",
    });
    expect(onionAdded.status).toBe(201);
    const listed = await admin.json<{ mirrors: { url: string }[] }>("GET", "/services/fa/mirrors");
    expect(listed.mirrors.map((m) => m.url)).toEqual(["https://fa.mirror-one.net", onion]);
    expect(
      (await admin.json<{ mirrors: unknown[] }>("GET", "/services/en/mirrors")).mirrors,
    ).toEqual([]);
    // The reader page shows it straight away (its cached copy was dropped).
    expect(await (await newsdesk.app.request("/persian/mirrors")).text()).toContain(
      "https://fa.mirror-one.net",
    );
    expect((await admin.request("DELETE", `/services/fa/mirrors/${mirror.id}`)).status).toBe(204);
    expect(await (await newsdesk.app.request("/persian/mirrors")).text()).not.toContain(
      "https://fa.mirror-one.net",
    );
    const audit = await newsdesk.repositories.audit.search({ limit: 50, offset: 0 });
    const mirrorEntries = audit.entries.filter((e) => e.action.startsWith("mirror."));
    expect(mirrorEntries.map((e) => [e.action, e.serviceId, e.details.url]).sort()).toEqual([
      ["mirror.add", "fa", onion],
      ["mirror.add", "fa", "https://fa.mirror-one.net"],
      ["mirror.remove", "fa", "https://fa.mirror-one.net"],
    ]);
  });

  it.each([
    ["https", "http://news.example.net", "MIRROR_URL_INVALID"],
    ["https", "https://10.0.0.1", "MIRROR_URL_INVALID"],
    ["https", "https://localhost/x", "MIRROR_URL_INVALID"],
    ["static", "https://bucket.internal/fa", "MIRROR_URL_INVALID"],
    [
      "onion",
      "http://abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrstuvwx.onion",
      "MIRROR_URL_INVALID",
    ],
    ["onion", "https://news.example.net", "MIRROR_URL_INVALID"],
    ["ftp", "https://news.example.net", "VALIDATION_FAILED"],
    ["https", "", "VALIDATION_FAILED"],
    ["https", `https://news.example.net/${"a".repeat(300)}`, "VALIDATION_FAILED"],
  ])("refuses a %s mirror at %s with %s", async (kind, url, code) => {
    const response = await admin.request("POST", "/services/fa/mirrors", { kind, url, note: "" });
    expect(await problem(response)).toEqual({
      status: code === "VALIDATION_FAILED" ? 400 : 422,
      type: "application/problem+json",
      code,
    });
  });

  it("lists an address once across services, and says which mirror is missing", async () => {
    const body = { kind: "https", url: "https://shared.example.net", note: "" };
    expect((await admin.request("POST", "/services/en/mirrors", body)).status).toBe(201);
    expect(await problem(await admin.request("POST", "/services/ar/mirrors", body))).toMatchObject({
      status: 409,
      code: "MIRROR_EXISTS",
    });
    expect(
      await problem(await admin.request("DELETE", "/services/ar/mirrors/nosuchmirror")),
    ).toMatchObject({ status: 404, code: "MIRROR_NOT_FOUND" });
  });

  it("refuses everyone but administrators, even editors of the service", async () => {
    expect(await problem(await editor.request("GET", "/services/fa/mirrors"))).toMatchObject({
      status: 403,
      code: "FORBIDDEN",
    });
    const add = await editor.request("POST", "/services/fa/mirrors", {
      kind: "https",
      url: "https://editor.example.net",
      note: "",
    });
    expect(await problem(add)).toMatchObject({ status: 403, code: "FORBIDDEN" });
    const anonymous = new NewsroomClient(newsdesk.app);
    expect((await anonymous.request("GET", "/services/fa/mirrors")).status).toBe(401);
  });
});
