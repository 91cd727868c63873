import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { getRequestListener } from "@hono/node-server";
import type { Hono } from "hono";
import { cacheKeyFor, type PageCache } from "../cache/page-cache.js";
import { cachedReply, headerValue } from "./cached-response.js";
import type { LiveHub } from "./live-hub.js";
import type { fastPathReach } from "./reach.js";
import type { SecurityHeaderOptions } from "./security-headers.js";

/**
 * The Node request handler: cache hits and live streams are answered straight from the
 * socket, with no router or Request/Response objects on the hot path; everything else goes
 * to the Hono app (which fills the cache).
 */
export function createRequestHandler(deps: {
  app: Hono;
  cache: PageCache;
  live: LiveHub;
  /** The same options the app uses, so a cache hit carries the headers a miss carries. */
  security: SecurityHeaderOptions;
  /**
   * Mirrors and path prefixes (src/http/reach.ts): requests that need their page adapted
   * go through the app; other hits get the headers it adds (Onion-Location).
   */
  reach?: ReturnType<typeof fastPathReach>;
}) {
  const fallback = getRequestListener(deps.app.fetch);
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (req.method === "GET" || req.method === "HEAD") {
      const url = req.url ?? "/";
      if (url.startsWith("/_/live/") && deps.live.handle(req, res)) return;
      const hit = deps.reach?.needsApp(req)
        ? undefined
        : deps.cache.get(
            cacheKeyFor(url, req.headers.cookie, headerValue(req.headers, "save-data")),
          );
      // A hit whose encoding is not made yet goes through the app, which waits for it.
      if (hit && deps.cache.ready(hit, headerValue(req.headers, "accept-encoding"))) {
        const reply = cachedReply(
          hit,
          {
            ifNoneMatch: headerValue(req.headers, "if-none-match"),
            ifModifiedSince: headerValue(req.headers, "if-modified-since"),
            acceptEncoding: headerValue(req.headers, "accept-encoding"),
            method: req.method,
          },
          deps.security,
        );
        res.setHeader("Cache-Status", reply.cacheStatus);
        const extra = deps.reach?.headers(req, hit.contentType);
        if (extra) for (const [name, value] of Object.entries(extra)) res.setHeader(name, value);
        res.writeHead(reply.status, reply.headers);
        res.end(reply.body ?? undefined);
        return;
      }
    }
    void fallback(req, res);
  };
}

export function createHttpServer(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Server {
  const server = createServer({ keepAliveTimeout: 65_000, requestTimeout: 30_000 }, handler);
  // Thousands of idle SSE connections must not count against request timeouts.
  server.headersTimeout = 20_000;
  return server;
}
