import { z } from "zod";
import { translate, type UiLanguage } from "../i18n/ui-language.js";
import { type ApiClient, isApiError } from "../shared/api-client.js";
import { type Grant, grantSchema, type User, userSchema } from "../shared/api-schemas.js";
import { passwordErrorText } from "./password-errors.js";

/**
 * People and their roles, for administrators and service admins (`/newsroom/api/users…`,
 * docs/newsroom-api.md "Users"). The server checks every operation against the account it
 * touches; `manageable` only tells the screen which actions to offer.
 */

const listedUserSchema = userSchema.extend({
  /** When the account was disabled; null while it may sign in. */
  disabledAt: z.string().nullable(),
});
export type ListedUser = z.infer<typeof listedUserSchema>;

const userEntrySchema = z.looseObject({
  user: listedUserSchema,
  grants: z.array(grantSchema),
  /** Whether the caller may change this account (never their own, never above them). */
  manageable: z.boolean(),
  /** The catalogue person the account writes as, with its service. */
  person: z.looseObject({ id: z.string(), serviceId: z.string(), name: z.string() }).nullable(),
});
export type UserEntry = z.infer<typeof userEntrySchema>;

type AccountState = "active" | "disabled";

export function accountState(user: ListedUser): AccountState {
  return user.disabledAt === null ? "active" : "disabled";
}

interface NewUser {
  readonly email: string;
  readonly displayName: string;
  readonly password: string;
  readonly isAdmin: boolean;
  readonly grants: readonly Grant[];
}

/** How many sessions ended and how many API tokens were revoked. */
interface EndedSessions {
  readonly sessions: number;
  readonly tokens: number;
}

const endedSessionsSchema = z.looseObject({
  sessions: z.number().int().min(0),
  tokens: z.number().int().min(0),
});

function userPath(userId: string, action: string): string {
  return `/users/${encodeURIComponent(userId)}/${action}`;
}

export function listUsers(api: ApiClient): Promise<UserEntry[]> {
  return api.request("GET", "/users", { schema: z.array(userEntrySchema) });
}

export async function createUser(api: ApiClient, input: NewUser): Promise<User> {
  const created = await api.request("POST", "/users", {
    schema: z.looseObject({ user: userSchema }),
    json: input,
  });
  return created.user;
}

export async function setGrants(
  api: ApiClient,
  userId: string,
  grants: readonly Grant[],
): Promise<Grant[]> {
  const saved = await api.request("PUT", userPath(userId, "grants"), {
    schema: z.looseObject({ grants: z.array(grantSchema) }),
    json: { grants },
  });
  return saved.grants;
}

/** Links the account to a catalogue person (its owner's own byline), or removes the link. */
export function setPerson(
  api: ApiClient,
  userId: string,
  personId: string | null,
): Promise<UserEntry> {
  return api.request("PUT", userPath(userId, "person"), {
    schema: userEntrySchema,
    json: { personId },
  });
}

/** Sets a new password; the server ends the person's sessions and revokes their tokens. */
export async function resetPassword(
  api: ApiClient,
  userId: string,
  password: string,
): Promise<void> {
  await api.request("POST", userPath(userId, "reset-password"), { json: { password } });
}

/** The person can no longer sign in; their sessions end and their tokens are revoked. */
export async function disableUser(api: ApiClient, userId: string): Promise<void> {
  await api.request("POST", userPath(userId, "disable"));
}

/** The person may sign in again (ended sessions and revoked tokens stay ended). */
export async function enableUser(api: ApiClient, userId: string): Promise<void> {
  await api.request("POST", userPath(userId, "enable"));
}

export function endUserSessions(api: ApiClient, userId: string): Promise<EndedSessions> {
  return api.request("POST", userPath(userId, "sessions/end"), { schema: endedSessionsSchema });
}

/**
 * A failed user operation in the interface language: the server's sentences are English,
 * so the codes people meet here are translated (password rules included).
 */
export function userErrorText(error: unknown, lang: UiLanguage = "en"): string {
  if (isApiError(error)) {
    if (error.code === "FORBIDDEN") return translate(lang, "users.error.forbidden");
    if (error.code === "USER_NOT_FOUND") return translate(lang, "users.error.notFound");
    if (error.code === "USER_EXISTS") return translate(lang, "users.error.exists");
    if (error.code === "PERSON_NOT_FOUND") return translate(lang, "users.error.personNotFound");
  }
  return passwordErrorText(error, lang);
}
