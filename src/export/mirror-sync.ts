import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Logger } from "pino";
import type { Clock } from "../domain/clock.js";
import { editionsOf, type ServiceId } from "../domain/services/service-registry.js";
import type { SigningKey } from "../domain/signing/minisign.js";
import { exportEdition } from "./static-export.js";

/**
 * Keeps static mirror directories in sync from the running server (MIRROR_SYNC): every
 * MIRROR_SYNC_MINUTES an incremental export of each configured edition, then
 * MIRROR_SYNC_COMMAND (an rsync, `ipfs add -r`, a bucket upload) with the directory and
 * service in its environment (`MIRROR_DIR`, `MIRROR_SERVICE`) rather than pasted into the
 * command line, so a path can never inject shell syntax.
 */
export interface MirrorSyncTarget {
  readonly serviceId: ServiceId;
  readonly dir: string;
}

/** The last export time recorded in a directory, for the next incremental export. */
export async function lastExportTime(dir: string): Promise<Date | undefined> {
  try {
    const state = JSON.parse(await readFile(join(dir, ".newsdesk-export.json"), "utf8")) as {
      exportedAt?: unknown;
    };
    const at = typeof state.exportedAt === "string" ? Date.parse(state.exportedAt) : Number.NaN;
    return Number.isNaN(at) ? undefined : new Date(at);
  } catch {
    return undefined;
  }
}

interface MirrorSyncDeps {
  readonly targets: readonly MirrorSyncTarget[];
  readonly everyMs: number;
  readonly command: string | undefined;
  readonly fetchPage: (path: string) => Promise<Response>;
  readonly publicUrl: string;
  readonly key: SigningKey;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly commandTimeoutMs?: number;
}

export class MirrorSync {
  readonly #deps: MirrorSyncDeps;
  #nextAt = 0;
  #running: Promise<void> | undefined;

  constructor(deps: MirrorSyncDeps) {
    this.#deps = deps;
  }

  /**
   * Called on every job-runner poll: starts a sync when one is due and none is running, and
   * returns at once, so a long export never holds up the other jobs.
   */
  poll(): Promise<void> {
    const now = this.#deps.clock.now().getTime();
    if (this.#running || now < this.#nextAt) return Promise.resolve();
    this.#nextAt = now + this.#deps.everyMs;
    this.#running = this.syncAll()
      .catch((error: unknown) => this.#deps.logger.error({ err: error }, "mirror sync failed"))
      .finally(() => {
        this.#running = undefined;
      });
    return Promise.resolve();
  }

  /** Waits for a sync in progress (shutdown). */
  async settle(): Promise<void> {
    await this.#running;
  }

  async syncAll(): Promise<void> {
    for (const target of this.#deps.targets) {
      for (const edition of editionsOf(target.serviceId).slice(0, 1)) {
        const since = await lastExportTime(target.dir);
        const report = await exportEdition({
          fetchPage: this.#deps.fetchPage,
          edition,
          publicUrl: this.#deps.publicUrl,
          outDir: target.dir,
          key: this.#deps.key,
          now: this.#deps.clock.now(),
          ...(since ? { since } : {}),
        });
        this.#deps.logger.info(
          { service: target.serviceId, dir: target.dir, ...report },
          "mirror synced",
        );
        if (this.#deps.command) await this.#runCommand(target);
      }
    }
  }

  #runCommand(target: MirrorSyncTarget): Promise<void> {
    const command = this.#deps.command ?? "";
    return new Promise((resolve, reject) => {
      const child = spawn("sh", ["-c", command], {
        env: { ...process.env, MIRROR_DIR: target.dir, MIRROR_SERVICE: target.serviceId },
        stdio: ["ignore", "ignore", "pipe"],
        timeout: this.#deps.commandTimeoutMs ?? 30 * 60_000,
      });
      let stderr = "";
      child.stderr?.on("data", (chunk: Buffer) => {
        if (stderr.length < 4000) stderr += chunk.toString();
      });
      child.on("error", reject);
      child.on("exit", (code, signal) => {
        if (code === 0) resolve();
        else
          reject(new Error(`MIRROR_SYNC_COMMAND exited with ${code ?? signal}: ${stderr.trim()}`));
      });
    });
  }
}
