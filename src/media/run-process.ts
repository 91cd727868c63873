import { spawn } from "node:child_process";
import { NewsdeskError } from "../domain/error-catalogue.js";

export interface ProcessResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
}

/** Output kept per stream; ffmpeg's log and ffprobe's JSON for one file stay well below. */
const maxCaptureBytes = 4 * 1024 * 1024;

/**
 * Runs a media tool as a child process at low CPU priority (`nice`), so transcoding never
 * competes with request handling; killed at the deadline. The event loop only relays pipes.
 */
export function runProcess(
  command: string,
  args: readonly string[],
  options: {
    readonly timeoutMs: number;
    readonly nice?: boolean;
    /** Told each line of standard output as it arrives (ffmpeg's `-progress pipe:1`). */
    readonly onLine?: (line: string) => void;
  },
): Promise<ProcessResult> {
  const [file, argv] =
    options.nice === false ? [command, args] : ["nice", ["-n", "10", command, ...args]];
  return new Promise((resolve, reject) => {
    const child = spawn(file, argv, { stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outBytes = 0;
    let errBytes = 0;
    let timedOut = false;
    let partial = "";
    child.stdout.on("data", (chunk: Buffer) => {
      if (options.onLine) {
        const lines = (partial + chunk.toString("utf8")).split("\n");
        partial = lines.pop() ?? "";
        for (const line of lines) options.onLine(line);
        return;
      }
      if (outBytes < maxCaptureBytes) out.push(chunk);
      outBytes += chunk.byteLength;
    });
    child.stderr.on("data", (chunk: Buffer) => {
      if (errBytes < maxCaptureBytes) err.push(chunk);
      errBytes += chunk.byteLength;
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, options.timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(
        (error as NodeJS.ErrnoException).code === "ENOENT"
          ? new NewsdeskError("MEDIA_TOOLS_MISSING", {
              detail: `${file} is not installed.`,
              cause: error,
            })
          : error,
      );
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      // nice(1) exits 127 when the command it should run does not exist.
      if (code === 127 && file === "nice") {
        reject(
          new NewsdeskError("MEDIA_TOOLS_MISSING", { detail: `${command} is not installed.` }),
        );
        return;
      }
      resolve({
        code,
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
        timedOut,
      });
    });
  });
}
