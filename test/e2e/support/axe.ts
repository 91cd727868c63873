import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { expect } from "vitest";

/** WCAG 2.2 level A and AA, the bar every reader and newsroom page is held to. */
const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/**
 * axe-core over the page (WCAG 2.2 AA): one readable line per violating element, empty when
 * clean. Only violations are gathered node by node (`resultTypes`): axe otherwise builds a
 * unique selector for every passing element of every rule, seconds on a long page, which the
 * assertions never read. Passing rules are still listed (with one node each), enough to see
 * that axe really ran.
 *
 * Legacy mode runs `axe.run` in the page itself. The default mode runs each frame apart and
 * then opens a blank tab to merge the results (about a second and a half per scan, measured),
 * which only cross-origin frames need; Newsdesk's pages have none (the newsroom's preview
 * frame is same-origin, and excluded).
 */
export async function axeScan(
  page: Page,
  label = "",
  options: {
    /**
     * Left out of the scan, e.g. the newsroom's preview iframe: it is sandboxed without
     * scripts, so axe cannot run inside it (it would wait 15 s for the frame), and its
     * document is a reader page, which the reader tests scan on their own.
     */
    readonly exclude?: string;
  } = {},
): Promise<string[]> {
  let builder = new AxeBuilder({ page })
    .withTags(wcagTags)
    .options({ resultTypes: ["violations"] })
    .setLegacyMode();
  if (options.exclude) builder = builder.exclude(options.exclude);
  const results = await builder.analyze();
  expect(results.passes.length, `axe ran its rules on ${label || page.url()}`).toBeGreaterThan(10);
  const prefix = label ? `${label} ` : "";
  return results.violations.flatMap((v) =>
    v.nodes.map(
      (n) =>
        `${prefix}${v.id} (${v.impact ?? "?"}): ${n.target.join(" ")}: ${n.failureSummary ?? v.help}`,
    ),
  );
}
