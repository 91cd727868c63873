import type { Grant, TokenScope, User } from "./user-schema.js";

export interface SessionRecord {
  readonly tokenHash: string;
  readonly userId: string;
  readonly csrfToken: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly lastSeenAt: string;
  /** When this session last proved the password (and second factor): log-in or re-authentication. */
  readonly reauthenticatedAt: string | null;
  readonly ip: string | null;
}

export interface ApiTokenRecord {
  readonly id: string;
  readonly userId: string;
  readonly name: string;
  readonly tokenHash: string;
  readonly scopes: readonly TokenScope[];
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

export interface ThrottleState {
  readonly failures: number;
  readonly windowStart: string;
  readonly lockedUntil: string | null;
}

export interface UserRepository {
  insertUser(user: User, passwordHash: string, grants: readonly Grant[]): Promise<void>;
  findUser(id: string): Promise<User | undefined>;
  findCredentials(email: string): Promise<{ user: User; passwordHash: string } | undefined>;
  listUsers(): Promise<{ user: User; grants: Grant[] }[]>;
  grantsOf(userId: string): Promise<Grant[]>;
  setGrants(userId: string, grants: readonly Grant[]): Promise<void>;
  setPassword(userId: string, passwordHash: string): Promise<void>;

  insertSession(session: SessionRecord): Promise<void>;
  findSession(tokenHash: string): Promise<SessionRecord | undefined>;
  touchSession(tokenHash: string, lastSeenAt: string): Promise<void>;
  deleteSession(tokenHash: string): Promise<void>;
  deleteUserSessions(userId: string): Promise<number>;
  /** Ends every session of the user but one (after a password change, ASVS 4.0.3 V3.3.3). */
  deleteUserSessionsExcept(userId: string, keepTokenHash: string): Promise<number>;
  markSessionAuthenticated(tokenHash: string, at: string): Promise<void>;

  insertToken(token: ApiTokenRecord): Promise<void>;
  findToken(tokenHash: string): Promise<ApiTokenRecord | undefined>;
  revokeToken(id: string, userId: string, at: string): Promise<boolean>;
  /** The user's tokens, newest first, without their hashes. */
  listTokens(userId: string): Promise<Omit<ApiTokenRecord, "tokenHash">[]>;

  readThrottle(key: string): Promise<ThrottleState | undefined>;
  writeThrottle(key: string, state: ThrottleState): Promise<void>;
  clearThrottle(key: string): Promise<void>;
}
