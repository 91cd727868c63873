import { hash, verify } from "@node-rs/argon2";
import type { PasswordHasher } from "../domain/users/password-hasher.js";

/**
 * argon2id (RFC 9106) with OWASP's recommended minimum: 19 MiB memory, 2 iterations,
 * parallelism 1. Tests may lower the cost; production never should.
 */
export class Argon2PasswordHasher implements PasswordHasher {
  readonly #options: { memoryCost: number; timeCost: number; parallelism: number };

  constructor(options: { memoryCost?: number; timeCost?: number } = {}) {
    this.#options = {
      memoryCost: options.memoryCost ?? 19_456,
      timeCost: options.timeCost ?? 2,
      parallelism: 1,
    };
  }

  hash(password: string): Promise<string> {
    // algorithm 2 = Argon2id in @node-rs/argon2's const enum.
    return hash(password, { ...this.#options, algorithm: 2 });
  }

  async verify(hashed: string, password: string): Promise<boolean> {
    try {
      return await verify(hashed, password);
    } catch {
      return false;
    }
  }
}
