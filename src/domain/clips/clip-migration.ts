import { createHash } from "node:crypto";
import { NewsdeskError } from "../error-catalogue.js";
import { DeferredDeletes, migrationGraceMs } from "../media/deferred-deletes.js";
import type { MigrationProgress } from "../media/media-migration.js";
import type { MediaObjectStore } from "../media/media-object-store.js";

/** Keys of every clip object in a store (originals, renditions, HLS, posters). */
const clipPrefix = "clips/";

/**
 * Moves every clip object from `from` into `to` (`newsdesk media migrate`, after images).
 *
 * Clips' rows hold keys but no location, so there is no row to switch over: the move is per
 * object, and servers find each object wherever it is at the moment (primary first, then
 * MEDIA_PREVIOUS_STORE: `clipObjectStore`). Objects are found by listing the old store
 * under `clips/` rather than from the clip tables, because the tables do not name HLS
 * variant playlists and segments; orphans (objects of an upload whose row was never
 * written) move too, so the old store ends up empty and can be retired.
 *
 * Each object is copied (hashed on the way), read back from `to` and checked (size and
 * SHA-256); only then is the original removed. Stopping at any point leaves every object
 * readable in at least one store; running again resumes with what is left in `from`.
 */
export async function migrateClipObjects(deps: {
  from: MediaObjectStore;
  to: MediaObjectStore;
  concurrency?: number;
  /** How long originals stay after their copy is verified (default `migrationGraceMs`). */
  graceMs?: number;
  onProgress?: (progress: MigrationProgress) => void;
}): Promise<MigrationProgress> {
  const concurrency = Math.min(Math.max(deps.concurrency ?? 4, 1), 32);
  let moved = 0;
  let bytes = 0;
  let skipped = 0;
  const failed: { key: string; reason: string }[] = [];
  const progress = () => ({ moved, bytes, skipped, failed: [...failed] });
  const deletes = new DeferredDeletes(deps.graceMs ?? migrationGraceMs);
  // Workers pull keys from the one listing as they go (an async generator queues
  // concurrent `next` calls); a listing is never held whole.
  const keys = deps.from.list(clipPrefix)[Symbol.asyncIterator]();
  const nextKey = async (): Promise<string | undefined> => {
    const next = await keys.next();
    return next.done ? undefined : next.value;
  };
  const worker = async () => {
    for (let key = await nextKey(); key !== undefined; key = await nextKey()) {
      try {
        const size = await moveOne(deps.from, deps.to, key, deletes);
        if (size === undefined) skipped++;
        else {
          moved++;
          bytes += size;
          if (moved % 100 === 0) {
            deps.onProgress?.(progress());
            await deletes.settle();
          }
        }
      } catch (error) {
        failed.push({ key, reason: (error as Error).message });
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  await deletes.settle(true);
  deps.onProgress?.(progress());
  return progress();
}

/** The object's size once moved; undefined when another process moved it first. */
async function moveOne(
  from: MediaObjectStore,
  to: MediaObjectStore,
  key: string,
  deletes: DeferredDeletes,
): Promise<number | undefined> {
  const original = await from.get(key);
  if (!original) return undefined;
  const sourceHash = createHash("sha256");
  let copied = 0;
  const body = original.body;
  await to.put(
    key,
    (async function* () {
      for await (const chunk of body) {
        sourceHash.update(chunk);
        copied += chunk.byteLength;
        yield chunk;
      }
    })(),
    { contentType: original.contentType, bytes: original.bytes },
  );
  const sourceSha = sourceHash.digest("hex");
  const check = await to.get(key);
  if (!check) throw mismatch(key, "the copy cannot be read back");
  const checkHash = createHash("sha256");
  let checked = 0;
  for await (const chunk of check.body) {
    checkHash.update(chunk);
    checked += chunk.byteLength;
  }
  if (copied !== original.bytes || checked !== original.bytes) {
    throw mismatch(key, `${original.bytes} bytes expected, ${copied} read, ${checked} stored`);
  }
  const copySha = checkHash.digest("hex");
  if (copySha !== sourceSha) throw mismatch(key, `SHA-256 ${copySha} stored, ${sourceSha} read`);
  // Verified: readers now find the copy first (primary), so the original can go, once a
  // reader who found it just before has had time to open it (DeferredDeletes).
  deletes.add(() => from.delete(key));
  return original.bytes;
}

function mismatch(key: string, why: string): NewsdeskError {
  return new NewsdeskError("MEDIA_OBJECT_MISMATCH", { detail: `${key}: ${why}.` });
}
