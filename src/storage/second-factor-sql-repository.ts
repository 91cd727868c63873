import type { Kysely } from "kysely";
import type {
  SecondFactorRepository,
  TotpFactorRecord,
} from "../domain/users/second-factor-repository.js";
import type { DatabaseSchema } from "./database-schema.js";

/**
 * TOTP factors and recovery codes. Every "use once" rule is a single conditional UPDATE, so
 * two requests racing with the same code cannot both succeed, on either dialect.
 */
export class SecondFactorSqlRepository implements SecondFactorRepository {
  readonly #db: Kysely<DatabaseSchema>;

  constructor(db: Kysely<DatabaseSchema>) {
    this.#db = db;
  }

  async findTotp(userId: string): Promise<TotpFactorRecord | undefined> {
    const row = await this.#db
      .selectFrom("totp_factors")
      .selectAll()
      .where("user_id", "=", userId)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      userId: row.user_id,
      secret: row.secret,
      createdAt: row.created_at,
      confirmedAt: row.confirmed_at,
      lastUsedStep: row.last_used_step === null ? null : Number(row.last_used_step),
      recoverySalt: row.recovery_salt,
    };
  }

  async savePendingTotp(userId: string, secret: string, at: string): Promise<boolean> {
    const result = await this.#db
      .insertInto("totp_factors")
      .values({
        user_id: userId,
        secret,
        created_at: at,
        confirmed_at: null,
        last_used_step: null,
        recovery_salt: null,
      })
      .onConflict((oc) =>
        oc
          .column("user_id")
          .doUpdateSet({ secret, created_at: at, last_used_step: null })
          .where("totp_factors.confirmed_at", "is", null),
      )
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  async confirmTotp(userId: string, secret: string, step: number, at: string): Promise<boolean> {
    const result = await this.#db
      .updateTable("totp_factors")
      .set({ confirmed_at: at, last_used_step: step })
      .where("user_id", "=", userId)
      .where("secret", "=", secret)
      .where("confirmed_at", "is", null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async useTotpStep(userId: string, step: number): Promise<boolean> {
    const result = await this.#db
      .updateTable("totp_factors")
      .set({ last_used_step: step })
      .where("user_id", "=", userId)
      .where("confirmed_at", "is not", null)
      .where((eb) => eb.or([eb("last_used_step", "is", null), eb("last_used_step", "<", step)]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async deleteTotp(userId: string): Promise<void> {
    await this.#db.transaction().execute(async (trx) => {
      await trx.deleteFrom("recovery_codes").where("user_id", "=", userId).execute();
      await trx.deleteFrom("totp_factors").where("user_id", "=", userId).execute();
    });
  }

  async replaceRecoveryCodes(
    userId: string,
    salt: string,
    codeHashes: readonly string[],
    at: string,
  ): Promise<void> {
    await this.#db.transaction().execute(async (trx) => {
      await trx.deleteFrom("recovery_codes").where("user_id", "=", userId).execute();
      if (codeHashes.length > 0) {
        await trx
          .insertInto("recovery_codes")
          .values(
            codeHashes.map((hash) => ({
              user_id: userId,
              code_hash: hash,
              created_at: at,
              used_at: null,
            })),
          )
          .execute();
      }
      await trx
        .updateTable("totp_factors")
        .set({ recovery_salt: salt })
        .where("user_id", "=", userId)
        .execute();
    });
  }

  async useRecoveryCode(userId: string, codeHash: string, at: string): Promise<boolean> {
    const result = await this.#db
      .updateTable("recovery_codes")
      .set({ used_at: at })
      .where("user_id", "=", userId)
      .where("code_hash", "=", codeHash)
      .where("used_at", "is", null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async unusedRecoveryCodes(userId: string): Promise<number> {
    const row = await this.#db
      .selectFrom("recovery_codes")
      .select((eb) => eb.fn.countAll().as("count"))
      .where("user_id", "=", userId)
      .where("used_at", "is", null)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }
}
