import { execFile, spawnSync } from "node:child_process";
import { onCpu, withFdLimit } from "./proc.js";

/**
 * wrk (Debian's package) is the load generator: autocannon saturates at about 14k req/s on
 * these 2-core machines and under-reports. Installs it with apt-get when it is missing.
 * @returns {boolean} true when wrk is on PATH afterwards
 */
export function ensureWrk() {
  return ensureDebianPackage("wrk", "wrk");
}

/**
 * Installs a Debian package with apt-get when `binary` is not on PATH (running
 * `apt-get update` first only if the plain install fails).
 * @param {string} binary
 * @param {string} pkg
 * @returns {boolean} true when the binary is on PATH afterwards
 */
export function ensureDebianPackage(binary, pkg) {
  if (onPath(binary)) return true;
  console.log(
    `bench: ${binary} is not installed; installing it with apt-get (Debian package '${pkg}')…`,
  );
  const apt = (/** @type {string[]} */ args) =>
    spawnSync("apt-get", args, {
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
      timeout: 180_000,
    }).status === 0;
  if (!apt(["install", "-y", pkg])) {
    apt(["update"]);
    apt(["install", "-y", pkg]);
  }
  return onPath(binary);
}

/** @param {string} binary */
function onPath(binary) {
  const found = spawnSync("bash", ["-c", `command -v ${binary}`], { stdio: "ignore" });
  return found.status === 0;
}

/**
 * @typedef {object} WrkResult
 * @property {number} requestsPerSecond
 * @property {number} p50Ms
 * @property {number} p75Ms
 * @property {number} p90Ms
 * @property {number} p99Ms
 * @property {number} requests total completed requests
 * @property {number} non2xx "Non-2xx or 3xx responses" count (0 when absent)
 * @property {number} socketErrors sum of connect/read/write errors
 * @property {number} timeouts requests over wrk's 2 s timeout (not in the latency histogram)
 * @property {string} transferPerSecond e.g. "123.45MB"
 */

/**
 * Runs wrk with --latency against a URL and parses its report.
 * @param {{ url: string, threads: number, connections: number, durationS: number,
 *   headers?: string[], cpu?: number | null, script?: string }} options (`script`: a Lua
 *   file wrk runs, e.g. to rotate paths)
 * @returns {Promise<WrkResult & { raw: string }>}
 */
export function runWrk({ url, threads, connections, durationS, headers = [], cpu = null, script }) {
  const args = [`-t${threads}`, `-c${connections}`, `-d${durationS}s`, "--latency"];
  for (const header of headers) args.push("-H", header);
  if (script) args.push("-s", script);
  args.push(url);
  // At 1,000 connections wrk needs more than the default 1,024 open files; pinned, it runs
  // on its own core (`cpu`), away from the server it loads.
  const [command, argv] = withFdLimit(...onCpu("wrk", args, cpu));
  return new Promise((resolve, reject) => {
    const child = execFile(
      command,
      argv,
      { timeout: (durationS + 15) * 1000, maxBuffer: 1 << 20 },
      (error, stdout, stderr) => {
        running.delete(child);
        if (error) {
          reject(new Error(`wrk ${args.join(" ")} failed: ${error.message}\n${stderr}`));
          return;
        }
        try {
          resolve({ ...parseWrkOutput(stdout), raw: stdout });
        } catch (parseError) {
          reject(parseError);
        }
      },
    );
    running.add(child);
  });
}

/** @type {Set<import("node:child_process").ChildProcess>} */
const running = new Set();

/** Kills any wrk still running (on SIGINT or error), so none outlives the bench. */
export function killRunningWrk() {
  for (const child of running) child.kill("SIGKILL");
  running.clear();
}

/**
 * Parses wrk's text report (with --latency).
 * @param {string} text
 * @returns {WrkResult}
 */
function parseWrkOutput(text) {
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(text);
  if (!rps?.[1]) throw new Error(`could not parse wrk output:\n${text}`);
  /** @param {string} pct */
  const percentile = (pct) => {
    const m = new RegExp(`^\\s*${pct}%\\s+([\\d.]+)(us|ms|s|m)\\b`, "m").exec(text);
    if (!m?.[1] || !m[2]) throw new Error(`wrk output has no ${pct}% latency:\n${text}`);
    return toMs(Number(m[1]), m[2]);
  };
  const requests = /(\d+) requests in/.exec(text);
  const non2xx = /Non-2xx or 3xx responses:\s+(\d+)/.exec(text);
  const errors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(text);
  const transfer = /Transfer\/sec:\s+(\S+)/.exec(text);
  return {
    requestsPerSecond: Number(rps[1]),
    p50Ms: percentile("50"),
    p75Ms: percentile("75"),
    p90Ms: percentile("90"),
    p99Ms: percentile("99"),
    requests: Number(requests?.[1] ?? 0),
    non2xx: Number(non2xx?.[1] ?? 0),
    socketErrors: errors ? errors.slice(1, 4).reduce((sum, n) => sum + Number(n), 0) : 0,
    timeouts: Number(errors?.[4] ?? 0),
    transferPerSecond: transfer?.[1] ?? "",
  };
}

/**
 * @param {number} value
 * @param {string} unit
 */
function toMs(value, unit) {
  switch (unit) {
    case "us":
      return value / 1000;
    case "ms":
      return value;
    case "s":
      return value * 1000;
    case "m":
      return value * 60_000;
    default:
      throw new Error(`unknown wrk time unit ${unit}`);
  }
}
