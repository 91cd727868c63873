import { ApiClient } from "../../src/newsroom-ui/shared/api-client.js";

/** One request the newsroom app's API client made, as the fake server saw it. */
export interface FakeCall {
  readonly method: string;
  readonly url: string;
  readonly headers: Headers;
  /** The X-CSRF-Token header, or null. */
  readonly csrf: string | null;
  /** The body: parsed when it was JSON text, otherwise as sent (undefined when none). */
  readonly body: unknown;
}

/**
 * An `ApiClient` whose fetch records every call and answers with `respond`, signed in with
 * the CSRF token `csrf-1`: for testing the newsroom app's API modules without a server.
 */
export function fakeNewsroomApi(respond: (call: FakeCall) => Response) {
  const calls: FakeCall[] = [];
  const api = new ApiClient({
    fetch: async (url, init) => {
      const headers = new Headers(init?.headers);
      const call: FakeCall = {
        method: init?.method ?? "GET",
        url,
        headers,
        csrf: headers.get("X-CSRF-Token"),
        body: typeof init?.body === "string" ? JSON.parse(init.body) : init?.body,
      };
      calls.push(call);
      return respond(call);
    },
  });
  api.setCsrfToken("csrf-1");
  return { api, calls };
}

/** A JSON answer; 4xx and 5xx as problem+json, as the newsroom API sends them. */
export function jsonAnswer(status: number, body: unknown): Response {
  const type = status >= 400 ? "application/problem+json" : "application/json";
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": type } });
}
