import { type ChildProcess, spawn } from "node:child_process";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { findFreePort } from "./start-server.js";

const repoRoot = resolve(fileURLToPath(new URL(".", import.meta.url)), "../../..");
const cliPath = join(repoRoot, "bin/newsdesk.js");

export interface Instance {
  readonly baseUrl: string;
  readonly child: ChildProcess;
  output(): string;
  /** SIGTERM, then SIGKILL after 5 s. */
  stop(): Promise<void>;
  /** `kill -9`: no shutdown code runs. */
  crash(): Promise<void>;
}

/** A story's content as the newsroom API takes it: a World story by the demo's desk. */
export function deskStoryContent(headline: string, slug: string) {
  return {
    headline,
    standfirst: "",
    dateline: "",
    slug,
    section: "world",
    topics: [],
    leadFigure: null,
    body: [{ type: "paragraph", content: [{ text: "Text." }] }],
    bylines: [{ kind: "desk", deskId: "meridian-news" }],
    agencies: [],
  };
}

/** Starts `newsdesk start [args]` on a free loopback port against the given database. */
export async function startInstance(
  databaseUrl: string,
  env: Record<string, string> = {},
  args: readonly string[] = [],
): Promise<Instance> {
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [cliPath, "start", ...args], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_URL: baseUrl,
      DATABASE_URL: databaseUrl,
      SEED_DEMO: "never",
      LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const collect = (chunk: Buffer) => {
    output = `${output}${chunk.toString("utf8")}`.slice(-8000);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`instance exited early:\n${output}`);
    try {
      if ((await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(1000) })).ok) break;
    } catch {
      // still starting
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`instance not healthy in time:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    baseUrl,
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    },
    crash: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGKILL");
      await exited;
    },
  };
}

/** A newsroom API session over real HTTP, as the browser app holds one. */
export class NewsroomSession {
  #cookie = "";
  #csrf = "";
  readonly baseUrl: string;

  constructor(baseUrl: string) {
    this.baseUrl = baseUrl;
  }

  async login(email: string, password: string): Promise<void> {
    const response = await this.call("POST", "/session", { email, password });
    this.#cookie = /nd_session=[^;]+/.exec(response.headers.get("set-cookie") ?? "")?.[0] ?? "";
    this.#csrf = ((await response.json()) as { csrfToken: string }).csrfToken;
  }

  call(method: string, path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { Origin: this.baseUrl };
    if (this.#cookie) headers.Cookie = this.#cookie;
    if (this.#csrf) headers["X-CSRF-Token"] = this.#csrf;
    if (body !== undefined) headers["Content-Type"] = "application/json";
    return fetch(`${this.baseUrl}/newsroom/api${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  }

  async json<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await this.call(method, path, body);
    if (!response.ok)
      throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }
}

export interface SseEvent {
  readonly id: string;
  readonly event: string;
  readonly data: string;
  readonly at: number;
}

/** A minimal Server-Sent Events client (fetch + stream), recording every event. */
export async function openSse(url: string, lastEventId?: string) {
  const controller = new AbortController();
  const response = await fetch(url, {
    headers: lastEventId ? { "Last-Event-ID": lastEventId } : {},
    signal: controller.signal,
  });
  if (!response.ok || !response.body) throw new Error(`SSE ${url}: ${response.status}`);
  const events: SseEvent[] = [];
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  const pump = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end = buffer.indexOf("\n\n");
        while (end >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const field = (name: string) =>
            frame
              .split("\n")
              .filter((line) => line.startsWith(`${name}: `))
              .map((line) => line.slice(name.length + 2))
              .join("\n");
          if (field("event"))
            events.push({
              id: field("id"),
              event: field("event"),
              data: field("data"),
              at: Date.now(),
            });
          end = buffer.indexOf("\n\n");
        }
      }
    } catch {
      // aborted
    }
  })();
  return {
    events,
    async waitFor(predicate: (e: SseEvent) => boolean, timeoutMs: number): Promise<SseEvent> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = events.find(predicate);
        if (found) return found;
        if (Date.now() > deadline)
          throw new Error(
            `no matching SSE event within ${timeoutMs} ms: ${JSON.stringify(events)}`,
          );
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    close: async () => {
      controller.abort();
      await pump;
    },
  };
}
