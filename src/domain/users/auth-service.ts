import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Actor } from "../actor.js";
import { userActor } from "../actor.js";
import type { Clock } from "../clock.js";
import { NewsdeskError } from "../error-catalogue.js";
import { newId } from "../ids.js";
import { parseOrThrow } from "../parse-or-throw.js";
import { type Admission, LoginThrottle, type LoginThrottlePolicy } from "./login-throttle.js";
import type { PasswordHasher } from "./password-hasher.js";
import { assertAcceptablePassword, type CommonPasswords } from "./password-policy.js";
import { assertRecentlyAuthenticated, recentAuthenticationMs } from "./recent-authentication.js";
import type { SecondFactorProof, SecondFactorService } from "./second-factor-service.js";
import type { SessionRecord, UserRepository } from "./user-repository.js";
import {
  changePasswordInputSchema,
  createTokenInputSchema,
  type Grant,
  loginInputSchema,
  passwordSchema,
  reauthenticateInputSchema,
  type TokenScope,
  type User,
} from "./user-schema.js";

/**
 * How the caller proved who they are. The domain needs to tell a browser session from an
 * API token: some acts (creating tokens) need the person, not their automation.
 */
export type Credential =
  | { readonly kind: "session"; readonly session: Pick<SessionView, "reauthenticatedAt"> }
  | { readonly kind: "token"; readonly scopes: readonly TokenScope[] };

export interface AuthPolicy {
  /**
   * Absolute session lifetime and idle timeout. ASVS 4.0.3 V3.3.2 at level 2: re-authenticate
   * at least every 12 hours, or after 30 minutes of inactivity (SESSION_ABSOLUTE_HOURS,
   * SESSION_IDLE_MINUTES).
   */
  readonly sessionMs: number;
  readonly idleMs: number;
  /** How long a log-in or re-authentication counts as recent (ASVS 4.0.3 V3.7.1). */
  readonly recentAuthenticationMs: number;
  /** REQUIRE_2FA=1: administrators and service admins must use a second factor. */
  readonly requireSecondFactor: boolean;
}

export const defaultAuthPolicy: AuthPolicy = {
  sessionMs: 12 * 3_600_000,
  idleMs: 30 * 60_000,
  recentAuthenticationMs,
  requireSecondFactor: false,
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
  /**
   * When this session last proved the password (and second factor): log-in or
   * re-authentication. Absent counts as "not recently".
   */
  readonly reauthenticatedAt?: string | null;
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
  readonly #secondFactors: SecondFactorService;
  readonly #commonPasswords: CommonPasswords;
  readonly #throttle: LoginThrottle;
  #dummyHash: Promise<string> | undefined;

  constructor(deps: {
    users: UserRepository;
    hasher: PasswordHasher;
    clock: Clock;
    secondFactors: SecondFactorService;
    commonPasswords: CommonPasswords;
    policy?: AuthPolicy;
    throttle?: LoginThrottlePolicy;
  }) {
    this.#users = deps.users;
    this.#hasher = deps.hasher;
    this.#clock = deps.clock;
    this.#secondFactors = deps.secondFactors;
    this.#commonPasswords = deps.commonPasswords;
    this.#policy = deps.policy ?? defaultAuthPolicy;
    this.#throttle = new LoginThrottle({
      store: deps.users,
      clock: deps.clock,
      ...(deps.throttle ? { policy: deps.throttle } : {}),
    });
  }

  /** The session cookie's Max-Age: it dies with the session's absolute lifetime. */
  get sessionCookieMaxAgeSeconds(): number {
    return Math.floor(this.#policy.sessionMs / 1000);
  }

  /** Returns a new session token (for the cookie) and the session view. */
  async login(raw: unknown, ip: string | null): Promise<{ token: string; session: SessionView }> {
    const input = parseOrThrow(loginInputSchema, raw);
    // Counted before the password is checked (LoginThrottle), so parallel guesses cannot race.
    const admission = await this.#throttle.admit(input.email, ip);
    const now = this.#clock.now();
    const credentials = await this.#users.findCredentials(input.email);
    // Verify against a dummy hash for unknown accounts, so timing does not reveal which exist.
    const valid = credentials
      ? await this.#hasher.verify(credentials.passwordHash, input.password)
      : (await this.#hasher.verify(await this.#dummy(), input.password)) && false;
    if (!credentials || !valid || credentials.user.disabledAt) {
      throw new NewsdeskError("AUTH_FAILED");
    }
    await this.#requireSecondFactor(credentials.user.id, input, admission);
    await admission.succeeded();
    const token = randomBytes(32).toString("base64url");
    const csrfToken = randomBytes(24).toString("base64url");
    await this.#users.insertSession({
      tokenHash: hashSecret(token),
      userId: credentials.user.id,
      csrfToken,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + this.#policy.sessionMs).toISOString(),
      lastSeenAt: now.toISOString(),
      reauthenticatedAt: now.toISOString(),
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
        mustEnrolSecondFactor: await this.#mustEnrol(credentials.user, grants),
        reauthenticatedAt: now.toISOString(),
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
      mustEnrolSecondFactor: await this.#mustEnrol(user, grants),
      reauthenticatedAt: session.reauthenticatedAt,
    };
  }

  /**
   * The check for sensitive actions (token creation, second-factor changes): throws
   * REAUTHENTICATION_REQUIRED unless the session logged in or re-authenticated within the
   * last few minutes (ASVS 4.0.3 V3.7.1). Callers then send the user to `reauthenticate`.
   */
  requireRecentAuthentication(session: Pick<SessionView, "reauthenticatedAt">): void {
    assertRecentlyAuthenticated(session, this.#clock.now(), this.#policy.recentAuthenticationMs);
  }

  /**
   * Proves the password again (and the second factor, if the account has one) and marks the
   * session as recently authenticated. Failures count towards the account's log-in throttle.
   */
  async reauthenticate(token: string, raw: unknown): Promise<SessionView> {
    const input = parseOrThrow(reauthenticateInputSchema, raw);
    const { record, user } = await this.#liveSession(token);
    await this.#proveIdentity(user, input.password, input);
    const at = this.#clock.now().toISOString();
    await this.#users.markSessionAuthenticated(record.tokenHash, at);
    const view = await this.authenticate(token);
    if (!view) throw new NewsdeskError("AUTH_REQUIRED");
    return view;
  }

  /**
   * Self-service password change (ASVS 4.0.3 V2.1.5, V2.1.6): the current password (and the
   * second factor, if any) is required; the new one is screened like any chosen password.
   * Every other session ends (V3.3.3); this one continues, freshly authenticated.
   * Returns how many other sessions ended.
   */
  async changePassword(token: string, raw: unknown): Promise<number> {
    const input = parseOrThrow(changePasswordInputSchema, raw);
    const { record, user } = await this.#liveSession(token);
    await this.#proveIdentity(user, input.currentPassword, input);
    const password = parseOrThrow(passwordSchema, input.newPassword);
    await assertAcceptablePassword(password, user.email, this.#commonPasswords);
    await this.#users.setPassword(user.id, await this.#hasher.hash(password));
    // Whoever knew the old password is out: other sessions and every API token (item 7).
    const now = this.#clock.now().toISOString();
    const ended = await this.#users.endUserSessions(user.id, now, record.tokenHash);
    await this.#users.markSessionAuthenticated(record.tokenHash, now);
    return ended.sessions;
  }

  async logout(token: string): Promise<void> {
    await this.#users.deleteSession(hashSecret(token));
  }

  /** Ends every session of the user and revokes their API tokens: tokens end with sessions. */
  async logoutEverywhere(userId: string): Promise<{ sessions: number; tokens: number }> {
    return this.#users.endUserSessions(userId, this.#clock.now().toISOString());
  }

  /**
   * A scoped API token for automation; the plain token is returned once, never stored.
   * Only a person in a browser session may mint one: a token may never
   * create a token, so a leaked read token cannot become a publish token, and no chain of
   * tokens outlives the session that started it.
   */
  async createApiToken(
    actor: Actor,
    credential: Credential,
    raw: unknown,
  ): Promise<{ id: string; token: string; expiresAt: string }> {
    if (actor.kind !== "user")
      throw new NewsdeskError("FORBIDDEN", { detail: "Only people own API tokens." });
    if (credential.kind !== "session") {
      throw new NewsdeskError("FORBIDDEN", {
        detail: "API tokens cannot create API tokens; log in to create one.",
        details: { action: "token.create" },
      });
    }
    // ASVS 4.0.3 V3.7.1: minting a credential needs a recent proof of identity, so a session
    // left open on a shared machine cannot mint a long-lived token.
    this.requireRecentAuthentication(credential.session);
    const input = parseOrThrow(createTokenInputSchema, raw);
    const token = `nd_${randomBytes(32).toString("base64url")}`;
    const id = newId();
    const now = this.#clock.now();
    const expiresAt = new Date(now.getTime() + input.expiresInDays * 86_400_000).toISOString();
    await this.#users.insertToken({
      id,
      userId: actor.userId,
      name: input.name,
      tokenHash: hashSecret(token),
      scopes: [...new Set(input.scopes)],
      createdAt: now.toISOString(),
      expiresAt,
      revokedAt: null,
    });
    return { id, token, expiresAt };
  }

  /** The caller's own API tokens (never the hashes); revoked ones stay listed. */
  async listApiTokens(actor: Actor): Promise<
    {
      id: string;
      name: string;
      scopes: TokenScope[];
      createdAt: string;
      expiresAt: string | null;
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
      expiresAt: t.expiresAt,
      revokedAt: t.revokedAt,
    }));
  }

  async revokeApiToken(actor: Actor, id: string): Promise<boolean> {
    if (actor.kind !== "user") return false;
    return this.#users.revokeToken(id, actor.userId, this.#clock.now().toISOString());
  }

  /** The actor behind an API token, with its scopes; undefined if unknown, revoked or expired. */
  async authenticateToken(
    token: string,
  ): Promise<{ actor: Actor; tokenId: string; scopes: readonly TokenScope[] } | undefined> {
    if (!token.startsWith("nd_")) return undefined;
    const record = await this.#users.findToken(hashSecret(token));
    if (!record || record.revokedAt) return undefined;
    // A token without an expiry fails closed; every token written since 0010 has one.
    if (!record.expiresAt || Date.parse(record.expiresAt) <= this.#clock.now().getTime()) {
      return undefined;
    }
    const user = await this.#users.findUser(record.userId);
    if (!user || user.disabledAt) return undefined;
    const grants = await this.#users.grantsOf(user.id);
    return {
      actor: userActor(user.id, grants, user.isAdmin),
      tokenId: record.id,
      scopes: record.scopes,
    };
  }

  /**
   * Log-in with a second factor (RFC 6238 TOTP or a recovery code) in the same request as the
   * password: no half-authenticated session ever exists. A wrong code counts as a failed
   * log-in for the account and the address, like a wrong password.
   */
  async #requireSecondFactor(
    userId: string,
    proof: SecondFactorProof,
    admission: Admission,
  ): Promise<void> {
    const result = await this.#secondFactors.check(userId, proof);
    if (result === "missing") {
      // The password was right and nothing was guessed: give the attempt back, but do not
      // clear the account's count, or a known password would reset it between code guesses.
      await admission.refund();
      throw new NewsdeskError("AUTH_SECOND_FACTOR_REQUIRED");
    }
    // A refused code stays counted against the account and the address, like a wrong password.
    if (result === "refused") throw new NewsdeskError("AUTH_SECOND_FACTOR_FAILED");
  }

  /** The password and second factor of a signed-in user, throttled like a log-in. */
  async #proveIdentity(user: User, password: string, proof: SecondFactorProof): Promise<void> {
    // Counted before the password is checked, per account (LoginThrottle.admitAccount).
    const admission = await this.#throttle.admitAccount(user.email);
    const credentials = await this.#users.findCredentials(user.email);
    const valid =
      credentials !== undefined && (await this.#hasher.verify(credentials.passwordHash, password));
    const second = valid ? await this.#secondFactors.check(user.id, proof) : "refused";
    if (second === "missing") {
      // The password was right; nothing was guessed, so nothing is counted.
      await admission.refund();
      throw new NewsdeskError("REAUTHENTICATION_FAILED", {
        detail: "Enter the code from your authenticator app, or a recovery code, too.",
      });
    }
    if (!valid || second === "refused") throw new NewsdeskError("REAUTHENTICATION_FAILED");
    await admission.succeeded();
  }

  async #liveSession(token: string): Promise<{ record: SessionRecord; user: User }> {
    const view = await this.authenticate(token);
    const record = view ? await this.#users.findSession(hashSecret(token)) : undefined;
    if (!view || !record) throw new NewsdeskError("AUTH_REQUIRED");
    return { record, user: view.user };
  }

  /** REQUIRE_2FA: privileged people without a confirmed second factor may only enrol one. */
  async #mustEnrol(user: User, grants: readonly Grant[]): Promise<boolean> {
    if (!this.#policy.requireSecondFactor) return false;
    const privileged = user.isAdmin || grants.some((g) => g.role === "service_admin");
    return privileged && !(await this.#secondFactors.isEnrolled(user.id));
  }

  #dummy(): Promise<string> {
    this.#dummyHash ??= this.#hasher.hash(randomBytes(16).toString("hex"));
    return this.#dummyHash;
  }
}
