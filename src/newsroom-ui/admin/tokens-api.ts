import { z } from "zod";
import { maxTokenDays, tokenScopes } from "../../domain/users/user-schema.js";
import type { ApiClient } from "../shared/api-client.js";

/** The signed-in user's API tokens (`/newsroom/api/tokens`). */

export { tokenScopes };
export type TokenScope = (typeof tokenScopes)[number];

/**
 * The lifetimes offered when a token is made. Tokens expire: a leaked
 * token stops working on its own, and a short one suits a one-off script.
 */
export const tokenLifetimes = [7, 30, maxTokenDays] as const;
export type TokenLifetime = (typeof tokenLifetimes)[number];
export const defaultTokenLifetime: TokenLifetime = maxTokenDays;

const apiTokenSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  scopes: z.array(z.string()),
  createdAt: z.string(),
  /** Null only for a token stored before tokens expired; the server refuses such a token. */
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;

const createdTokenSchema = z.looseObject({
  id: z.string(),
  token: z.string(),
  expiresAt: z.string(),
});
type CreatedToken = z.infer<typeof createdTokenSchema>;

type TokenState = "active" | "expired" | "revoked";

/**
 * Whether a token still works at `now`, as the server decides it: revoked first, then
 * expired (a token without an expiry is refused, so it counts as expired).
 */
export function tokenState(token: ApiToken, now: Date): TokenState {
  if (token.revokedAt !== null) return "revoked";
  if (token.expiresAt === null) return "expired";
  const expires = Date.parse(token.expiresAt);
  return Number.isNaN(expires) || expires <= now.getTime() ? "expired" : "active";
}

export function listTokens(api: ApiClient): Promise<ApiToken[]> {
  return api.request("GET", "/tokens", { schema: z.array(apiTokenSchema) });
}

export function createToken(
  api: ApiClient,
  input: {
    readonly name: string;
    readonly scopes: readonly TokenScope[];
    readonly expiresInDays: TokenLifetime;
  },
): Promise<CreatedToken> {
  return api.request("POST", "/tokens", {
    schema: createdTokenSchema,
    json: { name: input.name, scopes: input.scopes, expiresInDays: input.expiresInDays },
  });
}

export async function revokeToken(api: ApiClient, id: string): Promise<void> {
  await api.request("DELETE", `/tokens/${encodeURIComponent(id)}`);
}
