import type { Kysely, Selectable } from "kysely";
import { NewsdeskError } from "../domain/error-catalogue.js";
import type { WireSourceRepository } from "../domain/wire/wire-repository.js";
import {
  type WireSource,
  type WireSourceState,
  type WireSourceWithState,
  wireSourceInputSchema,
} from "../domain/wire/wire-source-schema.js";
import type { DatabaseSchema, WireSourcesTable } from "./database-schema.js";

/** Wire sources (`wire_sources`): configuration, push-token hashes and polling state. */
export class WireSourceSqlRepository implements WireSourceRepository {
  readonly #db: Kysely<DatabaseSchema>;

  constructor(db: Kysely<DatabaseSchema>) {
    this.#db = db;
  }

  async insertSource(
    source: WireSource,
    tokenHash: string | null,
    state: WireSourceState,
  ): Promise<void> {
    await this.#db
      .insertInto("wire_sources")
      .values({ ...sourceRow(source), token_hash: tokenHash, ...stateRow(state) })
      .execute();
  }

  async replaceSource(source: WireSource): Promise<boolean> {
    const result = await this.#db
      .updateTable("wire_sources")
      .set(sourceRow(source))
      .where("id", "=", source.id)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async deleteSource(id: string): Promise<boolean> {
    const result = await this.#db
      .deleteFrom("wire_sources")
      .where("id", "=", id)
      .executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }

  async findSource(id: string): Promise<WireSourceWithState | undefined> {
    const row = await this.#db
      .selectFrom("wire_sources")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirst();
    return row ? sourceFromRow(row) : undefined;
  }

  async listSources(): Promise<WireSourceWithState[]> {
    const rows = await this.#db
      .selectFrom("wire_sources")
      .selectAll()
      .orderBy("name", "asc")
      .orderBy("id", "asc")
      .execute();
    return rows.map(sourceFromRow);
  }

  async findTokenHash(sourceId: string): Promise<string | undefined> {
    const row = await this.#db
      .selectFrom("wire_sources")
      .select("token_hash")
      .where("id", "=", sourceId)
      .executeTakeFirst();
    return row?.token_hash ?? undefined;
  }

  async setTokenHash(sourceId: string, tokenHash: string): Promise<boolean> {
    const result = await this.#db
      .updateTable("wire_sources")
      .set({ token_hash: tokenHash })
      .where("id", "=", sourceId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async claimSource(id: string, expectedNextPollAt: string, leaseUntil: string): Promise<boolean> {
    const result = await this.#db
      .updateTable("wire_sources")
      .set({ next_poll_at: leaseUntil })
      .where("id", "=", id)
      .where("next_poll_at", "=", expectedNextPollAt)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async saveSourceState(id: string, state: WireSourceState): Promise<void> {
    await this.#db.updateTable("wire_sources").set(stateRow(state)).where("id", "=", id).execute();
  }
}

function sourceRow(source: WireSource) {
  const { id, createdAt, updatedAt, ...config } = source;
  return {
    id,
    name: source.name,
    kind: source.kind,
    agency_code: source.agencyCode,
    config: JSON.stringify(config),
    enabled: source.enabled ? 1 : 0,
    created_at: createdAt,
    updated_at: updatedAt,
  };
}

function stateRow(state: WireSourceState) {
  return {
    next_poll_at: state.nextPollAt,
    etag: state.etag,
    last_modified: state.lastModified,
    failures: state.failures,
    last_polled_at: state.lastPolledAt,
    last_success_at: state.lastSuccessAt,
    last_error: state.lastError,
  };
}

function sourceFromRow(row: Selectable<WireSourcesTable>): WireSourceWithState {
  const parsed = wireSourceInputSchema.safeParse(JSON.parse(row.config));
  if (!parsed.success) {
    throw new NewsdeskError("INTERNAL", {
      detail: `The stored configuration of wire source ${row.id} is invalid.`,
      cause: parsed.error,
    });
  }
  return {
    ...parsed.data,
    id: row.id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    state: {
      nextPollAt: row.next_poll_at,
      etag: row.etag,
      lastModified: row.last_modified,
      failures: Number(row.failures),
      lastPolledAt: row.last_polled_at,
      lastSuccessAt: row.last_success_at,
      lastError: row.last_error,
    },
  };
}
