import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JobRunner } from "../../src/domain/jobs/job-queue.js";
import { JobSqlRepository } from "../../src/storage/job-sql-repository.js";
import { fixedClock } from "../support/test-clock.js";
import { dialects, openTestDatabase, type TestDatabase } from "../support/test-databases.js";

const silent = pino({ level: "silent" });

describe.each(dialects)("background jobs on %s", (dialect) => {
  let database: TestDatabase;
  let repository: JobSqlRepository;
  const clock = fixedClock("2026-11-20T10:00:00.000Z");

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    repository = new JobSqlRepository(database.db, dialect);
  });
  afterAll(async () => {
    await database.dispose();
  });

  it("runs each job exactly once even with several runners polling at the same time", async () => {
    const seen: string[] = [];
    const runners = [1, 2, 3].map(() =>
      new JobRunner({ repository, clock, logger: silent }).handle("count", async (job) => {
        seen.push(String(job.payload.n));
      }),
    );
    const [first] = runners;
    for (let n = 0; n < 40; n++) await first?.enqueue("count", { n });
    const ran = await Promise.all(runners.map((r) => r.runOnce()));
    expect(ran.reduce((a, b) => a + b, 0)).toBe(40);
    expect(seen.sort((a, b) => Number(a) - Number(b))).toEqual(
      Array.from({ length: 40 }, (_, n) => String(n)),
    );
  });

  it("retries a failing job with backoff and gives up after the last attempt", async () => {
    let calls = 0;
    const runner = new JobRunner({ repository, clock, logger: silent }).handle(
      "flaky",
      async () => {
        calls++;
        throw new Error("downstream unavailable");
      },
    );
    await runner.enqueue("flaky", {});
    expect(await runner.runOnce()).toBe(1);
    expect(await runner.runOnce()).toBe(0); // not due yet: 2 s backoff
    for (let attempt = 1; attempt < JobRunner.maxAttempts; attempt++) {
      clock.advance(2 ** attempt * 1000);
      expect(await runner.runOnce()).toBe(1);
    }
    clock.advance(3_600_000);
    expect(await runner.runOnce()).toBe(0);
    expect(calls).toBe(JobRunner.maxAttempts);
  });

  it("hands a job whose worker died back out once its lock expires", async () => {
    const runner = new JobRunner({ repository, clock, logger: silent }).handle(
      "once",
      async () => undefined,
    );
    await runner.enqueue("once", {});
    const now = clock.now();
    const claimed = await repository.claim(
      now.toISOString(),
      "dead-worker",
      new Date(now.getTime() + 60_000).toISOString(),
    );
    expect(claimed?.kind).toBe("once");
    expect(await runner.runOnce()).toBe(0);
    clock.advance(61_000);
    expect(await runner.runOnce()).toBe(1);
  });

  it("runs per-poll ticks such as scheduled publishing", async () => {
    let ticks = 0;
    const runner = new JobRunner({ repository, clock, logger: silent }).everyPoll(async () => {
      ticks++;
    });
    await runner.runOnce();
    await runner.runOnce();
    expect(ticks).toBe(2);
  });
});

describe.each(dialects)("job backlog and outcomes on %s", (dialect) => {
  let database: TestDatabase;
  let repository: JobSqlRepository;
  const clock = fixedClock("2026-11-20T10:00:00.000Z");

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    repository = new JobSqlRepository(database.db, dialect);
  });
  afterAll(async () => {
    await database.dispose();
  });

  it("counts queued and running jobs and what this runner's jobs ended as", async () => {
    const runner = new JobRunner({ repository, clock, logger: silent })
      .handle("ok", async () => undefined)
      .handle("broken", async () => {
        throw new Error("always fails");
      });
    expect(await runner.backlog()).toEqual({ queued: 0, running: 0 });
    // A job another worker holds is running.
    const now = clock.now();
    await runner.enqueue("ok", {}, new Date(now.getTime() - 1000));
    await repository.claim(
      now.toISOString(),
      "other-worker",
      new Date(now.getTime() + 60_000).toISOString(),
    );
    await runner.enqueue("ok", {});
    await runner.enqueue("broken", {});
    // A job due later is queued too.
    await runner.enqueue("ok", {}, new Date(now.getTime() + 3_600_000));
    expect(await runner.backlog()).toEqual({ queued: 3, running: 1 });

    await runner.runOnce();
    // The broken job waits for its retry; the held one is still running elsewhere.
    expect(await runner.backlog()).toEqual({ queued: 2, running: 1 });
    expect(runner.outcomes).toEqual({ succeeded: 1, retrying: 1, failed: 0 });
    for (let attempt = 1; attempt < JobRunner.maxAttempts; attempt++) {
      clock.advance(2 ** attempt * 1000);
      await runner.runOnce();
    }
    expect(runner.outcomes.failed).toBe(1);
    expect(runner.outcomes.retrying).toBe(JobRunner.maxAttempts - 1);
  });
});
