import { describe, expect, it } from "vitest";
import { Autosave } from "./autosave.js";

function harness(options: { dirty: boolean; fail?: boolean }) {
  let dirty = options.dirty;
  const saves: number[] = [];
  const errors: unknown[] = [];
  let release: () => void = () => undefined;
  let scheduled: (() => void) | null = null;
  const autosave = new Autosave({
    intervalMs: 15_000,
    isDirty: () => dirty,
    save: () =>
      new Promise<void>((done, fail) => {
        saves.push(saves.length + 1);
        release = () => {
          if (options.fail) fail(new Error("offline"));
          else {
            dirty = false;
            done();
          }
        };
      }),
    onError: (error) => errors.push(error),
    setInterval: (run) => {
      scheduled = run;
      return 1;
    },
    clearInterval: () => {
      scheduled = null;
    },
  });
  return {
    autosave,
    saves,
    errors,
    release: () => release(),
    setDirty: (value: boolean) => {
      dirty = value;
    },
    scheduled: () => scheduled,
  };
}

describe("autosave", () => {
  it("saves only when there are changes", async () => {
    const clean = harness({ dirty: false });
    expect(await clean.autosave.tick()).toBe(false);
    expect(clean.saves).toEqual([]);
  });

  it("never runs two saves at once", async () => {
    const h = harness({ dirty: true });
    const first = h.autosave.tick();
    expect(await h.autosave.tick()).toBe(false);
    h.release();
    expect(await first).toBe(true);
    expect(h.saves).toEqual([1]);
    expect(await h.autosave.tick()).toBe(false);
  });

  it("stays quiet while a conflict is shown", async () => {
    const h = harness({ dirty: true });
    h.autosave.pause(true);
    expect(await h.autosave.tick()).toBe(false);
    h.autosave.pause(false);
    const saving = h.autosave.tick();
    h.release();
    expect(await saving).toBe(true);
  });

  it("reports a failed save and tries again on the next interval", async () => {
    const h = harness({ dirty: true, fail: true });
    const saving = h.autosave.tick();
    h.release();
    expect(await saving).toBe(false);
    expect(h.errors).toHaveLength(1);
    expect(h.autosave.saving).toBe(false);
  });

  it("starts and stops one interval", () => {
    const h = harness({ dirty: true });
    h.autosave.start();
    expect(h.scheduled()).not.toBeNull();
    h.autosave.stop();
    expect(h.scheduled()).toBeNull();
  });
});
