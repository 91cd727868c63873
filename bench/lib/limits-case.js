// One measurement of `limits-bench.js` in a fresh process, so `maxRSS` is this case's peak.
// argv: <repoRoot> <case>; prints one JSON line.
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";

const [repoRoot = ".", name = ""] = process.argv.slice(2);
const dist = (/** @type {string} */ file) => pathToFileURL(join(repoRoot, "dist", file)).href;

/** @param {number} n @param {string} prefix */
const lines = (n, prefix) => Array.from({ length: n }, (_, i) => `${prefix} paragraph ${i}.`);

/** @type {Record<string, () => Promise<() => unknown>>} */
const cases = {
  // 10,000 lines, five edits: the ordinary case, diffed line by line.
  "diff-small-edit": async () => {
    const { diffLines } = await import(dist("domain/stories/line-diff.js"));
    const before = lines(10_000, "line");
    const after = [...before];
    for (const at of [10, 2_000, 5_000, 7_500, 9_990]) after[at] = `edited ${at}`;
    return () => diffLines(before, after);
  },
  // 10,000 lines, every other one rewritten: the worst case for an O(ND) diff.
  "diff-large-edit": async () => {
    const { diffLines } = await import(dist("domain/stories/line-diff.js"));
    const before = lines(10_000, "line");
    const after = before.map((line, i) => (i % 2 === 1 ? `rewritten ${i}` : line));
    return () => diffLines(before, after);
  },
  "html-150k-nested": async () => {
    const { htmlToBlocks } = await import(dist("ingest/html-to-blocks.js"));
    const html = `${"<div>".repeat(150_000)}words${"</div>".repeat(150_000)}`;
    return () => htmlToBlocks(html);
  },
  // A long article: 1,500 paragraphs with bold, italic and a link each (~190 KB).
  "html-large-article": async () => {
    const { htmlToBlocks } = await import(dist("ingest/html-to-blocks.js"));
    const html = Array.from(
      { length: 1_500 },
      (_, i) =>
        `<p>Paragraph ${i} of the council's report, with <b>bold</b>, <i>italic</i> and <a href="https://example.org/${i}">a link</a> in it.</p>`,
    ).join("");
    return () => htmlToBlocks(html);
  },
};

const prepare = cases[name];
if (!prepare) throw new Error(`unknown case ${name}`);
const run = await prepare();
global.gc?.();
const rssBefore = process.memoryUsage().rss;
const maxRssBefore = process.resourceUsage().maxRSS * 1024;
const started = performance.now();
let outcome;
try {
  const result = /** @type {any} */ (run());
  outcome =
    result && "tooLarge" in result
      ? result.tooLarge
        ? `tooLarge (${result.reason})`
        : `${result.changes.length} lines`
      : `${result.body.length} blocks`;
} catch (error) {
  outcome = `refused: ${/** @type {any} */ (error).code ?? String(error)}`;
}
const ms = performance.now() - started;
const peakBytes = Math.max(
  0,
  process.resourceUsage().maxRSS * 1024 - Math.max(rssBefore, maxRssBefore),
);
console.log(JSON.stringify({ name, ms, peakBytes, outcome }));
