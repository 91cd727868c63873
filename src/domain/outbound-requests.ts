/**
 * The port through which domain services reach other servers (partner webhooks, agency
 * feeds). The implementation (`src/security/outbound-http.ts`) refuses non-public
 * addresses and connects only to the address it checked; services see results, never
 * sockets, and decide which of their own error codes a refusal becomes.
 */

/** Why a URL may not be requested. */
export type OutboundRefusal =
  /** Not an absolute http(s) URL, or one carrying a user name or password. */
  | { readonly reason: "invalid"; readonly detail: string }
  /** The host is, or resolves to, an address that is not public. */
  | { readonly reason: "private"; readonly detail: string; readonly address: string }
  /** The host name resolves to no address. */
  | { readonly reason: "unresolvable"; readonly detail: string };

export type OutboundCheck =
  | { readonly ok: true; readonly url: string }
  | ({ readonly ok: false } & OutboundRefusal);

export interface OutboundRequestInit {
  /** PURGE: Varnish's purge method (docs/ops/varnish.vcl), for the configured purge endpoint. */
  readonly method: "GET" | "POST" | "PURGE";
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  /** The whole exchange, every redirect and the body included. */
  readonly timeoutMs: number;
  /** The most bytes of a 2xx body to read; a longer answer is a `too-large` result. */
  readonly maxBytes: number;
  /** Redirects to follow, each target checked like the first URL (0 to 5). */
  readonly maxRedirects: number;
}

export type OutboundResult =
  /**
   * An answer. Only 2xx bodies are read (up to `maxBytes`); for any other status the body
   * is discarded unread, so nothing a server says can end up in an error shown to users.
   */
  | {
      readonly kind: "response";
      readonly status: number;
      /** Header names in lower case. */
      readonly headers: Readonly<Record<string, string>>;
      readonly body: Uint8Array;
      /** The URL that answered, after redirects. */
      readonly url: string;
    }
  | { readonly kind: "too-large"; readonly status: number; readonly receivedBytes: number }
  | ({ readonly kind: "refused" } & OutboundRefusal)
  | {
      readonly kind: "failed";
      readonly reason: "timeout" | "network" | "redirects";
      /** For logs and administrators: may name the address that failed. */
      readonly detail: string;
      /** The system's error code for a network failure (`ECONNREFUSED`, `CERT_HAS_EXPIRED`). */
      readonly code?: string;
    };

export interface OutboundRequests {
  /** Checks a URL (and what its host resolves to now) without connecting. */
  check(url: string): Promise<OutboundCheck>;
  /** One request; never throws: every failure is a result. */
  request(url: string, init: OutboundRequestInit): Promise<OutboundResult>;
}
