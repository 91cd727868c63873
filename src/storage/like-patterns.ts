import { type Expression, type RawBuilder, type SqlBool, sql } from "kysely";

/**
 * LIKE for text a user typed, the same on both dialects. The pattern's wildcards (`%`, `_`)
 * and the escape character are escaped with a backslash, and every LIKE names that escape
 * character: PostgreSQL defaults to the backslash, SQLite has no escape character unless
 * one is given (https://sqlite.org/lang_expr.html#like), so a bare LIKE would match `\%`
 * literally there.
 */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/gu, "\\$&");
}

/** `value LIKE '%text%' ESCAPE '\'`: `text` anywhere in `value`, character for character. */
export function likeContaining(value: Expression<unknown>, text: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${value} like ${`%${escapeLike(text)}%`} escape '\\'`;
}

/** `value LIKE 'text%' ESCAPE '\'`: `value` starts with `text`, character for character. */
export function likeStartingWith(value: Expression<unknown>, text: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${value} like ${`${escapeLike(text)}%`} escape '\\'`;
}
