import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../src/domain/actor.js";
import { retryDelaysMs, WebhookService } from "../../src/domain/distribution/webhook-service.js";
import {
  signatureHeader,
  verifySignature,
} from "../../src/domain/distribution/webhook-signature.js";
import type { StoryEvent } from "../../src/domain/stories/story-events.js";
import type { Story } from "../../src/domain/stories/story-schema.js";
import { OutboundHttp } from "../../src/security/outbound-http.js";
import { DistributionSqlRepository } from "../../src/storage/distribution-sql-repository.js";
import { countingListener, fakeInternet, scriptedResolver } from "../support/outbound-fakes.js";
import { fixedClock } from "../support/test-clock.js";
import { dialects, openTestDatabase, type TestDatabase } from "../support/test-databases.js";

interface Received {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** A partner's endpoint on 127.0.0.1 that answers with the status codes it is given. */
async function startReceiver(statuses: number[]) {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.statusCode = statuses.shift() ?? 200;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/newsdesk`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function storyEvent(type: StoryEvent["type"], serviceId: Story["serviceId"] = "fa"): StoryEvent {
  const story = {
    id: "s0000000001a",
    serviceId,
    familyId: "s0000000001a",
    status: type === "killed" ? "killed" : "published",
  } as Story;
  return { type, story, before: null, at: "2026-11-24T10:00:00.000Z", actorId: null };
}

describe.each(dialects)("webhooks on %s", (dialect) => {
  let database: TestDatabase;
  let repository: DistributionSqlRepository;

  // One database; each test subscribes for its own service, so none sees another's events.
  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    repository = new DistributionSqlRepository(database.db);
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it("signs each delivery with HMAC-SHA256 and retries failures with backoff", async () => {
    const receiver = await startReceiver([500, 503, 200]);
    const clock = fixedClock("2026-11-24T10:00:00.000Z");
    const webhooks = new WebhookService({
      repository,
      clock,
      // The receiver listens on 127.0.0.1, which only WEBHOOK_ALLOW_PRIVATE=1 permits.
      outbound: new OutboundHttp({ allowPrivate: true }),
      payload: async (event) => ({ uri: `https://news.example.org/x/${event.story.id}` }),
    });
    const subscription = await webhooks.subscribe(systemActor("test"), {
      url: receiver.url,
      serviceId: "fa",
    });
    await webhooks.onStoryEvent(storyEvent("published"));
    await webhooks.onStoryEvent(storyEvent("saved")); // not a webhook event
    await webhooks.onStoryEvent(storyEvent("published", "en")); // another service

    expect(await webhooks.deliverDue()).toBe(1);
    expect(receiver.received).toHaveLength(1);
    // Not due yet: the first retry waits 30 s.
    clock.advance(retryDelaysMs[0] - 1000);
    expect(await webhooks.deliverDue()).toBe(0);
    clock.advance(1000);
    expect(await webhooks.deliverDue()).toBe(1);
    clock.advance(retryDelaysMs[1]);
    expect(await webhooks.deliverDue()).toBe(1);
    expect(receiver.received).toHaveLength(3);

    const bodies = new Set(receiver.received.map((r) => r.body));
    expect(bodies.size).toBe(1); // every retry sends the identical signed bytes
    for (const r of receiver.received) {
      const header = r.headers[signatureHeader.toLowerCase()] as string;
      const t = Number(/t=(\d+)/.exec(header)?.[1]);
      expect(verifySignature(subscription.secret, header, r.body, t)).toBe(true);
      expect(verifySignature("wrong-secret", header, r.body, t)).toBe(false);
      expect(verifySignature(subscription.secret, header, `${r.body} `, t)).toBe(false);
      expect(r.headers["newsdesk-event"]).toBe("published");
    }
    const payload = JSON.parse(receiver.received[0]?.body ?? "{}");
    expect(payload).toMatchObject({
      event: "published",
      service: "fa",
      storyId: "s0000000001a",
      story: { uri: "https://news.example.org/x/s0000000001a" },
    });

    const [entry] = await webhooks.deliveryLog({ subscriptionId: subscription.id });
    expect(entry?.delivery.status).toBe("delivered");
    expect(entry?.delivery.attempts).toBe(3);
    expect(entry?.attempts.map((a) => a.statusCode)).toEqual([500, 503, 200]);
    expect(entry?.attempts.map((a) => a.at)).toEqual([
      "2026-11-24T10:00:00.000Z",
      "2026-11-24T10:00:30.000Z",
      "2026-11-24T10:02:30.000Z",
    ]);
    await receiver.close();
  });

  it("gives up after the last retry and keeps the failure in the log", async () => {
    const receiver = await startReceiver(Array(10).fill(500));
    const clock = fixedClock("2026-11-25T10:00:00.000Z");
    const webhooks = new WebhookService({
      repository,
      clock,
      // The receiver listens on 127.0.0.1, which only WEBHOOK_ALLOW_PRIVATE=1 permits.
      outbound: new OutboundHttp({ allowPrivate: true }),
      payload: async () => ({}),
    });
    const subscription = await webhooks.subscribe(systemActor("test"), {
      url: receiver.url,
      events: ["killed"],
      serviceId: "ru",
    });
    await webhooks.onStoryEvent(storyEvent("killed", "ru"));
    for (let i = 0; i <= retryDelaysMs.length; i += 1) {
      expect(await webhooks.deliverDue()).toBe(1);
      clock.advance(retryDelaysMs[i] ?? 0);
    }
    expect(await webhooks.deliverDue()).toBe(0);
    const [entry] = await webhooks.deliveryLog({ subscriptionId: subscription.id });
    expect(entry?.delivery.status).toBe("failed");
    expect(entry?.attempts).toHaveLength(retryDelaysMs.length + 1);
    expect(entry?.delivery.lastError).toBe("HTTP 500");
    await receiver.close();
  });

  it("records a refused connection as a failed attempt, not a crash", async () => {
    const receiver = await startReceiver([]);
    await receiver.close(); // nothing listens on this port any more
    const clock = fixedClock("2026-11-26T10:00:00.000Z");
    const webhooks = new WebhookService({
      repository,
      clock,
      // The receiver listens on 127.0.0.1, which only WEBHOOK_ALLOW_PRIVATE=1 permits.
      outbound: new OutboundHttp({ allowPrivate: true }),
      payload: async () => ({}),
      timeoutMs: 2000,
    });
    const subscription = await webhooks.subscribe(systemActor("test"), {
      url: receiver.url,
      serviceId: "zh-Hans",
    });
    await webhooks.onStoryEvent(storyEvent("corrected", "zh-Hans"));
    expect(await webhooks.deliverDue()).toBe(1);
    const [entry] = await webhooks.deliveryLog({ subscriptionId: subscription.id });
    expect(entry?.delivery.status).toBe("pending");
    expect(entry?.attempts[0]?.statusCode).toBeNull();
    expect(entry?.attempts[0]?.error).toMatch(/fetch failed|ECONNREFUSED/);
  });

  // Each test below starts its clock a day before the one above it, so no earlier test's
  // pending retry is due in it.
  it("delivers to the address it checked, never to one DNS gives later (rebinding)", async () => {
    const partner = await countingListener((_req, res) => res.end());
    const trap = await countingListener();
    try {
      // partner.test is public at subscription and at the delivery's one lookup; every later
      // answer is loopback, where the trap listens on the URL's port.
      const { resolver, calls } = scriptedResolver({
        "partner.test": [["93.184.215.14"], ["93.184.215.14"], ["127.0.0.1"]],
      });
      const internet = fakeInternet({ "93.184.215.14": partner.port });
      const webhooks = new WebhookService({
        repository,
        clock: fixedClock("2026-11-22T10:00:00.000Z"),
        outbound: new OutboundHttp({ resolver, allowPrivate: false, connect: internet.connect }),
        payload: async () => ({}),
      });
      await webhooks.subscribe(systemActor("test"), {
        url: `http://partner.test:${trap.port}/hook`,
        serviceId: "ar",
      });
      await webhooks.onStoryEvent(storyEvent("published", "ar"));
      expect(await webhooks.deliverDue()).toBe(1);
      expect(calls).toEqual(["partner.test", "partner.test"]);
      expect(internet.targets.map((t) => t.address)).toEqual(["93.184.215.14"]);
      expect(partner.requests.map((r) => r.headers.host)).toEqual([`partner.test:${trap.port}`]);
      expect(trap.connections).toBe(0);
    } finally {
      await partner.close();
      await trap.close();
    }
  });

  it("refuses a delivery whose host now resolves to a private address", async () => {
    const trap = await countingListener();
    try {
      const { resolver } = scriptedResolver({
        "partner.test": [["93.184.215.14"], ["127.0.0.1"]],
      });
      const webhooks = new WebhookService({
        repository,
        clock: fixedClock("2026-11-21T10:00:00.000Z"),
        outbound: new OutboundHttp({ resolver, allowPrivate: false }),
        payload: async () => ({}),
      });
      const subscription = await webhooks.subscribe(systemActor("test"), {
        url: `http://partner.test:${trap.port}/hook`,
        serviceId: "tr",
      });
      await webhooks.onStoryEvent(storyEvent("published", "tr"));
      expect(await webhooks.deliverDue()).toBe(1);
      const [entry] = await webhooks.deliveryLog({ subscriptionId: subscription.id });
      expect(entry?.delivery.lastError).toMatch(/^WEBHOOK_URL_PRIVATE: /);
      expect(entry?.attempts[0]?.statusCode).toBeNull();
      expect(trap.connections).toBe(0);
    } finally {
      await trap.close();
    }
  });

  it("does not follow a partner's redirect", async () => {
    const trap = await countingListener();
    const partner = await countingListener((_req, res) =>
      res.writeHead(307, { Location: `http://127.0.0.1:${trap.port}/internal` }).end(),
    );
    try {
      const { resolver } = scriptedResolver({ "partner.test": [["93.184.215.14"]] });
      const internet = fakeInternet({ "93.184.215.14": partner.port });
      const webhooks = new WebhookService({
        repository,
        clock: fixedClock("2026-11-20T10:00:00.000Z"),
        outbound: new OutboundHttp({ resolver, allowPrivate: false, connect: internet.connect }),
        payload: async () => ({}),
      });
      const subscription = await webhooks.subscribe(systemActor("test"), {
        url: "http://partner.test/hook",
        serviceId: "sw",
      });
      await webhooks.onStoryEvent(storyEvent("published", "sw"));
      expect(await webhooks.deliverDue()).toBe(1);
      const [entry] = await webhooks.deliveryLog({ subscriptionId: subscription.id });
      expect(entry?.delivery.lastError).toBe("HTTP 307");
      expect(partner.requests).toHaveLength(1);
      expect(trap.connections).toBe(0);
    } finally {
      await partner.close();
      await trap.close();
    }
  });
});
