import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { Actor } from "../actor.js";
import type { Clock } from "../clock.js";
import type { ApiKeyRecord, ApiKeyRepository } from "../distribution/api-key-repository.js";
import { NewsdeskError } from "../error-catalogue.js";
import { newId } from "../ids.js";
import { parseOrThrow } from "../parse-or-throw.js";
import { assertAdmin } from "../users/access-policy.js";

/** What an administrator gives when issuing a key (HTTP, CLI and UI share it). */
const issueApiKeyInput = z.object({
  name: z.string().trim().min(1).max(100),
  rateLimitPerMinute: z.number().int().min(1).max(100_000).default(60),
});

/** A key as administrators see it: never the hash, never the secret. */
export interface ApiKeyView {
  readonly id: string;
  readonly name: string;
  readonly rateLimitPerMinute: number;
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

export function apiKeyView(record: ApiKeyRecord): ApiKeyView {
  return {
    id: record.id,
    name: record.name,
    rateLimitPerMinute: record.rateLimitPerMinute,
    createdAt: record.createdAt,
    revokedAt: record.revokedAt,
  };
}

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

  /** Issues a key (administrators only); the full key is in the result and nowhere else. */
  async issue(actor: Actor, raw: unknown): Promise<{ key: string; record: ApiKeyRecord }> {
    assertAdmin(actor, "issue content-API keys");
    const input = parseOrThrow(issueApiKeyInput, raw);
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

  /** Revokes a key at once (administrators only); API_KEY_NOT_FOUND if unknown or revoked. */
  async revoke(actor: Actor, id: string): Promise<void> {
    assertAdmin(actor, "revoke content-API keys");
    if (!(await this.#repository.revokeApiKey(id, this.#clock.now().toISOString()))) {
      throw new NewsdeskError("API_KEY_NOT_FOUND");
    }
  }

  /** Every key, newest first, revoked ones included (administrators only). */
  async list(actor: Actor): Promise<ApiKeyView[]> {
    assertAdmin(actor, "see content-API keys");
    return (await this.#repository.listApiKeys()).map(apiKeyView);
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
