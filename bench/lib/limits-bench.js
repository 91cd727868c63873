import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const caseScript = join(dirname(fileURLToPath(import.meta.url)), "limits-case.js");

/**
 * The bounded line diff at 10,000 lines (a few edits, and every
 * other line rewritten) and HTML conversion of 150,000 nested elements (time until it is
 * refused) next to a long ordinary article. Each case runs `runs` times in a fresh process;
 * the median time is reported, and the peak RSS growth during the call (maxRSS after minus
 * RSS before, so 0 means it stayed inside memory the process already had).
 * @param {{ repoRoot: string, runs?: number }} options
 */
export function runLimitsBench({ repoRoot, runs = 5 }) {
  const names = ["diff-small-edit", "diff-large-edit", "html-150k-nested", "html-large-article"];
  return names.map((name) => {
    /** @type {{ ms: number, peakBytes: number, outcome: string }[]} */
    const samples = [];
    for (let run = 0; run < runs; run += 1) {
      const out = execFileSync(process.execPath, ["--expose-gc", caseScript, repoRoot, name], {
        encoding: "utf8",
      });
      samples.push(JSON.parse(out.trim().split("\n").at(-1) ?? "{}"));
    }
    const times = samples.map((s) => s.ms).sort((a, b) => a - b);
    return {
      name,
      medianMs: times[Math.floor(times.length / 2)] ?? 0,
      maxMs: times.at(-1) ?? 0,
      peakBytes: Math.max(...samples.map((s) => s.peakBytes)),
      outcome: samples[0]?.outcome ?? "",
    };
  });
}

/** A standalone run: `node bench/lib/limits-bench.js` after `npm run build`. */
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const repoRoot = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
  for (const r of runLimitsBench({ repoRoot })) {
    console.log(
      `${r.name}: median ${r.medianMs.toFixed(1)} ms (max ${r.maxMs.toFixed(1)} ms), peak +${(r.peakBytes / 1048576).toFixed(1)} MB, ${r.outcome}`,
    );
  }
}
