import { Hono } from "hono";
import type { WireLogger } from "../domain/wire/wire-events.js";
import type { WireIngest } from "../domain/wire/wire-ingest.js";
import type { WireSourceService } from "../domain/wire/wire-source-service.js";
import { readLimited } from "../ingest/read-limited.js";
import { problemResponse } from "./problem-json.js";

export interface WirePushDeps {
  readonly ingest: WireIngest;
  readonly sources: WireSourceService;
  readonly logger: WireLogger;
}

/**
 * `POST /ingest/push/:sourceId`: an agency pushes one file with `Authorization: Bearer
 * <token>`. Not under /newsroom: no session, no CSRF (browsers never send this header on
 * their own); the token is the only credential. The body is read up to the source's limit.
 */
export function wirePushRoutes(deps: WirePushDeps): Hono {
  const app = new Hono();

  app.post("/push/:sourceId", async (c) => {
    const token = /^Bearer\s+(\S+)$/i.exec(c.req.header("authorization") ?? "")?.[1];
    const source = token
      ? await deps.sources.authenticatePush(c.req.param("sourceId"), token)
      : undefined;
    if (source === undefined) {
      c.header("WWW-Authenticate", 'Bearer realm="newsdesk-wire-push"');
      return problemResponse(c, "WIRE_PUSH_UNAUTHORIZED");
    }
    const contentType = c.req.header("content-type");
    const contentLanguage = c.req.header("content-language");
    const declared = Number(c.req.header("content-length") ?? Number.NaN);
    const body =
      Number.isFinite(declared) && declared > source.maxBytes
        ? { ok: false as const, receivedBytes: declared }
        : await readLimited(c.req.raw.body, source.maxBytes);
    if (!body.ok) {
      const detail = `The body has at least ${body.receivedBytes} bytes; the limit is ${source.maxBytes}.`;
      const entry = await deps.ingest.reject(
        source,
        { filename: "push", size: body.receivedBytes },
        "WIRE_TOO_LARGE",
        detail,
      );
      return problemResponse(c, "WIRE_TOO_LARGE", detail, { quarantineId: entry.id });
    }
    const report = await deps.ingest.ingest(source, {
      bytes: body.bytes,
      filename: "push",
      ...(contentType === undefined ? {} : { contentType }),
      ...(contentLanguage === undefined ? {} : { contentLanguage }),
    });
    if (report.status === "rejected" && report.error) {
      return problemResponse(c, report.error.code, report.error.detail, { fileId: report.fileId });
    }
    // Ingest is synchronous: 200 means stored (or already stored: `duplicate-file`).
    return c.json(report, 200, { "Cache-Control": "no-store" });
  });

  return app;
}
