import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { BrowserContext, Page } from "playwright-core";
import sharp from "sharp";
import { axeScan } from "./axe.js";

/** Helpers for the newsroom end-to-end tests (test/e2e/newsroom.test.ts). */

export const demoAccounts = {
  admin: { email: "admin@newsdesk.test", password: "demo-password-ada" },
  editor: { email: "editor@newsdesk.test", password: "demo-password-elif" },
  reporter: { email: "reporter@newsdesk.test", password: "demo-password-rafael" },
  translator: { email: "translator@newsdesk.test", password: "demo-password-taraneh" },
} as const;

const repoRoot = resolve(fileURLToPath(new URL(".", import.meta.url)), "../../..");

/**
 * Fails, saying why, unless the server serves the newsroom app so that a browser can run it:
 * the Vite build exists (`npm run build` makes it, and `npm test` builds before the e2e
 * project), `GET /newsroom/` answers 200, and its CSP lets the app load its own scripts.
 * Each of these is a regression or a broken build, never a reason to skip: a suite that
 * skipped here would go green exactly when the newsroom is broken.
 */
export async function assertNewsroomServed(baseUrl: string): Promise<void> {
  if (!existsSync(join(repoRoot, "dist/newsroom-ui/index.html"))) {
    throw new Error(
      "The newsroom app is not built (dist/newsroom-ui/index.html is missing): run `npm run build` before the e2e tests.",
    );
  }
  const response = await fetch(`${baseUrl}/newsroom/`);
  if (response.status !== 200) {
    throw new Error(
      `GET /newsroom/ answered ${response.status}, not 200: the newsroom app is not served.`,
    );
  }
  const csp = response.headers.get("content-security-policy") ?? "";
  const scriptSources =
    /(?:^|;)\s*script-src ([^;]*)/.exec(csp)?.[1] ?? /(?:^|;)\s*default-src ([^;]*)/.exec(csp)?.[1];
  if (scriptSources !== undefined && !/'self'|\*/.test(scriptSources)) {
    throw new Error(
      `The Content-Security-Policy of /newsroom/ blocks the app's own scripts: ${csp}`,
    );
  }
}

/**
 * axe-core over a newsroom screen (WCAG 2.2 AA), without the preview iframe: it is sandboxed
 * without scripts, so axe cannot run inside it, and its document is the reader page, which
 * reader-pages.test.ts scans on its own. Its title is checked by the caller.
 */
export function axeViolations(page: Page): Promise<string[]> {
  return axeScan(page, "", { exclude: ".nr-preview iframe" });
}

/** Signs in through the login screen and waits for the dashboard. */
export async function signIn(
  context: BrowserContext,
  baseUrl: string,
  account: { readonly email: string; readonly password: string },
  path = "/newsroom/",
): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}${path}`);
  await page.getByLabel("Email address").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("button", { name: "Log out", exact: true }).waitFor();
  return page;
}

/** A session for API-level checks from Node: cookie, CSRF token and a small request helper. */
export interface ApiSession {
  readonly cookie: string;
  readonly csrfToken: string;
  readonly setCookie: string;
  request(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; json: unknown; text: string }>;
}

export async function apiSignIn(
  baseUrl: string,
  account: { readonly email: string; readonly password: string },
): Promise<ApiSession> {
  const response = await fetch(`${baseUrl}/newsroom/api/session`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: baseUrl },
    body: JSON.stringify(account),
  });
  if (!response.ok) throw new Error(`sign-in failed for ${account.email}: ${response.status}`);
  const setCookie = response.headers.get("set-cookie") ?? "";
  const cookie = setCookie.split(";")[0] ?? "";
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return {
    cookie,
    csrfToken,
    setCookie,
    async request(method, path, body, headers = {}) {
      const res = await fetch(`${baseUrl}/newsroom/api${path}`, {
        method,
        headers: {
          Cookie: cookie,
          Origin: baseUrl,
          "X-CSRF-Token": csrfToken,
          ...(body === undefined ? {} : { "Content-Type": "application/json" }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      let json: unknown = null;
      try {
        json = JSON.parse(text);
      } catch {
        // Not JSON (204 or HTML): keep the text.
      }
      return { status: res.status, json, text };
    },
  };
}

/** A real PNG of the given size: a two-colour image so renditions are not trivially empty. */
export async function testImage(width: number, height: number, hue: number): Promise<Buffer> {
  const r = Math.round(128 + 100 * Math.sin(hue));
  const g = Math.round(128 + 100 * Math.sin(hue + 2));
  const b = Math.round(128 + 100 * Math.sin(hue + 4));
  return sharp({ create: { width, height, channels: 3, background: { r, g, b } } })
    .composite([
      {
        input: await sharp({
          create: {
            width: Math.round(width / 3),
            height: Math.round(height / 3),
            channels: 3,
            background: { r: 255 - r, g: 255 - g, b: 255 - b },
          },
        })
          .png()
          .toBuffer(),
        left: Math.round(width / 3),
        top: Math.round(height / 3),
      },
    ])
    .png()
    .toBuffer();
}

/**
 * Watches a page for signs that injected script ran: any alert/confirm/prompt dialog,
 * uncaught page errors, and console errors (a CSP refusal of an inline script is one).
 * Dialogs are dismissed so the page does not hang.
 */
export interface PageWatch {
  readonly dialogs: string[];
  readonly errors: string[];
}

/**
 * Console errors that are not script running: HTTP error statuses the app handles itself
 * (401 before sign-in, 403/409 answers). The sandboxed preview is served without scripts, so
 * a "Blocked script execution" there is an error like any other.
 */
const benignConsole = [/^Failed to load resource: the server responded with a status of \d{3}/];

export function watchPage(page: Page, options: { ignore?: RegExp } = {}): PageWatch {
  const watch: PageWatch = { dialogs: [], errors: [] };
  page.on("dialog", (dialog) => {
    // `beforeunload` prompts are the editor's own unsaved-changes guard, not injected script.
    if (dialog.type() !== "beforeunload")
      watch.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  page.on("pageerror", (error) => watch.errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const text = message.text();
    if (options.ignore?.test(text) || benignConsole.some((pattern) => pattern.test(text))) return;
    watch.errors.push(`console: ${text}`);
  });
  return watch;
}

/** Polls until `check` returns true or the time runs out; returns the elapsed milliseconds. */
export async function waitUntil(
  check: () => Promise<boolean>,
  options: { timeoutMs?: number; intervalMs?: number; what: string },
): Promise<number> {
  const started = performance.now();
  const deadline = started + (options.timeoutMs ?? 10_000);
  while (performance.now() < deadline) {
    if (await check()) return performance.now() - started;
    await new Promise((done) => setTimeout(done, options.intervalMs ?? 50));
  }
  throw new Error(`timed out waiting for ${options.what}`);
}
