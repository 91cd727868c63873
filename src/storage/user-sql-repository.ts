import type { Kysely, Selectable } from "kysely";
import type { ServiceId } from "../domain/services/service-registry.js";
import type {
  ApiTokenRecord,
  SessionRecord,
  ThrottleState,
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

  async deleteUserSessions(userId: string): Promise<number> {
    const result = await this.#db
      .deleteFrom("sessions")
      .where("user_id", "=", userId)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async deleteUserSessionsExcept(userId: string, keepTokenHash: string): Promise<number> {
    const result = await this.#db
      .deleteFrom("sessions")
      .where("user_id", "=", userId)
      .where("token_hash", "<>", keepTokenHash)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
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
      revokedAt: row.revoked_at,
    };
  }

  async listTokens(userId: string): Promise<Omit<ApiTokenRecord, "tokenHash">[]> {
    const rows = await this.#db
      .selectFrom("api_tokens")
      .select(["id", "user_id", "name", "scopes", "created_at", "revoked_at"])
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

  async readThrottle(key: string): Promise<ThrottleState | undefined> {
    const row = await this.#db
      .selectFrom("login_throttle")
      .selectAll()
      .where("key", "=", key)
      .executeTakeFirst();
    return row
      ? {
          failures: Number(row.failures),
          windowStart: row.window_start,
          lockedUntil: row.locked_until,
        }
      : undefined;
  }

  async writeThrottle(key: string, state: ThrottleState): Promise<void> {
    const values = {
      failures: state.failures,
      window_start: state.windowStart,
      locked_until: state.lockedUntil,
    };
    await this.#db
      .insertInto("login_throttle")
      .values({ key, ...values })
      .onConflict((oc) => oc.column("key").doUpdateSet(values))
      .execute();
  }

  async clearThrottle(key: string): Promise<void> {
    await this.#db.deleteFrom("login_throttle").where("key", "=", key).execute();
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
  };
}

function grantFromRow(row: { service_id: string; role: string }): Grant {
  return { serviceId: row.service_id as ServiceId, role: row.role as Role };
}
