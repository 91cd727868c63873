import { Hono } from "hono";
import type { Clock } from "../domain/clock.js";
import type { MirrorListPublisher } from "../domain/mirrors/mirror-list.js";
import { publicKeyFile, publicKeyOf } from "../domain/signing/minisign.js";
import { problemResponse } from "./problem-json.js";

/**
 * `/mirrors.json`, its `.minisig` and the signing public key (`/minisign.pub`). Both files
 * come from one cached build (src/domain/mirrors/mirror-list.ts), so a list and its
 * signature always match; a short shared-cache lifetime lets a mirror change show within
 * minutes even through a CDN.
 */
export function mirrorListRoutes(deps: { mirrorList: MirrorListPublisher; clock: Clock }): Hono {
  const app = new Hono();
  const cacheControl = "public, max-age=300";

  const serve = async (
    ifNoneMatch: string | undefined,
    pick: (list: { json: string; minisig: string }) => string,
    contentType: string,
    etagSuffix: string,
  ) => {
    const list = await deps.mirrorList.current(deps.clock.now());
    if (!list) return undefined;
    const etag = `${list.etag.slice(0, -1)}${etagSuffix}"`;
    const headers = { ETag: etag, "Cache-Control": cacheControl, "Content-Type": contentType };
    if (ifNoneMatch === etag) return new Response(null, { status: 304, headers });
    return new Response(pick(list), { status: 200, headers });
  };

  app.get("/mirrors.json", async (c) => {
    const response = await serve(
      c.req.header("If-None-Match"),
      (list) => list.json,
      "application/json; charset=utf-8",
      "",
    );
    return response ?? problemResponse(c, "SIGNING_KEY_MISSING");
  });
  app.get("/mirrors.json.minisig", async (c) => {
    const response = await serve(
      c.req.header("If-None-Match"),
      (list) => list.minisig,
      "text/plain; charset=utf-8",
      "-sig",
    );
    return response ?? problemResponse(c, "SIGNING_KEY_MISSING");
  });
  app.get("/minisign.pub", (c) => {
    const key = deps.mirrorList.signingKey;
    if (!key) return problemResponse(c, "SIGNING_KEY_MISSING");
    return c.body(publicKeyFile(publicKeyOf(key)), 200, {
      "Content-Type": "text/plain; charset=utf-8",
      "Cache-Control": cacheControl,
    });
  });
  return app;
}
