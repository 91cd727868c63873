import { createHash } from "node:crypto";
import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SpooledUpload } from "../domain/clips/clip-service.js";

export type SpoolResult =
  | { readonly ok: true; readonly file: SpooledUpload & { dispose(): Promise<void> } }
  | { readonly ok: false; readonly receivedBytes: number };

/**
 * Writes a request body to a private temporary file chunk by chunk, hashing as it goes,
 * and stops reading at `maxBytes` + 1: a 500 MB video never sits in memory, and an endless
 * body never fills the disk. Backpressure: each chunk waits for the file to take it.
 */
export async function spoolUpload(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  dir: string = tmpdir(),
): Promise<SpoolResult> {
  const folder = await mkdtemp(join(dir, "newsdesk-upload-"));
  const path = join(folder, "upload");
  const dispose = () => rm(folder, { recursive: true, force: true });
  const out = createWriteStream(path, { mode: 0o600 });
  const hash = createHash("sha256");
  let total = 0;
  try {
    if (body) {
      const reader = body.getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          total += value.byteLength;
          if (total > maxBytes) {
            await reader.cancel().catch(() => undefined);
            out.destroy();
            await dispose();
            return { ok: false, receivedBytes: total };
          }
          hash.update(value);
          if (!out.write(value)) await once(out, "drain");
        }
      } finally {
        reader.releaseLock();
      }
    }
    out.end();
    await once(out, "close");
  } catch (error) {
    out.destroy();
    await dispose();
    throw error;
  }
  return {
    ok: true,
    file: {
      path,
      bytes: total,
      sha256: hash.digest("hex"),
      read: () => createReadStream(path),
      dispose,
    },
  };
}
