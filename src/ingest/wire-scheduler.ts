import type { Clock } from "../domain/clock.js";
import { isNewsdeskError } from "../domain/error-catalogue.js";
import type { OutboundRequests } from "../domain/outbound-requests.js";
import { wireErrorCatalogue } from "../domain/wire/wire-errors.js";
import type { WireLogger } from "../domain/wire/wire-events.js";
import type { WireIngest } from "../domain/wire/wire-ingest.js";
import { nextPollDelaySeconds } from "../domain/wire/wire-polling.js";
import type { WireSourceRepository } from "../domain/wire/wire-repository.js";
import type { WireSourceState, WireSourceWithState } from "../domain/wire/wire-source-schema.js";
import {
  assertOutcomeDirectory,
  type DropRoots,
  listReadyFiles,
  moveDropFile,
  readDropFile,
} from "./drop-directory.js";
import { pullOnce } from "./http-pull.js";

export interface SchedulerTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface WireSchedulerDeps {
  /** The one ingest command each file goes to. */
  readonly ingest: WireIngest;
  /** Due sources are listed, claimed and their polling state saved here. */
  readonly sources: Pick<WireSourceRepository, "listSources" | "claimSource" | "saveSourceState">;
  readonly clock: Clock;
  readonly logger: WireLogger;
  readonly timers?: SchedulerTimers;
  /** The outbound guard pull sources are fetched through (WIRE_ALLOW_PRIVATE decides). */
  readonly outbound: OutboundRequests;
  /** WIRE_DROP_ROOTS: drop directories are polled only inside them, and not at all without. */
  readonly dropRoots: DropRoots;
  /** How often to look for due sources (default 1 s). */
  readonly tickMs?: number;
  /**
   * While an instance polls a source, the source's next poll is pushed this far ahead so
   * no other instance takes it; a crashed instance's claim expires after it (default 10 min).
   */
  readonly leaseMs?: number;
}

type PolledSource = WireSourceWithState & { kind: "http-pull" | "drop-directory" };

const realTimers: SchedulerTimers = {
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    handle.unref();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Polls HTTP(S) pull sources and drop directories when they are due. One source at a
 * time, never overlapping ticks; a failing source is logged and backed off, and never
 * stops the others or the process.
 */
export class WireScheduler {
  readonly #deps: WireSchedulerDeps;
  readonly #timers: SchedulerTimers;
  #handle: unknown;
  #running: Promise<void> | undefined;
  #stopped = true;
  #stopRequested = false;

  constructor(deps: WireSchedulerDeps) {
    this.#deps = deps;
    this.#timers = deps.timers ?? realTimers;
  }

  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#stopRequested = false;
    this.#schedule(0);
  }

  /** Stops polling and waits for a poll in progress to finish. */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#stopRequested = true;
    if (this.#handle !== undefined) this.#timers.clearTimeout(this.#handle);
    this.#handle = undefined;
    await this.#running;
  }

  #schedule(ms: number): void {
    if (this.#stopped) return;
    this.#handle = this.#timers.setTimeout(() => {
      this.#handle = undefined;
      this.#running = this.tick()
        .then(() => undefined)
        .catch((error: unknown) => {
          this.#deps.logger.error({ err: error }, "wire scheduler tick failed");
        })
        .finally(() => {
          this.#running = undefined;
          this.#schedule(this.#deps.tickMs ?? 1000);
        });
    }, ms);
  }

  /** Polls every due, enabled source once; returns the ids it polled. */
  async tick(): Promise<string[]> {
    const now = this.#deps.clock.now();
    const sources = await this.#deps.sources.listSources();
    const polled: string[] = [];
    for (const source of sources) {
      if (this.#stopRequested) break;
      if (!source.enabled || source.kind === "push") continue;
      // Without drop roots the feature is off: sources saved before are left alone.
      if (source.kind === "drop-directory" && !this.#deps.dropRoots.enabled) continue;
      if (source.state.nextPollAt > now.toISOString()) continue;
      const lease = new Date(now.getTime() + (this.#deps.leaseMs ?? 600_000)).toISOString();
      if (!(await this.#deps.sources.claimSource(source.id, source.state.nextPollAt, lease))) {
        continue;
      }
      polled.push(source.id);
      await this.pollSource(source as PolledSource);
    }
    return polled;
  }

  /** Polls one source now and records the outcome; never throws. */
  async pollSource(source: PolledSource): Promise<void> {
    const started = this.#deps.clock.now();
    let state: WireSourceState;
    try {
      state =
        source.kind === "http-pull"
          ? await this.#pull(source as PolledSource & { kind: "http-pull" })
          : await this.#drain(source as PolledSource & { kind: "drop-directory" });
    } catch (error) {
      this.#deps.logger.error({ sourceId: source.id, err: error }, "wire source poll failed");
      state = this.#failure(source, lastErrorOf(error));
    }
    try {
      await this.#deps.sources.saveSourceState(source.id, state);
    } catch (error) {
      this.#deps.logger.error({ sourceId: source.id, err: error }, "wire source state not saved");
    }
    this.#deps.logger.info(
      {
        sourceId: source.id,
        ms: this.#deps.clock.now().getTime() - started.getTime(),
        failures: state.failures,
        nextPollAt: state.nextPollAt,
        ...(state.lastError ? { error: state.lastError } : {}),
      },
      "wire source polled",
    );
  }

  async #pull(source: PolledSource & { kind: "http-pull" }): Promise<WireSourceState> {
    const result = await pullOnce(
      source,
      { etag: source.state.etag, lastModified: source.state.lastModified },
      this.#deps.outbound,
    );
    switch (result.kind) {
      case "not-modified":
        return this.#success(source, source.state.etag, source.state.lastModified);
      case "too-large": {
        const detail = `The answer has at least ${result.size} bytes; the limit is ${source.maxBytes}.`;
        await this.#deps.ingest.reject(
          source,
          { filename: source.url, size: result.size },
          "WIRE_TOO_LARGE",
          detail,
        );
        return this.#failure(source, `WIRE_TOO_LARGE: ${detail}`);
      }
      case "failed":
        this.#deps.logger.warn(
          {
            sourceId: source.id,
            url: source.url,
            reason: result.reason,
            ...(result.logDetail === undefined ? {} : { detail: result.logDetail }),
          },
          "wire pull failed",
        );
        return this.#failure(source, result.reason, result.retryAfterSeconds);
      case "fetched": {
        const report = await this.#deps.ingest.ingest(source, {
          bytes: result.bytes,
          filename: source.url,
          ...(result.contentType === undefined ? {} : { contentType: result.contentType }),
          ...(result.contentLanguage === undefined
            ? {}
            : { contentLanguage: result.contentLanguage }),
        });
        if (report.status === "rejected") {
          // Validators are not kept: the next poll fetches the document again, after backoff.
          // The last error gets the catalogue's sentence, never the detail: a parser's
          // message can quote the answer (JSON.parse does); the quarantine keeps it.
          const code = report.error?.code ?? "WIRE_INTERNAL";
          return this.#failure(source, `${code}: ${wireErrorCatalogue[code].message}`);
        }
        return this.#success(source, result.etag, result.lastModified);
      }
    }
  }

  async #drain(source: PolledSource & { kind: "drop-directory" }): Promise<WireSourceState> {
    // The real path again at every poll: a symlink swapped in since saving must not escape.
    const directory = await this.#deps.dropRoots.resolve(source.directory);
    await assertOutcomeDirectory(directory, "processed");
    await assertOutcomeDirectory(directory, "failed");
    const files = await listReadyFiles(directory, source.settleMs, this.#deps.clock.now());
    for (const file of files) {
      // Between files is a safe place to stop: the ledger has every finished file.
      if (this.#stopRequested) break;
      let outcome: "processed" | "failed" = "processed";
      try {
        if (file.size > source.maxBytes) {
          await this.#deps.ingest.reject(
            source,
            { filename: file.name, size: file.size },
            "WIRE_TOO_LARGE",
            `The file has ${file.size} bytes; the limit is ${source.maxBytes}.`,
          );
          outcome = "failed";
        } else {
          const bytes = await readDropFile(file, source.maxBytes);
          // Replaced by a symlink, moved away or grown since the listing: the next poll sees.
          if (bytes === undefined) continue;
          const report = await this.#deps.ingest.ingest(source, { bytes, filename: file.name });
          if (report.status === "rejected") outcome = "failed";
        }
      } catch (error) {
        // The database failed mid-file: leave the file where it is; the ledger resumes it.
        this.#deps.logger.error(
          { sourceId: source.id, file: file.name, err: error },
          "wire drop file not ingested",
        );
        throw error;
      }
      await moveDropFile(directory, file, outcome, this.#deps.clock.now());
    }
    return this.#success(source, null, null);
  }

  #success(
    source: PolledSource,
    etag: string | null,
    lastModified: string | null,
  ): WireSourceState {
    const now = this.#deps.clock.now();
    return {
      nextPollAt: new Date(now.getTime() + source.intervalSeconds * 1000).toISOString(),
      etag,
      lastModified,
      failures: 0,
      lastPolledAt: now.toISOString(),
      lastSuccessAt: now.toISOString(),
      lastError: null,
    };
  }

  #failure(source: PolledSource, reason: string, retryAfterSeconds?: number): WireSourceState {
    const now = this.#deps.clock.now();
    const failures = source.state.failures + 1;
    const delay = nextPollDelaySeconds({
      intervalSeconds: source.intervalSeconds,
      failures,
      maxBackoffSeconds: source.kind === "http-pull" ? source.maxBackoffSeconds : 3600,
      ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
    });
    return {
      ...source.state,
      nextPollAt: new Date(now.getTime() + delay * 1000).toISOString(),
      failures,
      lastPolledAt: now.toISOString(),
      lastError: reason.slice(0, 2000),
    };
  }
}

/**
 * A failed poll's last error, which every wire reader sees: stable codes with their
 * sentence, file-system errors by system call and code, never a path (the drop directory
 * is shown only to those who may configure the source).
 */
function lastErrorOf(error: unknown): string {
  if (isNewsdeskError(error)) return `${error.code}: ${error.message}`;
  const { code, syscall } = (error ?? {}) as { code?: unknown; syscall?: unknown };
  if (typeof code === "string" && typeof syscall === "string") {
    return `The drop directory could not be read or written (${syscall} ${code}).`;
  }
  return error instanceof Error ? error.message : String(error);
}
