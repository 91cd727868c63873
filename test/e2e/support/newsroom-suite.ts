import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { launchChromium } from "./browser.js";
import { newsroomNotReady } from "./newsroom.js";
import { type RunningServer, startServer } from "./start-server.js";

export interface NewsroomSuite {
  /** Set in beforeAll. */
  server: RunningServer;
  browser: Browser;
  /** Why the newsroom app cannot be tested (not built or not loadable), or null. */
  notReady: string | null;
  /** A browser context (1280×900, 15 s timeouts) closed after the suite. */
  newContext(): Promise<BrowserContext>;
  /** An absolute URL on the suite's server. */
  url(path: string): string;
}

/**
 * One server and one Chromium for a newsroom e2e file, with every test skipped (saying why)
 * when the newsroom app is not built or not loadable, and everything closed afterwards.
 */
export function newsroomBrowserSuite(
  name: string,
  options: { env?: Record<string, string> } = {},
): NewsroomSuite {
  const contexts: BrowserContext[] = [];
  const suite = {
    notReady: null,
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
    suite.notReady = await newsroomNotReady(suite.server.baseUrl);
    if (suite.notReady) console.warn(`${name} e2e skipped: ${suite.notReady}`);
  });

  beforeEach((context) => {
    if (suite.notReady) context.skip(`newsroom app not ready: ${suite.notReady}`);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await suite.browser?.close();
    await suite.server?.stop();
  });

  return suite;
}
