import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Clock } from "../clock.js";
import type { ApiKeyRecord, ApiKeyRepository } from "../distribution/api-key-repository.js";
import { NewsdeskError } from "../error-catalogue.js";
import { newId } from "../ids.js";

const keyPattern = /^ndk_([0-9a-hjkmnp-tv-z]{12})_([A-Za-z0-9_-]{43})$/;

/**
 * Content-API keys: `ndk_<id>_<secret>`. Only a SHA-256 of the 256-bit random secret is
 * stored; a slow password hash is unnecessary for secrets with that much entropy, and a
 * fast one keeps every API request cheap. The full key is shown once, at issue.
 */
export class ApiKeyService {
  readonly #repository: ApiKeyRepository;
  readonly #clock: Clock;

  constructor(deps: { repository: ApiKeyRepository; clock: Clock }) {
    this.#repository = deps.repository;
    this.#clock = deps.clock;
  }

  async issue(input: {
    name: string;
    rateLimitPerMinute: number;
  }): Promise<{ key: string; record: ApiKeyRecord }> {
    const id = newId();
    const secret = randomBytes(32).toString("base64url");
    const record: ApiKeyRecord = {
      id,
      name: input.name,
      secretHash: sha256(secret),
      rateLimitPerMinute: input.rateLimitPerMinute,
      createdAt: this.#clock.now().toISOString(),
      revokedAt: null,
    };
    await this.#repository.insertApiKey(record);
    return { key: `ndk_${id}_${secret}`, record };
  }

  async revoke(id: string): Promise<boolean> {
    return this.#repository.revokeApiKey(id, this.#clock.now().toISOString());
  }

  /** The key's record, or API_KEY_MISSING / API_KEY_INVALID. */
  async verify(presented: string | undefined): Promise<ApiKeyRecord> {
    if (!presented) throw new NewsdeskError("API_KEY_MISSING");
    const match = keyPattern.exec(presented);
    if (!match?.[1] || !match[2]) throw new NewsdeskError("API_KEY_INVALID");
    const record = await this.#repository.findApiKey(match[1]);
    const presentedHash = Buffer.from(sha256(match[2]), "hex");
    // Compare in constant time even when the id is unknown, so timing reveals nothing.
    const storedHash = Buffer.from(record?.secretHash ?? "0".repeat(64), "hex");
    const equal = timingSafeEqual(presentedHash, storedHash);
    if (!record || !equal || record.revokedAt !== null) {
      throw new NewsdeskError("API_KEY_INVALID");
    }
    return record;
  }
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
