import { describe, expect, it } from "vitest";
import { userActor } from "../../domain/actor.js";
import { can } from "../../domain/users/access-policy.js";
import type { Session } from "./api-schemas.js";
import { canEditStory } from "./permissions.js";

type Role = "reporter" | "editor" | "translator" | "service_admin";

const session = (role: Role | null, isAdmin = false): Session => ({
  user: { id: "u1", email: "u1@newsdesk.test", displayName: "U1", isAdmin },
  grants: role ? [{ serviceId: "en", role }] : [],
  csrfToken: "t",
});

const stories = {
  ownDraft: { id: "s1", familyId: "s1", serviceId: "en", status: "draft", createdBy: "u1" },
  ownPublished: { id: "s2", familyId: "s2", serviceId: "en", status: "published", createdBy: "u1" },
  othersDraft: { id: "s3", familyId: "s3", serviceId: "en", status: "draft", createdBy: "u2" },
  translation: { id: "s4", familyId: "s0", serviceId: "en", status: "draft", createdBy: "u2" },
  elsewhere: { id: "s5", familyId: "s5", serviceId: "fa", status: "draft", createdBy: "u1" },
} as const;

describe("canEditStory", () => {
  it("agrees with the server's story.edit for every role and story", () => {
    const roles: (Role | null)[] = [null, "translator", "reporter", "editor", "service_admin"];
    for (const role of roles) {
      for (const [name, story] of Object.entries(stories)) {
        const server = can(
          userActor("u1", role ? [{ serviceId: "en", role }] : []),
          "story.edit",
          story.serviceId,
          {
            createdBy: story.createdBy,
            unpublished: story.status === "draft",
            isTranslation: story.familyId !== story.id,
          },
        );
        expect(canEditStory(session(role), story), `${role} on ${name}`).toBe(server);
      }
    }
    expect(canEditStory(session(null, true), stories.elsewhere)).toBe(true);
  });
});
