import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Newsdesk } from "../../src/main.js";
import { NewsroomClient } from "../support/newsroom-client.js";
import { dialects } from "../support/test-databases.js";
import { startTestNewsdesk } from "../support/test-newsdesk.js";

interface Results {
  total: number;
  hits: { summary: { serviceId: string; headline: string } }[];
}

describe.each(dialects)("newsroom search across services on %s", (dialect) => {
  let newsdesk: Newsdesk & { dispose(): Promise<void> };

  beforeAll(async () => {
    newsdesk = await startTestNewsdesk(dialect);
  });
  afterAll(async () => {
    await newsdesk?.dispose();
  });

  it("finds stories in every service the user works in, and only those", async () => {
    const editor = new NewsroomClient(newsdesk.app);
    await editor.login("editor@newsdesk.test", "demo-password-elif");
    // The editor works in English and Persian: "Kessara" appears in both demo stories.
    const english = await editor.json<Results>("GET", "/search?q=Kessara");
    expect(new Set(english.hits.map((h) => h.summary.serviceId))).toEqual(new Set(["en"]));
    const persian = await editor.json<Results>("GET", `/search?q=${encodeURIComponent("كسارا")}`);
    expect(persian.hits.map((h) => h.summary.serviceId)).toContain("fa");
    const admin = new NewsroomClient(newsdesk.app);
    await admin.login("admin@newsdesk.test", "demo-password-ada");
    const chinese = await admin.json<Results>("GET", `/search?q=${encodeURIComponent("车队")}`);
    expect(chinese.hits.map((h) => h.summary.serviceId)).toContain("zh-Hans");
    // A Russian-only query finds nothing for the editor, who has no Russian role.
    const russian = await editor.json<Results>("GET", `/search?q=${encodeURIComponent("конвои")}`);
    expect(russian.total).toBe(0);
    const bad = await editor.request("GET", "/search?q=");
    expect(await bad.json()).toMatchObject({ code: "VALIDATION_FAILED" });
  });
});
