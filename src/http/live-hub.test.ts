import { createServer, get, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { BreakingBanner } from "../domain/breaking/breaking-news-schema.js";
import { catalogues } from "../i18n/message-catalogue.js";
import { LiveHub } from "./live-hub.js";

const banner: BreakingBanner = {
  id: "b1",
  serviceId: "sr",
  text: "Љубиша Ђорђевић стигао у Ниш",
  url: "/serbian-cyrillic/world/%D0%BD%D0%B8%D1%88-abcdefghjkmn",
  expiresAt: "2030-01-01T00:00:00.000Z",
  createdAt: "2029-12-31T00:00:00.000Z",
  clearedAt: null,
};

interface Stream {
  next(): Promise<{ id: string; data: Record<string, unknown> }>;
  close(): void;
}

/** Opens an SSE stream and hands back its `banner` events one by one. */
function open(server: Server, path: string): Promise<Stream> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = get({ port, path }, (res: IncomingMessage) => {
      res.setEncoding("utf8");
      let buffer = "";
      const waiting: ((frame: string) => void)[] = [];
      const frames: string[] = [];
      res.on("data", (chunk: string) => {
        buffer += chunk;
        let end = buffer.indexOf("\n\n");
        while (end >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (frame.includes("event: banner")) {
            const take = waiting.shift();
            if (take) take(frame);
            else frames.push(frame);
          }
          end = buffer.indexOf("\n\n");
        }
      });
      resolve({
        next: () =>
          new Promise((done) => {
            const parse = (frame: string) =>
              done({
                id: /^id: (.*)$/mu.exec(frame)?.[1] ?? "",
                data: JSON.parse(/^data: (.*)$/mu.exec(frame)?.[1] ?? "null"),
              });
            const ready = frames.shift();
            if (ready) parse(ready);
            else waiting.push(parse);
          }),
        close: () => req.destroy(),
      });
    });
    req.on("error", reject);
  });
}

describe("LiveHub", () => {
  let server: Server | undefined;
  let hub: LiveHub | undefined;
  afterEach(() => {
    hub?.close();
    server?.close();
  });

  const start = async (current: BreakingBanner | undefined) => {
    hub = new LiveHub({ current: async () => current });
    const live = hub;
    server = createServer((req, res) => {
      if (!live.handle(req, res)) res.writeHead(404).end();
    });
    await new Promise<void>((done) => server?.listen(0, "127.0.0.1", done));
    return server;
  };

  it("sends each Serbian edition the banner in its own script, label and link", async () => {
    const s = await start(banner);
    const latin = await open(s, "/_/live/sr-Latn");
    const cyrillic = await open(s, "/_/live/sr-Cyrl");
    expect((await latin.next()).data).toEqual({
      label: catalogues["sr-Latn"]["breaking.label"],
      text: "Ljubiša Đorđević stigao u Niš",
      url: "/serbian/world/ni%C5%A1-abcdefghjkmn",
      expiresAt: banner.expiresAt,
    });
    expect((await cyrillic.next()).data).toEqual({
      label: catalogues["sr-Cyrl"]["breaking.label"],
      text: banner.text,
      url: banner.url,
      expiresAt: banner.expiresAt,
    });

    const next = { ...banner, id: "b2", text: "Нове вести", url: null };
    expect(hub?.broadcast("sr", next)).toBe(2);
    expect((await latin.next()).data).toMatchObject({ text: "Nove vesti", url: null });
    expect((await cyrillic.next()).data).toMatchObject({ text: "Нове вести", url: null });
    latin.close();
    cyrillic.close();
  });

  it("answers 404 for a tag no edition has", async () => {
    const s = await start(undefined);
    const { port } = s.address() as AddressInfo;
    const status = await new Promise<number>((done) =>
      get({ port, path: "/_/live/sr" }, (res) => {
        res.resume();
        done(res.statusCode ?? 0);
      }),
    );
    expect(status).toBe(404);
  });
  it("sends a stream opened after close() (a drain) on at once, with the retry hint", async () => {
    const s = await start(banner);
    hub?.close({ retryMs: 1000 });
    const { port } = s.address() as AddressInfo;
    const text = await new Promise<string>((done, fail) =>
      get({ port, path: "/_/live/sr-Latn" }, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          body += chunk;
        });
        res.on("end", () => done(body));
      }).on("error", fail),
    );
    expect(text).toBe("retry: 1000\n\n");
    expect(hub?.connections).toBe(0);
  });
});
