import { performance } from "node:perf_hooks";

/** Wall-clock milliseconds since the epoch with sub-millisecond resolution, comparable across processes. */
export function epochMs() {
  return performance.timeOrigin + performance.now();
}

/** @param {number} ms */
export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
