import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";
import { resolveClientIp, type TrustedProxies } from "./client-ip.js";

/** What a caller may send as `X-Request-Id` and have kept: short, printable, no spaces. */
const requestIdPattern = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

/** The request's id: the caller's `X-Request-Id` when it is sane, else a new UUID. */
function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && requestIdPattern.test(value) ? value : randomUUID();
}

/** Query parameters whose values never reach a log (credentials some clients put in URLs). */
const secretParameter = /key|token|secret|password|passwd|signature|^sig$|^code$|auth/i;

/** The query string with secret values replaced, at most 512 characters of it. */
function loggableQuery(query: string): string {
  return query
    .slice(0, 512)
    .split("&")
    .map((pair) => {
      const equals = pair.indexOf("=");
      const name = equals === -1 ? pair : pair.slice(0, equals);
      return equals !== -1 && secretParameter.test(decodeSafe(name)) ? `${name}=[redacted]` : pair;
    })
    .join("&");
}

function decodeSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Wraps the Node request handler: every request gets an id (the caller's `X-Request-Id` or a
 * new one), echoed in the response and visible to the app as that header, and one access-log
 * line when its response ends. `sample` is the share of requests logged (1 = all, 0 = none);
 * server errors are always logged. Cookies, authorization headers and request bodies are
 * never logged, and secret-looking query values are redacted.
 */
export function withAccessLog(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
  deps: { readonly logger: Logger; readonly trusted: TrustedProxies; readonly sample: number },
): (req: IncomingMessage, res: ServerResponse) => void {
  const { logger, trusted, sample } = deps;
  // Below `info` (LOG_LEVEL=warn, benchmarks) nothing would be written: only the id is kept.
  const logging = logger.isLevelEnabled("info");
  return (req, res) => {
    const started = process.hrtime.bigint();
    const id = requestIdFrom(req.headers["x-request-id"]);
    req.headers["x-request-id"] = id;
    res.setHeader("X-Request-Id", id);
    if (logging)
      res.once("close", () => {
        const status = res.statusCode;
        if (status < 500 && (sample <= 0 || (sample < 1 && Math.random() >= sample))) return;
        const url = req.url ?? "/";
        const q = url.indexOf("?");
        const length = res.getHeader("content-length");
        const agent = req.headers["user-agent"];
        logger.info(
          {
            reqId: id,
            method: req.method,
            path: q === -1 ? url : url.slice(0, q),
            ...(q === -1 ? {} : { query: loggableQuery(url.slice(q + 1)) }),
            status,
            // Whether the whole response went out (false: the client left, or a drain cut it).
            complete: res.writableFinished,
            ms: Number(process.hrtime.bigint() - started) / 1e6,
            ...(length === undefined ? {} : { bytes: Number(length) }),
            ip: resolveClientIp(
              req.socket.remoteAddress,
              headerOf(req, "x-forwarded-for"),
              trusted,
            ),
            ...(agent ? { ua: agent.slice(0, 200) } : {}),
          },
          "request",
        );
      });
    handler(req, res);
  };
}

function headerOf(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
}
