import { type Context, type Env, Hono, type MiddlewareHandler } from "hono";
import { z } from "zod";
import type { Actor } from "../domain/actor.js";
import { NewsdeskError } from "../domain/error-catalogue.js";
import type { WireLogger, WireService } from "../domain/wire/wire-service.js";
import type { WireSourceService } from "../domain/wire/wire-source-service.js";
import { readLimited } from "../ingest/read-limited.js";
import { problemResponse } from "./problem-json.js";

/**
 * The wire desk's HTTP surface. Handlers validate, call the wire services and serialize;
 * access rules live in the domain. Errors are problem+json through the app's onError.
 *
 *   GET    /newsroom/api/wire/items                      queue: q, agency, language, urgency,
 *                                                        subject, since, until, status, source,
 *                                                        cursor, limit
 *   GET    /newsroom/api/wire/items/:id                  item, current version, history, links
 *   GET    /newsroom/api/wire/items/:id/versions/:vid    one version in full
 *   POST   /newsroom/api/wire/items/:id/use              use in a new story → 201
 *   POST   /newsroom/api/wire/items/:id/add-to-story     append to a story's draft
 *   GET    /newsroom/api/wire/quarantine                 rejected files and items
 *   GET    /newsroom/api/wire/flags                      open (or ?open=false) kill flags
 *   POST   /newsroom/api/wire/flags/:id/acknowledge
 *   GET    /newsroom/api/wire/stories/:storyId           lineage and flags of one story
 *   GET|POST /newsroom/api/wire/sources, GET|PUT|DELETE /newsroom/api/wire/sources/:id,
 *   POST   /newsroom/api/wire/sources/:id/token          rotate a push token
 *   POST   /ingest/push/:sourceId                        agency push, Authorization: Bearer
 */

export interface WireRouteDeps<E extends Env> {
  readonly wire: WireService;
  readonly sources: WireSourceService;
  /** Who is calling; the session-based resolver in production, a stub in tests. */
  readonly actorFrom: (c: Context<E>) => Actor;
  /** Runs before every route (the newsroom's session and CSRF middleware). */
  readonly middleware?: readonly MiddlewareHandler<E>[];
}

/**
 * The actor the newsroom's session middleware put on the request as `c.var.auth`
 * (issue 3), mounted in front of these routes. Fails closed: no auth variable, no access.
 * API tokens need `stories:read` to read the wire and `stories:write` to change anything.
 */
export function newsroomActor(c: Context): Actor {
  const auth = (c.var as { auth?: { actor: Actor; scopes: readonly string[] | "session" } }).auth;
  if (auth === undefined) throw new NewsdeskError("AUTH_REQUIRED");
  if (auth.scopes !== "session") {
    const scope = c.req.method === "GET" ? "stories:read" : "stories:write";
    if (!auth.scopes.includes(scope)) {
      throw new NewsdeskError("FORBIDDEN", { detail: `This API token lacks the ${scope} scope.` });
    }
  }
  return auth.actor;
}

async function readJson(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new NewsdeskError("VALIDATION_FAILED", {
      detail: "The request body is not valid JSON.",
      cause,
    });
  }
}

const quarantineQuery = z.object({
  source: z.string().min(1).max(64).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
const flagsQuery = z.object({
  open: z.enum(["true", "false"]).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

function parseQuery<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new NewsdeskError("VALIDATION_FAILED", {
      detail: result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
    });
  }
  return result.data;
}

export function wireRoutes<E extends Env>(deps: WireRouteDeps<E>): Hono<E> {
  const app = new Hono<E>();
  for (const middleware of deps.middleware ?? []) app.use(middleware);
  const noStore = { "Cache-Control": "no-store" };

  app.get("/items", async (c) => {
    const result = await deps.wire.listQueue(deps.actorFrom(c), c.req.query());
    return c.json(result, 200, noStore);
  });

  app.get("/items/:id", async (c) => {
    const detail = await deps.wire.getItem(deps.actorFrom(c), c.req.param("id"));
    return c.json(detail, 200, noStore);
  });

  app.get("/items/:id/versions/:versionId", async (c) => {
    const version = await deps.wire.getVersion(
      deps.actorFrom(c),
      c.req.param("id"),
      c.req.param("versionId"),
    );
    return c.json(version, 200, noStore);
  });

  app.post("/items/:id/use", async (c) => {
    const actor = deps.actorFrom(c);
    const result = await deps.wire.useInNewStory(actor, c.req.param("id"), await readJson(c));
    return c.json(result, 201, noStore);
  });

  app.post("/items/:id/add-to-story", async (c) => {
    const actor = deps.actorFrom(c);
    const result = await deps.wire.addToStory(actor, c.req.param("id"), await readJson(c));
    return c.json(result, 200, noStore);
  });

  app.get("/quarantine", async (c) => {
    const query = parseQuery(quarantineQuery, c.req.query());
    const result = await deps.wire.listQuarantine(deps.actorFrom(c), {
      ...(query.source === undefined ? {} : { sourceId: query.source }),
      ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
      ...(query.limit === undefined ? {} : { limit: query.limit }),
    });
    return c.json(result, 200, noStore);
  });

  app.get("/flags", async (c) => {
    const query = parseQuery(flagsQuery, c.req.query());
    const flags = await deps.wire.listFlags(deps.actorFrom(c), {
      open: query.open !== "false",
      ...(query.limit === undefined ? {} : { limit: query.limit }),
    });
    return c.json({ flags }, 200, noStore);
  });

  app.post("/flags/:id/acknowledge", async (c) => {
    const flag = await deps.wire.acknowledgeFlag(deps.actorFrom(c), c.req.param("id"));
    return c.json(flag, 200, noStore);
  });

  app.get("/stories/:storyId", async (c) => {
    const result = await deps.wire.storyWire(deps.actorFrom(c), c.req.param("storyId"));
    return c.json(result, 200, noStore);
  });

  app.get("/sources", async (c) => {
    const sources = await deps.sources.list(deps.actorFrom(c));
    return c.json({ sources: sources }, 200, noStore);
  });

  app.post("/sources", async (c) => {
    const actor = deps.actorFrom(c);
    const { source, pushToken } = await deps.sources.add(actor, await readJson(c));
    // The push token is shown once, here; only its hash is stored, and never returned.
    return c.json({ source: source, pushToken }, 201, noStore);
  });

  app.get("/sources/:id", async (c) => {
    const source = await deps.sources.get(deps.actorFrom(c), c.req.param("id"));
    return c.json(source, 200, noStore);
  });

  app.put("/sources/:id", async (c) => {
    const actor = deps.actorFrom(c);
    const source = await deps.sources.update(actor, c.req.param("id"), await readJson(c));
    return c.json(source, 200, noStore);
  });

  app.delete("/sources/:id", async (c) => {
    await deps.sources.remove(deps.actorFrom(c), c.req.param("id"));
    return c.body(null, 204);
  });

  app.post("/sources/:id/token", async (c) => {
    const pushToken = await deps.sources.rotateToken(deps.actorFrom(c), c.req.param("id"));
    return c.json({ pushToken }, 200, noStore);
  });

  return app;
}

export interface WirePushDeps {
  readonly wire: WireService;
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
      const entry = await deps.wire.reject(
        source,
        { filename: "push", size: body.receivedBytes },
        "WIRE_TOO_LARGE",
        detail,
      );
      return problemResponse(c, "WIRE_TOO_LARGE", detail, { quarantineId: entry.id });
    }
    const report = await deps.wire.ingest(source, {
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

/** What `buildApp` mounts: the newsroom wire API and the push endpoint. */
export interface WireHttp {
  readonly api: Hono;
  readonly push: Hono;
}
