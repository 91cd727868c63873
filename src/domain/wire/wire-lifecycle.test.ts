import { describe, expect, it } from "vitest";
import { flagForUse, flagStories } from "./wire-lifecycle.js";
import type { StoredVersionFacts, WireStoryLink } from "./wire-repository.js";

const killed: StoredVersionFacts = {
  itemId: "item-1",
  versionId: "version-2",
  guid: "urn:agency:1",
  agencyCode: "AGY",
  pubStatus: "canceled",
  edNote: "Withdrawn: legal advice.",
  receivedAt: "2031-05-01T12:00:00.000Z",
  decision: { kind: "replace", flagStories: true },
};

/** A link reader that records whether the rule asked for the links. */
function links(storyIds: readonly string[]) {
  const reader = async () => {
    reader.calls += 1;
    return storyIds;
  };
  reader.calls = 0;
  return reader;
}

describe("flagStories (which stories a stored version flags)", () => {
  it("flags every story built on a killed item once, with the agency's note", async () => {
    const reader = links(["story-a", "story-b", "story-a"]);
    const flags = await flagStories(killed, reader);
    expect(flags.map((f) => f.storyId)).toEqual(["story-a", "story-b"]);
    expect(flags[0]).toMatchObject({
      itemId: "item-1",
      versionId: "version-2",
      guid: "urn:agency:1",
      agencyCode: "AGY",
      pubStatus: "canceled",
      reason: "Withdrawn: legal advice.",
      flaggedAt: "2031-05-01T12:00:00.000Z",
      acknowledgedAt: null,
      acknowledgedBy: null,
    });
    expect(new Set(flags.map((f) => f.id)).size).toBe(2);
  });

  it("reads no links for versions that do not stop publication", async () => {
    const cases: StoredVersionFacts[] = [
      { ...killed, pubStatus: "usable", decision: { kind: "replace", flagStories: false } },
      { ...killed, decision: { kind: "new-item" } },
      { ...killed, decision: { kind: "history" } },
      { ...killed, decision: { kind: "duplicate" } },
    ];
    for (const version of cases) {
      const reader = links(["story-a"]);
      expect(await flagStories(version, reader)).toEqual([]);
      expect(reader.calls).toBe(0);
    }
  });
});

describe("flagForUse (a use recorded after a kill)", () => {
  const link: WireStoryLink = {
    storyId: "story-a",
    itemId: "item-1",
    versionId: "version-1",
    guid: "urn:agency:1",
    version: "1",
    agencyCode: "AGY",
    mode: "new-story",
    usedAt: "2031-05-01T12:05:00.000Z",
    usedBy: "editor-1",
  };

  it("flags the story against the kill that is now current", () => {
    const flag = flagForUse(link, {
      currentVersionId: "version-2",
      guid: "urn:agency:1",
      agencyCode: "AGY",
      pubStatus: "withheld",
      edNote: undefined,
    });
    expect(flag).toMatchObject({
      storyId: "story-a",
      itemId: "item-1",
      versionId: "version-2",
      pubStatus: "withheld",
      reason: null,
      flaggedAt: "2031-05-01T12:05:00.000Z",
    });
  });

  it("does not flag a use of a usable or unknown item", () => {
    const usable = {
      currentVersionId: "version-1",
      guid: "urn:agency:1",
      agencyCode: "AGY",
      pubStatus: "usable" as const,
      edNote: undefined,
    };
    expect(flagForUse(link, usable)).toBeUndefined();
    expect(flagForUse(link, undefined)).toBeUndefined();
  });
});
