import { existsSync } from "node:fs";

/** CI services set `CI` (GitHub Actions, GitLab and others set `CI=true`). */
export function isCi(env: Readonly<Record<string, string | undefined>>): boolean {
  const value = env.CI?.trim().toLowerCase() ?? "";
  return value !== "" && value !== "false" && value !== "0";
}

/**
 * Whether data read in place from `../shared` (never copied into the repository) is there.
 * On a developer machine without that checkout the test may skip, with a warning saying so.
 * In CI a missing file is a broken setup that would hide every regression the test guards,
 * so this throws and the test file fails with the path.
 */
export function sharedDataPresent(
  path: string,
  what: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): boolean {
  if (existsSync(path)) return true;
  const missing = `${what} is missing: ${path} not found`;
  if (isCi(env)) {
    throw new Error(`${missing}. CI must check out ../shared; the test does not skip in CI.`);
  }
  console.warn(`${missing}; skipped (outside CI only).`);
  return false;
}
