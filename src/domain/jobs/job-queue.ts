import type { Logger } from "pino";
import type { Clock } from "../clock.js";
import { newId } from "../ids.js";

export interface Job {
  readonly id: string;
  readonly kind: string;
  readonly payload: Readonly<Record<string, unknown>>;
  readonly attempts: number;
}

export interface JobRepository {
  enqueue(job: {
    id: string;
    kind: string;
    payload: Record<string, unknown>;
    runAt: string;
  }): Promise<void>;
  /**
   * Claims one due job for `workerId` until `lockUntil`. Exactly one worker gets each job,
   * across instances (PostgreSQL: FOR UPDATE SKIP LOCKED; SQLite: one writer at a time).
   * A job whose lock expired (its worker died) is claimable again.
   */
  claim(now: string, workerId: string, lockUntil: string): Promise<Job | undefined>;
  /**
   * Extends a claimed job's lock while its worker is still at it (long transcodes), so it
   * is not handed out again; false when the worker no longer holds it.
   */
  extend?(id: string, workerId: string, lockUntil: string): Promise<boolean>;
  complete(id: string, at: string): Promise<void>;
  /** Records a failure; `retryAt` null means no attempts are left. */
  fail(id: string, error: string, retryAt: string | null, at: string): Promise<void>;
  /**
   * Jobs not done yet, at `now`: `running` are claimed by a worker whose lock holds,
   * `queued` wait for a worker (due now, later, or a retry).
   */
  countPending(now: string): Promise<JobBacklog>;
}

export interface JobBacklog {
  readonly queued: number;
  readonly running: number;
}

/** What this runner's jobs ended as since it started (operations' counters). */
export interface JobOutcomes {
  succeeded: number;
  /** Failed an attempt and will be retried. */
  retrying: number;
  /** Failed the last attempt: given up. */
  failed: number;
}

export type JobHandler = (job: Job) => Promise<void>;

/**
 * Background work outside the request path (AVIF renditions, webhooks, scheduled
 * publishing). Retries with exponential backoff; gives up after `maxAttempts`.
 */
export class JobRunner {
  readonly #repository: JobRepository;
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #handlers = new Map<string, JobHandler>();
  readonly #ticks: (() => Promise<unknown>)[] = [];
  readonly #workerId = newId();
  #timer: NodeJS.Timeout | undefined;
  #running = false;
  #current: Promise<void> | undefined;
  readonly #outcomes: JobOutcomes = { succeeded: 0, retrying: 0, failed: 0 };
  static readonly maxAttempts = 5;
  static readonly lockMs = 5 * 60_000;

  constructor(deps: { repository: JobRepository; clock: Clock; logger: Logger }) {
    this.#repository = deps.repository;
    this.#clock = deps.clock;
    this.#logger = deps.logger;
  }

  handle(kind: string, handler: JobHandler): this {
    this.#handlers.set(kind, handler);
    return this;
  }

  /** Work to run on every poll, such as publishing due scheduled stories. */
  everyPoll(tick: () => Promise<unknown>): this {
    this.#ticks.push(tick);
    return this;
  }

  async enqueue(kind: string, payload: Record<string, unknown>, runAt?: Date): Promise<string> {
    const id = newId();
    await this.#repository.enqueue({
      id,
      kind,
      payload,
      runAt: (runAt ?? this.#clock.now()).toISOString(),
    });
    return id;
  }

  /** Runs every due job once, then the per-poll ticks. Returns how many jobs ran. */
  async runOnce(): Promise<number> {
    let ran = 0;
    for (const tick of this.#ticks) {
      try {
        await tick();
      } catch (error) {
        this.#logger.error({ err: error }, "background tick failed");
      }
    }
    for (;;) {
      const now = this.#clock.now();
      const job = await this.#repository.claim(
        now.toISOString(),
        this.#workerId,
        new Date(now.getTime() + JobRunner.lockMs).toISOString(),
      );
      if (!job) return ran;
      ran++;
      const handler = this.#handlers.get(job.kind);
      const renewal = this.#renewWhileRunning(job.id);
      try {
        if (!handler) throw new Error(`No handler for job kind ${job.kind}`);
        await handler(job);
        clearInterval(renewal);
        await this.#repository.complete(job.id, this.#clock.now().toISOString());
        this.#outcomes.succeeded++;
      } catch (error) {
        clearInterval(renewal);
        const attempts = job.attempts + 1;
        const retryAt =
          attempts >= JobRunner.maxAttempts
            ? null
            : new Date(this.#clock.now().getTime() + 2 ** attempts * 1000).toISOString();
        this.#logger.warn(
          { err: error, job: job.id, kind: job.kind, attempts },
          "background job failed",
        );
        await this.#repository.fail(
          job.id,
          String(error),
          retryAt,
          this.#clock.now().toISOString(),
        );
        if (retryAt === null) this.#outcomes.failed++;
        else this.#outcomes.retrying++;
      }
    }
  }

  /**
   * Renews the lock every third of its length while a handler runs: a job may take longer
   * than one lock (a video transcode) and still never be claimed by a second instance;
   * a worker that dies stops renewing and the job is handed out once the lock expires.
   */
  #renewWhileRunning(jobId: string): NodeJS.Timeout {
    const timer = setInterval(() => {
      const until = new Date(this.#clock.now().getTime() + JobRunner.lockMs).toISOString();
      this.#repository.extend?.(jobId, this.#workerId, until).catch((error: unknown) => {
        this.#logger.warn({ err: error, job: jobId }, "could not renew a job's lock");
      });
    }, JobRunner.lockMs / 3);
    timer.unref();
    return timer;
  }

  /** Jobs waiting and running now, across every instance (one grouped query). */
  backlog(): Promise<JobBacklog> {
    return this.#repository.countPending(this.#clock.now().toISOString());
  }

  /** Outcomes of the jobs this runner ran. */
  get outcomes(): Readonly<JobOutcomes> {
    return { ...this.#outcomes };
  }

  start(intervalMs = 1000): void {
    if (this.#timer) return;
    this.#timer = setInterval(() => {
      if (this.#running) return;
      this.#running = true;
      this.#current = this.runOnce()
        .then(() => undefined)
        .catch((error: unknown) => this.#logger.error({ err: error }, "job runner failed"))
        .finally(() => {
          this.#running = false;
          this.#current = undefined;
        });
    }, intervalMs);
    this.#timer.unref();
  }

  /**
   * Takes no new jobs and waits for the running pass to finish, so no claimed job is left
   * half done at shutdown; a job that fails meanwhile is retried by any instance.
   */
  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#current;
  }
}
