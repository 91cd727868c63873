import type { Hono } from "hono";

/** A cookie-keeping client for the newsroom API, as a browser would use it. */
export class NewsroomClient {
  #cookie = "";
  csrfToken = "";
  readonly #app: Hono;
  readonly #origin: string;

  constructor(app: Hono, origin = "https://news.example.org") {
    this.#app = app;
    this.#origin = origin;
  }

  /** The `Cookie` header this client sends, for requests built by hand. */
  get cookie(): string {
    return this.#cookie;
  }

  async login(email: string, password: string): Promise<Response> {
    const response = await this.request("POST", "/session", { email, password });
    const setCookie = response.headers.get("set-cookie") ?? "";
    const token = /nd_session=([^;]+)/.exec(setCookie)?.[1];
    if (token) this.#cookie = `nd_session=${token}`;
    if (response.ok)
      this.csrfToken = ((await response.clone().json()) as { csrfToken: string }).csrfToken;
    return response;
  }

  async request(
    method: string,
    path: string,
    body?: unknown,
    options: {
      csrf?: string | null;
      origin?: string | null;
      headers?: Record<string, string>;
    } = {},
  ): Promise<Response> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.#cookie) headers.Cookie = this.#cookie;
    const csrf = options.csrf === undefined ? this.csrfToken : options.csrf;
    if (csrf) headers["X-CSRF-Token"] = csrf;
    const origin = options.origin === undefined ? this.#origin : options.origin;
    if (origin) headers.Origin = origin;
    let payload: BodyInit | undefined;
    if (body instanceof FormData) {
      // As a browser sends a form: encoded in full, with its Content-Length.
      const encoded = new Request("http://localhost/", { method: "POST", body });
      payload = new Uint8Array(await encoded.arrayBuffer());
      headers["Content-Type"] = encoded.headers.get("content-type") ?? "multipart/form-data";
      headers["Content-Length"] = String(payload.byteLength);
    } else if (body !== undefined) {
      headers["Content-Type"] = "application/json";
      payload = JSON.stringify(body);
    }
    return this.#app.request(`/newsroom/api${path}`, {
      method,
      headers,
      ...(payload === undefined ? {} : { body: payload }),
    });
  }

  async json<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<T> {
    const response = await this.request(method, path, body);
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : {}) as T;
  }
}
