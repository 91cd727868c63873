import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Newsdesk } from "../../src/main.js";
import { NewsroomClient } from "../support/newsroom-client.js";
import { dialects } from "../support/test-databases.js";
import { startTestNewsdesk } from "../support/test-newsdesk.js";

interface AlertView {
  id: string;
  entries: { serviceId: string; text: string | null }[];
  status: Record<string, string>;
}

describe.each(dialects)("one breaking alert for several services on %s", (dialect) => {
  let newsdesk: Newsdesk & { dispose(): Promise<void> };
  let editor: NewsroomClient;
  let translator: NewsroomClient;

  beforeAll(async () => {
    newsdesk = await startTestNewsdesk(dialect);
    editor = new NewsroomClient(newsdesk.app);
    translator = new NewsroomClient(newsdesk.app);
    await editor.login("editor@newsdesk.test", "demo-password-elif");
    await translator.login("translator@newsdesk.test", "demo-password-taraneh");
  });
  afterAll(async () => {
    await newsdesk?.dispose();
  });

  it("goes live where text exists, waits for translation elsewhere, and reports each status", async () => {
    const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
    // The demo has a Persian banner up; take it down so the page starts without one.
    await editor.request("DELETE", "/banners/fa");
    const { alert } = await editor.json<{ alert: { id: string } }>("POST", "/alerts", {
      expiresAt,
      url: "/english/",
      services: { en: "Earthquake strikes the coast", fa: null },
    });
    let [view] = await editor.json<AlertView[]>("GET", "/alerts");
    expect(view?.id).toBe(alert.id);
    expect(view?.status).toEqual({ en: "live", fa: "awaiting-translation" });
    expect(await (await newsdesk.app.request("/english/")).text()).toContain(
      "Earthquake strikes the coast",
    );
    expect(await (await newsdesk.app.request("/persian/")).text()).not.toContain(
      '<section class="breaking"',
    );

    // The Persian translator writes the Persian text; it waits for an editor of the service.
    await translator.json("PUT", `/alerts/${alert.id}/services/fa`, {
      text: "زلزله ساحل را لرزاند",
    });
    [view] = await editor.json<AlertView[]>("GET", "/alerts");
    expect(view?.status).toEqual({ en: "live", fa: "awaiting-approval" });
    expect(await (await newsdesk.app.request("/persian/")).text()).not.toContain(
      "زلزله ساحل را لرزاند",
    );
    // The translator cannot approve their own text, nor raise the bar directly.
    const selfApproval = await translator.request(
      "POST",
      `/alerts/${alert.id}/services/fa/approve`,
    );
    expect(selfApproval.status).toBe(403);
    const direct = await translator.request("PUT", "/banners/fa", {
      text: "Unapproved",
      url: null,
      expiresAt,
    });
    expect(direct.status).toBe(403);

    // An editor of the Persian service approves; the Persian bar goes live.
    await editor.json("POST", `/alerts/${alert.id}/services/fa/approve`);
    [view] = await editor.json<AlertView[]>("GET", "/alerts");
    expect(view?.status).toEqual({ en: "live", fa: "live" });
    expect(await (await newsdesk.app.request("/persian/")).text()).toContain(
      "زلزله ساحل را لرزاند",
    );

    // A newer banner in one service supersedes the alert there.
    await editor.json("PUT", "/banners/en", { text: "Another story", url: null, expiresAt });
    [view] = await editor.json<AlertView[]>("GET", "/alerts");
    expect(view?.status).toEqual({ en: "expired", fa: "live" });
  });

  it("checks roles per service", async () => {
    const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
    // The editor works in en and fa only.
    const denied = await editor.request("POST", "/alerts", {
      expiresAt,
      services: { en: "A", ru: "Б" },
    });
    expect(denied.status).toBe(403);
    const { alert } = await editor.json<{ alert: { id: string } }>("POST", "/alerts", {
      expiresAt,
      services: { en: "A", fa: null },
    });
    const reporter = new NewsroomClient(newsdesk.app);
    await reporter.login("reporter@newsdesk.test", "demo-password-rafael");
    expect(
      (await reporter.request("PUT", `/alerts/${alert.id}/services/fa`, { text: "متن" })).status,
    ).toBe(403);
    const invalid = await editor.request("POST", "/alerts", {
      expiresAt: "2000-01-01T00:00:00.000Z",
      services: { en: "Old" },
    });
    expect(await invalid.json()).toMatchObject({ code: "VALIDATION_FAILED" });
  });
});
