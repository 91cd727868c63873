import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";

/**
 * Worst cases for the event loop in stemmed search: indexing one very large body whose
 * words are all distinct (every word a WebAssembly stemmer call until the per-text bound),
 * a query of the longest allowed terms, and a snippet cut in a long Thai body. Text is
 * generated from syllables; no corpus is read. The first (cold) run is reported, since the
 * form memo makes repeats cheap, and the median of `runs` warm runs.
 * @param {{ repoRoot: string, runs?: number }} options
 */
export async function runStemmingBench({ repoRoot, runs = 5 }) {
  const dist = (/** @type {string} */ file) => pathToFileURL(join(repoRoot, "dist", file)).href;
  const { indexTextFor, queryForms } = await import(dist("domain/search/search-stemming.js"));
  const { foldText, queryTerms } = await import(dist("domain/search/search-folding.js"));
  const { snippet } = await import(dist("domain/search/search-snippet.js"));

  const syllables = ["ка", "ро", "ми", "ле", "ту", "на", "ва", "по", "ри", "се", "до", "лу"];
  let seed = 7;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed;
  };
  const word = () =>
    Array.from({ length: 3 + (next() % 4) }, () => syllables[next() % syllables.length]).join("");
  // About 60,000 words (≈ 500,000 characters), nearly all distinct.
  const body = Array.from({ length: 60_000 }, word).join(" ");
  const query = Array.from({ length: 8 }, () => "а".repeat(64)).join(" ");
  const thai = `${"ฝนตกหนักในกรุงเทพมหานครทำให้การจราจรติดขัด".repeat(400)} น้ำท่วม`;

  /** @param {() => unknown} fn */
  const time = (fn) => {
    const start = performance.now();
    fn();
    return performance.now() - start;
  };
  /** @param {() => unknown} fn */
  const measure = (fn) => {
    const cold = time(fn);
    const warm = Array.from({ length: runs }, () => time(fn)).sort((a, b) => a - b);
    return { coldMs: cold, warmMedianMs: warm[Math.floor(warm.length / 2)] ?? 0 };
  };
  return [
    {
      name: `index a ${Math.round(body.length / 1000)}k-character Russian body, distinct words`,
      ...measure(() => indexTextFor("ru", body)),
    },
    {
      name: "the same body folded only (the index before stemming, for comparison)",
      ...measure(() => foldText(body)),
    },
    {
      name: "query of 8 terms × 64 characters (Russian)",
      ...measure(() => queryForms(queryTerms(query), "ru")),
    },
    {
      name: `snippet in a ${Math.round(thai.length / 1000)}k-character Thai body`,
      ...measure(() => snippet(thai, ["น้ำท่วม"], "th")),
    },
  ];
}

/** A standalone run: `node bench/lib/stemming-bench.js` after `npm run build`. */
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const repoRoot = join(fileURLToPath(import.meta.url), "..", "..", "..");
  for (const r of await runStemmingBench({ repoRoot })) {
    console.log(
      `${r.name}: cold ${r.coldMs.toFixed(1)} ms, warm median ${r.warmMedianMs.toFixed(1)} ms`,
    );
  }
}
