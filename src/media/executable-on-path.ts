import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";

/**
 * The full path of a command on the PATH, or null: for optional tools that change what a
 * job makes (the FDK AAC encoder), looked up once at start so the choice is logged and fixed.
 * @public bench/clip-transcode-bench.js imports it from the build (dist/).
 */
export function executableOnPath(
  command: string,
  path: string | undefined = process.env.PATH,
): string | null {
  for (const dir of (path ?? "").split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, command);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not here; the next directory.
    }
  }
  return null;
}
