import { type Context, Hono, type MiddlewareHandler } from "hono";
import { matchedRoutes } from "hono/route";
import type { Actor } from "../../domain/actor.js";
import { isNewsdeskError, NewsdeskError } from "../../domain/error-catalogue.js";
import { assertCanSomewhere, type RouteAction } from "../../domain/users/access-policy.js";
import { type SessionView, secretsEqual } from "../../domain/users/auth-service.js";
import type { TokenScope } from "../../domain/users/user-schema.js";
import { readLimited } from "../../ingest/read-limited.js";

/**
 * The newsroom API's one router (ADR 0009). Every route declares the action it performs (for
 * the access policy) and the token scope it needs; the router authenticates, enforces CSRF for
 * browser sessions, limits and parses the body, and resolves one `Actor` before a handler
 * runs. A handler that was not declared here is refused at request time, and
 * test/newsroom/route-inventory.test.ts walks every registered route to prove none exists.
 *
 * The route-level action check is coarse on purpose ("may this actor do this anywhere?"):
 * the domain service checks the exact service and story with the same policy, so a route
 * that declares too little still cannot leak.
 */

/** How the caller proved who they are. */
type Credential =
  | { readonly kind: "session"; readonly session: SessionView; readonly token: string }
  | { readonly kind: "token"; readonly tokenId: string; readonly scopes: readonly TokenScope[] };

export interface NewsroomAuth {
  readonly actor: Actor;
  readonly credential: Credential;
}

export type NewsroomEnv = { Variables: { auth: NewsroomAuth } };

/**
 * `session`: only a signed-in browser session may call the route; API tokens are refused
 * (user management, token creation, syndication settings).
 */
type RouteScope = TokenScope | "session";

/**
 * `stream`: the body is handed over unread (a `ReadableStream` or null) for the handler to
 * spool to disk within `maxBodyBytes` (audio and video uploads, far too large to buffer).
 */
export type BodyKind = "json" | "form" | "none" | "stream";

export interface RouteDeclaration {
  readonly action: RouteAction;
  readonly scope: RouteScope;
  /** Defaults: `json` for POST, PUT and PATCH; `none` for GET and DELETE. */
  readonly body?: BodyKind;
  /** Overrides the router's default limit for this route's body (media uploads). */
  readonly maxBodyBytes?: number;
  /** The problem code for a body over the limit (media uploads say MEDIA_TOO_LARGE). */
  readonly tooLargeCode?: "PAYLOAD_TOO_LARGE" | "MEDIA_TOO_LARGE";
  /**
   * Sessions that still have to enrol a second factor (REQUIRE_2FA) may call only routes
   * that say so: enrolment itself, reading and ending the session.
   */
  readonly beforeSecondFactor?: boolean;
}

export interface AnonymousDeclaration {
  /** Anonymous routes read small bodies only (16 KB by default): nobody is accountable yet. */
  readonly maxBodyBytes?: number;
}

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface DeclaredRoute {
  readonly method: Method;
  /** The path below the mount point, e.g. `/stories/:id`. */
  readonly path: string;
  readonly action: RouteAction | "anonymous";
  readonly scope: RouteScope | "anonymous";
}

/** What a handler gets besides Hono's context: the resolved caller and the parsed body. */
interface RouteInput {
  readonly actor: Actor;
  readonly auth: NewsroomAuth;
  /** Parsed JSON (`json`), form fields and files (`form`), or `undefined` (`none`). */
  readonly body: unknown;
}

export type RouteHandler = (
  c: Context<NewsroomEnv>,
  input: RouteInput,
) => Response | Promise<Response>;
export type AnonymousHandler = (
  c: Context<NewsroomEnv>,
  input: { readonly body: unknown },
) => Response | Promise<Response>;

/**
 * A security-relevant request and how it ended, for the security log (docs/ops/README.md):
 * log-ins, role and account changes, credentials issued or revoked.
 */
export interface SecurityEventRecord {
  /** e.g. `login`, `user.grants.changed`, `token.created`. */
  readonly event: string;
  readonly status: number;
  readonly actorId: string | null;
  /** The address a log-in attempt named (the actor is not known yet). */
  readonly email?: string;
}

/** Resolves the caller from the request headers, or throws AUTH_REQUIRED. */
export type Authenticator = (c: Context) => Promise<NewsroomAuth>;

export interface RouterLimits {
  /** JSON bodies, 1 MB unless a route says otherwise. */
  readonly jsonBytes: number;
  /** Anonymous routes (log-in). */
  readonly anonymousBytes: number;
  /** Nesting depth of a JSON body; deeper bodies are refused before any schema sees them. */
  readonly jsonDepth: number;
}

const defaultRouterLimits: RouterLimits = {
  jsonBytes: 1024 * 1024,
  anonymousBytes: 16 * 1024,
  jsonDepth: 64,
};

const unsafeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export class NewsroomRouter {
  readonly app = new Hono<NewsroomEnv>();
  readonly #routes: DeclaredRoute[] = [];
  readonly #declaredHandlers = new WeakSet<object>();
  readonly #authenticate: Authenticator;
  readonly #limits: RouterLimits;
  readonly #ownOrigin: string;
  readonly #guard: MiddlewareHandler;

  readonly #securityEvents: ReadonlyMap<string, string>;
  readonly #onSecurityEvent: ((c: Context, record: SecurityEventRecord) => void) | undefined;

  constructor(deps: {
    authenticate: Authenticator;
    /** The public origin: a browser-sent `Origin` on a state change must be this (or the request's). */
    publicUrl: string;
    limits?: Partial<RouterLimits>;
    /** `"POST /session"` → `"login"`: the routes whose every outcome is a security event. */
    securityEvents?: ReadonlyMap<string, string>;
    onSecurityEvent?: (c: Context, record: SecurityEventRecord) => void;
  }) {
    this.#securityEvents = deps.securityEvents ?? new Map();
    this.#onSecurityEvent = deps.onSecurityEvent;
    this.#authenticate = deps.authenticate;
    this.#limits = { ...defaultRouterLimits, ...deps.limits };
    this.#ownOrigin = new URL(deps.publicUrl).origin;
    const guard: MiddlewareHandler = async (c, next) => {
      // Deny by default: every handler of this router that the request would reach must have
      // been declared (handlers of the app around it, such as security headers, are not ours).
      const ours = this.#registeredHandlers();
      for (const route of matchedRoutes(c)) {
        if (
          route.handler !== guard &&
          ours.has(route.handler) &&
          !this.#declaredHandlers.has(route.handler)
        ) {
          throw new NewsdeskError("ROUTE_UNDECLARED");
        }
      }
      await next();
    };
    this.#guard = guard;
    this.app.use(guard);
  }

  #registered: { count: number; handlers: Set<unknown> } = { count: -1, handlers: new Set() };

  /** Everything registered on this router's app, declared or not (recomputed when it grows). */
  #registeredHandlers(): Set<unknown> {
    if (this.#registered.count !== this.app.routes.length) {
      this.#registered = {
        count: this.app.routes.length,
        handlers: new Set(this.app.routes.map((r) => r.handler)),
      };
    }
    return this.#registered.handlers;
  }

  /** Every declared route, in registration order: the source of docs/newsroom-api.md. */
  get routes(): readonly DeclaredRoute[] {
    return this.#routes;
  }

  /** True for the handlers this router registered (the route inventory test's oracle). */
  declares(handler: unknown): boolean {
    return typeof handler === "function" && this.#declaredHandlers.has(handler);
  }

  /** The deny-by-default guard itself: the one middleware the router runs on every request. */
  isGuard(handler: unknown): boolean {
    return handler === this.#guard;
  }

  get(path: string, declaration: RouteDeclaration, handler: RouteHandler): this {
    return this.#add("GET", path, declaration, handler);
  }
  post(path: string, declaration: RouteDeclaration, handler: RouteHandler): this {
    return this.#add("POST", path, declaration, handler);
  }
  put(path: string, declaration: RouteDeclaration, handler: RouteHandler): this {
    return this.#add("PUT", path, declaration, handler);
  }
  patch(path: string, declaration: RouteDeclaration, handler: RouteHandler): this {
    return this.#add("PATCH", path, declaration, handler);
  }
  delete(path: string, declaration: RouteDeclaration, handler: RouteHandler): this {
    return this.#add("DELETE", path, declaration, handler);
  }

  /** A route anyone may call (log-in): no actor, a small JSON body. */
  anonymous(
    method: Method,
    path: string,
    declaration: AnonymousDeclaration,
    handler: AnonymousHandler,
  ): this {
    const limit = declaration.maxBodyBytes ?? this.#limits.anonymousBytes;
    const event = this.#securityEvents.get(`${method} ${path}`);
    const wrapped = async (c: Context<NewsroomEnv>) => {
      let body: unknown;
      return this.#reported(
        c,
        event,
        () => ({ actorId: null, email: emailOf(body) }),
        async () => {
          body = unsafeMethods.has(method) ? await this.#readBody(c, "json", limit) : undefined;
          return handler(c, { body });
        },
      );
    };
    this.#register(method, path, wrapped);
    this.#routes.push({ method, path, action: "anonymous", scope: "anonymous" });
    return this;
  }

  /** Unknown paths under the mount point answer 404 problem+json, not the reader's 404 page. */
  notFound(handler: (c: Context<NewsroomEnv>) => Response | Promise<Response>): this {
    const wrapped = (c: Context<NewsroomEnv>) => handler(c);
    this.#declaredHandlers.add(wrapped);
    this.app.all("*", wrapped);
    return this;
  }

  #add(method: Method, path: string, declaration: RouteDeclaration, handler: RouteHandler): this {
    const bodyKind =
      declaration.body ?? (method === "GET" || method === "DELETE" ? "none" : "json");
    const limit = declaration.maxBodyBytes ?? this.#limits.jsonBytes;
    const event = this.#securityEvents.get(`${method} ${path}`);
    const actorOf = (c: Context<NewsroomEnv>) => {
      const actor = c.get("auth")?.actor;
      return { actorId: actor?.kind === "user" ? actor.userId : null };
    };
    const wrapped = (c: Context<NewsroomEnv>) =>
      this.#reported(
        c,
        event,
        () => actorOf(c),
        () => this.#run(c, declaration, handler, bodyKind, limit),
      );
    this.#register(method, path, wrapped);
    this.#routes.push({ method, path, action: declaration.action, scope: declaration.scope });
    return this;
  }

  async #run(
    c: Context<NewsroomEnv>,
    declaration: RouteDeclaration,
    handler: RouteHandler,
    bodyKind: BodyKind,
    limit: number,
  ): Promise<Response> {
    {
      const auth = await this.#authenticate(c);
      if (auth.credential.kind === "session") this.#checkCsrf(c, auth.credential.session);
      checkScope(auth.credential, declaration.scope);
      if (
        auth.credential.kind === "session" &&
        auth.credential.session.mustEnrolSecondFactor === true &&
        declaration.beforeSecondFactor !== true
      ) {
        throw new NewsdeskError("SECOND_FACTOR_ENROLMENT_REQUIRED");
      }
      assertCanSomewhere(auth.actor, declaration.action);
      c.set("auth", auth);
      const body = await this.#readBody(c, bodyKind, limit, declaration.tooLargeCode);
      return handler(c, { actor: auth.actor, auth, body });
    }
  }

  /** Runs a route; when it is a security event, reports how it ended, thrown errors included. */
  async #reported(
    c: Context<NewsroomEnv>,
    event: string | undefined,
    who: () => { actorId: string | null; email?: string | undefined },
    run: () => Promise<Response>,
  ): Promise<Response> {
    if (event === undefined || !this.#onSecurityEvent) return run();
    const report = (status: number) => {
      const { actorId, email } = who();
      this.#onSecurityEvent?.(c, { event, status, actorId, ...(email ? { email } : {}) });
    };
    try {
      const response = await run();
      report(response.status);
      return response;
    } catch (error) {
      report(isNewsdeskError(error) ? error.status : 500);
      throw error;
    }
  }

  #register(method: Method, path: string, wrapped: (c: Context<NewsroomEnv>) => unknown): void {
    this.#declaredHandlers.add(wrapped);
    this.app.on(method, path, wrapped as Parameters<Hono<NewsroomEnv>["on"]>[2]);
  }

  /**
   * Synchronizer-token CSRF defence (OWASP CSRF Prevention Cheat Sheet): cookie-authenticated
   * state changes must echo the session's token in `X-CSRF-Token`, and a browser-sent
   * `Origin` must be ours. Bearer tokens are never sent by browsers on their own.
   */
  #checkCsrf(c: Context, session: SessionView): void {
    if (!unsafeMethods.has(c.req.method)) return;
    const origin = c.req.header("origin");
    if (origin && origin !== this.#ownOrigin && origin !== new URL(c.req.url).origin) {
      throw new NewsdeskError("CSRF_FAILED", { detail: "The request came from another site." });
    }
    if (!secretsEqual(c.req.header("x-csrf-token") ?? "", session.csrfToken)) {
      throw new NewsdeskError("CSRF_FAILED");
    }
  }

  /**
   * Reads at most `limit` bytes: a declared Content-Length over it is refused before reading,
   * and a chunked body is cut off at the limit (the rest is never read).
   */
  async #readBody(
    c: Context,
    kind: BodyKind,
    limit: number,
    code: "PAYLOAD_TOO_LARGE" | "MEDIA_TOO_LARGE" = "PAYLOAD_TOO_LARGE",
  ): Promise<unknown> {
    if (kind === "none") return undefined;
    const declared = Number(c.req.header("content-length") ?? Number.NaN);
    if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit, code);
    if (kind === "stream") return c.req.raw.body;
    const read = await readLimited(c.req.raw.body, limit);
    if (!read.ok) throw tooLarge(limit, code);
    if (kind === "form") {
      const contentType = c.req.header("content-type") ?? "";
      if (!/^multipart\/form-data|^application\/x-www-form-urlencoded/i.test(contentType)) {
        throw new NewsdeskError("VALIDATION_FAILED", {
          detail: "Send the form as multipart/form-data.",
        });
      }
      try {
        return await new Response(read.bytes as Uint8Array<ArrayBuffer>, {
          headers: { "content-type": contentType },
        }).formData();
      } catch (cause) {
        throw new NewsdeskError("VALIDATION_FAILED", {
          detail: "The form could not be read.",
          cause,
        });
      }
    }
    const text = new TextDecoder().decode(read.bytes);
    if (text.trim() === "") return {};
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (cause) {
      throw new NewsdeskError("VALIDATION_FAILED", {
        detail: "The request body is not valid JSON.",
        cause,
      });
    }
    if (depthOf(value, this.#limits.jsonDepth) > this.#limits.jsonDepth) {
      throw new NewsdeskError("VALIDATION_FAILED", {
        detail: `The request body is nested more than ${this.#limits.jsonDepth} levels deep.`,
      });
    }
    return value;
  }
}

function tooLarge(limit: number, code: "PAYLOAD_TOO_LARGE" | "MEDIA_TOO_LARGE"): NewsdeskError {
  return new NewsdeskError(code, {
    detail: `The request body may have at most ${formatBytes(limit)}.`,
  });
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${Math.round(bytes / 1048576)} MB`
    : `${Math.round(bytes / 1024)} KB`;
}

function checkScope(credential: Credential, scope: RouteScope): void {
  if (credential.kind === "session") return;
  if (scope === "session") {
    throw new NewsdeskError("FORBIDDEN", {
      detail: "This needs a signed-in session; API tokens cannot do it.",
    });
  }
  if (!credential.scopes.includes(scope)) {
    throw new NewsdeskError("FORBIDDEN", { detail: `This API token lacks the ${scope} scope.` });
  }
}

/** Nesting depth, walked iteratively (a recursive walk is itself a stack-overflow vector). */
function depthOf(value: unknown, stopAfter: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (node === null || typeof node !== "object") continue;
    if (depth > deepest) deepest = depth;
    if (deepest > stopAfter) return deepest;
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      if (child !== null && typeof child === "object") stack.push([child, depth + 1]);
    }
  }
  return deepest;
}

/** Ids and other path segments: present and short, or VALIDATION_FAILED. */
export function pathParam(c: Context, name: string): string {
  const value = c.req.param(name);
  if (typeof value !== "string" || value.length === 0 || value.length > 128) {
    throw new NewsdeskError("VALIDATION_FAILED", {
      detail: `The path parameter ${name} is not valid.`,
    });
  }
  return value;
}

/** The email a log-in attempt named, bounded (a hostile body may put anything there). */
function emailOf(body: unknown): string | undefined {
  if (body === null || typeof body !== "object" || !("email" in body)) return undefined;
  const email = (body as { email: unknown }).email;
  return typeof email === "string" && email.length <= 320 ? email.trim().toLowerCase() : undefined;
}
