import { NewsdeskError } from "./error-catalogue.js";

export interface SafeParser<T> {
  safeParse(value: unknown):
    | { success: true; data: T }
    | {
        success: false;
        error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] };
      };
}

/** Parses a boundary value or throws VALIDATION_FAILED listing each issue's path. */
export function parseOrThrow<T>(schema: SafeParser<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join("."),
    message: issue.message,
  }));
  throw new NewsdeskError("VALIDATION_FAILED", {
    detail: issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; "),
    details: { issues },
  });
}
