import { type Kysely, sql } from "kysely";
import type { Job, JobBacklog, JobRepository } from "../domain/jobs/job-queue.js";
import type { SqlDialectName } from "./database.js";
import type { DatabaseSchema, JobsTable } from "./database-schema.js";

export class JobSqlRepository implements JobRepository {
  readonly #db: Kysely<DatabaseSchema>;
  readonly #dialect: SqlDialectName;

  constructor(db: Kysely<DatabaseSchema>, dialect: SqlDialectName) {
    this.#db = db;
    this.#dialect = dialect;
  }

  async enqueue(job: {
    id: string;
    kind: string;
    payload: Record<string, unknown>;
    runAt: string;
  }): Promise<void> {
    await this.#db
      .insertInto("jobs")
      .values({
        id: job.id,
        kind: job.kind,
        payload: JSON.stringify(job.payload),
        run_at: job.runAt,
        attempts: 0,
        locked_by: null,
        locked_until: null,
        done_at: null,
        last_error: null,
      })
      .execute();
  }

  async claim(now: string, workerId: string, lockUntil: string): Promise<Job | undefined> {
    // One statement: pick a due, unlocked (or lock-expired) job and lock it. PostgreSQL's
    // SKIP LOCKED lets concurrent workers pass over rows another transaction is claiming;
    // SQLite serializes writers, so the same statement is atomic there.
    const skipLocked = this.#dialect === "postgres" ? sql`for update skip locked` : sql``;
    const result = await sql<JobsTable>`
      update jobs set locked_by = ${workerId}, locked_until = ${lockUntil}
      where id = (
        select id from jobs
        where done_at is null and run_at <= ${now}
          and (locked_until is null or locked_until <= ${now})
        order by run_at
        limit 1
        ${skipLocked}
      )
      and (locked_until is null or locked_until <= ${now})
      returning *`.execute(this.#db);
    const row = result.rows[0];
    if (!row) return undefined;
    const payload: unknown = JSON.parse(row.payload);
    return {
      id: row.id,
      kind: row.kind,
      payload: payload && typeof payload === "object" ? (payload as Record<string, unknown>) : {},
      attempts: Number(row.attempts),
    };
  }

  async extend(id: string, workerId: string, lockUntil: string): Promise<boolean> {
    const result = await this.#db
      .updateTable("jobs")
      .set({ locked_until: lockUntil })
      .where("id", "=", id)
      .where("locked_by", "=", workerId)
      .where("done_at", "is", null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async complete(id: string, at: string): Promise<void> {
    await this.#db
      .updateTable("jobs")
      .set({ done_at: at, locked_by: null, locked_until: null })
      .where("id", "=", id)
      .execute();
  }

  async fail(id: string, error: string, retryAt: string | null, at: string): Promise<void> {
    await this.#db
      .updateTable("jobs")
      .set((eb) => ({
        attempts: eb("attempts", "+", 1),
        last_error: error.slice(0, 2000),
        locked_by: null,
        locked_until: null,
        // No retry left: mark done so it stops being claimed; last_error keeps the reason.
        ...(retryAt === null ? { done_at: at } : { run_at: retryAt }),
      }))
      .where("id", "=", id)
      .execute();
  }

  async countPending(now: string): Promise<JobBacklog> {
    // `done_at is null` uses the jobs_due index: finished jobs, however many, are not read.
    const result = await sql<{ state: string; n: number | string }>`
      select case when locked_until is not null and locked_until > ${now}
                  then 'running' else 'queued' end as state,
             count(*) as n
      from jobs where done_at is null
      group by 1`.execute(this.#db);
    const count = (state: string) => Number(result.rows.find((r) => r.state === state)?.n ?? 0);
    return { queued: count("queued"), running: count("running") };
  }
}
