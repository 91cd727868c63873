import type { StoryWireFlag } from "./wire-repository.js";

/** The subset of pino the wire desk logs through (pino's `Logger` satisfies it). */
export interface WireLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export type WireEvent =
  | {
      readonly type: "items-ingested";
      readonly sourceId: string;
      readonly itemIds: readonly string[];
    }
  | { readonly type: "stories-flagged"; readonly flags: readonly StoryWireFlag[] }
  | {
      /** One file from a source is done with (operations' counters: ingest and quarantine). */
      readonly type: "file-processed";
      readonly sourceId: string;
      readonly status: "ingested" | "duplicate-file" | "rejected";
      /** Quarantine entries this file added (the whole file, or items in it). */
      readonly quarantined: number;
    };

export interface WireEventListener {
  onWireEvent(event: WireEvent): void | Promise<void>;
}

/**
 * Tells the listeners (the newsroom's live queue, dashboards) about committed wire changes.
 * A listener that fails is logged and never undoes or blocks what was committed.
 */
export class WireEvents {
  readonly #listeners: readonly WireEventListener[];
  readonly #logger: WireLogger;

  constructor(deps: {
    readonly listeners: readonly WireEventListener[];
    readonly logger: WireLogger;
  }) {
    this.#listeners = deps.listeners;
    this.#logger = deps.logger;
  }

  /** False when nobody listens, so callers can skip building events. */
  get listened(): boolean {
    return this.#listeners.length > 0;
  }

  async emit(events: readonly WireEvent[]): Promise<void> {
    for (const event of events) {
      for (const listener of this.#listeners) {
        try {
          await listener.onWireEvent(event);
        } catch (error) {
          this.#logger.error({ err: error, event: event.type }, "wire listener failed");
        }
      }
    }
  }
}
