import { onCleanup } from "./cleanup.js";

const postgresUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/**
 * A private PostgreSQL schema for one benchmark, selected through the connection string's
 * `options` (as an operator would), and dropped afterwards (also on error and SIGINT).
 * Resolves to undefined when PostgreSQL is unreachable.
 * @param {string} label
 * @returns {Promise<{ url: string, schema: string, drop: () => Promise<void> } | undefined>}
 */
export async function createPgSchema(label) {
  const { default: pg } = await import("pg");
  const schema = `bench_${label}_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  try {
    await admin.connect();
  } catch (error) {
    console.log(
      `bench: PostgreSQL unreachable at ${postgresUrl} (${error instanceof Error ? error.message : error}); skipped.`,
    );
    return undefined;
  }
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const drop = onCleanup(async () => {
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    await client.query(`drop schema if exists ${schema} cascade`);
    await client.end();
  });
  const url = `${postgresUrl}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  return { url, schema, drop };
}
