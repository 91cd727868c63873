import type { Actor } from "../actor.js";
import type { Clock } from "../clock.js";
import { NewsdeskError } from "../error-catalogue.js";
import { newId } from "../ids.js";
import { parseOrThrow } from "../parse-or-throw.js";
import type { CatalogRepository } from "../people/catalog-repository.js";
import {
  type AccountFacts,
  assertCanManageUser,
  canManageUser,
  canSeeUser,
  managedServices,
  type UserAction,
} from "./access-policy.js";
import type { PasswordHasher } from "./password-hasher.js";
import { assertAcceptablePassword, type CommonPasswords } from "./password-policy.js";
import type { UserRepository } from "./user-repository.js";
import {
  createUserInputSchema,
  type Grant,
  grantSchema,
  type LinkedPerson,
  passwordSchema,
  setPersonInputSchema,
  type User,
} from "./user-schema.js";

/** A row of the user list: whether the caller may manage the account, not only see it. */
export interface UserListEntry {
  readonly user: User;
  readonly grants: Grant[];
  readonly manageable: boolean;
  /** The catalogue person the account writes as, with its name and service. */
  readonly person: LinkedPerson | null;
}

/**
 * Accounts and roles. Every operation is checked against the account it touches
 * (`userManagementRefusal` in access-policy.ts): administrators manage everyone else; a
 * service admin manages only accounts whose every grant lies in services they administer.
 */
export class UserService {
  readonly #users: UserRepository;
  readonly #hasher: PasswordHasher;
  readonly #clock: Clock;
  readonly #commonPasswords: CommonPasswords;
  readonly #catalog: Pick<CatalogRepository, "findPeople">;

  constructor(deps: {
    users: UserRepository;
    /** The people accounts are linked to for their own bylines. */
    catalog: Pick<CatalogRepository, "findPeople">;
    hasher: PasswordHasher;
    clock: Clock;
    /** Chosen passwords are screened against it (ASVS 4.0.3 V2.1.7). */
    commonPasswords: CommonPasswords;
  }) {
    this.#users = deps.users;
    this.#hasher = deps.hasher;
    this.#clock = deps.clock;
    this.#commonPasswords = deps.commonPasswords;
    this.#catalog = deps.catalog;
  }

  async create(actor: Actor, raw: unknown): Promise<User> {
    const input = parseOrThrow(createUserInputSchema, raw);
    const grants = dedupe(input.grants);
    assertCanManageUser(actor, "user.create", { id: null, isAdmin: input.isAdmin, grants });
    if (await this.#users.findCredentials(input.email)) throw new NewsdeskError("USER_EXISTS");
    await assertAcceptablePassword(input.password, input.email, this.#commonPasswords);
    const user: User = {
      id: newId(),
      email: input.email,
      displayName: input.displayName,
      isAdmin: input.isAdmin,
      createdAt: this.#clock.now().toISOString(),
      disabledAt: null,
      personId: null,
    };
    await this.#users.insertUser(user, await this.#hasher.hash(input.password), grants);
    return user;
  }

  /**
   * Replaces the account's roles. Removing any role also ends its sessions and revokes its
   * API tokens: a token minted under the old roles must not outlive them.
   */
  async setGrants(actor: Actor, userId: string, raw: unknown): Promise<Grant[]> {
    const grants = dedupe(parseOrThrow(grantSchema.array().max(200), raw));
    const target = await this.#target(actor, "user.grants", userId);
    assertCanManageUser(actor, "user.grants", target, grants);
    await this.#users.setGrants(userId, grants);
    if (target.grants.some((before) => !grants.some((g) => same(before, g)))) {
      await this.#users.endUserSessions(userId, this.#clock.now().toISOString());
    }
    return grants;
  }

  /** Sets a new password; whoever knew the old one (sessions, API tokens) is out. */
  async resetPassword(actor: Actor, userId: string, password: unknown): Promise<void> {
    const plain = parseOrThrow(passwordSchema, password);
    const target = await this.#target(actor, "user.resetPassword", userId);
    assertCanManageUser(actor, "user.resetPassword", target);
    await assertAcceptablePassword(plain, target.email, this.#commonPasswords);
    await this.#users.setPassword(userId, await this.#hasher.hash(plain));
    await this.#users.endUserSessions(userId, this.#clock.now().toISOString());
  }

  /** Disables the account and ends its sessions and API tokens; enabling does not revive them. */
  async disable(actor: Actor, userId: string): Promise<void> {
    assertCanManageUser(actor, "user.disable", await this.#target(actor, "user.disable", userId));
    const now = this.#clock.now().toISOString();
    await this.#users.setDisabled(userId, now);
    await this.#users.endUserSessions(userId, now);
  }

  async enable(actor: Actor, userId: string): Promise<void> {
    assertCanManageUser(actor, "user.enable", await this.#target(actor, "user.enable", userId));
    await this.#users.setDisabled(userId, null);
  }

  /** "Log out everywhere" for someone else (or oneself): sessions end, API tokens are revoked. */
  async endSessions(actor: Actor, userId: string): Promise<{ sessions: number; tokens: number }> {
    assertCanManageUser(
      actor,
      "user.endSessions",
      await this.#target(actor, "user.endSessions", userId),
    );
    return this.#users.endUserSessions(userId, this.#clock.now().toISOString());
  }

  /**
   * Links the account to a person of the catalogue, or removes the link (`personId: null`),
   * so its owner can add themselves as a byline. A service admin links only people of the
   * services they administer, on accounts they manage.
   */
  async setPerson(actor: Actor, userId: string, raw: unknown): Promise<UserListEntry> {
    const { personId } = parseOrThrow(setPersonInputSchema, raw);
    const target = await this.#target(actor, "user.person", userId);
    assertCanManageUser(actor, "user.person", target);
    let person: LinkedPerson | null = null;
    if (personId !== null) {
      const [found] = await this.#catalog.findPeople([personId]);
      if (!found) throw new NewsdeskError("PERSON_NOT_FOUND");
      if (!managedServices(actor).includes(found.serviceId)) {
        throw new NewsdeskError("FORBIDDEN", {
          detail: "You can only link people of services you administer.",
          details: { action: "user.person", userId },
        });
      }
      person = { id: found.id, serviceId: found.serviceId, name: found.name };
    }
    await this.#users.setPerson(userId, personId);
    const user = await this.#users.findUser(userId);
    if (!user) throw new NewsdeskError("USER_NOT_FOUND");
    return {
      user,
      grants: [...target.grants],
      manageable: canManageUser(actor, "user.resetPassword", target),
      person,
    };
  }

  async list(actor: Actor): Promise<UserListEntry[]> {
    if (managedServices(actor).length === 0)
      throw new NewsdeskError("FORBIDDEN", { detail: "You need the service admin role." });
    const all = (await this.#users.listUsers()).filter(({ user, grants }) =>
      canSeeUser(actor, facts(user, grants)),
    );
    const linked = [...new Set(all.flatMap(({ user }) => user.personId ?? []))];
    const people = linked.length > 0 ? await this.#catalog.findPeople(linked) : [];
    return all.map(({ user, grants }) => {
      const person = people.find((p) => p.id === user.personId);
      return {
        user,
        grants,
        manageable: canManageUser(actor, "user.resetPassword", facts(user, grants)),
        person: person ? { id: person.id, serviceId: person.serviceId, name: person.name } : null,
      };
    });
  }

  async findByEmail(email: string): Promise<User | undefined> {
    return (await this.#users.findCredentials(email.trim().toLowerCase()))?.user;
  }

  /**
   * The account an operation touches. Callers who manage no service are refused before the
   * lookup (except for their own account), so they cannot probe which ids exist.
   */
  async #target(
    actor: Actor,
    action: UserAction,
    userId: string,
  ): Promise<AccountFacts & { readonly email: string }> {
    if (actor.kind === "user" && actor.userId !== userId && managedServices(actor).length === 0) {
      assertCanManageUser(actor, action, { id: userId, isAdmin: false, grants: [] });
    }
    const user = await this.#users.findUser(userId);
    if (!user) throw new NewsdeskError("USER_NOT_FOUND");
    return { ...facts(user, await this.#users.grantsOf(userId)), email: user.email };
  }
}

function facts(user: User, grants: readonly Grant[]): AccountFacts {
  return { id: user.id, isAdmin: user.isAdmin, grants };
}

function same(a: Grant, b: Grant): boolean {
  return a.serviceId === b.serviceId && a.role === b.role;
}

function dedupe(grants: readonly Grant[]): Grant[] {
  return grants.filter((g, index) => grants.findIndex((h) => same(g, h)) === index);
}
