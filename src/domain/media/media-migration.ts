import { createHash } from "node:crypto";
import { NewsdeskError } from "../error-catalogue.js";
import type { MediaObjectStore } from "./media-object-store.js";
import type { MediaObjects, StoreKind } from "./media-objects.js";
import type { MediaRepository } from "./media-repository.js";
import { contentTypeOf, type MediaObjectRecord } from "./media-schema.js";

export interface MigrationProgress {
  /** Objects copied, verified and switched over by this run. */
  readonly moved: number;
  readonly bytes: number;
  /** Objects another process moved first (a concurrent run, or new uploads): skipped. */
  readonly skipped: number;
  /** Objects that could not be moved (missing at the source, mismatch): left in place. */
  readonly failed: readonly { readonly key: string; readonly reason: string }[];
}

/** Objects fetched per page; each page is worked through by `concurrency` workers. */
const pageSize = 200;

/**
 * Moves every media object that is not yet in `to` into it, while servers keep serving
 * (`newsdesk media migrate`). For each object: copy it (hashing the bytes on the way),
 * read the copy back and check its size and SHA-256 against the original (and against the
 * hash recorded at upload, when there is one), then switch the database row over only if it
 * still points where the copy was read from, and finally remove the original. A reader who
 * resolved the old location just before the switch is sent on to the new one
 * (`MediaObjects.open`), so no request fails. Safe to stop and run again: it resumes with
 * what is left.
 */
export async function migrateMediaObjects(deps: {
  repository: MediaRepository;
  objects: MediaObjects;
  to: StoreKind;
  concurrency?: number;
  onProgress?: (progress: MigrationProgress) => void;
}): Promise<MigrationProgress> {
  const target = deps.objects.store(deps.to);
  if (!target) {
    throw new NewsdeskError("CONFIG_INVALID", {
      detail: `There is no ${deps.to} store configured to migrate into: set MEDIA_STORE to it.`,
    });
  }
  const concurrency = Math.min(Math.max(deps.concurrency ?? 4, 1), 32);
  let moved = 0;
  let bytes = 0;
  let skipped = 0;
  const failed: { key: string; reason: string }[] = [];
  const progress = () => ({ moved, bytes, skipped, failed: [...failed] });
  let after: { mediaId: string; name: string } | undefined;
  for (;;) {
    const page = await deps.repository.listObjectsOutside(deps.to, after, pageSize);
    if (page.length === 0) break;
    const last = page[page.length - 1];
    if (last) after = { mediaId: last.mediaId, name: last.name };
    let next = 0;
    const worker = async () => {
      for (let index = next++; index < page.length; index = next++) {
        const record = page[index];
        if (!record) continue;
        try {
          const outcome = await moveOne(deps.repository, deps.objects, target, record);
          if (outcome === "moved") {
            moved++;
            bytes += record.bytes;
          } else skipped++;
        } catch (error) {
          if (isNewsdeskError(error, "MEDIA_STORE_UNAVAILABLE")) throw error;
          failed.push({ key: record.key, reason: (error as Error).message });
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    deps.onProgress?.(progress());
  }
  return progress();
}

async function moveOne(
  repository: MediaRepository,
  objects: MediaObjects,
  target: MediaObjectStore,
  record: MediaObjectRecord,
): Promise<"moved" | "skipped"> {
  const source = await objects.resolve(record.mediaId, record.name);
  if (!source || source.record.location === target.kind) return "skipped";
  const original = await objects.open(source);
  if (!original) throw new Error(`${record.key} is missing from the ${record.location} store`);
  const copyHash = createHash("sha256");
  let copied = 0;
  const counted = (async function* () {
    for await (const chunk of original.body) {
      copyHash.update(chunk);
      copied += chunk.byteLength;
      yield chunk;
    }
  })();
  await target.put(record.key, counted, {
    contentType: contentTypeOf(record.format),
    bytes: source.bytes,
  });
  const sourceSha = copyHash.digest("hex");
  const check = await target.get(record.key);
  if (!check) throw mismatch(record.key, "the copy cannot be read back");
  const checkHash = createHash("sha256");
  let checked = 0;
  for await (const chunk of check.body) {
    checkHash.update(chunk);
    checked += chunk.byteLength;
  }
  const copySha = checkHash.digest("hex");
  if (copied !== source.bytes || checked !== source.bytes) {
    throw mismatch(record.key, `${source.bytes} bytes expected, ${copied} read, ${checked} stored`);
  }
  if (copySha !== sourceSha || (source.record.sha256 && source.record.sha256 !== sourceSha)) {
    throw mismatch(record.key, `SHA-256 ${copySha} stored, ${sourceSha} read`);
  }
  const switched = await repository.relocate(source.record, {
    location: target.kind,
    key: record.key,
    bytes: source.bytes,
    sha256: sourceSha,
  });
  if (!switched) return "skipped";
  // The original is no longer referenced; a reader holding its location is redirected.
  if (source.record.location !== "db") {
    await objects.store(source.record.location)?.delete(source.record.key);
  }
  return "moved";
}

function mismatch(key: string, why: string): NewsdeskError {
  return new NewsdeskError("MEDIA_OBJECT_MISMATCH", { detail: `${key}: ${why}.` });
}

function isNewsdeskError(error: unknown, code: string): boolean {
  return error instanceof NewsdeskError && error.code === code;
}
