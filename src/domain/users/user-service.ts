import type { Actor } from "../actor.js";
import type { Clock } from "../clock.js";
import { NewsdeskError } from "../error-catalogue.js";
import { newId } from "../ids.js";
import { parseOrThrow } from "../parse-or-throw.js";
import { can } from "./access-policy.js";
import type { PasswordHasher } from "./password-hasher.js";
import { assertAcceptablePassword, type CommonPasswords } from "./password-policy.js";
import type { UserRepository } from "./user-repository.js";
import {
  createUserInputSchema,
  type Grant,
  grantSchema,
  passwordSchema,
  type User,
} from "./user-schema.js";

/**
 * Accounts and roles. Administrators manage everyone; a service admin may grant and revoke
 * roles only in the services they administer, and may not create administrators.
 */
export class UserService {
  readonly #users: UserRepository;
  readonly #hasher: PasswordHasher;
  readonly #clock: Clock;
  readonly #commonPasswords: CommonPasswords;

  constructor(deps: {
    users: UserRepository;
    hasher: PasswordHasher;
    clock: Clock;
    /** Chosen passwords are screened against it (ASVS 4.0.3 V2.1.7). */
    commonPasswords: CommonPasswords;
  }) {
    this.#users = deps.users;
    this.#hasher = deps.hasher;
    this.#clock = deps.clock;
    this.#commonPasswords = deps.commonPasswords;
  }

  async create(actor: Actor, raw: unknown): Promise<User> {
    const input = parseOrThrow(createUserInputSchema, raw);
    this.#assertManages(actor, input.grants, input.isAdmin);
    if (await this.#users.findCredentials(input.email)) throw new NewsdeskError("USER_EXISTS");
    await assertAcceptablePassword(input.password, input.email, this.#commonPasswords);
    const user: User = {
      id: newId(),
      email: input.email,
      displayName: input.displayName,
      isAdmin: input.isAdmin,
      createdAt: this.#clock.now().toISOString(),
      disabledAt: null,
    };
    await this.#users.insertUser(
      user,
      await this.#hasher.hash(input.password),
      dedupe(input.grants),
    );
    return user;
  }

  async setGrants(actor: Actor, userId: string, raw: unknown): Promise<Grant[]> {
    const grants = dedupe(parseOrThrow(grantSchema.array().max(200), raw));
    const before = await this.#users.grantsOf(userId);
    if (!(await this.#users.findUser(userId))) throw new NewsdeskError("USER_NOT_FOUND");
    // Whatever changes (added or removed) must be within the actor's own services.
    const changed = [
      ...grants.filter((g) => !before.some((b) => same(b, g))),
      ...before.filter((b) => !grants.some((g) => same(b, g))),
    ];
    this.#assertManages(actor, changed, false);
    await this.#users.setGrants(userId, grants);
    return grants;
  }

  async resetPassword(actor: Actor, userId: string, password: unknown): Promise<void> {
    const plain = parseOrThrow(passwordSchema, password);
    const grants = await this.#users.grantsOf(userId);
    const user = await this.#users.findUser(userId);
    if (!user) throw new NewsdeskError("USER_NOT_FOUND");
    this.#assertManages(actor, grants, false);
    await assertAcceptablePassword(plain, user.email, this.#commonPasswords);
    await this.#users.setPassword(userId, await this.#hasher.hash(plain));
    // A reset ends every session: whoever knew the old password is out.
    await this.#users.deleteUserSessions(userId);
  }

  async list(actor: Actor): Promise<{ user: User; grants: Grant[] }[]> {
    const all = await this.#users.listUsers();
    if (actor.kind === "system" || actor.isAdmin) return all;
    const managed = actor.grants.filter((g) => g.role === "service_admin").map((g) => g.serviceId);
    if (managed.length === 0)
      throw new NewsdeskError("FORBIDDEN", { detail: "You need the service admin role." });
    return all.filter(
      ({ user, grants }) =>
        user.id === actor.userId || grants.some((g) => managed.includes(g.serviceId)),
    );
  }

  async findByEmail(email: string): Promise<User | undefined> {
    return (await this.#users.findCredentials(email.trim().toLowerCase()))?.user;
  }

  #assertManages(actor: Actor, grants: readonly Grant[], makesAdmin: boolean): void {
    if (actor.kind === "system" || actor.isAdmin) return;
    if (makesAdmin)
      throw new NewsdeskError("FORBIDDEN", {
        detail: "Only administrators can create administrators.",
      });
    const services = grants.length > 0 ? grants.map((g) => g.serviceId) : [];
    const hasAnyAdmin = actor.grants.some((g) => g.role === "service_admin");
    if (!hasAnyAdmin || services.some((serviceId) => !can(actor, "users.manage", serviceId))) {
      throw new NewsdeskError("FORBIDDEN", {
        detail: "You need the service admin role in every service whose roles you change.",
      });
    }
  }
}

function same(a: Grant, b: Grant): boolean {
  return a.serviceId === b.serviceId && a.role === b.role;
}

function dedupe(grants: readonly Grant[]): Grant[] {
  return grants.filter((g, index) => grants.findIndex((h) => same(g, h)) === index);
}
