import type { Context } from "hono";

/** The peer's socket address, as @hono/node-server exposes it; null in `app.request()` tests. */
export function clientIp(c: Context): string | null {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)
    ?.incoming;
  return incoming?.socket?.remoteAddress ?? null;
}
