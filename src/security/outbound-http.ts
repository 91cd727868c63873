import { lookup as dnsLookup } from "node:dns/promises";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { isIP, connect as netConnect, type Socket } from "node:net";
import { connect as tlsConnect } from "node:tls";
import type {
  OutboundCheck,
  OutboundRefusal,
  OutboundRequestInit,
  OutboundRequests,
  OutboundResult,
} from "../domain/outbound-requests.js";
import { classifyAddress } from "./ip-address-policy.js";

/**
 * The one outbound HTTP client for requests whose URL a user chose: wire pull sources and
 * partner webhooks. Against server-side request forgery (OWASP SSRF Prevention Cheat
 * Sheet; docs/security/outbound-requests.md) it
 * - parses the URL with the WHATWG parser, so `http://2130706433/`, `http://0x7f.1/` and
 *   `http://0177.0.0.1/` are the dotted quad they mean before anything is checked;
 * - resolves the host once, through the injected resolver, and refuses it if any answer is
 *   not public (`ip-address-policy.ts`);
 * - connects to the address it checked, never to the host name, so a second DNS answer
 *   (DNS rebinding) cannot redirect the socket; Host and the TLS server name stay the host
 *   name, and the certificate is verified against it;
 * - follows redirects itself, checking every hop the same way, at most `maxRedirects`;
 * - bounds time (the whole exchange) and size (the body), and never reads error bodies.
 * `allowPrivate` (WIRE_ALLOW_PRIVATE=1, WEBHOOK_ALLOW_PRIVATE=1, for tests and closed
 * networks) skips only the address classification: resolving once and connecting to that
 * address stay the same.
 */

export interface ResolvedAddress {
  readonly address: string;
  readonly family: 4 | 6;
}

/** DNS, injected so tests can script answers (and count questions). */
export interface HostResolver {
  lookup(hostname: string): Promise<readonly ResolvedAddress[]>;
}

/** The operating system's resolver (getaddrinfo: /etc/hosts, then DNS), every A and AAAA. */
const systemResolver: HostResolver = {
  lookup: async (hostname) =>
    (await dnsLookup(hostname, { all: true, verbatim: true })).map((entry) => ({
      address: entry.address,
      family: entry.family === 6 ? 6 : 4,
    })),
};

/** Where to open a socket: the checked address, with the host name for SNI. */
export interface ConnectTarget {
  readonly address: string;
  readonly family: 4 | 6;
  readonly port: number;
  readonly hostname: string;
  readonly tls: boolean;
}

export type Connector = (target: ConnectTarget) => Socket;

/**
 * Opens the socket to the checked address. TLS sends the host name as server name (SNI,
 * RFC 6066 3; never an IP literal) and Node verifies the certificate against it.
 */
export const directConnector: Connector = (target) =>
  target.tls
    ? tlsConnect({
        host: target.address,
        port: target.port,
        ALPNProtocols: ["http/1.1"],
        ...(isIP(target.hostname) === 0 ? { servername: target.hostname } : {}),
      })
    : netConnect({ host: target.address, port: target.port, family: target.family });

const redirectStatuses = new Set([301, 302, 303, 307, 308]);

/** How long a check without a request may wait for DNS. */
const checkTimeoutMs = 10_000;

export class OutboundHttp implements OutboundRequests {
  readonly #resolver: HostResolver;
  readonly #allowPrivate: boolean;
  readonly #connect: Connector;

  constructor(deps: { allowPrivate: boolean; resolver?: HostResolver; connect?: Connector }) {
    this.#allowPrivate = deps.allowPrivate;
    this.#resolver = deps.resolver ?? systemResolver;
    this.#connect = deps.connect ?? directConnector;
  }

  async check(raw: string): Promise<OutboundCheck> {
    const url = parseUrl(raw);
    if (!(url instanceof URL)) return { ok: false, ...url };
    const host = bareHost(url.hostname);
    // A resolver that does not answer within the deadline counts as no answer.
    const pinned = await this.#pin(url, AbortSignal.timeout(checkTimeoutMs)).catch(
      (): OutboundRefusal => ({
        reason: "unresolvable",
        detail: `${host} did not resolve within ${checkTimeoutMs / 1000} s.`,
      }),
    );
    return "reason" in pinned ? { ok: false, ...pinned } : { ok: true, url: url.href };
  }

  async request(raw: string, init: OutboundRequestInit): Promise<OutboundResult> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), init.timeoutMs);
    const signal = controller.signal;
    try {
      let url = parseUrl(raw);
      let method = init.method;
      let body = init.body;
      for (let hop = 0; ; hop += 1) {
        if (!(url instanceof URL)) return { kind: "refused", ...url };
        const target = await this.#pin(url, signal);
        if ("reason" in target) return { kind: "refused", ...target };
        const response = await this.#send(
          url,
          target,
          { method, headers: init.headers, body },
          signal,
        );
        const status = response.statusCode ?? 0;
        const location = response.headers.location;
        if (redirectStatuses.has(status) && location !== undefined && init.maxRedirects > 0) {
          response.destroy();
          if (hop >= init.maxRedirects) {
            return {
              kind: "failed",
              reason: "redirects",
              detail: `More than ${init.maxRedirects} redirects.`,
            };
          }
          // RFC 9110 15.4: 303 turns into GET; so do 301/302 after a POST, as browsers do.
          if (status === 303 || ((status === 301 || status === 302) && method === "POST")) {
            method = "GET";
            body = undefined;
          }
          url = parseUrl(location, url);
          continue;
        }
        return await readAnswer(response, url, init.maxBytes);
      }
    } catch (error) {
      if (signal.aborted) {
        return {
          kind: "failed",
          reason: "timeout",
          detail: `No complete answer within ${init.timeoutMs} ms.`,
        };
      }
      const code = (error as { code?: unknown } | null)?.code;
      return {
        kind: "failed",
        reason: "network",
        detail: error instanceof Error ? error.message : String(error),
        ...(typeof code === "string" ? { code } : {}),
      };
    } finally {
      clearTimeout(timer);
    }
  }

  /** Resolves the host once and checks every answer; returns the address to connect to. */
  async #pin(url: URL, signal: AbortSignal): Promise<ResolvedAddress | OutboundRefusal> {
    const host = bareHost(url.hostname);
    if (!this.#allowPrivate && isLocalName(host)) {
      return { reason: "private", detail: `${host} is a local host name.`, address: host };
    }
    const family = isIP(host);
    let answers: readonly ResolvedAddress[];
    if (family !== 0) answers = [{ address: host, family: family === 6 ? 6 : 4 }];
    else {
      try {
        answers = await abortable(this.#resolver.lookup(host), signal);
      } catch (error) {
        if (signal.aborted) throw error;
        answers = [];
      }
      if (answers.length === 0) {
        return { reason: "unresolvable", detail: `${host} does not resolve to any address.` };
      }
    }
    if (!this.#allowPrivate) {
      for (const { address } of answers) {
        const verdict = classifyAddress(address);
        if (!verdict.public) {
          const how =
            verdict.via === undefined ? verdict.range : `${verdict.range} via ${verdict.via}`;
          const what = address === host ? host : `${host} resolves to ${address}, which`;
          return {
            reason: "private",
            detail: `${what} is not a public address (${how}).`,
            address,
          };
        }
      }
    }
    // Every answer passed; the first (in the resolver's order) is the one we use.
    return answers[0] as ResolvedAddress;
  }

  #send(
    url: URL,
    target: ResolvedAddress,
    request: {
      method: string;
      headers: Readonly<Record<string, string>>;
      body: string | undefined;
    },
    signal: AbortSignal,
  ): Promise<IncomingMessage> {
    const tls = url.protocol === "https:";
    const port = url.port === "" ? (tls ? 443 : 80) : Number(url.port);
    const connectTo: ConnectTarget = {
      address: target.address,
      family: target.family,
      port,
      hostname: bareHost(url.hostname),
      tls,
    };
    return new Promise((resolve, reject) => {
      const outgoing = httpRequest(
        {
          method: request.method,
          path: `${url.pathname}${url.search}`,
          headers: {
            ...request.headers,
            host: url.host,
            ...(request.body === undefined
              ? {}
              : { "content-length": String(Buffer.byteLength(request.body)) }),
          },
          // No agent: each request gets its own socket to the checked address, and no pooled
          // connection made for another host or check is ever reused.
          createConnection: () => this.#connect(connectTo),
          signal,
        },
        resolve,
      );
      outgoing.on("error", reject);
      outgoing.end(request.body);
    });
  }
}

/** A 2xx body up to `maxBytes`; any other answer is returned without reading its body. */
async function readAnswer(
  response: IncomingMessage,
  url: URL,
  maxBytes: number,
): Promise<OutboundResult> {
  const status = response.statusCode ?? 0;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  if (status < 200 || status > 299) {
    response.destroy();
    return { kind: "response", status, headers, body: new Uint8Array(0), url: url.href };
  }
  const declared = Number(headers["content-length"] ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.destroy();
    return { kind: "too-large", status, receivedBytes: declared };
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of response as AsyncIterable<Buffer>) {
    total += chunk.byteLength;
    if (total > maxBytes) {
      response.destroy();
      return { kind: "too-large", status, receivedBytes: total };
    }
    chunks.push(chunk);
  }
  return {
    kind: "response",
    status,
    headers,
    body: new Uint8Array(Buffer.concat(chunks)),
    url: url.href,
  };
}

/** An absolute http(s) URL without credentials, resolved against `base` for redirects. */
function parseUrl(raw: string, base?: URL): URL | OutboundRefusal {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return { reason: "invalid", detail: "The URL is not valid." };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return {
      reason: "invalid",
      detail: `Only http and https URLs are fetched, not ${url.protocol.replace(/:$/, "")}.`,
    };
  }
  if (url.username !== "" || url.password !== "") {
    return { reason: "invalid", detail: "The URL may not carry a user name or password." };
  }
  return url;
}

function bareHost(hostname: string): string {
  return hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
}

/**
 * Names that mean this machine or the local network whatever DNS says: `localhost` and
 * its subdomains (RFC 6761 6.3), mDNS `.local` (RFC 6762), `.home.arpa` (RFC 8375) and
 * `.internal` (reserved for private use by ICANN, 2024).
 */
function isLocalName(host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, "");
  return (
    name === "localhost" ||
    name.endsWith(".localhost") ||
    name.endsWith(".local") ||
    name.endsWith(".internal") ||
    name.endsWith(".home.arpa")
  );
}

/** Rejects when the signal aborts, so a hanging resolver cannot outlive the deadline. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}
