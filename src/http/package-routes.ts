import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { Hono } from "hono";
import { isServedPackageName, packageContentTypes } from "../export/package-directory.js";

/**
 * `/_/packages/<file>`: offline packages (EPUB, ZIM) and their `.minisig` from PACKAGES_DIR
 * (issue 16). Names are checked against the builder's pattern, so nothing else in the folder
 * (and no path) can be asked for. Single byte ranges (RFC 9110 §14) let an interrupted
 * download resume, which matters on the slow links these packages are for.
 */
export function packageRoutes(deps: { readonly dir: string }): Hono {
  const app = new Hono();
  app.get("/_/packages/:file", async (c) => {
    const name = c.req.param("file");
    if (!isServedPackageName(name)) return c.notFound();
    const path = join(deps.dir, name);
    let size: number;
    let modified: Date;
    try {
      const info = await stat(path);
      if (!info.isFile()) return c.notFound();
      size = info.size;
      modified = info.mtime;
    } catch {
      return c.notFound();
    }
    const ext = name.slice(name.lastIndexOf(".") + 1);
    const etag = `"${size.toString(16)}-${Math.floor(modified.getTime() / 1000).toString(16)}"`;
    const headers: Record<string, string> = {
      "Content-Type": packageContentTypes[ext] ?? "application/octet-stream",
      "Accept-Ranges": "bytes",
      ETag: etag,
      "Last-Modified": modified.toUTCString(),
      // A dated file never changes under its name.
      "Cache-Control": "public, max-age=86400",
      ...(ext === "minisig" ? {} : { "Content-Disposition": `attachment; filename="${name}"` }),
    };
    if (c.req.header("If-None-Match") === etag) return new Response(null, { status: 304, headers });
    const range = rangeOf(c.req.header("Range"), size, c.req.header("If-Range"), etag);
    if (range === "unsatisfiable") {
      return new Response(null, {
        status: 416,
        headers: { ...headers, "Content-Range": `bytes */${size}` },
      });
    }
    const [start, end] = range ?? [0, size - 1];
    const body =
      size === 0
        ? null
        : (Readable.toWeb(createReadStream(path, { start, end })) as ReadableStream<Uint8Array>);
    return new Response(body, {
      status: range ? 206 : 200,
      headers: {
        ...headers,
        "Content-Length": String(size === 0 ? 0 : end - start + 1),
        ...(range ? { "Content-Range": `bytes ${start}-${end}/${size}` } : {}),
      },
    });
  });
  return app;
}

/** One `bytes=` range; several ranges or a stale If-Range get the whole file. */
function rangeOf(
  header: string | undefined,
  size: number,
  ifRange: string | undefined,
  etag: string,
): [number, number] | "unsatisfiable" | undefined {
  if (!header || (ifRange !== undefined && ifRange !== etag)) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return undefined;
  const [, from = "", to = ""] = match;
  if (from === "" && to === "") return undefined;
  let start: number;
  let end: number;
  if (from === "") {
    const suffix = Number(to);
    if (suffix === 0) return "unsatisfiable";
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(from);
    end = to === "" ? size - 1 : Math.min(Number(to), size - 1);
  }
  if (start >= size || start > end) return "unsatisfiable";
  return [start, end];
}
