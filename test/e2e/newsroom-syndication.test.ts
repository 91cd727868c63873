import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  signatureHeader,
  verifySignature,
} from "../../src/domain/distribution/webhook-signature.js";
import {
  apiSignIn,
  axeViolations,
  demoAccounts,
  signIn,
  waitUntil,
  watchPage,
} from "./support/newsroom.js";
import { newsroomBrowserSuite } from "./support/newsroom-suite.js";

// Syndication management in Debian's Chromium against the real server: the
// administrator subscribes a partner's webhook and issues a content-API key in the newsroom,
// publishes a story, and sees the signed delivery appear in the log; axe finds nothing in
// the English or the Persian interface. The partner listens on 127.0.0.1, which the server
// permits only with WEBHOOK_ALLOW_PRIVATE=1.

interface Received {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

const suite = newsroomBrowserSuite("newsroom syndication", {
  env: { WEBHOOK_ALLOW_PRIVATE: "1" },
});
let receiver: { url: string; received: Received[]; close(): Promise<void> };

async function startReceiver() {
  const received: Received[] = [];
  const http = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.statusCode = 200;
      res.end();
    });
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/partner/hooks`,
    received,
    close: () => new Promise<void>((resolve) => http.close(() => resolve())),
  };
}

async function chooseLanguage(page: Page, label: "English" | "فارسی") {
  await page.locator("#ui-language").selectOption({ label });
  const lang = label === "English" ? "en" : "fa";
  await waitUntil(async () => (await page.locator("html").getAttribute("lang")) === lang, {
    what: `the interface in ${lang}`,
  });
}

async function expectNoAxeViolations(page: Page, where: string) {
  expect([where, await axeViolations(page)]).toEqual([where, []]);
}

beforeAll(async () => {
  receiver = await startReceiver();
});

afterAll(async () => {
  await receiver?.close();
});

describe("newsroom: syndication for administrators", () => {
  it("subscribes a webhook, issues a key, and shows the delivery after publishing", async () => {
    const context = await suite.newContext();
    const page = await signIn(context, suite.server.baseUrl, demoAccounts.admin);
    const watch = watchPage(page);

    // Keyboard first: the header link is reachable and opens the screen.
    await page.getByRole("link", { name: "Syndication" }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Partner webhooks" }).waitFor();
    await expectNoAxeViolations(page, "webhooks (en)");

    await page.getByLabel("Partner URL").fill(receiver.url);
    await page.getByRole("checkbox", { name: "Unpublished" }).uncheck();
    await page.getByRole("button", { name: "Subscribe" }).click();
    const secretHeading = page.getByRole("heading", { name: `Signing secret for ${receiver.url}` });
    await secretHeading.waitFor();
    // Focus moves to the secret so screen-reader users hear it was created.
    expect(await secretHeading.evaluate((el) => el === document.activeElement)).toBe(true);
    const secret = (await page.locator(".nr-secret-value").textContent()) ?? "";
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = page.getByRole("row").filter({ hasText: receiver.url });
    await expect.poll(() => row.count()).toBe(1);
    await expectNoAxeViolations(page, "webhooks with the secret (en)");

    // Content-API key: issued, shown once, accepted by the content API.
    await page.getByRole("link", { name: "Content-API keys" }).click();
    await page.getByRole("heading", { level: 1, name: "Content-API keys" }).waitFor();
    await page.getByLabel("Partner name").fill("E2E Partner FM");
    await page.getByLabel("Requests per minute").fill("30");
    await page.getByRole("button", { name: "Issue key" }).click();
    await page.getByRole("heading", { name: "The new key for “E2E Partner FM”" }).waitFor();
    const key = (await page.locator(".nr-secret-value").textContent()) ?? "";
    expect(key).toMatch(/^ndk_/);
    const content = await fetch(`${suite.server.baseUrl}/api/v1/services`, {
      headers: { Authorization: `Bearer ${key}` },
    });
    expect(content.status).toBe(200);
    await page.getByRole("row").filter({ hasText: "E2E Partner FM" }).waitFor();
    await expectNoAxeViolations(page, "keys (en)");

    // Publish a story through the newsroom API, as an editor would.
    const admin = await apiSignIn(suite.server.baseUrl, demoAccounts.admin);
    const list = await admin.request("GET", "/stories?service=en&status=published&limit=1");
    const sourceId = (list.json as { items: { id: string }[] }).items[0]?.id ?? "";
    const source = await admin.request("GET", `/stories/${sourceId}`);
    const sourceContent = (source.json as { revision: { content: Record<string, unknown> } })
      .revision.content;
    const created = await admin.request("POST", "/stories", {
      serviceId: "en",
      content: { ...sourceContent, headline: "E2E syndication story", slug: "e2e-syndication" },
    });
    expect(created.status, created.text).toBe(201);
    const storyId = (created.json as { story: { id: string } }).story.id;
    const published = await admin.request("POST", `/stories/${storyId}/publish`, {
      mode: "first",
    });
    expect(published.status, published.text).toBe(200);

    // The delivery log: refreshed by hand until the background run has sent it.
    await page.getByRole("link", { name: "Webhooks" }).click();
    await page.getByRole("link", { name: `Delivery log ${receiver.url}` }).click();
    await page.getByRole("heading", { level: 1, name: "Delivery log" }).waitFor();
    const delivery = page.getByRole("row").filter({ hasText: storyId });
    await waitUntil(
      async () => {
        await page.getByRole("button", { name: "Refresh the log" }).click();
        return (await delivery.filter({ hasText: "Delivered" }).count()) === 1;
      },
      { what: "the delivery in the log", timeoutMs: 20_000, intervalMs: 500 },
    );
    await expect.poll(() => delivery.textContent()).toContain("Published");
    expect(await delivery.textContent()).toContain("200");
    await expectNoAxeViolations(page, "delivery log (en)");

    // The partner got it, signed with the secret the screen showed once.
    const got = receiver.received.find((r) => r.body.includes(storyId));
    expect(got).toBeDefined();
    const header = got?.headers[signatureHeader.toLowerCase()] as string;
    expect(verifySignature(secret, header, got?.body ?? "", Math.floor(Date.now() / 1000))).toBe(
      true,
    );

    // The same screens in Persian: no axe violations, Persian labels.
    await chooseLanguage(page, "فارسی");
    await page.getByRole("heading", { level: 1, name: "گزارش ارسال" }).waitFor();
    await expect.poll(() => delivery.textContent()).toContain("تحویل شد");
    await expectNoAxeViolations(page, "delivery log (fa)");
    await page.getByRole("link", { name: "وب‌هوک‌ها" }).click();
    await page.getByRole("heading", { level: 1, name: "وب‌هوک‌های همکاران" }).waitFor();
    await expectNoAxeViolations(page, "webhooks (fa)");
    await page.getByRole("link", { name: "کلیدهای API محتوا" }).click();
    await page.getByRole("heading", { level: 1, name: "کلیدهای API محتوا" }).waitFor();
    await expectNoAxeViolations(page, "keys (fa)");
    await chooseLanguage(page, "English");

    expect(watch.dialogs).toEqual([]);
    expect(watch.errors).toEqual([]);
  });

  it("is not offered to editors, and the server refuses them", async () => {
    const context = await suite.newContext();
    const page = await signIn(context, suite.server.baseUrl, demoAccounts.editor);
    expect(await page.getByRole("link", { name: "Syndication" }).count()).toBe(0);
    const editor = await apiSignIn(suite.server.baseUrl, demoAccounts.editor);
    const refused = await editor.request("GET", "/webhooks");
    expect(refused.status).toBe(403);
    expect((refused.json as { code: string }).code).toBe("FORBIDDEN");
  });
});
