/**
 * A bounded line diff: Myers' O(ND) algorithm in its linear-space form ("An O(ND)
 * Difference Algorithm and Its Variations", E. W. Myers, Algorithmica 1986, section 4b:
 * find the middle snake, recurse on both halves). Memory is linear in the input (two
 * vectors of length 2·D+1 and the interned lines); time is O((N+M)·D).
 *
 * The old diff filled an (N+1)×(M+1) LCS table, so one reporter could freeze the server
 * with two long revisions (OWASP ASVS 4.0.3 V11.1.4, anti-automation / resource limits).
 * Here every input is bounded before and during the work: lines per side, characters per
 * side, the edit distance, and a wall-clock budget checked inside the algorithm's loops.
 * Past any bound the result says `tooLarge` with the reason, and callers show both texts.
 */

export interface LineChange {
  readonly op: "same" | "added" | "removed";
  readonly text: string;
}

/** Which bound was reached; stable values the UI and API may branch on. */
export type DiffLimitReason = "lines" | "characters" | "edits" | "time";

export interface DiffLimits {
  /** Lines per side (one line per body block, or per line inside a block). */
  readonly maxLines: number;
  /** Characters per side: interning lines costs time linear in the text. */
  readonly maxCharacters: number;
  /** Largest edit distance (lines added plus removed) worth showing line by line. */
  readonly maxEdits: number;
  /** Wall-clock budget for one diff, checked inside the loops. */
  readonly budgetMs: number;
  /** The clock the budget is measured with; injectable so tests can prove the checks. */
  readonly now: () => number;
}

/**
 * The event loop may block at most 50 ms for one diff, and the request
 * around it also loads and serializes two revisions. The budget is 20 ms, counted from
 * before interning; 1,000 changed lines is past what anyone reads line by line, and
 * reaching that bound costs a few milliseconds even when every other line differs.
 */
const defaultDiffLimits: DiffLimits = {
  maxLines: 20_000,
  maxCharacters: 2_000_000,
  maxEdits: 1_000,
  budgetMs: 20,
  now: () => performance.now(),
};

export type LineDiffResult =
  | { readonly tooLarge: false; readonly changes: LineChange[] }
  | { readonly tooLarge: true; readonly reason: DiffLimitReason };

/** Clock reads are not free: look at the clock once per this many steps. */
const CLOCK_STRIDE = 1024;

class BudgetSpent extends Error {
  constructor(readonly reason: DiffLimitReason) {
    super(reason);
  }
}

function characters(lines: readonly string[]): number {
  let total = 0;
  for (const line of lines) total += line.length;
  return total;
}

/**
 * The line diff of `before` against `after`, or `tooLarge` when a limit is reached. The
 * changes are a shortest edit script: removed lines come before added ones at each change.
 */
export function diffLines(
  before: readonly string[],
  after: readonly string[],
  overrides: Partial<DiffLimits> = {},
): LineDiffResult {
  const limits: DiffLimits = { ...defaultDiffLimits, ...overrides };
  if (before.length > limits.maxLines || after.length > limits.maxLines) {
    return { tooLarge: true, reason: "lines" };
  }
  if (characters(before) > limits.maxCharacters || characters(after) > limits.maxCharacters) {
    return { tooLarge: true, reason: "characters" };
  }
  const deadline = limits.now() + limits.budgetMs;
  // Interning makes each comparison one integer test, however long the lines are.
  const ids = new Map<string, number>();
  const intern = (lines: readonly string[]): Int32Array => {
    const out = new Int32Array(lines.length);
    for (let index = 0; index < lines.length; index += 1) {
      if (index % CLOCK_STRIDE === CLOCK_STRIDE - 1 && limits.now() > deadline) {
        throw new BudgetSpent("time");
      }
      const line = lines[index] ?? "";
      let id = ids.get(line);
      if (id === undefined) {
        id = ids.size;
        ids.set(line, id);
      }
      out[index] = id;
    }
    return out;
  };
  try {
    const a = intern(before);
    const b = intern(after);
    const ops = new MyersDiff(a, b, limits.maxEdits, limits.now, deadline).run();
    return { tooLarge: false, changes: toChanges(ops, before, after) };
  } catch (error) {
    if (error instanceof BudgetSpent) return { tooLarge: true, reason: error.reason };
    throw error;
  }
}

/**
 * Lines for the ops. Within each run of changes between two unchanged lines, removed
 * lines are listed before added ones: still a shortest edit script, and it reads as
 * "this became that".
 */
function toChanges(ops: readonly Op[], before: readonly string[], after: readonly string[]) {
  const changes: LineChange[] = [];
  const added: LineChange[] = [];
  let i = 0;
  let j = 0;
  const flushAdded = () => {
    for (const change of added) changes.push(change);
    added.length = 0;
  };
  for (const op of ops) {
    if (op === SAME) {
      flushAdded();
      changes.push({ op: "same", text: before[i] ?? "" });
      i += 1;
      j += 1;
    } else if (op === REMOVED) {
      changes.push({ op: "removed", text: before[i] ?? "" });
      i += 1;
    } else {
      added.push({ op: "added", text: after[j] ?? "" });
      j += 1;
    }
  }
  flushAdded();
  return changes;
}

const SAME = 0;
const REMOVED = 1;
const ADDED = 2;
type Op = typeof SAME | typeof REMOVED | typeof ADDED;

/**
 * Linear-space Myers over interned lines. `run` returns one op per output line. The top
 * call's middle-snake search gives up once D would exceed `maxEdits`; every sub-problem
 * has a smaller D, so the bound holds for the whole diff.
 */
class MyersDiff {
  readonly #a: Int32Array;
  readonly #b: Int32Array;
  readonly #maxEdits: number;
  readonly #now: () => number;
  readonly #deadline: number;
  readonly #ops: Op[] = [];
  #steps = 0;
  // Forward and reverse furthest-reaching x per diagonal, reused by every call.
  readonly #vf: Int32Array;
  readonly #vb: Int32Array;
  readonly #offset: number;

  constructor(a: Int32Array, b: Int32Array, maxEdits: number, now: () => number, deadline: number) {
    this.#a = a;
    this.#b = b;
    this.#maxEdits = maxEdits;
    this.#now = now;
    this.#deadline = deadline;
    // A middle snake is found by d ≤ ceil(D/2); diagonals reach ±(d+1).
    const reach = Math.min(Math.ceil((a.length + b.length) / 2), Math.ceil(maxEdits / 2)) + 2;
    this.#offset = reach;
    this.#vf = new Int32Array(2 * reach + 1);
    this.#vb = new Int32Array(2 * reach + 1);
  }

  run(): Op[] {
    this.#diff(0, this.#a.length, 0, this.#b.length, true);
    return this.#ops;
  }

  #tick(count: number): void {
    this.#steps += count;
    if (this.#steps >= CLOCK_STRIDE) {
      this.#steps = 0;
      if (this.#now() > this.#deadline) throw new BudgetSpent("time");
    }
  }

  #diff(aLo: number, aHi: number, bLo: number, bHi: number, top: boolean): void {
    const a = this.#a;
    const b = this.#b;
    let start = 0;
    while (aLo < aHi && bLo < bHi && a[aLo] === b[bLo]) {
      aLo += 1;
      bLo += 1;
      start += 1;
    }
    let end = 0;
    while (aLo < aHi && bLo < bHi && a[aHi - 1] === b[bHi - 1]) {
      aHi -= 1;
      bHi -= 1;
      end += 1;
    }
    this.#tick(start + end);
    for (let index = 0; index < start; index += 1) this.#ops.push(SAME);
    if (aLo === aHi) {
      if (top && bHi - bLo > this.#maxEdits) throw new BudgetSpent("edits");
      for (let j = bLo; j < bHi; j += 1) this.#ops.push(ADDED);
    } else if (bLo === bHi) {
      if (top && aHi - aLo > this.#maxEdits) throw new BudgetSpent("edits");
      for (let i = aLo; i < aHi; i += 1) this.#ops.push(REMOVED);
    } else {
      const [x, y, u, v] = this.#middleSnake(aLo, aHi, bLo, bHi, top);
      this.#diff(aLo, x, bLo, y, false);
      for (let index = x; index < u; index += 1) this.#ops.push(SAME);
      this.#diff(u, aHi, v, bHi, false);
    }
    for (let index = 0; index < end; index += 1) this.#ops.push(SAME);
  }

  /**
   * The middle snake of the box [aLo, aHi) × [bLo, bHi): a diagonal run (x,y)→(u,v) on
   * some shortest edit path, found by searching forward from the top-left and backward
   * from the bottom-right until the two frontiers overlap (Myers 1986, Lemma 3).
   * Both ends of the box differ (the caller stripped the common prefix and suffix), so
   * D ≥ 2 here unless one side is one line longer.
   */
  #middleSnake(
    aLo: number,
    aHi: number,
    bLo: number,
    bHi: number,
    top: boolean,
  ): [number, number, number, number] {
    const a = this.#a;
    const b = this.#b;
    const vf = this.#vf;
    const vb = this.#vb;
    const o = this.#offset;
    const n = aHi - aLo;
    const m = bHi - bLo;
    const delta = n - m;
    const odd = (delta & 1) !== 0;
    const maxD = Math.ceil((n + m) / 2);
    // Forward: vf[k] = furthest x (relative to aLo) on diagonal k = x - y.
    // Backward: vb[c] = furthest-back x (relative) on diagonal k = c + delta.
    vf[o + 1] = 0;
    // One past the end, so the d = 0 backward step (from c+1, x - 1) starts at x = n.
    vb[o + 1] = n + 1;
    for (let d = 0; d <= maxD; d += 1) {
      // D = 2d - 1 or 2d at this round; the top call refuses to go past maxEdits.
      if (top && 2 * d - 1 > this.#maxEdits) throw new BudgetSpent("edits");
      this.#tick(2 * d + 1);
      for (let k = -d; k <= d; k += 2) {
        let x: number;
        if (k === -d || (k !== d && (vf[o + k - 1] ?? 0) < (vf[o + k + 1] ?? 0))) {
          x = vf[o + k + 1] ?? 0;
        } else {
          x = (vf[o + k - 1] ?? 0) + 1;
        }
        let y = x - k;
        const x0 = x;
        const y0 = y;
        while (x < n && y < m && a[aLo + x] === b[bLo + y]) {
          x += 1;
          y += 1;
        }
        this.#tick(x - x0);
        vf[o + k] = x;
        const c = k - delta;
        if (odd && c >= -(d - 1) && c <= d - 1 && x >= (vb[o + c] ?? 0)) {
          return [aLo + x0, bLo + y0, aLo + x, bLo + y];
        }
      }
      for (let c = -d; c <= d; c += 2) {
        // Backward moves: from diagonal c+1 by undoing a deletion (x - 1), or from c-1 by
        // undoing an insertion (x unchanged); take the one that reaches further back.
        let x: number;
        if (c === -d || (c !== d && (vb[o + c + 1] ?? 0) <= (vb[o + c - 1] ?? 0))) {
          x = (vb[o + c + 1] ?? 0) - 1;
        } else {
          x = vb[o + c - 1] ?? 0;
        }
        const k = c + delta;
        let y = x - k;
        const x0 = x;
        const y0 = y;
        while (x > 0 && y > 0 && a[aLo + x - 1] === b[bLo + y - 1]) {
          x -= 1;
          y -= 1;
        }
        this.#tick(x0 - x);
        vb[o + c] = x;
        if (!odd && k >= -d && k <= d && x <= (vf[o + k] ?? 0)) {
          return [aLo + x, bLo + y, aLo + x0, bLo + y0];
        }
      }
    }
    // Unreachable for a non-empty box: the frontiers meet by d = ceil((N+M)/2).
    throw new Error("line diff: no middle snake");
  }
}
