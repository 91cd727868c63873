import { describe, expect, it } from "vitest";
import { type Actor, systemActor, userActor } from "../actor.js";
import { serviceIds } from "../services/service-registry.js";
import {
  type Action,
  actions,
  assertCan,
  can,
  canSomewhere,
  type RouteAction,
  type StoryFacts,
} from "./access-policy.js";
import { type Role, roles } from "./user-schema.js";

const own: StoryFacts = { createdBy: "u1", unpublished: true, isTranslation: false };
const othersDraft: StoryFacts = { createdBy: "u2", unpublished: true, isTranslation: false };
const ownLive: StoryFacts = { createdBy: "u1", unpublished: false, isTranslation: false };
const translation: StoryFacts = { createdBy: "u2", unpublished: true, isTranslation: true };

/**
 * The whole role × action × service matrix, written out as the product rules say it,
 * independently of how can() computes it.
 */
function expected(role: Role, action: Action, story: StoryFacts | undefined): boolean {
  const editorial = role === "editor" || role === "service_admin";
  switch (action) {
    case "story.view":
    case "story.comment":
      return true;
    case "story.create":
      return role === "reporter" || editorial;
    case "story.edit":
      if (editorial) return true;
      if (role === "reporter") return story === own;
      if (role === "translator") return story === translation;
      return false;
    case "story.submit":
      if (editorial) return true;
      if (role === "reporter") return story === own;
      return role === "translator" && story === translation;
    case "story.trash":
      // Translators set nothing aside; a reporter trashes only their own draft.
      if (editorial) return true;
      return role === "reporter" && story === own;
    case "story.publish":
    case "story.schedule":
    case "story.correct":
    case "story.kill":
    case "story.unpublish":
    case "banner.manage":
    case "curation.manage":
    case "programme.manage":
      return editorial;
    // Live pages: editors manage; reporters post too (page settings are the live service's).
    case "live.manage":
      return editorial;
    case "live.post":
      return role === "reporter" || editorial;
    case "live.edit":
      return role === "reporter" || role === "translator" || editorial;
    case "translation.create":
    case "translation.edit":
    case "alert.translate":
      return role === "translator" || editorial;
    case "media.upload":
    case "audit.read":
    case "wire.read":
      return true;
    case "wire.acknowledge":
    case "catalog.edit":
    case "media.delete":
      return editorial;
    case "users.manage":
    case "wire.sources.manage":
    case "settings.manage":
    case "catalog.manage":
    case "audit.browse":
      return role === "service_admin";
  }
}

describe("the access matrix", () => {
  const stories = [undefined, own, othersDraft, ownLive, translation];
  for (const role of roles) {
    it(`grants the ${role} exactly its actions in its own service and nothing elsewhere`, () => {
      const actor = userActor("u1", [{ serviceId: "fa", role }]);
      for (const action of actions) {
        for (const story of stories) {
          expect(
            can(actor, action, "fa", story),
            `${role} ${action} ${JSON.stringify(story)}`,
          ).toBe(expected(role, action, story));
          for (const other of serviceIds.filter((s) => s !== "fa")) {
            expect(can(actor, action, other, story), `${role} ${action} in ${other}`).toBe(false);
          }
        }
      }
    });
  }

  it("lets administrators and the explicit system actor do everything", () => {
    const admin: Actor = userActor("a", [], true);
    for (const action of actions) {
      for (const service of serviceIds) {
        expect(can(admin, action, service)).toBe(true);
        expect(can(systemActor("job"), action, service)).toBe(true);
      }
    }
  });

  it("gives a user without roles nothing", () => {
    const nobody = userActor("n");
    expect(actions.filter((action) => can(nobody, action, "en", own))).toEqual([]);
  });
});

describe("published copy", () => {
  const published: StoryFacts = {
    createdBy: "u2",
    unpublished: false,
    isTranslation: false,
    published: true,
  };
  const draft: StoryFacts = { createdBy: "u2", unpublished: true, isTranslation: false };

  it("may be read by anyone with a role in any service; drafts stay in their service", () => {
    const persianTranslator = userActor("t", [{ serviceId: "fa", role: "translator" }]);
    expect(can(persianTranslator, "story.view", "en", published)).toBe(true);
    expect(can(persianTranslator, "story.view", "en", draft)).toBe(false);
    expect(can(persianTranslator, "story.edit", "en", published)).toBe(false);
    expect(can(userActor("nobody"), "story.view", "en", published)).toBe(false);
  });
});

describe("the router's coarse check", () => {
  const routeActions: RouteAction[] = [
    ...actions,
    "account.self",
    "syndication.manage",
    "mirrors.manage",
  ];

  it("passes exactly the actions a role could perform on some story in its service", () => {
    for (const role of roles) {
      const actor = userActor("u1", [{ serviceId: "ha", role }]);
      for (const action of actions) {
        const somewhere = [undefined, own, othersDraft, ownLive, translation].some((story) =>
          expected(role, action, story),
        );
        expect(canSomewhere(actor, action), `${role} ${action}`).toBe(somewhere);
      }
      expect(canSomewhere(actor, "account.self")).toBe(true);
      expect(canSomewhere(actor, "syndication.manage")).toBe(false);
      expect(canSomewhere(actor, "mirrors.manage")).toBe(false);
    }
  });

  it("gives a user without roles only their own account, and administrators everything", () => {
    const nobody = userActor("n");
    expect(routeActions.filter((a) => canSomewhere(nobody, a))).toEqual(["account.self"]);
    const admin = userActor("a", [], true);
    expect(routeActions.every((a) => canSomewhere(admin, a))).toBe(true);
  });
});

describe("the source of a translation", () => {
  const draft = { createdBy: "someone", unpublished: true, isTranslation: false };
  it("is readable, never editable, by those who work on a translation of it", () => {
    const translator = userActor("t1", [{ serviceId: "fa", role: "translator" }]);
    const reporter = userActor("r1", [{ serviceId: "fa", role: "reporter" }]);
    const linked = { ...draft, translatedInto: ["fa"] as const };
    expect(can(translator, "story.view", "en", draft)).toBe(false);
    expect(can(translator, "story.view", "en", linked)).toBe(true);
    expect(can(translator, "story.edit", "en", linked)).toBe(false);
    expect(can(translator, "story.view", "en", { ...draft, translatedInto: ["ru"] })).toBe(false);
    // Reporters do not work on translations, so a linked one opens nothing for them.
    expect(can(reporter, "story.view", "en", linked)).toBe(false);
  });
});

describe("the refusal message", () => {
  it("names the service in words and reads as a sentence", () => {
    const translator = userActor("u9", [{ serviceId: "fa", role: "translator" }]);
    expect(() => assertCan(translator, "story.view", "en")).toThrowError(
      "You need a role in the English service to open this story.",
    );
    expect(() =>
      assertCan(translator, "story.edit", "en", {
        createdBy: "someone",
        unpublished: true,
        isTranslation: false,
      }),
    ).toThrowError(
      "Only editors of the English service can change this story; reporters can change their own stories there until they are published.",
    );
    expect(() => assertCan(translator, "story.publish", "fa")).toThrowError(
      "You need the editor role in the Persian service to do that.",
    );
  });
});
