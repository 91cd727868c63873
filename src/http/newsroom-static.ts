import { readFile } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";
import type { Context } from "hono";

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".woff2": "font/woff2",
  ".png": "image/png",
  ".ico": "image/x-icon",
};

/**
 * Serves the built newsroom app (Vite output). Hashed assets are immutable; every other
 * path under /newsroom/ gets index.html so the client router can take it.
 */
export function newsroomStatic(rootDir: string) {
  const root = normalize(rootDir);
  return async (c: Context): Promise<Response> => {
    const path = decodeURIComponent(new URL(c.req.url).pathname).replace(/^\/newsroom\/?/, "");
    const target = normalize(join(root, path));
    const inside = target.startsWith(root.endsWith(sep) ? root : root + sep);
    if (inside && path.startsWith("assets/")) {
      try {
        const body = await readFile(target);
        return c.body(body, 200, {
          "Content-Type": types[extname(target)] ?? "application/octet-stream",
          "Cache-Control": "public, max-age=31536000, immutable",
        });
      } catch {
        return c.text("Not found", 404);
      }
    }
    try {
      const index = await readFile(join(root, "index.html"), "utf8");
      return c.html(index, 200, {
        "Cache-Control": "no-cache",
        "Content-Security-Policy":
          "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; frame-src 'self'; frame-ancestors 'self'; base-uri 'none'; form-action 'self'",
      });
    } catch {
      return c.text(
        "The newsroom app is not built. Run `npm run build` (it runs Vite for src/newsroom-ui).",
        503,
      );
    }
  };
}
