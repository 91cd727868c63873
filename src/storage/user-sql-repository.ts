import type { Kysely, Selectable } from "kysely";
import type { ServiceId } from "../domain/services/service-registry.js";
import type { AttemptCount } from "../domain/users/login-throttle.js";
import type {
  ApiTokenRecord,
  SessionRecord,
  UserRepository,
} from "../domain/users/user-repository.js";
import {
  type Grant,
  type Role,
  type TokenScope,
  tokenScopes,
  type User,
} from "../domain/users/user-schema.js";
import type { DatabaseSchema, UsersTable } from "./database-schema.js";

export class UserSqlRepository implements UserRepository {
  readonly #db: Kysely<DatabaseSchema>;

  constructor(db: Kysely<DatabaseSchema>) {
    this.#db = db;
  }

  async insertUser(user: User, passwordHash: string, grants: readonly Grant[]): Promise<void> {
    await this.#db.transaction().execute(async (trx) => {
      await trx
        .insertInto("users")
        .values({
          id: user.id,
          email: user.email,
          display_name: user.displayName,
          password_hash: passwordHash,
          is_admin: user.isAdmin ? 1 : 0,
          created_at: user.createdAt,
          disabled_at: user.disabledAt,
          person_id: user.personId,
        })
        .execute();
      if (grants.length > 0) {
        await trx
          .insertInto("user_grants")
          .values(grants.map((g) => ({ user_id: user.id, service_id: g.serviceId, role: g.role })))
          .execute();
      }
    });
  }

  async findUser(id: string): Promise<User | undefined> {
    const row = await this.#db
      .selectFrom("users")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirst();
    return row ? userFromRow(row) : undefined;
  }

  async findCredentials(email: string): Promise<{ user: User; passwordHash: string } | undefined> {
    const row = await this.#db
      .selectFrom("users")
      .selectAll()
      .where("email", "=", email)
      .executeTakeFirst();
    return row ? { user: userFromRow(row), passwordHash: row.password_hash } : undefined;
  }

  async listUsers(): Promise<{ user: User; grants: Grant[] }[]> {
    const [users, grants] = await Promise.all([
      this.#db.selectFrom("users").selectAll().orderBy("email").execute(),
      this.#db.selectFrom("user_grants").selectAll().execute(),
    ]);
    return users.map((row) => ({
      user: userFromRow(row),
      grants: grants.filter((g) => g.user_id === row.id).map(grantFromRow),
    }));
  }

  async grantsOf(userId: string): Promise<Grant[]> {
    const rows = await this.#db
      .selectFrom("user_grants")
      .selectAll()
      .where("user_id", "=", userId)
      .execute();
    return rows.map(grantFromRow);
  }

  async setGrants(userId: string, grants: readonly Grant[]): Promise<void> {
    await this.#db.transaction().execute(async (trx) => {
      await trx.deleteFrom("user_grants").where("user_id", "=", userId).execute();
      if (grants.length > 0) {
        await trx
          .insertInto("user_grants")
          .values(grants.map((g) => ({ user_id: userId, service_id: g.serviceId, role: g.role })))
          .execute();
      }
    });
  }

  async setPassword(userId: string, passwordHash: string): Promise<void> {
    await this.#db
      .updateTable("users")
      .set({ password_hash: passwordHash })
      .where("id", "=", userId)
      .execute();
  }

  async setPerson(userId: string, personId: string | null): Promise<void> {
    await this.#db
      .updateTable("users")
      .set({ person_id: personId })
      .where("id", "=", userId)
      .execute();
  }

  async setDisabled(userId: string, disabledAt: string | null): Promise<void> {
    await this.#db
      .updateTable("users")
      .set({ disabled_at: disabledAt })
      .where("id", "=", userId)
      .execute();
  }

  async insertSession(s: SessionRecord): Promise<void> {
    await this.#db
      .insertInto("sessions")
      .values({
        token_hash: s.tokenHash,
        user_id: s.userId,
        csrf_token: s.csrfToken,
        created_at: s.createdAt,
        expires_at: s.expiresAt,
        last_seen_at: s.lastSeenAt,
        reauthenticated_at: s.reauthenticatedAt,
        ip: s.ip,
      })
      .execute();
  }

  async findSession(tokenHash: string): Promise<SessionRecord | undefined> {
    const row = await this.#db
      .selectFrom("sessions")
      .selectAll()
      .where("token_hash", "=", tokenHash)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      tokenHash: row.token_hash,
      userId: row.user_id,
      csrfToken: row.csrf_token,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
      lastSeenAt: row.last_seen_at,
      reauthenticatedAt: row.reauthenticated_at,
      ip: row.ip,
    };
  }

  async touchSession(tokenHash: string, lastSeenAt: string): Promise<void> {
    await this.#db
      .updateTable("sessions")
      .set({ last_seen_at: lastSeenAt })
      .where("token_hash", "=", tokenHash)
      .execute();
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.#db.deleteFrom("sessions").where("token_hash", "=", tokenHash).execute();
  }

  async endUserSessions(
    userId: string,
    at: string,
    keepTokenHash?: string,
  ): Promise<{ sessions: number; tokens: number }> {
    return this.#db.transaction().execute(async (trx) => {
      const sessions = await trx
        .deleteFrom("sessions")
        .where("user_id", "=", userId)
        .$if(keepTokenHash !== undefined, (q) => q.where("token_hash", "<>", keepTokenHash ?? ""))
        .executeTakeFirst();
      const tokens = await trx
        .updateTable("api_tokens")
        .set({ revoked_at: at })
        .where("user_id", "=", userId)
        .where("revoked_at", "is", null)
        .executeTakeFirst();
      return {
        sessions: Number(sessions.numDeletedRows),
        tokens: Number(tokens.numUpdatedRows),
      };
    });
  }

  async markSessionAuthenticated(tokenHash: string, at: string): Promise<void> {
    await this.#db
      .updateTable("sessions")
      .set({ reauthenticated_at: at })
      .where("token_hash", "=", tokenHash)
      .execute();
  }

  async insertToken(t: ApiTokenRecord): Promise<void> {
    await this.#db
      .insertInto("api_tokens")
      .values({
        id: t.id,
        user_id: t.userId,
        name: t.name,
        token_hash: t.tokenHash,
        scopes: JSON.stringify(t.scopes),
        created_at: t.createdAt,
        expires_at: t.expiresAt,
        last_used_at: null,
        revoked_at: t.revokedAt,
      })
      .execute();
  }

  async findToken(tokenHash: string): Promise<ApiTokenRecord | undefined> {
    const row = await this.#db
      .selectFrom("api_tokens")
      .selectAll()
      .where("token_hash", "=", tokenHash)
      .executeTakeFirst();
    if (!row) return undefined;
    const parsed: unknown = JSON.parse(row.scopes);
    const scopes = Array.isArray(parsed)
      ? parsed.filter((s): s is TokenScope => (tokenScopes as readonly unknown[]).includes(s))
      : [];
    return {
      id: row.id,
      userId: row.user_id,
      name: row.name,
      tokenHash: row.token_hash,
      scopes,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
      revokedAt: row.revoked_at,
    };
  }

  async listTokens(userId: string): Promise<Omit<ApiTokenRecord, "tokenHash">[]> {
    const rows = await this.#db
      .selectFrom("api_tokens")
      .select(["id", "user_id", "name", "scopes", "created_at", "expires_at", "revoked_at"])
      .where("user_id", "=", userId)
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .execute();
    return rows.map((row) => {
      const parsed: unknown = JSON.parse(row.scopes);
      return {
        id: row.id,
        userId: row.user_id,
        name: row.name,
        scopes: Array.isArray(parsed)
          ? parsed.filter((s): s is TokenScope => (tokenScopes as readonly unknown[]).includes(s))
          : [],
        createdAt: row.created_at,
        expiresAt: row.expires_at,
        revokedAt: row.revoked_at,
      };
    });
  }

  async revokeToken(id: string, userId: string, at: string): Promise<boolean> {
    const result = await this.#db
      .updateTable("api_tokens")
      .set({ revoked_at: at })
      .where("id", "=", id)
      .where("user_id", "=", userId)
      .where("revoked_at", "is", null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async countLoginAttempt(
    keys: readonly { key: string; windowEndsAt: string }[],
    now: string,
  ): Promise<AttemptCount[]> {
    // One statement, so one atomic step on both dialects: INSERT … ON CONFLICT DO UPDATE …
    // RETURNING (PostgreSQL 9.5+, SQLite 3.35+). Concurrent attempts serialize on the row and
    // each reads the count its own increment produced. A window that has ended restarts.
    const rows = await this.#db
      .insertInto("login_attempts")
      .values(keys.map((k) => ({ key: k.key, attempts: 1, window_ends_at: k.windowEndsAt })))
      .onConflict((oc) =>
        oc.column("key").doUpdateSet((eb) => ({
          attempts: eb
            .case()
            .when("login_attempts.window_ends_at", "<=", now)
            .then(1)
            .else(eb("login_attempts.attempts", "+", 1))
            .end(),
          window_ends_at: eb
            .case()
            .when("login_attempts.window_ends_at", "<=", now)
            .then(eb.ref("excluded.window_ends_at"))
            .else(eb.ref("login_attempts.window_ends_at"))
            .end(),
        })),
      )
      .returning(["key", "attempts", "window_ends_at"])
      .execute();
    return rows.map((row) => ({
      key: row.key,
      attempts: Number(row.attempts),
      windowEndsAt: row.window_ends_at,
    }));
  }

  async settleLoginAttempts(settlement: {
    readonly clear: readonly string[];
    readonly refund: readonly { readonly key: string; readonly windowEndsAt: string }[];
  }): Promise<void> {
    const { clear, refund } = settlement;
    if (clear.length === 0 && refund.length === 0) return;
    // One statement, so settling a log-in costs one write (a commit), not one per counter.
    await this.#db
      .updateTable("login_attempts")
      .set((eb) => ({
        attempts:
          clear.length > 0
            ? eb
                .case()
                .when("key", "in", clear)
                .then(0)
                .else(eb("attempts", "-", 1))
                .end()
            : eb("attempts", "-", 1),
      }))
      .where((eb) =>
        eb.or([
          ...(clear.length > 0 ? [eb("key", "in", clear)] : []),
          ...refund.map((r) =>
            eb.and([
              eb("key", "=", r.key),
              eb("window_ends_at", "=", r.windowEndsAt),
              eb("attempts", ">", 0),
            ]),
          ),
        ]),
      )
      .execute();
  }

  async sweepLoginAttempts(before: string): Promise<void> {
    await this.#db.deleteFrom("login_attempts").where("window_ends_at", "<", before).execute();
  }
}

function userFromRow(row: Selectable<UsersTable>): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    isAdmin: Number(row.is_admin) === 1,
    createdAt: row.created_at,
    disabledAt: row.disabled_at,
    personId: row.person_id ?? null,
  };
}

function grantFromRow(row: { service_id: string; role: string }): Grant {
  return { serviceId: row.service_id as ServiceId, role: row.role as Role };
}
