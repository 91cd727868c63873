import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Mirror } from "../../src/domain/mirrors/mirror-schema.js";
import { MirrorSqlRepository } from "../../src/storage/mirror-sql-repository.js";
import { dialects, openTestDatabase, type TestDatabase } from "../support/test-databases.js";

const onion = "http://duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczad.onion";

function mirror(id: string, serviceId: string, url: string, createdAt: string): Mirror {
  return { id, serviceId, kind: "https", url, note: "", createdAt };
}

describe.each(dialects)("mirror storage on %s", (dialect) => {
  let database: TestDatabase;
  let mirrors: MirrorSqlRepository;

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    mirrors = new MirrorSqlRepository(database.db);
  });
  afterAll(async () => {
    await database.dispose();
  });

  it("lists a service's mirrors oldest first, and every service's together", async () => {
    expect(
      await mirrors.insert(
        mirror("m2", "fa", "https://b.example.net", "2026-11-20T10:00:01.000Z"),
        null,
      ),
    ).toBe(true);
    expect(
      await mirrors.insert(
        mirror("m1", "fa", "https://a.example.net/fa", "2026-11-20T10:00:00.000Z"),
        "u1",
      ),
    ).toBe(true);
    expect(
      await mirrors.insert(
        {
          ...mirror("m3", "en", onion, "2026-11-20T09:00:00.000Z"),
          kind: "onion",
          note: "Tor Browser only",
        },
        "u1",
      ),
    ).toBe(true);
    expect((await mirrors.listForService("fa")).map((m) => m.id)).toEqual(["m1", "m2"]);
    expect(await mirrors.listForService("en")).toEqual([
      {
        id: "m3",
        serviceId: "en",
        kind: "onion",
        url: onion,
        note: "Tor Browser only",
        createdAt: "2026-11-20T09:00:00.000Z",
      },
    ]);
    expect((await mirrors.listAll()).map((m) => m.id)).toEqual(["m3", "m1", "m2"]);
  });

  it("lists an origin once, whichever service asks for it again", async () => {
    expect(
      await mirrors.insert(
        mirror("m4", "en", "https://b.example.net", "2026-11-20T11:00:00.000Z"),
        null,
      ),
    ).toBe(false);
    expect((await mirrors.listForService("en")).map((m) => m.id)).toEqual(["m3"]);
  });

  it("removes a mirror only from its own service", async () => {
    expect(await mirrors.remove("en", "m1")).toBeUndefined();
    expect((await mirrors.remove("fa", "m1"))?.url).toBe("https://a.example.net/fa");
    expect(await mirrors.remove("fa", "m1")).toBeUndefined();
    expect((await mirrors.listForService("fa")).map((m) => m.id)).toEqual(["m2"]);
  });
});
