import type { Config } from "../config/config.js";
import { systemActor } from "../domain/actor.js";
import { NewsdeskError } from "../domain/error-catalogue.js";
import type { Grant } from "../domain/users/user-schema.js";
import { openServices } from "../main.js";

/** `newsdesk user …`: account administration from a shell, as the explicit system actor. */
export async function runUserCommand(
  args: readonly string[],
  values: { name?: string | undefined; admin?: boolean | undefined; role?: string[] | undefined },
  config: Config,
  env: Record<string, string | undefined>,
): Promise<number> {
  const [action, email] = args;
  const withEmail = ["create", "set-role", "reset-password", "disable", "enable", "revoke-tokens"];
  if (action !== "list" && (!action || !email || !withEmail.includes(action))) {
    process.stderr.write(
      "newsdesk: usage: newsdesk user list | user create|set-role|reset-password|disable|enable|revoke-tokens <email> [options]\n",
    );
    return 2;
  }
  const grants = (values.role ?? []).map(parseGrant);
  const opened = await openServices(config);
  try {
    const { users } = opened.services;
    const actor = systemActor(`cli user ${action}`);
    if (action === "list") {
      for (const { user, grants: roles } of await users.list(actor)) {
        const state = user.disabledAt ? "disabled" : "active";
        const what = user.isAdmin
          ? "administrator"
          : roles.map((g) => `${g.serviceId}:${g.role}`).join(",") || "no roles";
        process.stdout.write(`${user.email}\t${user.displayName}\t${what}\t${state}\n`);
      }
      return 0;
    }
    if (!email) return 2;
    if (action === "create") {
      const user = await users.create(actor, {
        email,
        displayName: values.name ?? email,
        password: requirePassword(env),
        isAdmin: values.admin ?? false,
        grants,
      });
      process.stdout.write(`Created ${user.email} (${user.id}).\n`);
      return 0;
    }
    const user = await users.findByEmail(email);
    if (!user) throw new NewsdeskError("USER_NOT_FOUND", { detail: `No account for ${email}.` });
    if (action === "set-role") {
      const set = await users.setGrants(actor, user.id, grants);
      process.stdout.write(
        `${user.email}: ${set.map((g) => `${g.serviceId}:${g.role}`).join(", ") || "no roles"}\n`,
      );
      return 0;
    }
    if (action === "disable") {
      await users.disable(actor, user.id);
      process.stdout.write(`Disabled ${user.email}; their sessions and API tokens have ended.\n`);
      return 0;
    }
    if (action === "enable") {
      await users.enable(actor, user.id);
      process.stdout.write(`Enabled ${user.email}.\n`);
      return 0;
    }
    if (action === "revoke-tokens") {
      const ended = await users.endSessions(actor, user.id);
      process.stdout.write(
        `${user.email}: ended ${ended.sessions} sessions and revoked ${ended.tokens} API tokens.\n`,
      );
      return 0;
    }
    await users.resetPassword(actor, user.id, requirePassword(env));
    process.stdout.write(`Password reset for ${user.email}; their sessions have ended.\n`);
    return 0;
  } finally {
    await opened.close();
  }
}

function parseGrant(value: string): Grant {
  const [serviceId, role] = value.split(":");
  // Validated by the user service's schema; this only splits the CLI spelling.
  return { serviceId, role } as Grant;
}

function requirePassword(env: Record<string, string | undefined>): string {
  const password = env.NEWSDESK_PASSWORD;
  if (!password) {
    throw new NewsdeskError("VALIDATION_FAILED", {
      detail:
        "Set NEWSDESK_PASSWORD to the new password (it is not taken from the command line, where it would be visible to other users).",
    });
  }
  return password;
}
