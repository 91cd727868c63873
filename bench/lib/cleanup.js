/**
 * One registry of things to undo (child processes, temp dirs, PostgreSQL schemas), run in
 * reverse order on success, error and SIGINT, so nothing outlives `npm run bench`.
 */

/** @type {Map<number, () => Promise<void>>} */
const pending = new Map();
let nextId = 0;
let shuttingDown = false;

/**
 * Registers an undo step; returns a function that runs it now (once) and unregisters it.
 * @param {() => Promise<void> | void} undo
 * @returns {() => Promise<void>}
 */
export function onCleanup(undo) {
  const id = nextId++;
  /** @type {Promise<void> | undefined} */
  let running;
  const run = () => {
    running ??= (async () => {
      pending.delete(id);
      await undo();
    })();
    return running;
  };
  pending.set(id, run);
  return run;
}

/** True once the final cleanup has begun: nothing new should be started. */
export function isShuttingDown() {
  return shuttingDown;
}

/** Runs every registered undo step, newest first; errors are reported, not thrown. */
export async function cleanupAll() {
  shuttingDown = true;
  const steps = [...pending.values()].reverse();
  for (const step of steps) {
    try {
      await step();
    } catch (error) {
      console.error(
        `bench: cleanup step failed: ${error instanceof Error ? error.message : error}`,
      );
    }
  }
}
