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

export function applySubmit(story: Story, now: string): Story {
  if (story.status !== "draft") {
    throw new NewsdeskError("INVALID_TRANSITION", {
      detail: "Only a draft can be submitted for review.",
    });
  }
  return { ...story, status: "in_review", lastModifiedAt: now };
}

/**
 * Schedules first publication at `at`; `null` cancels. An embargo later than `at` wins:
 * nothing goes out before its embargo.
 */
export function applySchedule(story: Story, at: string | null, now: string): Story {
  if (at === null) {
    if (story.status !== "scheduled") {
      throw new NewsdeskError("INVALID_TRANSITION", { detail: "The story is not scheduled." });
    }
    return { ...story, status: "in_review", scheduledAt: null, lastModifiedAt: now };
  }
  if (!["draft", "in_review", "scheduled", "unpublished"].includes(story.status)) {
    throw new NewsdeskError("INVALID_TRANSITION", {
      detail: "Only a story that is not live can be scheduled.",
    });
  }
  if (Date.parse(at) <= Date.parse(now)) {
    throw new NewsdeskError("VALIDATION_FAILED", {
      detail: "The scheduled time must be in the future.",
    });
  }
  const effective =
    story.embargoUntil && Date.parse(story.embargoUntil) > Date.parse(at) ? story.embargoUntil : at;
  return { ...story, status: "scheduled", scheduledAt: effective, lastModifiedAt: now };
}

export function applyEmbargo(story: Story, until: string | null, now: string): Story {
  if (story.status === "published" || story.status === "killed") {
    throw new NewsdeskError("INVALID_TRANSITION", {
      detail: "An embargo can only be set before the story is published.",
    });
  }
  const next: Story = { ...story, embargoUntil: until, lastModifiedAt: now };
  // A scheduled time earlier than the new embargo moves to the embargo.
  if (
    until &&
    next.status === "scheduled" &&
    next.scheduledAt &&
    Date.parse(next.scheduledAt) < Date.parse(until)
  ) {
    return { ...next, scheduledAt: until };
  }
  return next;
}

/** True when publishing now would break the story's embargo. */
export function isEmbargoed(story: Story, now: string): boolean {
  return story.embargoUntil !== null && Date.parse(story.embargoUntil) > Date.parse(now);
}
