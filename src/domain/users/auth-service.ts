import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Actor } from "../actor.js";
import { userActor } from "../actor.js";
import type { Clock } from "../clock.js";
import { NewsdeskError } from "../error-catalogue.js";
import { newId } from "../ids.js";
import { parseOrThrow } from "../parse-or-throw.js";
import type { PasswordHasher } from "./password-hasher.js";
import type { UserRepository } from "./user-repository.js";
import { type Grant, loginInputSchema, type TokenScope, type User } from "./user-schema.js";

export interface ThrottlePolicy {
  readonly maxFailures: number;
  readonly windowMs: number;
  readonly lockMs: number;
}

export interface AuthPolicy {
  /** Per account: a targeted guess at one person's password. */
  readonly account: ThrottlePolicy;
  /** Per client address: spraying many accounts from one place. */
  readonly ip: ThrottlePolicy;
  /** Absolute session lifetime and idle timeout. */
  readonly sessionMs: number;
  readonly idleMs: number;
}

export const defaultAuthPolicy: AuthPolicy = {
  account: { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
  ip: { maxFailures: 30, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
  sessionMs: 7 * 24 * 3_600_000,
  idleMs: 12 * 3_600_000,
};

export interface SessionView {
  readonly user: User;
  readonly grants: readonly Grant[];
  readonly csrfToken: string;
  readonly actor: Actor;
  /**
   * REQUIRE_2FA: an administrator or service admin without a second factor may only enrol one
   * (and read or end the session) until they have; the newsroom router enforces it.
   */
  readonly mustEnrolSecondFactor?: boolean;
}

/** Secrets are stored only as SHA-256 hashes; a database leak does not leak sessions. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export function secretsEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Log-in, server-side sessions, API tokens and throttling. */
export class AuthService {
  readonly #users: UserRepository;
  readonly #hasher: PasswordHasher;
  readonly #clock: Clock;
  readonly #policy: AuthPolicy;
  #dummyHash: Promise<string> | undefined;

  constructor(deps: {
    users: UserRepository;
    hasher: PasswordHasher;
    clock: Clock;
    policy?: AuthPolicy;
  }) {
    this.#users = deps.users;
    this.#hasher = deps.hasher;
    this.#clock = deps.clock;
    this.#policy = deps.policy ?? defaultAuthPolicy;
  }

  /** Returns a new session token (for the cookie) and the session view. */
  async login(raw: unknown, ip: string | null): Promise<{ token: string; session: SessionView }> {
    const input = parseOrThrow(loginInputSchema, raw);
    const accountKey = `account:${input.email}`;
    const ipKey = `ip:${ip ?? "unknown"}`;
    const now = this.#clock.now();
    for (const key of [accountKey, ipKey]) {
      const state = await this.#users.readThrottle(key);
      if (state?.lockedUntil && Date.parse(state.lockedUntil) > now.getTime()) {
        const seconds = Math.ceil((Date.parse(state.lockedUntil) - now.getTime()) / 1000);
        throw new NewsdeskError("LOGIN_THROTTLED", {
          detail: `Too many failed log-in attempts. Try again in ${Math.ceil(seconds / 60)} minutes.`,
          details: { retryAfterSeconds: seconds },
        });
      }
    }
    const credentials = await this.#users.findCredentials(input.email);
    // Verify against a dummy hash for unknown accounts, so timing does not reveal which exist.
    const valid = credentials
      ? await this.#hasher.verify(credentials.passwordHash, input.password)
      : (await this.#hasher.verify(await this.#dummy(), input.password)) && false;
    if (!credentials || !valid || credentials.user.disabledAt) {
      await this.#fail(accountKey, this.#policy.account, now);
      await this.#fail(ipKey, this.#policy.ip, now);
      throw new NewsdeskError("AUTH_FAILED");
    }
    await this.#users.clearThrottle(accountKey);
    const token = randomBytes(32).toString("base64url");
    const csrfToken = randomBytes(24).toString("base64url");
    await this.#users.insertSession({
      tokenHash: hashSecret(token),
      userId: credentials.user.id,
      csrfToken,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + this.#policy.sessionMs).toISOString(),
      lastSeenAt: now.toISOString(),
      ip,
    });
    const grants = await this.#users.grantsOf(credentials.user.id);
    return {
      token,
      session: {
        user: credentials.user,
        grants,
        csrfToken,
        actor: userActor(credentials.user.id, grants, credentials.user.isAdmin),
      },
    };
  }

  /** The session behind a cookie token, or undefined if unknown, expired or idle too long. */
  async authenticate(token: string): Promise<SessionView | undefined> {
    const tokenHash = hashSecret(token);
    const session = await this.#users.findSession(tokenHash);
    if (!session) return undefined;
    const now = this.#clock.now().getTime();
    if (
      Date.parse(session.expiresAt) <= now ||
      Date.parse(session.lastSeenAt) + this.#policy.idleMs <= now
    ) {
      await this.#users.deleteSession(tokenHash);
      return undefined;
    }
    const user = await this.#users.findUser(session.userId);
    if (!user || user.disabledAt) return undefined;
    // Sliding idle timeout, written at most once a minute to spare the database.
    if (now - Date.parse(session.lastSeenAt) > 60_000) {
      await this.#users.touchSession(tokenHash, new Date(now).toISOString());
    }
    const grants = await this.#users.grantsOf(user.id);
    return {
      user,
      grants,
      csrfToken: session.csrfToken,
      actor: userActor(user.id, grants, user.isAdmin),
    };
  }

  async logout(token: string): Promise<void> {
    await this.#users.deleteSession(hashSecret(token));
  }

  async logoutEverywhere(userId: string): Promise<number> {
    return this.#users.deleteUserSessions(userId);
  }

  /** A scoped API token for automation; the plain token is returned once, never stored. */
  async createApiToken(
    actor: Actor,
    name: string,
    scopes: readonly TokenScope[],
  ): Promise<{ id: string; token: string }> {
    if (actor.kind !== "user")
      throw new NewsdeskError("FORBIDDEN", { detail: "Only people own API tokens." });
    const token = `nd_${randomBytes(32).toString("base64url")}`;
    const id = newId();
    await this.#users.insertToken({
      id,
      userId: actor.userId,
      name: name.trim().slice(0, 100) || "token",
      tokenHash: hashSecret(token),
      scopes: [...new Set(scopes)],
      createdAt: this.#clock.now().toISOString(),
      revokedAt: null,
    });
    return { id, token };
  }

  /** The caller's own API tokens (never the hashes); revoked ones stay listed. */
  async listApiTokens(actor: Actor): Promise<
    {
      id: string;
      name: string;
      scopes: TokenScope[];
      createdAt: string;
      revokedAt: string | null;
    }[]
  > {
    if (actor.kind !== "user") return [];
    const tokens = await this.#users.listTokens(actor.userId);
    return tokens.map((t) => ({
      id: t.id,
      name: t.name,
      scopes: [...t.scopes],
      createdAt: t.createdAt,
      revokedAt: t.revokedAt,
    }));
  }

  async revokeApiToken(actor: Actor, id: string): Promise<boolean> {
    if (actor.kind !== "user") return false;
    return this.#users.revokeToken(id, actor.userId, this.#clock.now().toISOString());
  }

  /** The actor behind an API token, with its scopes; undefined if unknown or revoked. */
  async authenticateToken(
    token: string,
  ): Promise<{ actor: Actor; tokenId: string; scopes: readonly TokenScope[] } | undefined> {
    if (!token.startsWith("nd_")) return undefined;
    const record = await this.#users.findToken(hashSecret(token));
    if (!record || record.revokedAt) return undefined;
    const user = await this.#users.findUser(record.userId);
    if (!user || user.disabledAt) return undefined;
    const grants = await this.#users.grantsOf(user.id);
    return {
      actor: userActor(user.id, grants, user.isAdmin),
      tokenId: record.id,
      scopes: record.scopes,
    };
  }

  async #fail(key: string, policy: ThrottlePolicy, now: Date): Promise<void> {
    const state = await this.#users.readThrottle(key);
    const windowOpen = state && Date.parse(state.windowStart) + policy.windowMs > now.getTime();
    const failures = windowOpen ? state.failures + 1 : 1;
    await this.#users.writeThrottle(key, {
      failures,
      windowStart: windowOpen ? state.windowStart : now.toISOString(),
      lockedUntil:
        failures >= policy.maxFailures
          ? new Date(now.getTime() + policy.lockMs).toISOString()
          : null,
    });
  }

  #dummy(): Promise<string> {
    this.#dummyHash ??= this.#hasher.hash(randomBytes(16).toString("hex"));
    return this.#dummyHash;
  }
}
