import { loginNewsroom } from "./newsroom-client.js";
import { findFlagshipStoryPath } from "./server.js";
import { summarize } from "./stats.js";
import { epochMs, sleep } from "./timing.js";

/**
 * Benchmark 3: publish→visible. The demo editor publishes an update with a new headline
 * through the newsroom API on `publishTo`; every instance in `pollFrom` is polled (its
 * cached copy primed first, as readers would have it) until the story page shows the new
 * headline. Latency is from sending the publish request to the first response carrying the
 * new headline, per polled instance.
 * @param {{ publishTo: string, pollFrom: string[], publishes: number, timeoutMs: number }} options
 */
export async function runPublishBench({ publishTo, pollFrom, publishes, timeoutMs }) {
  const editor = await loginNewsroom(publishTo);
  const home = await (await fetch(`${publishTo}/english/`)).text();
  const storyPath = findFlagshipStoryPath(home);
  if (!storyPath) throw new Error("publish bench: no /english/world/… story on /english/");
  const storyId = storyPath.slice(-12);
  const opened = await editor.call("GET", `/stories/${storyId}`);
  let revision = opened.revision;
  /** @type {number[][]} */
  const perInstance = pollFrom.map(() => []);
  /** @type {number[]} */
  const slowest = [];
  /** @type {number[]} */
  const publishApi = [];
  for (let i = 0; i < publishes; i++) {
    const headline = `Bench headline ${i} ${Math.random().toString(36).slice(2, 10)}`;
    const saved = await editor.call("PUT", `/stories/${storyId}/draft`, {
      baseRevisionId: revision.id,
      content: { ...revision.content, headline },
    });
    revision = saved.revision;
    // Readers have the current page cached everywhere before the publish.
    for (const base of pollFrom) {
      await (await fetch(`${base}${storyPath}`)).arrayBuffer();
      await (await fetch(`${base}${storyPath}`)).arrayBuffer();
    }
    const marker = `<h1>${headline}</h1>`;
    const t0 = epochMs();
    const published = editor
      .call("POST", `/stories/${storyId}/publish`, { mode: "update", note: "Bench update" })
      .then(() => epochMs() - t0);
    const seen = await Promise.all(
      pollFrom.map(async (base) => {
        for (;;) {
          const res = await fetch(`${base}${storyPath}`);
          const html = await res.text();
          if (html.includes(marker)) return epochMs() - t0;
          if (epochMs() - t0 > timeoutMs) return Number.POSITIVE_INFINITY;
        }
      }),
    );
    publishApi.push(await published);
    for (const [k, ms] of seen.entries()) perInstance[k]?.push(ms);
    slowest.push(Math.max(...seen));
    await sleep(20);
  }
  return {
    storyPath,
    publishes,
    visible: summarize(slowest),
    perInstance: perInstance.map((samples) => summarize(samples)),
    publishRequest: summarize(publishApi),
    notVisibleWithinTimeout: slowest.filter((ms) => !Number.isFinite(ms)).length,
  };
}
