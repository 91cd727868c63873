import type { LiveEvent, LiveEventListener } from "./live-schema.js";

/** Calls every listener in turn; one failing listener does not stop the others. */
export async function dispatchLiveEvent(
  listeners: readonly LiveEventListener[],
  event: LiveEvent,
  onError: (error: unknown, event: LiveEvent) => void,
): Promise<void> {
  for (const listener of listeners) {
    try {
      await listener.onLiveEvent(event);
    } catch (error) {
      onError(error, event);
    }
  }
}
