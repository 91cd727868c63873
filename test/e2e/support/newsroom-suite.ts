import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { launchChromium } from "./browser.js";
import { assertNewsroomServed } from "./newsroom.js";
import { type RunningServer, startServer } from "./start-server.js";

export interface NewsroomSuite {
  /** Set in beforeAll. */
  server: RunningServer;
  browser: Browser;
  /** A browser context (1280×900, 15 s timeouts) closed after the suite. */
  newContext(): Promise<BrowserContext>;
  /** An absolute URL on the suite's server. */
  url(path: string): string;
}

/**
 * One server and one Chromium for a newsroom e2e file, and everything closed afterwards.
 * When the newsroom app is not built or not loadable, every test fails with the reason
 * (assertNewsroomServed): that is a regression, so nothing is skipped.
 */
export function newsroomBrowserSuite(
  name: string,
  options: { env?: Record<string, string> } = {},
): NewsroomSuite {
  const contexts: BrowserContext[] = [];
  let unservable: Error | undefined;
  const suite = {
    newContext: async () => {
      const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 } });
      context.setDefaultTimeout(15_000);
      contexts.push(context);
      return context;
    },
    url: (path: string) => `${suite.server.baseUrl}${path}`,
  } as NewsroomSuite;

  beforeAll(async () => {
    [suite.server, suite.browser] = await Promise.all([
      startServer(options.env ? { env: options.env } : {}),
      launchChromium(),
    ]);
    unservable = await assertNewsroomServed(suite.server.baseUrl).then(
      () => undefined,
      (cause: unknown) =>
        new Error(`${name} e2e: ${cause instanceof Error ? cause.message : String(cause)}`, {
          cause,
        }),
    );
  });

  // Every test fails with the reason, so the count says "failed", not "skipped".
  beforeEach(() => {
    if (unservable) throw unservable;
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await suite.browser?.close();
    await suite.server?.stop();
  });

  return suite;
}
