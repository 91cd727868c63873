/**
 * Percentiles (nearest-rank) of latency samples in milliseconds.
 * @param {number[]} samples
 */
export function summarize(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  /** @param {number} p */
  const at = (p) =>
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
  const total = sorted.reduce((sum, x) => sum + x, 0);
  return {
    samples: sorted.length,
    meanMs: sorted.length ? total / sorted.length : 0,
    p50Ms: at(50),
    p90Ms: at(90),
    p99Ms: at(99),
    maxMs: sorted[sorted.length - 1] ?? 0,
  };
}
