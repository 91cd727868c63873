import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { createPgSchema } from "./pg-schema.js";

/**
 * Log-in throughput: successful `AuthService.login` calls per second,
 * sequentially and `concurrency` at a time, on SQLite and PostgreSQL, with the production
 * argon2id cost (OWASP minimum, what a deployment pays) and with a cheap one (so the
 * throttle's database work is not hidden behind the hash). Each in-flight log-in uses its own
 * account and client address, as real log-ins do; the throttle never refuses one here.
 *
 * Only the public `login(raw, ip)` of each checkout's dist/ is called, so one run can compare
 * two commits: `checkouts` maps a label to a checkout root, and their batches are interleaved
 * (A, B, A, B …) so a machine whose load changes during the run treats both alike. The figure
 * per checkout is the median of its `rounds` batches.
 * @param {{ checkouts: Record<string, string>, dialects?: string[], accounts?: number,
 *   concurrency?: number, rounds?: number,
 *   runs?: { hasher: "production" | "cheap", logins: number }[], log?: (line: string) => void }} options
 */
export async function runLoginBench({
  checkouts,
  dialects = ["sqlite", "postgres"],
  accounts = 64,
  concurrency = 16,
  rounds = 3,
  runs = [
    { hasher: "production", logins: 100 },
    { hasher: "cheap", logins: 1000 },
  ],
  log = () => {},
}) {
  /** @type {{ checkout: string, dialect: string, hasher: string, mode: string, logins: number, rounds: number, loginsPerSecond: number, batches: number[] }[]} */
  const results = [];
  const dir = await mkdtemp(join(tmpdir(), "newsdesk-login-bench-"));
  try {
    for (const dialect of dialects) {
      for (const run of runs) {
        /** @type {{ label: string, target: LoginTarget }[]} */
        const targets = [];
        try {
          for (const [label, root] of Object.entries(checkouts)) {
            const target = await prepareTarget({ root, dialect, dir, label, accounts, ...run });
            if (target) targets.push({ label, target });
          }
          if (targets.length === 0) continue;
          for (const mode of ["sequential", `${concurrency} concurrent`]) {
            /** @type {Map<string, number[]>} */
            const batches = new Map(targets.map((t) => [t.label, []]));
            for (let round = 0; round < rounds; round++) {
              for (const { label, target } of targets) {
                const started = performance.now();
                if (mode === "sequential") {
                  for (let i = 0; i < run.logins; i++) await target.loginOnce(i);
                } else {
                  let next = 0;
                  await Promise.all(
                    Array.from({ length: concurrency }, async (_, worker) => {
                      while (next < run.logins) {
                        next += 1;
                        await target.loginOnce(worker);
                      }
                    }),
                  );
                }
                batches.get(label)?.push(run.logins / ((performance.now() - started) / 1000));
              }
            }
            for (const [label, rates] of batches) {
              const result = {
                checkout: label,
                dialect,
                hasher: run.hasher,
                mode,
                logins: run.logins,
                rounds,
                loginsPerSecond: median(rates),
                batches: rates.map((r) => Math.round(r * 10) / 10),
              };
              results.push(result);
              log(
                `bench: login ${label} ${dialect} ${run.hasher} ${mode}: ${result.loginsPerSecond.toFixed(1)} logins/s (median of ${rates.map((r) => r.toFixed(1)).join(", ")})`,
              );
            }
          }
        } finally {
          for (const { target } of targets) await target.close();
        }
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return results;
}

/** @typedef {{ loginOnce: (slot: number) => Promise<void>, close: () => Promise<void> }} LoginTarget */

/**
 * A fresh database with `accounts` people, and the checkout's own AuthService on it.
 * @param {{ root: string, dialect: string, dir: string, label: string, accounts: number,
 *   hasher: "production" | "cheap" }} options
 * @returns {Promise<LoginTarget | undefined>}
 */
async function prepareTarget({ root, dialect, dir, label, accounts, hasher: cost }) {
  const dist = (/** @type {string} */ file) => pathToFileURL(join(root, "dist", file)).href;
  const { openDatabase, migrateToLatest } = await import(dist("storage/database.js"));
  const { UserSqlRepository } = await import(dist("storage/user-sql-repository.js"));
  const { AuthService } = await import(dist("domain/users/auth-service.js"));
  const { UserService } = await import(dist("domain/users/user-service.js"));
  const { Argon2PasswordHasher } = await import(dist("security/argon2-password-hasher.js"));
  const { systemActor } = await import(dist("domain/actor.js"));
  const { systemClock } = await import(dist("domain/clock.js"));
  const { BundledCommonPasswords } = await import(dist("security/common-password-list.js"));
  const { SecondFactorService } = await import(dist("domain/users/second-factor-service.js"));
  const { SecondFactorSqlRepository } = await import(
    dist("storage/second-factor-sql-repository.js")
  );
  const hasher =
    cost === "production"
      ? new Argon2PasswordHasher()
      : new Argon2PasswordHasher({ memoryCost: 1024, timeCost: 1 });
  let database;
  /** @type {(() => Promise<void>) | undefined} */
  let drop;
  if (dialect === "sqlite") {
    database = await openDatabase(`sqlite:${join(dir, `login-${label}-${cost}.db`)}`);
  } else {
    const schema = await createPgSchema("login");
    if (!schema) return undefined;
    drop = schema.drop;
    database = await openDatabase(schema.url);
  }
  await migrateToLatest(database);
  const users = new UserSqlRepository(database.db);
  // Wired as src/main.ts wires them (accounts without a second factor log in with a password).
  const commonPasswords = new BundledCommonPasswords();
  const people = new UserService({ users, hasher, clock: systemClock, commonPasswords });
  const secondFactors = new SecondFactorService({
    factors: new SecondFactorSqlRepository(database.db),
    clock: systemClock,
    issuer: "Newsdesk bench",
  });
  const auth = new AuthService({
    users,
    hasher,
    clock: systemClock,
    secondFactors,
    commonPasswords,
  });
  const password = "a benchmark password of some length";
  for (let a = 0; a < accounts; a++) {
    await people.create(systemActor("bench"), {
      email: `bench${a}@example.org`,
      displayName: `Bench ${a}`,
      password,
    });
  }
  let serial = 0;
  /** @param {number} slot */
  const loginOnce = async (slot) => {
    serial += 1;
    const ip = `10.${(serial >> 16) & 255}.${(serial >> 8) & 255}.${serial & 255}`;
    await auth.login({ email: `bench${slot % accounts}@example.org`, password }, ip);
  };
  // Warm-up: JIT, prepared statements, argon2 threads.
  for (let i = 0; i < 20; i++) await loginOnce(i);
  return {
    loginOnce,
    close: async () => {
      await database.close();
      await drop?.();
    },
  };
}

/** @param {number[]} values */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
