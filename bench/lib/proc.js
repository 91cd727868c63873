import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { cpus } from "node:os";

let ticksPerSecond = 0;

function clockTicks() {
  if (ticksPerSecond === 0) {
    try {
      ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/**
 * CPU seconds (user + system, all threads) a process has used so far, from
 * /proc/<pid>/stat fields 14 and 15 (proc(5)). Returns 0 for a process that is gone.
 * @param {number} pid
 */
export function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may contain spaces; fields after it are space separated.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return (utime + stime) / clockTicks();
  } catch {
    return 0;
  }
}

/**
 * CPU seconds of a process and all its descendants (nginx: master and workers).
 * @param {number} pid
 */
export function treeCpuSeconds(pid) {
  let total = 0;
  for (const p of processTree(pid)) total += cpuSeconds(p);
  return total;
}

/**
 * A process and its descendants, by pid (a cluster primary and its workers).
 * @param {number} pid @returns {number[]}
 */
export function processTree(pid) {
  const result = [pid];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const children = readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim();
      if (!children) continue;
      for (const child of children.split(" ")) result.push(...processTree(Number(child)));
    }
  } catch {
    // gone
  }
  return result;
}

/**
 * Resident set size in KiB (VmRSS in /proc/<pid>/status).
 * @param {number} pid
 */
export function rssKiB(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** The file-descriptor limit children get: the hard limit, as `ulimit -n` would allow. */
export const fdLimit = 20_000;

/**
 * argv for spawning `command` through bash with a raised open-files limit (wrk, servers
 * and SSE clients all hold thousands of sockets). `exec` keeps the pid the command's own.
 * @param {string} command
 * @param {string[]} args
 * @returns {[string, string[]]}
 */
export function withFdLimit(command, args) {
  return [
    "bash",
    [
      "-c",
      `ulimit -n ${fdLimit} 2>/dev/null || ulimit -n $(ulimit -Hn); exec "$@"`,
      "bench",
      command,
      ...args,
    ],
  ];
}

/**
 * The CPUs a pinned pairing uses: the server (Newsdesk or nginx) on one core and the load
 * generator on another, so neither steals the other's time and the CPU each server spends per
 * request is its own (issue 18, item 0: the way an outsider measures). Null when the machine
 * has one core or no `taskset` (util-linux), in which case nothing is pinned and the report
 * says so.
 * @returns {{ server: number, load: number } | null}
 */
export function pinnedCpus() {
  const online = cpus().length;
  if (online < 2) return null;
  try {
    execFileSync("taskset", ["-p", String(process.pid)], { stdio: "ignore" });
  } catch {
    return null;
  }
  return { server: 0, load: 1 };
}

/**
 * Runs `command` on one CPU (`taskset -c`), or as it is when `cpu` is null.
 * @param {string} command @param {string[]} args @param {number | null} cpu
 * @returns {[string, string[]]}
 */
export function onCpu(command, args, cpu) {
  return cpu === null ? [command, args] : ["taskset", ["-c", String(cpu), command, ...args]];
}

/**
 * Moves a running process and all its threads to one CPU (`taskset -a -p`), or to every
 * CPU again with `cpu` null. Returns whether it worked.
 * @param {number} pid @param {number | null} cpu
 */
export function pinProcess(pid, cpu) {
  const list = cpu === null ? `0-${cpus().length - 1}` : String(cpu);
  try {
    execFileSync("taskset", ["-a", "-p", "-c", list, String(pid)], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/**
 * Kernel TCP counters (TcpExt ListenOverflows and ListenDrops in /proc/net/netstat): how
 * often a full accept queue dropped a connection's handshake, which wrk then sees as a
 * request stalled by a 1 s+ retransmission.
 */
export function listenOverflows() {
  try {
    const lines = readFileSync("/proc/net/netstat", "utf8").split("\n");
    for (let i = 0; i + 1 < lines.length; i += 2) {
      if (!lines[i]?.startsWith("TcpExt:")) continue;
      const names = (lines[i] ?? "").split(/\s+/);
      const values = (lines[i + 1] ?? "").split(/\s+/);
      return {
        overflows: Number(values[names.indexOf("ListenOverflows")] ?? 0),
        drops: Number(values[names.indexOf("ListenDrops")] ?? 0),
      };
    }
  } catch {
    // not Linux
  }
  return { overflows: 0, drops: 0 };
}
