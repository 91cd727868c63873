import { NewsdeskError } from "../error-catalogue.js";
import type { PublishInput, Story } from "./story-schema.js";

/**
 * Publishing rules as plain functions over explicit state (not storage hooks, the habit
 * Ghost's models/post.js is leaving behind). Each returns the next head or throws
 * INVALID_TRANSITION with a sentence an editor can act on.
 */

export function applyPublish(story: Story, input: PublishInput, now: string): Story {
  if (story.status === "killed") {
    throw new NewsdeskError("INVALID_TRANSITION", {
      detail: "A killed story cannot be published again.",
    });
  }
  const alreadyOut = story.firstPublishedAt !== null && story.status === "published";
  if (input.mode === "first") {
    if (alreadyOut) {
      throw new NewsdeskError("INVALID_TRANSITION", {
        detail: "The story is already published; publish the change as an update or a silent fix.",
      });
    }
    return {
      ...story,
      status: "published",
      publishedRevisionId: story.currentRevisionId,
      firstPublishedAt: story.firstPublishedAt ?? now,
      lastModifiedAt: now,
      scheduledAt: null,
    };
  }
  if (!alreadyOut) {
    throw new NewsdeskError("INVALID_TRANSITION", {
      detail: "Only a published story can be updated; publish it first.",
    });
  }
  if (input.mode === "update") {
    return {
      ...story,
      publishedRevisionId: story.currentRevisionId,
      updatedAt: now,
      updateNote: input.note ?? null,
      lastModifiedAt: now,
    };
  }
  // A silent fix changes the text readers see but shows no tag and no new time.
  return { ...story, publishedRevisionId: story.currentRevisionId, lastModifiedAt: now };
}

export function applyCorrection(story: Story, now: string): Story {
  if (story.status !== "published") {
    throw new NewsdeskError("INVALID_TRANSITION", {
      detail: "Corrections are appended to published stories only.",
    });
  }
  return { ...story, lastModifiedAt: now };
}

export function applyKill(story: Story, reason: string, now: string): Story {
  if (story.status === "killed") {
    throw new NewsdeskError("INVALID_TRANSITION", { detail: "The story is already killed." });
  }
  return {
    ...story,
    status: "killed",
    publishedRevisionId: null,
    killedAt: now,
    killReason: reason,
    lastModifiedAt: now,
  };
}

export function applyUnpublish(story: Story, now: string): Story {
  if (story.status !== "published") {
    throw new NewsdeskError("INVALID_TRANSITION", {
      detail: "Only a published story can be unpublished.",
    });
  }
  return { ...story, status: "unpublished", publishedRevisionId: null, lastModifiedAt: now };
}
