import type { z } from "zod";
import {
  type AuditEntry,
  auditListSchema,
  type Banner,
  type BulkResult,
  bannerResultSchema,
  bulkResultSchema,
  type Catalog,
  type Conflict,
  type Content,
  type Correction,
  catalogSchema,
  conflictSchema,
  correctionResultSchema,
  createdStorySchema,
  diffSchema,
  type MediaAsset,
  type MediaList,
  mediaItemSchema,
  mediaListSchema,
  mediaPatchSchema,
  mediaUploadSchema,
  type Presence,
  type Problem,
  pasteResultSchema,
  presenceSchema,
  problemSchema,
  type Revision,
  type RevisionDiff,
  type RevisionSummary,
  restoredSchema,
  revisionListSchema,
  type SavedDraft,
  type ServiceInfo,
  type Session,
  type StoryDetail,
  type StoryHead,
  type StoryList,
  savedDraftSchema,
  servicesSchema,
  sessionSchema,
  storyDetailSchema,
  storyListSchema,
  storyResultSchema,
} from "./api-schemas.js";

/** Where the newsroom API lives (docs/newsroom-api.md). */
export const apiBasePath = "/newsroom/api";

/**
 * A failed API call: the server's problem+json (RFC 9457) turned into a typed error.
 * Screens branch on `code` (AUTH_REQUIRED, REVISION_CONFLICT…), never on the wording.
 */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly problem: Problem & Record<string, unknown>;
  /** Seconds from `Retry-After`, for 429 LOGIN_THROTTLED. */
  readonly retryAfterSeconds: number | null;

  constructor(
    status: number,
    problem: Problem & Record<string, unknown>,
    retryAfterSeconds: number | null = null,
  ) {
    super(problem.detail ?? problem.title ?? `The server answered ${status}.`);
    this.name = "ApiError";
    this.status = status;
    this.code = problem.code ?? (status === 0 ? "NETWORK_ERROR" : `HTTP_${status}`);
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

/** The conflict payload of a `409 REVISION_CONFLICT`, or null for any other error. */
export function conflictOf(error: unknown): Conflict | null {
  if (!isApiError(error) || error.code !== "REVISION_CONFLICT") return null;
  const parsed = conflictSchema.safeParse(error.problem);
  return parsed.success ? parsed.data : null;
}

/** A sentence for people: the server's detail, else its title, else a generic one. */
export function errorMessage(error: unknown): string {
  if (isApiError(error)) {
    if (error.code === "NETWORK_ERROR") {
      return "The newsroom server cannot be reached. Check your connection and try again.";
    }
    return error.message;
  }
  if (error instanceof Error) return error.message;
  return "Something went wrong.";
}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

interface RequestOptions<T> {
  readonly schema?: z.ZodType<T>;
  readonly json?: unknown;
  readonly form?: FormData;
  /** A file sent as the body itself (audio and video uploads, streamed by the server). */
  readonly raw?: Blob;
  readonly query?: Record<string, string | number | undefined>;
}

const unsafeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

interface StoryQuery {
  readonly service: string;
  readonly status?: string;
  readonly q?: string;
  readonly mine?: "true";
  readonly section?: string;
  readonly author?: string;
  readonly from?: string;
  readonly to?: string;
  readonly sort?: string;
  readonly dir?: string;
  readonly limit?: number;
  readonly offset?: number;
}

type PublishMode = "first" | "update" | "silent";

interface MediaUpload {
  readonly file: Blob;
  readonly fileName: string;
  readonly caption: string;
  readonly credit: string;
  readonly alt: string;
  readonly focalX: number;
  readonly focalY: number;
  readonly rightsSource: string;
  readonly rightsUsage: string;
}

type MediaMetadataPatch = Partial<
  Pick<
    MediaAsset,
    "caption" | "credit" | "alt" | "focalX" | "focalY" | "rightsSource" | "rightsUsage"
  >
>;

/**
 * The typed fetch wrapper every screen uses. It sends the session cookie (same origin),
 * adds `X-CSRF-Token` to every state-changing request, parses every response with a schema
 * and turns problem+json into `ApiError`. `fetch` is passed in so tests need no network.
 */
export class ApiClient {
  readonly #fetch: Fetch;
  readonly #base: string;
  #csrfToken: string | null = null;
  /** Called on any 401 AUTH_REQUIRED, so the app can show the login screen. */
  onUnauthorized: (() => void) | null = null;

  constructor(options: { fetch: Fetch; basePath?: string }) {
    this.#fetch = options.fetch;
    this.#base = options.basePath ?? apiBasePath;
  }

  get csrfToken(): string | null {
    return this.#csrfToken;
  }

  setCsrfToken(token: string | null): void {
    this.#csrfToken = token;
  }

  url(path: string, query?: RequestOptions<unknown>["query"]): string {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined && value !== "") params.set(key, String(value));
    }
    const search = params.toString();
    return `${this.#base}${path}${search ? `?${search}` : ""}`;
  }

  async request<T>(method: string, path: string, options: RequestOptions<T> = {}): Promise<T> {
    const headers = new Headers({ Accept: "application/json, application/problem+json" });
    let body: BodyInit | undefined;
    if (options.json !== undefined) {
      headers.set("Content-Type", "application/json");
      body = JSON.stringify(options.json);
    } else if (options.form) {
      body = options.form; // the browser sets the multipart boundary
    } else if (options.raw) {
      body = options.raw;
    }
    if (unsafeMethods.has(method) && this.#csrfToken) {
      headers.set("X-CSRF-Token", this.#csrfToken);
    }
    let response: Response;
    try {
      response = await this.#fetch(this.url(path, options.query), {
        method,
        headers,
        credentials: "same-origin",
        ...(body === undefined ? {} : { body }),
      });
    } catch (error) {
      throw new ApiError(0, { title: "Network error", detail: String(error) });
    }
    if (!response.ok) throw await this.#problem(response);
    if (response.status === 204 || !options.schema) return undefined as T;
    const data: unknown = await response.json();
    const parsed = options.schema.safeParse(data);
    if (!parsed.success) {
      throw new ApiError(response.status, {
        code: "UNEXPECTED_RESPONSE",
        title: "The server's answer was not understood.",
        detail: `${method} ${path}: ${parsed.error.issues
          .slice(0, 3)
          .map((i) => `${i.path.join(".")} ${i.message}`)
          .join("; ")}`,
      });
    }
    return parsed.data;
  }

  async #problem(response: Response): Promise<ApiError> {
    let problem: Problem & Record<string, unknown> = { title: response.statusText };
    try {
      const parsed = problemSchema.safeParse(await response.json());
      if (parsed.success) problem = parsed.data;
    } catch {
      // Not JSON (a proxy's HTML error page): keep the status text.
    }
    const retryHeader = response.headers.get("Retry-After");
    const retry = retryHeader !== null && /^\d+$/.test(retryHeader) ? Number(retryHeader) : null;
    const error = new ApiError(response.status, problem, retry);
    if (error.code === "AUTH_REQUIRED") this.onUnauthorized?.();
    return error;
  }

  // Session -------------------------------------------------------------------------------

  async getSession(): Promise<Session> {
    const session = await this.request("GET", "/session", { schema: sessionSchema });
    this.#csrfToken = session.csrfToken;
    return session;
  }

  /**
   * Signs in. An account with two-factor authentication needs the code in the same request
   * (the server answers 401 AUTH_SECOND_FACTOR_REQUIRED without it).
   */
  async login(
    email: string,
    password: string,
    secondFactor: { readonly otp?: string; readonly recoveryCode?: string } = {},
  ): Promise<Session> {
    const session = await this.request("POST", "/session", {
      schema: sessionSchema,
      json: { email, password, ...secondFactor },
    });
    this.#csrfToken = session.csrfToken;
    return session;
  }

  async logout(): Promise<void> {
    await this.request("DELETE", "/session");
    this.#csrfToken = null;
  }

  async logoutEverywhere(): Promise<void> {
    await this.request("POST", "/session/logout-everywhere");
    this.#csrfToken = null;
  }

  // Reference data ------------------------------------------------------------------------

  services(): Promise<ServiceInfo[]> {
    return this.request("GET", "/services", { schema: servicesSchema });
  }

  catalog(serviceId: string): Promise<Catalog> {
    return this.request("GET", `/catalog/${encodeURIComponent(serviceId)}`, {
      schema: catalogSchema,
    });
  }

  // Stories -------------------------------------------------------------------------------

  listStories(query: StoryQuery): Promise<StoryList> {
    return this.request("GET", "/stories", { schema: storyListSchema, query: { ...query } });
  }

  createStory(
    serviceId: string,
    content: Content,
    kind: "story" | "live" | "episode" = "story",
  ): Promise<{ story: StoryHead; revision: Revision }> {
    return this.request("POST", "/stories", {
      schema: createdStorySchema,
      // A plain story is sent as before, so servers without story kinds keep accepting it.
      json: kind === "story" ? { serviceId, content } : { serviceId, content, kind },
    });
  }

  getStory(id: string): Promise<StoryDetail> {
    return this.request("GET", story(id), { schema: storyDetailSchema });
  }

  saveDraft(
    id: string,
    input: { baseRevisionId: string; content: Content; note?: string; autosave: boolean },
  ): Promise<SavedDraft> {
    return this.request("PUT", `${story(id)}/draft`, { schema: savedDraftSchema, json: input });
  }

  async submit(id: string): Promise<StoryHead> {
    return (await this.request("POST", `${story(id)}/submit`, { schema: storyResultSchema })).story;
  }

  async publish(id: string, mode: PublishMode, note?: string): Promise<StoryHead> {
    const json = mode === "update" && note ? { mode, note } : { mode };
    return (await this.request("POST", `${story(id)}/publish`, { schema: storyResultSchema, json }))
      .story;
  }

  async schedule(id: string, at: string | null): Promise<StoryHead> {
    return (
      await this.request("POST", `${story(id)}/schedule`, {
        schema: storyResultSchema,
        json: { at },
      })
    ).story;
  }

  async embargo(id: string, until: string | null): Promise<StoryHead> {
    return (
      await this.request("POST", `${story(id)}/embargo`, {
        schema: storyResultSchema,
        json: { until },
      })
    ).story;
  }

  async correct(id: string, text: string): Promise<Correction> {
    return (
      await this.request("POST", `${story(id)}/corrections`, {
        schema: correctionResultSchema,
        json: { text },
      })
    ).correction;
  }

  async kill(id: string, reason: string): Promise<StoryHead> {
    return (
      await this.request("POST", `${story(id)}/kill`, {
        schema: storyResultSchema,
        json: { reason },
      })
    ).story;
  }

  async trash(id: string): Promise<StoryHead> {
    return (await this.request("POST", `${story(id)}/trash`, { schema: storyResultSchema })).story;
  }

  async untrash(id: string): Promise<StoryHead> {
    return (await this.request("POST", `${story(id)}/untrash`, { schema: storyResultSchema }))
      .story;
  }

  bulkStories(input: {
    action: "assign-section" | "submit" | "trash";
    storyIds: readonly string[];
    section?: string;
  }): Promise<BulkResult> {
    return this.request("POST", "/stories/bulk", { schema: bulkResultSchema, json: input });
  }

  async unpublish(id: string): Promise<StoryHead> {
    return (await this.request("POST", `${story(id)}/unpublish`, { schema: storyResultSchema }))
      .story;
  }

  revisions(id: string): Promise<RevisionSummary[]> {
    return this.request("GET", `${story(id)}/revisions`, { schema: revisionListSchema });
  }

  diff(id: string, from: string, to: string): Promise<RevisionDiff> {
    return this.request(
      "GET",
      `${story(id)}/revisions/${encodeURIComponent(from)}/diff/${encodeURIComponent(to)}`,
      { schema: diffSchema },
    );
  }

  async restore(id: string, revisionId: string, baseRevisionId: string): Promise<Revision> {
    return (
      await this.request(
        "POST",
        `${story(id)}/revisions/${encodeURIComponent(revisionId)}/restore`,
        {
          schema: restoredSchema,
          json: { baseRevisionId },
        },
      )
    ).revision;
  }

  presence(id: string): Promise<Presence> {
    return this.request("POST", `${story(id)}/presence`, { schema: presenceSchema });
  }

  previewUrl(id: string): string {
    return this.url(`${story(id)}/preview`);
  }

  audit(query: { storyId?: string; serviceId?: string; limit?: number }): Promise<AuditEntry[]> {
    return this.request("GET", "/audit", { schema: auditListSchema, query: { ...query } });
  }

  /** Pasted HTML goes to the server's sanitizer; only its ProseMirror JSON reaches the editor. */
  async paste(html: string): Promise<{ type: "doc"; content?: unknown[] | undefined }> {
    return (await this.request("POST", "/paste", { schema: pasteResultSchema, json: { html } }))
      .doc;
  }

  // Breaking news -------------------------------------------------------------------------

  async banner(serviceId: string): Promise<Banner | null> {
    return (
      await this.request("GET", `/banners/${encodeURIComponent(serviceId)}`, {
        schema: bannerResultSchema,
      })
    ).banner;
  }

  async setBanner(
    serviceId: string,
    input: { text: string; url: string | null; expiresAt: string },
  ): Promise<Banner | null> {
    return (
      await this.request("PUT", `/banners/${encodeURIComponent(serviceId)}`, {
        schema: bannerResultSchema,
        json: input,
      })
    ).banner;
  }

  async clearBanner(serviceId: string): Promise<void> {
    await this.request("DELETE", `/banners/${encodeURIComponent(serviceId)}`);
  }

  // Media ---------------------------------------------------------------------------------

  async uploadMedia(upload: MediaUpload): Promise<MediaAsset> {
    const form = new FormData();
    form.set("file", upload.file, upload.fileName);
    form.set("caption", upload.caption);
    form.set("credit", upload.credit);
    form.set("alt", upload.alt);
    form.set("focalX", String(upload.focalX));
    form.set("focalY", String(upload.focalY));
    form.set("rightsSource", upload.rightsSource);
    form.set("rightsUsage", upload.rightsUsage);
    return (await this.request("POST", "/media", { schema: mediaUploadSchema, form })).asset;
  }

  listMedia(query: { q?: string; limit?: number; offset?: number }): Promise<MediaList> {
    return this.request("GET", "/media", { schema: mediaListSchema, query: { ...query } });
  }

  /** One saved image: a figure reopened after a reload shows its saved focal point. */
  getMedia(id: string): Promise<{ asset: MediaAsset; thumbnailUrl: string | null }> {
    return this.request("GET", `/media/${encodeURIComponent(id)}`, { schema: mediaItemSchema });
  }

  async updateMedia(id: string, patch: MediaMetadataPatch): Promise<MediaAsset> {
    return (
      await this.request("PATCH", `/media/${encodeURIComponent(id)}`, {
        schema: mediaPatchSchema,
        json: patch,
      })
    ).asset;
  }
}

function story(id: string): string {
  return `/stories/${encodeURIComponent(id)}`;
}
