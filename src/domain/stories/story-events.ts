import type { Story } from "./story-schema.js";

/**
 * What happened to a story, announced after the change has committed. Feeds, caches,
 * translations (stale flags), webhooks and search listen; the publishing rules never
 * depend on them.
 */
export type StoryEventType =
  | "created"
  | "saved"
  | "submitted"
  | "scheduled"
  | "embargoed"
  | "published"
  | "updated"
  | "silently-fixed"
  | "corrected"
  | "killed"
  | "unpublished"
  | "trashed"
  | "restored";

export interface StoryEvent {
  readonly type: StoryEventType;
  readonly story: Story;
  /** The head before the change (null when the story was just created). */
  readonly before: Story | null;
  readonly at: string;
  /** The actor's user id, or null for the system. */
  readonly actorId: string | null;
  /** For "corrected": the correction text. For "updated": the update note, if any. */
  readonly note?: string;
}

export interface StoryEventListener {
  onStoryEvent(event: StoryEvent): Promise<void> | void;
}

/** Calls every listener in turn; one failing listener does not stop the others. */
export async function dispatchStoryEvent(
  listeners: readonly StoryEventListener[],
  event: StoryEvent,
  onError: (error: unknown, event: StoryEvent) => void,
): Promise<void> {
  for (const listener of listeners) {
    try {
      await listener.onStoryEvent(event);
    } catch (error) {
      onError(error, event);
    }
  }
}
