import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RateLimiter } from "../../src/domain/api/rate-limiter.js";
import { RateWindowSqlStore } from "../../src/storage/rate-window-sql-store.js";
import { fixedClock } from "../support/test-clock.js";
import { dialects, openTestDatabase, type TestDatabase } from "../support/test-databases.js";

describe.each(dialects)("API rate limits shared by instances on %s", (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(dialect);
  });
  afterAll(async () => {
    await database.dispose();
  });

  it("counts one window across instances, then resets with the next minute", async () => {
    const clock = fixedClock("2026-11-20T10:00:05.000Z");
    // Two instances, each with its own limiter, one database.
    const a = new RateLimiter({ clock, store: new RateWindowSqlStore(database.db) });
    const b = new RateLimiter({ clock, store: new RateWindowSqlStore(database.db) });
    const decisions = [];
    for (let i = 0; i < 3; i++) {
      decisions.push(await a.take("key-1", 5));
      decisions.push(await b.take("key-1", 5));
    }
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, true, true, false]);
    expect(decisions[4]).toMatchObject({ remaining: 0, resetSeconds: 55 });
    // Another key has its own window.
    expect((await b.take("key-2", 5)).remaining).toBe(4);
    clock.advance(60_000);
    expect((await a.take("key-1", 5)).allowed).toBe(true);
  });

  it("counts concurrent requests exactly", async () => {
    const clock = fixedClock("2026-11-20T11:00:00.000Z");
    const limiter = new RateLimiter({ clock, store: new RateWindowSqlStore(database.db) });
    const results = await Promise.all(Array.from({ length: 20 }, () => limiter.take("burst", 10)));
    expect(results.filter((r) => r.allowed)).toHaveLength(10);
  });
});
