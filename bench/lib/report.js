/**
 * @typedef {object} Row
 * @property {string} benchmark
 * @property {number | null} requestsPerSecond
 * @property {number | null} p50Ms
 * @property {number | null} p99Ms
 * @property {string} [target] target with ✔/✘ and the ratio or margin
 * @property {string} notes
 */

/**
 * A Markdown table, so it can be pasted into a closing note as is.
 * @param {Row[]} rows
 */
export function formatTable(rows) {
  const header = ["benchmark", "req/s", "p50", "p99", "target", "notes"];
  const body = rows.map((row) => [
    row.benchmark,
    row.requestsPerSecond === null ? "–" : Math.round(row.requestsPerSecond).toLocaleString("en"),
    formatMs(row.p50Ms),
    formatMs(row.p99Ms),
    row.target ?? "",
    row.notes,
  ]);
  const widths = header.map((h, i) =>
    Math.max(h.length, ...body.map((cells) => cells[i]?.length ?? 0)),
  );
  /** @param {string[]} cells */
  const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  return [
    line(header),
    `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`,
    ...body.map(line),
  ].join("\n");
}

/** @param {number | null} ms */
export function formatMs(ms) {
  if (ms === null) return "–";
  if (!Number.isFinite(ms)) return "∞";
  if (ms < 1) return `${(ms * 1000).toFixed(0)} µs`;
  if (ms < 10) return `${ms.toFixed(2)} ms`;
  return `${ms.toFixed(1)} ms`;
}

/**
 * "✔ 0.62× (≥ 0.5×)" or "✘ …": a target verdict with the measured figure beside the bound.
 * @param {boolean} ok
 * @param {string} text
 */
export function verdict(ok, text) {
  return `${ok ? "✔" : "✘"} ${text}`;
}
