import { execFileSync, spawnSync } from "node:child_process";
import { executableOnPath } from "../../src/media/executable-on-path.js";

/**
 * Whether Debian's ffmpeg and ffprobe are installed. Outside CI a test may skip without
 * them (with a warning); in CI (`.ci/run` installs ffmpeg) their absence fails the file.
 */
export function ffmpegPresent(
  env: Readonly<Record<string, string | undefined>> = process.env,
): boolean {
  const found = ["ffmpeg", "ffprobe"].every(
    (tool) => spawnSync(tool, ["-version"], { stdio: "ignore" }).status === 0,
  );
  if (found) return true;
  const ci =
    (env.CI?.trim().toLowerCase() ?? "") !== "" &&
    !["false", "0"].includes(env.CI?.trim().toLowerCase() ?? "");
  if (ci) throw new Error("ffmpeg/ffprobe are missing; CI must install Debian's ffmpeg (.ci/run).");
  console.warn("ffmpeg/ffprobe are missing; audio/video tests skipped (outside CI only).");
  return false;
}

/**
 * The Fraunhofer FDK encoder (`aac-enc`, Debian non-free) that makes the HE-AAC rendition.
 * CI installs it (.ci/run), so there its absence fails the run; elsewhere the tests check the
 * AAC-LC rendition made without it.
 */
export function fdkAacEncoder(
  env: Readonly<Record<string, string | undefined>> = process.env,
): string | null {
  const found = executableOnPath("aac-enc", env.PATH);
  if (found) return found;
  const ci =
    (env.CI?.trim().toLowerCase() ?? "") !== "" &&
    !["false", "0"].includes(env.CI?.trim().toLowerCase() ?? "");
  if (ci)
    throw new Error("aac-enc is missing; CI must install Debian's non-free aac-enc (.ci/run).");
  console.warn("aac-enc is missing; the HE-AAC rendition is tested only in CI.");
  return null;
}

/**
 * The MIME type of the low AAC rendition a clip job makes here: HE-AAC (`mp4a.40.5`) where
 * the FDK encoder is installed, as in CI; AAC-LC (`mp4a.40.2`) elsewhere.
 */
export function lowAacMime(): string {
  return `audio/mp4; codecs=${fdkAacEncoder() ? "mp4a.40.5" : "mp4a.40.2"}`;
}

/** Runs ffmpeg to make a fixture (generated with lavfi sources: `sine`, `testsrc`). */
export function ffmpeg(args: readonly string[]): void {
  execFileSync("ffmpeg", ["-nostdin", "-v", "error", "-y", ...args], { stdio: "pipe" });
}

/** ffprobe's JSON for a file's format and streams. */
export function ffprobeJson(path: string): {
  format: { format_name: string; duration?: string; bit_rate?: string; size?: string };
  streams: {
    codec_type?: string;
    codec_name?: string;
    profile?: string;
    channels?: number;
    sample_rate?: string;
    width?: number;
    height?: number;
    bit_rate?: string;
  }[];
} {
  return JSON.parse(
    execFileSync(
      "ffprobe",
      ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", path],
      { encoding: "utf8" },
    ),
  );
}
