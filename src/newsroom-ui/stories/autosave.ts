/**
 * Autosave every ~15 s while there are unsaved changes. The timer and the
 * save are passed in, so the logic is tested without a browser or a clock.
 */
interface AutosaveDeps {
  readonly intervalMs: number;
  /** Whether the form differs from the last saved revision. */
  readonly isDirty: () => boolean;
  /** Saves with `autosave: true`; a rejected promise is reported, not thrown. */
  readonly save: () => Promise<void>;
  readonly onError: (error: unknown) => void;
  readonly setInterval: (run: () => void, ms: number) => unknown;
  readonly clearInterval: (handle: unknown) => void;
}

export class Autosave {
  readonly #deps: AutosaveDeps;
  #handle: unknown = null;
  #saving = false;
  #paused = false;

  constructor(deps: AutosaveDeps) {
    this.#deps = deps;
  }

  start(): void {
    if (this.#handle !== null) return;
    this.#handle = this.#deps.setInterval(() => void this.tick(), this.#deps.intervalMs);
  }

  stop(): void {
    if (this.#handle === null) return;
    this.#deps.clearInterval(this.#handle);
    this.#handle = null;
  }

  /** While a conflict is on screen nothing is saved: the editor decides what wins. */
  pause(paused: boolean): void {
    this.#paused = paused;
  }

  get saving(): boolean {
    return this.#saving;
  }

  /** One interval: saves only when changed, never two saves at once. */
  async tick(): Promise<boolean> {
    if (this.#saving || this.#paused || !this.#deps.isDirty()) return false;
    this.#saving = true;
    try {
      await this.#deps.save();
      return true;
    } catch (error) {
      this.#deps.onError(error);
      return false;
    } finally {
      this.#saving = false;
    }
  }
}
