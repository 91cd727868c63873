import { spawnSync } from "node:child_process";
import { isCi } from "./shared-data.js";

/**
 * Whether a Debian tool the test drives (`minisign`, `nginx`, `zimwriterfs`, `kiwix-serve`)
 * is installed. A developer without it may skip, with a warning; in CI (`.ci/run` installs
 * them) a missing tool throws, so the test fails instead of silently proving nothing.
 */
export function systemToolPresent(
  command: string,
  aptPackage: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): boolean {
  const found = spawnSync("sh", ["-c", `command -v ${command}`], {
    encoding: "utf8",
    env: { ...process.env, PATH: pathWithSbin(env) },
  });
  if (found.status === 0) return true;
  const missing = `${command} is missing (apt-get install -y ${aptPackage})`;
  if (isCi(env)) throw new Error(`${missing}. CI installs it in .ci/run; the test does not skip.`);
  console.warn(`${missing}; skipped (outside CI only).`);
  return false;
}

/** PATH plus the sbin directories, where Debian puts nginx. */
export function pathWithSbin(env: Readonly<Record<string, string | undefined>> = process.env) {
  return `${env.PATH ?? ""}:/usr/sbin:/sbin:/usr/local/sbin`;
}
