import { z } from "zod";
import { type ApiClient, isApiError } from "../shared/api-client.js";

/** The signed-in person's own account (`/newsroom/api/account/…`, docs/newsroom-api.md). */

const secondFactorStatusSchema = z.looseObject({
  enabled: z.boolean(),
  pending: z.boolean(),
  recoveryCodesLeft: z.number().int().min(0),
});
export type SecondFactorStatus = z.infer<typeof secondFactorStatusSchema>;

const enrolmentSchema = z.looseObject({ secret: z.string(), uri: z.string(), qrSvg: z.string() });
export type Enrolment = z.infer<typeof enrolmentSchema>;

const recoveryCodesSchema = z.looseObject({ recoveryCodes: z.array(z.string()) });

/**
 * One field takes either code: six digits (spaces allowed) are an RFC 6238 code from the
 * app, anything else a recovery code. Empty sends neither.
 */
export function secondFactorProof(code: string): { otp?: string; recoveryCode?: string } {
  const trimmed = code.trim();
  if (trimmed === "") return {};
  const digits = trimmed.replace(/\s+/g, "");
  return /^\d{6}$/.test(digits) ? { otp: digits } : { recoveryCode: trimmed };
}

/** The server wants the password (and code) again before this change (ASVS V3.7.1). */
export function isReauthenticationRequired(error: unknown): boolean {
  return isApiError(error) && error.code === "REAUTHENTICATION_REQUIRED";
}

/**
 * The server-drawn QR code as an image source: shown with <img>, so the SVG never becomes
 * markup in the page (and the page's CSP allows data: images).
 */
export function qrImageSource(svg: string): string {
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

export function secondFactorStatus(api: ApiClient): Promise<SecondFactorStatus> {
  return api.request("GET", "/account/2fa", { schema: secondFactorStatusSchema });
}

export function enrolSecondFactor(api: ApiClient): Promise<Enrolment> {
  return api.request("POST", "/account/2fa/enrol", { schema: enrolmentSchema });
}

/** Turns two-factor authentication on; returns the recovery codes, shown once. */
export async function confirmSecondFactor(api: ApiClient, code: string): Promise<string[]> {
  const result = await api.request("POST", "/account/2fa/confirm", {
    schema: recoveryCodesSchema,
    json: { code: code.replace(/\s+/g, "") },
  });
  return result.recoveryCodes;
}

export async function disableSecondFactor(api: ApiClient): Promise<void> {
  await api.request("POST", "/account/2fa/disable");
}

export async function regenerateRecoveryCodes(api: ApiClient): Promise<string[]> {
  const result = await api.request("POST", "/account/2fa/recovery-codes", {
    schema: recoveryCodesSchema,
  });
  return result.recoveryCodes;
}

/** Returns how many other sessions were signed out. */
export async function changePassword(
  api: ApiClient,
  input: { currentPassword: string; newPassword: string; code: string },
): Promise<number> {
  const result = await api.request("POST", "/account/password", {
    schema: z.looseObject({ endedSessions: z.number().int().min(0) }),
    json: {
      currentPassword: input.currentPassword,
      newPassword: input.newPassword,
      ...secondFactorProof(input.code),
    },
  });
  return result.endedSessions;
}

export async function reauthenticate(
  api: ApiClient,
  input: { password: string; code: string },
): Promise<void> {
  await api.request("POST", "/account/reauthenticate", {
    json: { password: input.password, ...secondFactorProof(input.code) },
  });
}
