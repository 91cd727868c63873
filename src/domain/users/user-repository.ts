import type { LoginAttemptStore } from "./login-throttle.js";
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
  /** Null only if the database holds a token from before expiries; such a token fails. */
  readonly expiresAt: string | null;
  readonly revokedAt: string | null;
}

export interface UserRepository extends LoginAttemptStore {
  insertUser(user: User, passwordHash: string, grants: readonly Grant[]): Promise<void>;
  findUser(id: string): Promise<User | undefined>;
  findCredentials(email: string): Promise<{ user: User; passwordHash: string } | undefined>;
  listUsers(): Promise<{ user: User; grants: Grant[] }[]>;
  grantsOf(userId: string): Promise<Grant[]>;
  setGrants(userId: string, grants: readonly Grant[]): Promise<void>;
  setPassword(userId: string, passwordHash: string): Promise<void>;
  /** Links the account to a catalogue person (null: no link). */
  setPerson(userId: string, personId: string | null): Promise<void>;
  /** Disables (a time) or re-enables (null) the account. */
  setDisabled(userId: string, disabledAt: string | null): Promise<void>;

  insertSession(session: SessionRecord): Promise<void>;
  findSession(tokenHash: string): Promise<SessionRecord | undefined>;
  touchSession(tokenHash: string, lastSeenAt: string): Promise<void>;
  deleteSession(tokenHash: string): Promise<void>;
  markSessionAuthenticated(tokenHash: string, at: string): Promise<void>;
  /**
   * Deletes every session of the user (but `keepTokenHash`, the one that changed the
   * password: ASVS 4.0.3 V3.3.3) and revokes (at `at`) every API token still live, in one
   * transaction: tokens end with their owner's sessions.
   */
  endUserSessions(
    userId: string,
    at: string,
    keepTokenHash?: string,
  ): Promise<{ sessions: number; tokens: number }>;

  insertToken(token: ApiTokenRecord): Promise<void>;
  findToken(tokenHash: string): Promise<ApiTokenRecord | undefined>;
  revokeToken(id: string, userId: string, at: string): Promise<boolean>;
  /** The user's tokens, newest first, without their hashes. */
  listTokens(userId: string): Promise<Omit<ApiTokenRecord, "tokenHash">[]>;
}
