import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { type AddressInfo, connect as netConnect } from "node:net";
import {
  type Connector,
  type ConnectTarget,
  directConnector,
  type HostResolver,
} from "../../src/security/outbound-http.js";

/**
 * Fakes for tests of outbound requests (src/security/outbound-http.ts): a listener that
 * counts connections, a resolver that answers from a script, and a small "internet" in
 * which chosen public addresses are served by local listeners.
 */

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface CountingListener {
  readonly port: number;
  readonly requests: IncomingMessage[];
  /** Every TCP connection accepted, even one that never sent a request. */
  readonly connections: number;
  handle(next: Handler): void;
  close(): Promise<void>;
}

/** A listener on 127.0.0.1 (ephemeral port) that counts every connection and request. */
export async function countingListener(
  handler: Handler = (_req, res) => res.end("ok"),
): Promise<CountingListener> {
  const requests: IncomingMessage[] = [];
  let connections = 0;
  let current = handler;
  const server: Server = createServer((req, res) => {
    requests.push(req);
    current(req, res);
  });
  server.on("connection", () => {
    connections += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    get connections() {
      return connections;
    },
    handle(next: Handler) {
      current = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A resolver that answers from a script: the n-th question about a host gets the n-th
 * answer (the last one repeats); unknown hosts do not resolve. `calls` lists every question.
 */
export function scriptedResolver(script: Record<string, readonly (readonly string[])[]>): {
  resolver: HostResolver;
  calls: string[];
} {
  const calls: string[] = [];
  const resolver: HostResolver = {
    lookup: async (hostname) => {
      const asked = calls.filter((c) => c === hostname).length;
      calls.push(hostname);
      const answers = script[hostname];
      const answer = answers?.[Math.min(asked, answers.length - 1)];
      if (answer === undefined) {
        throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
      }
      return answer.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
    },
  };
  return { resolver, calls };
}

/**
 * A small internet: the public addresses in `routes` are served by local listeners (any
 * port); every other address goes where it says, through the real connector. So if the
 * guard ever connected to 127.0.0.1:<trap port>, the trap listener would count it.
 */
export function fakeInternet(routes: Record<string, number>): {
  connect: Connector;
  targets: ConnectTarget[];
} {
  const targets: ConnectTarget[] = [];
  const connect: Connector = (target) => {
    targets.push(target);
    const port = routes[target.address];
    return port === undefined ? directConnector(target) : netConnect({ host: "127.0.0.1", port });
  };
  return { connect, targets };
}
