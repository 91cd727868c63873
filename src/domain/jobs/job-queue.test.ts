import { pino } from "pino";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type Job, type JobRepository, JobRunner } from "./job-queue.js";

const silent = pino({ level: "silent" });

/** One job in memory; records every lock extension asked for. */
function oneJobRepository() {
  const extensions: { id: string; workerId: string; lockUntil: string }[] = [];
  let claimed = false;
  const repository: JobRepository = {
    enqueue: async () => undefined,
    claim: async (): Promise<Job | undefined> => {
      if (claimed) return undefined;
      claimed = true;
      return { id: "j1", kind: "slow", payload: {}, attempts: 0 };
    },
    extend: async (id, workerId, lockUntil) => {
      extensions.push({ id, workerId, lockUntil });
      return true;
    },
    complete: async () => undefined,
    fail: async () => undefined,
    countPending: async () => ({ queued: 0, running: 0 }),
  };
  return { repository, extensions };
}

describe("JobRunner lock renewal", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("renews a running job's lock every third of the lock, and stops when it ends", async () => {
    vi.useFakeTimers({ now: new Date("2026-12-05T10:00:00.000Z") });
    const clock = { now: () => new Date() };
    const { repository, extensions } = oneJobRepository();
    let finish: () => void = () => undefined;
    const runner = new JobRunner({ repository, clock, logger: silent }).handle(
      "slow",
      () =>
        new Promise<void>((resolve) => {
          finish = resolve;
        }),
    );
    const pass = runner.runOnce();
    // A transcode running for two whole lock periods.
    await vi.advanceTimersByTimeAsync(JobRunner.lockMs * 2);
    expect(extensions).toHaveLength(6);
    expect(new Set(extensions.map((e) => `${e.id} ${e.workerId}`)).size).toBe(1);
    const last = extensions.at(-1);
    expect(Date.parse(last?.lockUntil ?? "")).toBe(Date.now() + JobRunner.lockMs);
    finish();
    expect(await pass).toBe(1);
    await vi.advanceTimersByTimeAsync(JobRunner.lockMs * 2);
    expect(extensions).toHaveLength(6);
  });
});
