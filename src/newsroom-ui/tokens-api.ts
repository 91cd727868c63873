import { z } from "zod";
import { tokenScopes } from "../domain/users/user-schema.js";
import type { ApiClient } from "./api-client.js";

/** The signed-in user's API tokens (`/newsroom/api/tokens`). */

export { tokenScopes };
export type TokenScope = (typeof tokenScopes)[number];

export const apiTokenSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  scopes: z.array(z.string()),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;

export function listTokens(api: ApiClient): Promise<ApiToken[]> {
  return api.request("GET", "/tokens", { schema: z.array(apiTokenSchema) });
}

export function createToken(
  api: ApiClient,
  name: string,
  scopes: readonly TokenScope[],
): Promise<{ id: string; token: string }> {
  return api.request("POST", "/tokens", {
    schema: z.looseObject({ id: z.string(), token: z.string() }),
    json: { name, scopes },
  });
}

export async function revokeToken(api: ApiClient, id: string): Promise<void> {
  await api.request("DELETE", `/tokens/${encodeURIComponent(id)}`);
}
