import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { services } from "../../src/domain/services/service-registry.js";
import type { Newsdesk } from "../../src/main.js";
import { storyUrl } from "../../src/render/reader-urls.js";
import { NewsroomClient } from "../support/newsroom-client.js";
import { dialects } from "../support/test-databases.js";
import { startTestNewsdesk } from "../support/test-newsdesk.js";

type Json = Record<string, unknown>;

const story = (seo?: Json) => ({
  headline: "Ferry service resumes after the storm",
  standfirst: "Boats cross the strait again.",
  dateline: "",
  slug: "ferry-service-resumes",
  section: "world",
  topics: [],
  leadFigure: null,
  body: [{ type: "paragraph", content: [{ text: "The ferry sailed at dawn." }] }],
  bylines: [{ kind: "desk", deskId: "meridian-news" }],
  agencies: [],
  ...(seo ? { seo } : {}),
});

describe.each(dialects)(
  "writing settings and SEO fields through the newsroom API on %s",
  (dialect) => {
    let newsdesk: Newsdesk & { dispose(): Promise<void> };
    let admin: NewsroomClient;
    let editor: NewsroomClient;
    let reporter: NewsroomClient;
    let serviceAdmin: NewsroomClient;

    beforeAll(async () => {
      newsdesk = await startTestNewsdesk(dialect);
      admin = new NewsroomClient(newsdesk.app);
      editor = new NewsroomClient(newsdesk.app);
      reporter = new NewsroomClient(newsdesk.app);
      serviceAdmin = new NewsroomClient(newsdesk.app);
      await admin.login("admin@newsdesk.test", "demo-password-ada");
      await editor.login("editor@newsdesk.test", "demo-password-elif");
      await reporter.login("reporter@newsdesk.test", "demo-password-rafael");
      await admin.json("POST", "/users", {
        email: "english-admin@newsdesk.test",
        displayName: "English service admin",
        password: "harbour lights over the estuary",
        grants: [{ serviceId: "en", role: "service_admin" }],
      });
      await serviceAdmin.login("english-admin@newsdesk.test", "harbour lights over the estuary");
    });
    afterAll(async () => {
      await newsdesk?.dispose();
    });

    it("gives every service defaults for its script until a service admin changes them", async () => {
      const english = await reporter.json<Json>("GET", "/services/en/writing-settings");
      expect(english).toMatchObject({ serviceId: "en", isDefault: true, updatedAt: null });
      expect(english.settings).toMatchObject({ headline: { ideal: 70, max: 110 }, houseStyle: [] });
      const persian = await editor.json<Json>("GET", "/services/fa/writing-settings");
      expect(persian).toMatchObject({ serviceId: "fa", isDefault: true });
      // The English reporter has no role in Persian.
      const refused = await reporter.request("GET", "/services/fa/writing-settings");
      expect(refused.status).toBe(403);
    });

    it("lets only the service's admin change them, validated and audited", async () => {
      const current = await reporter.json<{ settings: Json }>(
        "GET",
        "/services/en/writing-settings",
      );
      const changed = {
        ...current.settings,
        headline: { ideal: 65, max: 100 },
        houseStyle: [{ avoid: "blast", prefer: "explosion", note: "Style guide 4.2" }],
      };
      expect((await editor.request("PUT", "/services/en/writing-settings", changed)).status).toBe(
        403,
      );
      expect((await reporter.request("PUT", "/services/en/writing-settings", changed)).status).toBe(
        403,
      );
      expect(
        (await serviceAdmin.request("PUT", "/services/fa/writing-settings", changed)).status,
      ).toBe(403);
      const invalid = await serviceAdmin.request("PUT", "/services/en/writing-settings", {
        ...changed,
        headline: { ideal: 120, max: 100 },
      });
      expect(invalid.status).toBe(400);
      expect(((await invalid.json()) as Json).code).toBe("VALIDATION_FAILED");

      const saved = await serviceAdmin.json<Json>("PUT", "/services/en/writing-settings", changed);
      expect(saved).toMatchObject({ isDefault: false, settings: { headline: { ideal: 65 } } });
      const read = await reporter.json<Json>("GET", "/services/en/writing-settings");
      expect(read).toMatchObject({
        isDefault: false,
        settings: { houseStyle: [{ avoid: "blast", prefer: "explosion" }] },
      });
      // Persian keeps its own defaults.
      expect(await editor.json<Json>("GET", "/services/fa/writing-settings")).toMatchObject({
        isDefault: true,
      });
      const audit = await newsdesk.repositories.audit.list({ serviceId: "en", limit: 20 });
      expect(audit.map((e) => e.action)).toContain("settings.writing.updated");
    });

    it("keeps SEO and social fields with the story and shows them to search engines and networks", async () => {
      const seo = {
        title: "Ferries sail again across the strait",
        description: "Services resumed at dawn after three days of storms.",
        socialTitle: "The ferries are back",
        socialDescription: "",
        socialImageId: null,
      };
      const { story: created } = await editor.json<{ story: { id: string } }>("POST", "/stories", {
        serviceId: "en",
        content: story(seo),
      });
      const loaded = await editor.json<{ revision: { content: Json }; readerUrl: string }>(
        "GET",
        `/stories/${created.id}`,
      );
      expect(loaded.revision.content.seo).toEqual(seo);
      await editor.json("POST", `/stories/${created.id}/publish`, { mode: "first" });
      const path = storyUrl(services.en, {
        id: created.id,
        slug: "ferry-service-resumes",
        section: "world",
      });
      const html = await (await newsdesk.app.request(path)).text();
      expect(html).toContain("<title>Ferries sail again across the strait - ");
      expect(html).toContain(
        '<meta name="description" content="Services resumed at dawn after three days of storms."',
      );
      expect(html).toContain('<meta property="og:title" content="The ferries are back"');
      // No social description: the search description stands in.
      expect(html).toContain(
        '<meta property="og:description" content="Services resumed at dawn after three days of storms."',
      );
      // The page itself still leads with the headline.
      expect(html).toContain("Ferry service resumes after the storm</h1>");
    });

    it("refuses a social image that is not in the media library", async () => {
      const response = await editor.request("POST", "/stories", {
        serviceId: "en",
        content: story({
          title: "",
          description: "",
          socialTitle: "",
          socialDescription: "",
          socialImageId: "no-such-image",
        }),
      });
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
    });
  },
);
