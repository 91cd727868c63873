import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../src/domain/actor.js";
import {
  signatureHeader,
  verifySignature,
} from "../../src/domain/distribution/webhook-signature.js";
import type { Newsdesk } from "../../src/main.js";
import { NewsroomClient } from "../support/newsroom-client.js";
import { fixedClock } from "../support/test-clock.js";
import { dialects } from "../support/test-databases.js";
import { startTestNewsdesk } from "../support/test-newsdesk.js";

const actor = systemActor("distribution admin test");

interface Received {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** A partner's endpoint on 127.0.0.1; `status` is what it answers next, and can change. */
async function startReceiver(initialStatus: number) {
  const state = { status: initialStatus };
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.statusCode = state.status;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/newsdesk`,
    received,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

interface Delivery {
  id: string;
  event: string;
  storyId: string;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  history: { number: number; statusCode: number | null }[];
}

describe.each(dialects)("syndication management on %s", (dialect) => {
  let newsdesk: Newsdesk & { dispose(): Promise<void> };
  let admin: NewsroomClient;
  let editor: NewsroomClient;
  // Time stands still unless a test moves it: retry times are exact, not a window.
  const clock = fixedClock(new Date());

  beforeAll(async () => {
    // The receivers listen on 127.0.0.1, which only WEBHOOK_ALLOW_PRIVATE=1 permits.
    newsdesk = await startTestNewsdesk(dialect, {
      clock,
      env: { WEBHOOK_ALLOW_PRIVATE: "1" },
    });
    admin = new NewsroomClient(newsdesk.app);
    editor = new NewsroomClient(newsdesk.app);
    await admin.login("admin@newsdesk.test", "demo-password-ada");
    await editor.login("editor@newsdesk.test", "demo-password-elif");
  });
  afterAll(async () => {
    await newsdesk?.dispose();
  });

  /** Publishes a new English story copied from a published demo story. */
  async function publishStory(headline: string): Promise<string> {
    const { key } = await newsdesk.services.apiKeys.issue(actor, {
      name: "lookup",
      rateLimitPerMinute: 100,
    });
    const list = (await (
      await newsdesk.app.request("/api/v1/stories?service=en&limit=1", {
        headers: { Authorization: `Bearer ${key}` },
      })
    ).json()) as { data: { id: string }[] };
    const head = await newsdesk.repositories.stories.findStory(list.data[0]?.id ?? "");
    const revision = await newsdesk.repositories.stories.findRevision(
      head?.publishedRevisionId ?? "",
    );
    if (!revision) throw new Error("no published demo story in English");
    const slug = headline.toLowerCase().replaceAll(/[^a-z0-9]+/g, "-");
    const { story } = await newsdesk.services.stories.create(actor, {
      serviceId: "en",
      content: { ...revision.content, headline, slug },
    });
    await newsdesk.services.stories.publish(actor, story.id, { mode: "first" });
    return story.id;
  }

  it("is for administrators only: editors get 403, anonymous 401, API tokens 403", async () => {
    for (const [method, path] of [
      ["GET", "/webhooks"],
      ["POST", "/webhooks"],
      ["GET", "/api-keys"],
      ["POST", "/api-keys"],
      ["DELETE", "/api-keys/nope"],
    ] as const) {
      const body = method === "POST" ? { name: "x", url: "https://example.org/" } : undefined;
      const refused = await editor.request(method, path, body);
      expect([path, refused.status]).toEqual([path, 403]);
      expect(refused.headers.get("content-type")).toBe("application/problem+json; charset=utf-8");
      expect(((await refused.json()) as { code: string }).code).toBe("FORBIDDEN");
    }
    const anonymous = await new NewsroomClient(newsdesk.app).request("GET", "/webhooks");
    expect(anonymous.status).toBe(401);
    // The check is in the domain, not only in HTTP.
    const editorActor = (await newsdesk.services.users.findByEmail("editor@newsdesk.test")) ?? null;
    expect(editorActor).not.toBeNull();
    await expect(
      newsdesk.services.apiKeys.list({
        kind: "user",
        userId: editorActor?.id ?? "",
        isAdmin: false,
        grants: [{ serviceId: "en", role: "editor" }],
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    // A newsroom API token of the administrator is not a session: refused.
    const token = await admin.json<{ token: string }>("POST", "/tokens", {
      name: "automation",
      scopes: ["stories:read"],
    });
    const withToken = await newsdesk.app.request("/newsroom/api/api-keys", {
      headers: { Authorization: `Bearer ${token.token}` },
    });
    expect(withToken.status).toBe(403);
    // CSRF still applies to these state changes.
    const noCsrf = await admin.request("POST", "/api-keys", { name: "x" }, { csrf: null });
    expect(((await noCsrf.json()) as { code: string }).code).toBe("CSRF_FAILED");
  });

  it("issues a key the content API accepts, lists it without secrets, and revokes it", async () => {
    const bad = await admin.request("POST", "/api-keys", { name: " ", rateLimitPerMinute: 0 });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { code: string }).code).toBe("VALIDATION_FAILED");

    const created = await admin.request("POST", "/api-keys", {
      name: "Partner station",
      rateLimitPerMinute: 120,
    });
    expect(created.status).toBe(201);
    expect(created.headers.get("cache-control")).toBe("no-store");
    const { key, apiKey } = (await created.json()) as {
      key: string;
      apiKey: { id: string; name: string; rateLimitPerMinute: number; revokedAt: null };
    };
    expect(key).toMatch(/^ndk_/);
    expect(apiKey).toMatchObject({ name: "Partner station", rateLimitPerMinute: 120 });

    const content = () =>
      newsdesk.app.request("/api/v1/services", { headers: { Authorization: `Bearer ${key}` } });
    expect((await content()).status).toBe(200);

    const listed = await admin.json<{ apiKeys: Record<string, unknown>[] }>("GET", "/api-keys");
    const entry = listed.apiKeys.find((k) => k.id === apiKey.id);
    expect(entry).toMatchObject({ name: "Partner station", revokedAt: null });
    // The secret is base64url and may itself contain "_": take everything after the id.
    const secret = /^ndk_[^_]+_(.+)$/.exec(key)?.[1] ?? "";
    expect(secret).toHaveLength(43);
    expect(JSON.stringify(listed)).not.toContain(secret);
    expect(Object.keys(entry ?? {})).not.toContain("secretHash");

    const revoked = await admin.request("DELETE", `/api-keys/${apiKey.id}`);
    expect(revoked.status).toBe(204);
    const refused = await content();
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { code: string }).code).toBe("API_KEY_INVALID");
    const again = await admin.request("DELETE", `/api-keys/${apiKey.id}`);
    expect(again.status).toBe(404);
    expect(((await again.json()) as { code: string }).code).toBe("API_KEY_NOT_FOUND");
    const after = await admin.json<{ apiKeys: { id: string; revokedAt: string | null }[] }>(
      "GET",
      "/api-keys",
    );
    expect(after.apiKeys.find((k) => k.id === apiKey.id)?.revokedAt).not.toBeNull();
  });

  it("delivers signed webhooks, logs failures with the next retry, and retries by hand", async () => {
    const good = await startReceiver(200);
    const bad = await startReceiver(500);
    try {
      const subscribed = await admin.request("POST", "/webhooks", {
        url: good.url,
        events: ["published"],
        serviceId: "en",
      });
      expect(subscribed.status).toBe(201);
      const { webhook, secret } = (await subscribed.json()) as {
        webhook: { id: string; url: string; events: string[] };
        secret: string;
      };
      expect(webhook).toMatchObject({ url: good.url, events: ["published"], serviceId: "en" });
      expect(secret.length).toBeGreaterThanOrEqual(40);
      const list = await admin.json<{ webhooks: Record<string, unknown>[] }>("GET", "/webhooks");
      expect(list.webhooks.map((w) => w.id)).toContain(webhook.id);
      expect(JSON.stringify(list)).not.toContain(secret);

      const storyId = await publishStory("Syndication test one");
      expect(await newsdesk.services.webhooks.deliverDue()).toBe(1);
      expect(good.received).toHaveLength(1);
      const [first] = good.received;
      const header = first?.headers[signatureHeader.toLowerCase()] as string;
      expect(verifySignature(secret, header, first?.body ?? "", clock.now().getTime() / 1000)).toBe(
        true,
      );
      expect(JSON.parse(first?.body ?? "{}")).toMatchObject({ event: "published", storyId });

      const log = await admin.json<{ deliveries: Delivery[] }>(
        "GET",
        `/webhooks/${webhook.id}/deliveries`,
      );
      expect(log.deliveries).toHaveLength(1);
      expect(log.deliveries[0]).toMatchObject({
        event: "published",
        storyId,
        status: "delivered",
        attempts: 1,
        lastStatusCode: 200,
        lastError: null,
        nextAttemptAt: null,
        history: [{ number: 1, statusCode: 200 }],
      });

      // A second partner whose endpoint fails.
      const failing = await admin.json<{ webhook: { id: string } }>("POST", "/webhooks", {
        url: bad.url,
      });
      const secondStory = await publishStory("Syndication test two");
      const before = clock.now().getTime();
      expect(await newsdesk.services.webhooks.deliverDue()).toBe(2);
      const failed = await admin.json<{ deliveries: Delivery[] }>(
        "GET",
        `/webhooks/${failing.webhook.id}/deliveries`,
      );
      const [pending] = failed.deliveries;
      expect(pending).toMatchObject({
        storyId: secondStory,
        status: "pending",
        attempts: 1,
        lastStatusCode: 500,
        lastError: "HTTP 500",
      });
      // The first retry waits 30 s (webhook-service.ts, retryDelaysMs), to the millisecond.
      const next = Date.parse(pending?.nextAttemptAt ?? "");
      expect(next - before).toBe(30_000);
      expect(await newsdesk.services.webhooks.deliverDue()).toBe(0); // not due yet
      clock.advance(29_999);
      expect(await newsdesk.services.webhooks.deliverDue()).toBe(0); // still not

      // The partner is fixed; the administrator retries now instead of in 30 s.
      bad.state.status = 204;
      const retried = await admin.request(
        "POST",
        `/webhooks/${failing.webhook.id}/deliveries/${pending?.id}/retry`,
      );
      expect(retried.status).toBe(200);
      const { delivery } = (await retried.json()) as { delivery: Delivery };
      expect(delivery.status).toBe("pending");
      expect(Date.parse(delivery.nextAttemptAt ?? "")).toBeLessThanOrEqual(clock.now().getTime());
      expect(await newsdesk.services.webhooks.deliverDue()).toBe(1);
      const done = await admin.json<{ deliveries: Delivery[] }>(
        "GET",
        `/webhooks/${failing.webhook.id}/deliveries`,
      );
      expect(done.deliveries[0]).toMatchObject({
        status: "delivered",
        attempts: 2,
        lastStatusCode: 204,
        history: [
          { number: 1, statusCode: 500 },
          { number: 2, statusCode: 204 },
        ],
      });
      expect(bad.received.map((r) => r.body)).toEqual([
        bad.received[0]?.body,
        bad.received[0]?.body,
      ]);

      const notAgain = await admin.request(
        "POST",
        `/webhooks/${failing.webhook.id}/deliveries/${pending?.id}/retry`,
      );
      expect(notAgain.status).toBe(409);
      expect(((await notAgain.json()) as { code: string }).code).toBe(
        "WEBHOOK_DELIVERY_NOT_RETRYABLE",
      );
      // A delivery is only found under its own subscription.
      const elsewhere = await admin.request(
        "POST",
        `/webhooks/${webhook.id}/deliveries/${pending?.id}/retry`,
      );
      expect(((await elsewhere.json()) as { code: string }).code).toBe(
        "WEBHOOK_DELIVERY_NOT_FOUND",
      );

      // Removing a subscription removes its log; it is gone from the list.
      expect((await admin.request("DELETE", `/webhooks/${failing.webhook.id}`)).status).toBe(204);
      const gone = await admin.request("GET", `/webhooks/${failing.webhook.id}/deliveries`);
      expect(gone.status).toBe(404);
      expect(((await gone.json()) as { code: string }).code).toBe("WEBHOOK_NOT_FOUND");
      expect((await admin.request("DELETE", `/webhooks/${failing.webhook.id}`)).status).toBe(404);
      const audit = await admin.json<{ action: string }[]>("GET", "/audit?limit=50");
      expect(audit.map((a) => a.action)).toEqual(
        expect.arrayContaining(["webhook.subscribe", "webhook.retry", "webhook.remove"]),
      );
    } finally {
      await good.close();
      await bad.close();
    }
  });

  it("refuses webhook URLs that are not http(s)", async () => {
    for (const url of ["ftp://example.org/hook", "javascript:alert(1)", "not a url"]) {
      const refused = await admin.request("POST", "/webhooks", { url });
      expect([url, refused.status]).toEqual([url, 422]);
      expect(((await refused.json()) as { code: string }).code).toBe("WEBHOOK_URL_INVALID");
    }
  });
});

describe.each(dialects)("webhook address policy without WEBHOOK_ALLOW_PRIVATE on %s", (dialect) => {
  let newsdesk: Newsdesk & { dispose(): Promise<void> };
  let admin: NewsroomClient;

  beforeAll(async () => {
    newsdesk = await startTestNewsdesk(dialect, { seed: false });
    await newsdesk.services.users.create(actor, {
      email: "root@newsdesk.test",
      displayName: "Root",
      password: "a-long-test-password",
      isAdmin: true,
      grants: [],
    });
    admin = new NewsroomClient(newsdesk.app);
    await admin.login("root@newsdesk.test", "a-long-test-password");
  });
  afterAll(async () => {
    await newsdesk?.dispose();
  });

  it("refuses private, loopback and link-local addresses, in every spelling", async () => {
    for (const url of [
      "http://127.0.0.1:8080/hook",
      "http://2130706433/hook", // 127.0.0.1 as one number
      "http://0x7f.1/hook",
      "http://[::1]/hook",
      "http://[::ffff:127.0.0.1]/hook",
      "http://10.1.2.3/hook",
      "http://172.20.0.5/hook",
      "http://192.168.1.10/hook",
      "http://169.254.169.254/latest/meta-data",
      "http://[fe80::1]/hook",
      "http://[fd12:3456::1]/hook",
      "http://0.0.0.0/hook",
      "http://localhost:9000/hook",
      "http://api.localhost/hook",
    ]) {
      const refused = await admin.request("POST", "/webhooks", { url });
      expect([url, refused.status]).toEqual([url, 422]);
      expect(refused.headers.get("content-type")).toBe("application/problem+json; charset=utf-8");
      expect([url, ((await refused.json()) as { code: string }).code]).toEqual([
        url,
        "WEBHOOK_URL_PRIVATE",
      ]);
    }
    // A public address is accepted (an address literal: no DNS needed in the test).
    const ok = await admin.request("POST", "/webhooks", { url: "https://93.184.215.14/hook" });
    expect(ok.status).toBe(201);
    // The domain service refuses too, for the CLI and anyone else.
    await expect(
      newsdesk.services.webhooks.subscribe(actor, { url: "http://127.0.0.1/x" }),
    ).rejects.toMatchObject({ code: "WEBHOOK_URL_PRIVATE" });
  });
});
