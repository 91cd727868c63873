import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { checkFeed, type FeedIssue, feedRules } from "../support/feed-rules.js";

/**
 * Our RSS/Atom checks against the W3C Feed Validator's annotated cases
 * (../shared/data/standards/feeds/w3c-feedvalidator/testcases). Each case names the
 * message class it expects; we check every case whose class we implement, and every
 * `!Error` case (which must produce no error from us).
 */
const corpus = join(
  import.meta.dirname,
  "../../../shared/data/standards/feeds/w3c-feedvalidator/testcases",
);

interface Case {
  readonly file: string;
  readonly negate: boolean;
  readonly code: string;
  readonly params: Readonly<Record<string, string>>;
}

/** W3C "Valid…" events are the absence of the matching "Invalid…" error. */
const validToInvalid: Record<string, string> = {
  ValidRFC2822Date: "InvalidRFC2822Date",
  ValidRFC3339Date: "InvalidRFC3339Date",
  ValidW3CDTFDate: "InvalidRFC3339Date",
  ValidLanguage: "InvalidLanguage",
};

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : path.endsWith(".xml") ? [path] : [];
  });
}

function parseCase(file: string, text: string): Case | undefined {
  const m = /Expect:\s*(!?)([A-Za-z]+)(?:\{([^}]*)\})?/.exec(text);
  if (!m?.[2]) return undefined;
  const params = Object.fromEntries(
    (m[3] ?? "")
      .split(",")
      .map((p) => p.split(":").map((s) => s.trim()))
      .filter((p): p is [string, string] => p.length >= 2 && Boolean(p[0]))
      .map(([k, ...v]) => [k, v.join(":")]),
  );
  const valid = validToInvalid[m[2]];
  return valid
    ? { file, negate: true, code: valid, params }
    : { file, negate: m[1] === "!", code: m[2], params };
}

function matches(issue: FeedIssue, c: Case): boolean {
  if (issue.code !== c.code) return false;
  for (const key of ["element", "parent", "attr"] as const) {
    const want = c.params[key];
    if (want !== undefined && issue[key] !== undefined && issue[key] !== want) return false;
  }
  return true;
}

const files = ["rss20", "atom", "xml"].flatMap((d) => walk(join(corpus, d))).sort();
const cases = files.flatMap((file) => {
  const c = parseCase(file, readFileSync(file, "utf8"));
  return c ? [c] : [];
});
const implemented = new Set<string>(feedRules);
const checked = cases.filter((c) => c.code === "Error" || implemented.has(c.code));

describe("feed rule checks vs. the W3C Feed Validator cases", () => {
  it("has a corpus to run", () => {
    expect(files.length).toBeGreaterThan(1000);
    // Printed so the coverage is visible in CI logs, not hidden in a skip.
    console.info(
      `W3C feed cases: ${files.length} files, ${cases.length} annotated, ${checked.length} checked by our rules`,
    );
    expect(checked.length).toBeGreaterThanOrEqual(240);
  });

  it.each(checked.map((c) => [relative(corpus, c.file), c] as const))("%s", (_name, c) => {
    // Each case file is UTF-8 or declares its encoding; undeclared bytes are what SAXError
    // cases exercise, so read the bytes as UTF-8 like a feed reader would.
    const issues = checkFeed(readFileSync(c.file, "utf8"));
    if (c.code === "Error") {
      expect(c.negate).toBe(true);
      expect(issues.filter((i) => i.severity === "error")).toEqual([]);
    } else if (c.negate) {
      expect(issues.filter((i) => matches(i, c))).toEqual([]);
    } else {
      expect(
        issues.some((i) => matches(i, c)),
        JSON.stringify(issues),
      ).toBe(true);
    }
  });
});
