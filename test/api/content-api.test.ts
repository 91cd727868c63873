import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020Module from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../src/domain/actor.js";
import { apiOperations } from "../../src/domain/api/openapi-document.js";
import type { Newsdesk } from "../../src/main.js";
import { dialects } from "../support/test-databases.js";
import { startTestNewsdesk } from "../support/test-newsdesk.js";

// Under NodeNext these CommonJS modules expose their classes on `.default`.
const Ajv2020 = Ajv2020Module.default;
const addFormats = addFormatsModule.default;
const ninjsDir = join(import.meta.dirname, "../../../shared/data/standards/iptc-ninjs");

type Json = Record<string, unknown>;

/** An ajv holding the OpenAPI components and the IPTC ninjs schema, resolving their $refs. */
function validatorFor(doc: Json) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(
    JSON.parse(readFileSync(join(ninjsDir, "validation/test_suite/GeoJSON-schema.json"), "utf8")),
    "https://geojson.org/schema/GeoJSON.json",
  );
  ajv.addSchema(
    JSON.parse(readFileSync(join(ninjsDir, "specification/ninjs-schema_3.1.json"), "utf8")),
  );
  const schemas = (doc.components as { schemas: Record<string, Json> }).schemas;
  for (const [name, schema] of Object.entries(schemas)) {
    ajv.addSchema(schema, `#/components/schemas/${name}`);
  }
  return (name: string, value: unknown) => {
    const validate = ajv.getSchema(`#/components/schemas/${name}`);
    if (!validate) throw new Error(`no schema ${name}`);
    return validate(value) ? [] : (validate.errors ?? []);
  };
}

describe.each(dialects)("content API on %s", (dialect) => {
  let newsdesk: Newsdesk & { dispose(): Promise<void> };
  let key: string;
  let doc: Json;

  beforeAll(async () => {
    newsdesk = await startTestNewsdesk(dialect);
    key = (
      await newsdesk.services.apiKeys.issue(systemActor("test"), {
        name: "partner",
        rateLimitPerMinute: 1000,
      })
    ).key;
    doc = (await (await newsdesk.app.request("/api/openapi.json")).json()) as Json;
  });
  afterAll(async () => {
    await newsdesk?.dispose();
  });

  const get = (path: string, headers: Record<string, string> = {}) =>
    newsdesk.app.request(path, { headers: { Authorization: `Bearer ${key}`, ...headers } });

  it("serves a well-formed OpenAPI 3.1 document whose references all resolve", () => {
    expect(doc.openapi).toBe("3.1.0");
    const paths = doc.paths as Record<string, { get: Json }>;
    expect(Object.keys(paths).sort()).toEqual(apiOperations.map((o) => o.path).sort());
    const ids = Object.values(paths).map((p) => p.get.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    const refs = JSON.stringify(doc).match(/"\$ref":"#\/components\/schemas\/(\w+)"/g) ?? [];
    const names = Object.keys((doc.components as { schemas: Json }).schemas);
    for (const ref of refs) expect(names).toContain(ref.split("/").at(-1)?.replace('"', ""));
    // Every path parameter in a template is declared.
    for (const [path, item] of Object.entries(paths)) {
      const declared = (item.get.parameters as { name: string; in: string }[])
        .filter((p) => p.in === "path")
        .map((p) => p.name);
      expect(declared.sort()).toEqual([...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort());
    }
    // Each component is a valid JSON Schema 2020-12 (ajv compiles it).
    expect(() => validatorFor(doc)).not.toThrow();
  });

  it("exercises every documented route and validates each response against its schema", async () => {
    const check = validatorFor(doc);
    const stories = (await (await get("/api/v1/stories?service=fa")).json()) as {
      data: { id: string }[];
    };
    const storyId = stories.data[0]?.id ?? "";
    for (const op of apiOperations) {
      const url = op.path.replace("{service}", "fa").replace("{id}", storyId);
      const res = await get(op.path === "/api/v1/stories" ? `${url}?service=zh-Hans` : url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get("etag")).toBeTruthy();
      const body = await res.json();
      expect(check(op.response, body), url).toEqual([]);
    }
    const docs = await newsdesk.app.request("/api/docs");
    expect(docs.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await docs.text();
    for (const op of apiOperations) expect(html).toContain(op.path);
  });

  it("pages through stories with a cursor, without gaps or repeats", async () => {
    const all = (await (await get("/api/v1/stories?service=en&limit=100")).json()) as {
      data: { id: string }[];
    };
    const seen: string[] = [];
    let next: string | null = "/api/v1/stories?service=en&limit=2";
    while (next) {
      const page = (await (await get(next.replace("https://news.example.org", ""))).json()) as {
        data: { id: string }[];
        next: string | null;
      };
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data.map((s) => s.id));
      next = page.next;
    }
    expect(seen).toEqual(all.data.map((s) => s.id));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it("filters by section, topic and updated_since", async () => {
    const world = (await (await get("/api/v1/stories?service=en&section=world")).json()) as {
      data: { section: string; lastModifiedAt: string }[];
    };
    expect(world.data.length).toBeGreaterThan(0);
    expect(world.data.every((s) => s.section === "world")).toBe(true);
    const topic = (await (await get("/api/v1/stories?service=en&topic=diplomacy")).json()) as {
      data: unknown[];
    };
    expect(topic.data.length).toBeGreaterThan(0);
    const newest = world.data[0]?.lastModifiedAt ?? "";
    const since = (await (
      await get(`/api/v1/stories?service=en&updated_since=${encodeURIComponent(newest)}`)
    ).json()) as { data: { lastModifiedAt: string }[] };
    expect(since.data.length).toBeGreaterThan(0);
    expect(since.data.every((s) => s.lastModifiedAt >= newest)).toBe(true);
  });

  it("answers 304 when the ETag still matches", async () => {
    const first = await get("/api/v1/services/zh-Hans/topics");
    const again = await get("/api/v1/services/zh-Hans/topics", {
      "If-None-Match": first.headers.get("etag") ?? "",
    });
    expect(again.status).toBe(304);
  });

  it("refuses missing, malformed and revoked keys with problem+json codes", async () => {
    const missing = await newsdesk.app.request("/api/v1/services");
    expect(missing.status).toBe(401);
    expect(missing.headers.get("content-type")).toBe("application/problem+json; charset=utf-8");
    expect(((await missing.json()) as { code: string }).code).toBe("API_KEY_MISSING");
    const wrong = await get("/api/v1/services", { Authorization: `Bearer ${key.slice(0, -2)}xx` });
    expect(((await wrong.json()) as { code: string }).code).toBe("API_KEY_INVALID");
    const issued = await newsdesk.services.apiKeys.issue(systemActor("test"), {
      name: "gone",
      rateLimitPerMinute: 5,
    });
    await newsdesk.services.apiKeys.revoke(systemActor("test"), issued.record.id);
    const revoked = await newsdesk.app.request("/api/v1/services", {
      headers: { "X-Api-Key": issued.key },
    });
    expect(revoked.status).toBe(401);
  });

  it("limits each key per minute with 429 and Retry-After", async () => {
    const small = await newsdesk.services.apiKeys.issue(systemActor("test"), {
      name: "small",
      rateLimitPerMinute: 2,
    });
    const call = () =>
      newsdesk.app.request("/api/v1/services", {
        headers: { Authorization: `Bearer ${small.key}` },
      });
    expect((await call()).status).toBe(200);
    expect((await call()).status).toBe(200);
    const limited = await call();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(((await limited.json()) as { code: string }).code).toBe("RATE_LIMITED");
    // Another key is unaffected.
    expect((await get("/api/v1/services")).status).toBe(200);
  });

  it("rejects bad parameters with stable codes", async () => {
    const cursor = await get("/api/v1/stories?service=en&cursor=not-a-cursor");
    expect(((await cursor.json()) as { code: string }).code).toBe("CURSOR_INVALID");
    const unknown = await get("/api/v1/stories?service=en&colour=red");
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { code: string }).code).toBe("VALIDATION_FAILED");
    const story = await get("/api/v1/stories/zzzzzzzzzzzz");
    expect(((await story.json()) as { code: string }).code).toBe("STORY_NOT_FOUND");
    const service = await get("/api/v1/services/xx/sections");
    expect(((await service.json()) as { code: string }).code).toBe("SERVICE_NOT_FOUND");
  });
});
