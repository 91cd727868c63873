import { mkdir, readdir, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import type { Logger } from "pino";
import type { Clock } from "../domain/clock.js";
import { editionsOf, type ServiceId } from "../domain/services/service-registry.js";
import type { SigningKey } from "../domain/signing/minisign.js";
import { buildPackage, type PackageFormat } from "./offline-package.js";
import { packageFileName } from "./package-directory.js";

/**
 * The daily offline packages (PACKAGES_DAILY): on the job runner's poll, at most every ten
 * minutes, each configured service's edition gets today's package of each format when
 * PACKAGES_DIR has none yet (so a restart or a second instance does not build it twice in a
 * day), and packages older than `keepDays` are removed with their signatures.
 */
interface DailyPackagesDeps {
  readonly serviceIds: readonly ServiceId[];
  readonly formats: readonly PackageFormat[];
  readonly dir: string;
  readonly keepDays: number;
  readonly fetchPage: (path: string) => Promise<Response>;
  readonly publicUrl: string;
  readonly key: SigningKey;
  readonly clock: Clock;
  readonly logger: Logger;
}

const checkEveryMs = 10 * 60_000;
const datedName = /-(\d{4}-\d{2}-\d{2})\.(epub|zim)(\.minisig)?$/;

export class DailyPackages {
  readonly #deps: DailyPackagesDeps;
  #nextAt = 0;
  #running: Promise<void> | undefined;

  constructor(deps: DailyPackagesDeps) {
    this.#deps = deps;
  }

  /** Starts a check when one is due and none is running; returns at once. */
  poll(): Promise<void> {
    const now = this.#deps.clock.now().getTime();
    if (this.#running || now < this.#nextAt) return Promise.resolve();
    this.#nextAt = now + checkEveryMs;
    this.#running = this.runDue()
      .then(() => undefined)
      .catch((error: unknown) => this.#deps.logger.error({ err: error }, "daily packages failed"))
      .finally(() => {
        this.#running = undefined;
      });
    return Promise.resolve();
  }

  /** Waits for a build in progress (shutdown). */
  async settle(): Promise<void> {
    await this.#running;
  }

  /** Builds today's missing packages and prunes old ones; returns the files written. */
  async runDue(): Promise<string[]> {
    const now = this.#deps.clock.now();
    const written: string[] = [];
    await mkdir(this.#deps.dir, { recursive: true });
    for (const serviceId of this.#deps.serviceIds) {
      const edition = editionsOf(serviceId)[0];
      if (!edition) continue;
      for (const format of this.#deps.formats) {
        const outFile = join(this.#deps.dir, packageFileName(edition, format, now));
        if (await exists(`${outFile}.minisig`)) continue;
        try {
          const report = await buildPackage({
            fetchPage: this.#deps.fetchPage,
            edition,
            publicUrl: this.#deps.publicUrl,
            format,
            outFile,
            key: this.#deps.key,
            now,
          });
          written.push(outFile);
          this.#deps.logger.info({ service: serviceId, format, ...report }, "package built");
        } catch (error) {
          // One format failing (zimwriterfs missing) must not stop the others.
          this.#deps.logger.error({ err: error, service: serviceId, format }, "package failed");
        }
      }
    }
    await this.#prune(now);
    return written;
  }

  async #prune(now: Date): Promise<void> {
    const oldest = new Date(now.getTime() - this.#deps.keepDays * 86_400_000)
      .toISOString()
      .slice(0, 10);
    for (const name of await readdir(this.#deps.dir).catch(() => [] as string[])) {
      const day = datedName.exec(name)?.[1];
      if (day !== undefined && day < oldest) await rm(join(this.#deps.dir, name), { force: true });
    }
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
