import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffLines, type LineChange } from "./line-diff.js";

/** The oracle: LCS length by the textbook quadratic table (fine for small inputs). */
function lcsLength(a: readonly string[], b: readonly string[]): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i += 1) {
    const row = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j += 1) {
      row[j] =
        a[i - 1] === b[j - 1]
          ? (previous[j - 1] ?? 0) + 1
          : Math.max(previous[j] ?? 0, row[j - 1] ?? 0);
    }
    previous = row;
  }
  return previous[b.length] ?? 0;
}

function sides(changes: readonly LineChange[]) {
  return {
    before: changes.filter((c) => c.op !== "added").map((c) => c.text),
    after: changes.filter((c) => c.op !== "removed").map((c) => c.text),
    edits: changes.filter((c) => c.op !== "same").length,
  };
}

/** The changes, with a generous time budget: correctness must not depend on machine load
 * (the budget itself is tested with an injected clock below). */
function changesOf(before: readonly string[], after: readonly string[]): LineChange[] {
  const result = diffLines(before, after, { budgetMs: 10_000 });
  if (result.tooLarge) throw new Error(`unexpected tooLarge: ${result.reason}`);
  return result.changes;
}

const lines = (n: number, prefix = "line") => Array.from({ length: n }, (_, i) => `${prefix} ${i}`);

describe("bounded line diff (Myers, linear space)", () => {
  it("is a shortest edit script, checked against a naive LCS on random inputs", () => {
    const small = fc.array(fc.constantFrom("a", "b", "c", "d", ""), { maxLength: 40 });
    fc.assert(
      fc.property(small, small, (before, after) => {
        const changes = changesOf(before, after);
        const got = sides(changes);
        expect(got.before).toEqual(before);
        expect(got.after).toEqual(after);
        expect(got.edits).toBe(before.length + after.length - 2 * lcsLength(before, after));
      }),
      { numRuns: 2000 },
    );
  });

  it("lists removed lines before added ones within a change", () => {
    expect(
      changesOf(["a", "b", "c", "d"], ["b", "c", "x"]).map((c) => `${c.op[0]}${c.text}`),
    ).toEqual(["ra", "sb", "sc", "rd", "ax"]);
    expect(changesOf(["x", "y"], ["p", "q"]).map((c) => c.op)).toEqual([
      "removed",
      "removed",
      "added",
      "added",
    ]);
    expect(changesOf([], [])).toEqual([]);
  });

  it("diffs 10,000 lines with a few edits line by line", () => {
    const before = lines(10_000);
    const after = [...before];
    after[10] = "changed";
    after.splice(5_000, 0, "inserted");
    after.splice(9_000, 3);
    const changes = changesOf(before, after);
    expect(sides(changes)).toMatchObject({ before, after, edits: 6 });
  });

  it("says tooLarge past the edit-distance bound instead of working through it", () => {
    const before = lines(12_000, "old");
    const after = lines(12_000, "new");
    // A generous budget, so the edit bound (not the machine's speed) decides.
    expect(diffLines(before, after, { budgetMs: 10_000 })).toEqual({
      tooLarge: true,
      reason: "edits",
    });
    // Interleaved equal lines keep every snake short: still refused on edits, not time.
    const mixed = before.map((line, i) => (i % 2 === 0 ? line : `new ${i}`));
    expect(diffLines(before, mixed, { budgetMs: 10_000 })).toEqual({
      tooLarge: true,
      reason: "edits",
    });
  });

  it("says tooLarge past the line and character caps before any work", () => {
    expect(diffLines(lines(20_001), [])).toEqual({ tooLarge: true, reason: "lines" });
    expect(diffLines(["x".repeat(2_000_001)], ["y"])).toEqual({
      tooLarge: true,
      reason: "characters",
    });
  });

  it("checks its time budget inside the loop", () => {
    // A clock that moves 1 ms per reading: the budget runs out after a few strides even
    // though the edit bound would allow the whole diff.
    let t = 0;
    const now = () => {
      t += 1;
      return t;
    };
    const before = lines(3_000, "old");
    const after = before.map((line, i) => (i % 3 === 0 ? line : `new ${i}`));
    expect(diffLines(before, after, { budgetMs: 5, now, maxEdits: 100_000 })).toEqual({
      tooLarge: true,
      reason: "time",
    });
    expect(t).toBeGreaterThan(5);
  });
});
