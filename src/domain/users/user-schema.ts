import { z } from "zod";
import { type ServiceId, serviceIds } from "../services/service-registry.js";

/**
 * Roles are granted per language service. Administrators (a flag on the user) may do
 * everything everywhere; service admins manage people and settings of their service and
 * may do everything an editor does there.
 */
export const roles = ["reporter", "editor", "translator", "service_admin"] as const;
export type Role = (typeof roles)[number];

export const grantSchema = z.object({ serviceId: z.enum(serviceIds), role: z.enum(roles) });
export type Grant = z.infer<typeof grantSchema>;

export interface User {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly isAdmin: boolean;
  readonly createdAt: string;
  readonly disabledAt: string | null;
  /** The catalogue person this account writes as ("Add me" in the byline control). */
  readonly personId: string | null;
}

/** The person linked to an account, as the Users screen shows it. */
export interface LinkedPerson {
  readonly id: string;
  readonly serviceId: ServiceId;
  readonly name: string;
}

export const setPersonInputSchema = z.object({
  personId: z.string().min(1).max(64).nullable(),
});

const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: "Enter a valid email address." }));

/** NIST SP 800-63B: length matters, composition rules do not; cap to bound hashing work. */
export const passwordSchema = z
  .string()
  .min(12, { message: "Passwords need at least 12 characters." })
  .max(256, { message: "Passwords may have at most 256 characters." });

export const createUserInputSchema = z.object({
  email: emailSchema,
  displayName: z.string().trim().min(1).max(200),
  password: passwordSchema,
  isAdmin: z.boolean().default(false),
  grants: z.array(grantSchema).max(200).default([]),
});
export type CreateUserInput = z.input<typeof createUserInputSchema>;

/** A second factor sent with the password (RFC 6238 code or recovery code), never alone. */
const secondFactorFields = {
  otp: z.string().max(16).optional(),
  recoveryCode: z.string().max(64).optional(),
};

export const loginInputSchema = z.object({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().max(256),
  ...secondFactorFields,
});

export const reauthenticateInputSchema = z.object({
  password: z.string().max(256),
  ...secondFactorFields,
});

/** The new password is checked by `passwordSchema` only after the current one is proven. */
export const changePasswordInputSchema = z.object({
  currentPassword: z.string().max(256),
  newPassword: z.string().max(256),
  ...secondFactorFields,
});

export const tokenScopes = [
  "stories:read",
  "stories:write",
  "stories:publish",
  "wire:push",
  "media:write",
] as const;
export type TokenScope = (typeof tokenScopes)[number];

/** API tokens live at most 90 days; their creator may ask for fewer. */
export const maxTokenDays = 90;

export const createTokenInputSchema = z.object({
  name: z.string().trim().min(1).max(100),
  scopes: z
    .array(z.enum(tokenScopes))
    .min(1)
    .max(tokenScopes.length * 2),
  expiresInDays: z.number().int().min(1).max(maxTokenDays).default(maxTokenDays),
});
