import { type Browser, chromium } from "playwright-core";

/**
 * Debian's Chromium; Playwright's own download cannot work offline, so never
 * `npx playwright install` (see shared/STACK.md, browser row).
 */
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}
