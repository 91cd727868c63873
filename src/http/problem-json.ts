import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { type ErrorCode, errorCatalogue } from "../domain/error-catalogue.js";

/**
 * RFC 9457 problem details. `code` is our stable error code: clients branch on it,
 * never on `title` or `detail`.
 */
export function problemResponse(
  c: Context,
  code: ErrorCode,
  detail?: string,
  extra: Record<string, unknown> = {},
): Response {
  const entry = errorCatalogue[code];
  return c.body(problemJson(code, detail, extra), entry.status as ContentfulStatusCode, {
    "Content-Type": "application/problem+json; charset=utf-8",
    "Cache-Control": "no-store",
  });
}

/** The problem document's JSON text, for answers written straight to a Node response. */
export function problemJson(
  code: ErrorCode,
  detail?: string,
  extra: Record<string, unknown> = {},
): string {
  const entry = errorCatalogue[code];
  return JSON.stringify({
    type: `https://newsdesk.dev/errors/${code.toLowerCase().replaceAll("_", "-")}`,
    title: entry.message,
    status: entry.status,
    code,
    ...(detail ? { detail } : {}),
    ...extra,
  });
}
