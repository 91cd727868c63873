import { randomBytes } from "node:crypto";
import { constants } from "node:fs";
import { type FileHandle, mkdir, open, readdir, readFile, rename, rm } from "node:fs/promises";
import { basename, dirname, join, resolve, sep } from "node:path";
import type {
  ByteRange,
  MediaObjectStore,
  ObjectMeta,
  StoredObject,
} from "../domain/media/media-object-store.js";
import { checkedKey, checkedPrefix, contentTypeByExtension, joinPublicUrl } from "./object-key.js";

/** Read in 256 KiB pieces: few syscalls, and memory stays flat whatever the object's size. */
const chunkBytes = 256 * 1024;

/**
 * Media objects as files under one directory (the embedded default, `MEDIA_STORE=dir:<path>`).
 *
 * Writes are atomic and durable: the bytes go to a hidden temporary file in the target's
 * directory, which is fsynced, renamed over the key's path (rename(2) is atomic within one
 * file system) and the directory fsynced so the rename itself survives a crash. A reader
 * therefore sees either no object or the whole object, never a torn one. The type comes
 * from the key's extension; a type the extension does not name is kept in a hidden
 * `.<name>.type` file beside it.
 */
export class DirectoryObjectStore implements MediaObjectStore {
  readonly kind = "dir";
  readonly #root: string;
  readonly #publicBaseUrl: string | undefined;

  constructor(options: { root: string; publicBaseUrl?: string | undefined }) {
    this.#root = resolve(options.root);
    this.#publicBaseUrl = options.publicBaseUrl;
  }

  async put(
    key: string,
    body: Uint8Array | AsyncIterable<Uint8Array>,
    meta: ObjectMeta,
  ): Promise<void> {
    const path = this.#pathOf(key);
    const directory = dirname(path);
    await mkdir(directory, { recursive: true });
    if (contentTypeByExtension(key) !== meta.contentType) {
      await writeAtomically(join(directory, typeFileName(path)), Buffer.from(meta.contentType));
    }
    await writeAtomically(path, body, meta.bytes);
  }

  async head(key: string): Promise<ObjectMeta | undefined> {
    const file = await this.#open(key);
    if (!file) return undefined;
    try {
      return { contentType: await this.#typeOf(key), bytes: (await file.stat()).size };
    } finally {
      await file.close();
    }
  }

  async get(key: string, range?: ByteRange): Promise<StoredObject | undefined> {
    const file = await this.#open(key);
    if (!file) return undefined;
    let bytes: number;
    try {
      bytes = (await file.stat()).size;
    } finally {
      // Reopened when the body is read: a body nobody reads holds no descriptor.
      await file.close();
    }
    const contentType = await this.#typeOf(key);
    const first = range?.first ?? 0;
    const last = range ? Math.min(range.last, bytes - 1) : bytes - 1;
    const path = this.#pathOf(key);
    return {
      contentType,
      bytes,
      body: readFileRange(() => openForReading(path), first, last),
      ...(range ? { range: { first, last } } : {}),
    };
  }

  async delete(key: string): Promise<void> {
    const path = this.#pathOf(key);
    await rm(path, { force: true });
    await rm(join(dirname(path), typeFileName(path)), { force: true });
  }

  async *list(prefix: string): AsyncIterable<string> {
    checkedPrefix(prefix);
    // Walk only the directory the prefix names (or its parent when it ends mid-name).
    const slash = prefix.lastIndexOf("/");
    const base = slash < 0 ? "" : prefix.slice(0, slash);
    for await (const key of walk(this.#root, base)) {
      if (key.startsWith(prefix)) yield key;
    }
  }

  publicUrl(key: string): string | undefined {
    return this.#publicBaseUrl ? joinPublicUrl(this.#publicBaseUrl, checkedKey(key)) : undefined;
  }

  #pathOf(key: string): string {
    const path = join(this.#root, ...checkedKey(key).split("/"));
    // Belt and braces: the key check already rules out anything leaving the root.
    if (!path.startsWith(this.#root + sep)) throw new Error("media key escapes the store");
    return path;
  }

  async #open(key: string): Promise<FileHandle | undefined> {
    try {
      return await openForReading(this.#pathOf(key));
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async #typeOf(key: string): Promise<string> {
    const path = this.#pathOf(key);
    try {
      return (await readFile(join(dirname(path), typeFileName(path)), "utf8")).trim();
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
    return contentTypeByExtension(key) ?? "application/octet-stream";
  }
}

/** O_NOFOLLOW: a symbolic link planted in the store is not followed out of it. */
function openForReading(path: string): Promise<FileHandle> {
  return open(path, constants.O_RDONLY | constants.O_NOFOLLOW);
}

function typeFileName(path: string): string {
  return `.${basename(path)}.type`;
}

/** Writes to a hidden temporary file, fsyncs it, renames it into place, fsyncs the directory. */
async function writeAtomically(
  path: string,
  body: Uint8Array | AsyncIterable<Uint8Array>,
  expectedBytes?: number,
): Promise<void> {
  const temporary = join(
    dirname(path),
    `.${basename(path)}.tmp-${process.pid}-${randomBytes(6).toString("hex")}`,
  );
  const file = await open(temporary, "wx", 0o644);
  let written = 0;
  try {
    if (body instanceof Uint8Array) {
      await file.write(body);
      written = body.byteLength;
    } else {
      for await (const chunk of body) {
        await file.write(chunk);
        written += chunk.byteLength;
      }
    }
    if (expectedBytes !== undefined && written !== expectedBytes) {
      throw new Error(
        `media object ${basename(path)}: got ${written} bytes, expected ${expectedBytes}`,
      );
    }
    await file.sync();
    await file.close();
    await rename(temporary, path);
  } catch (error) {
    await file.close().catch(() => undefined);
    await rm(temporary, { force: true });
    throw error;
  }
  await syncDirectory(dirname(path));
}

async function syncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, constants.O_RDONLY | constants.O_DIRECTORY);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * The bytes `first`..`last` of a file, read piece by piece. The file is opened at the first
 * read and closed when the reader finishes, fails or stops early (`return`).
 */
function readFileRange(
  openFile: () => Promise<FileHandle>,
  first: number,
  last: number,
): AsyncIterable<Uint8Array> {
  let position = first;
  let file: FileHandle | undefined;
  let done = false;
  const close = async () => {
    done = true;
    const current = file;
    file = undefined;
    await current?.close();
  };
  return {
    [Symbol.asyncIterator]: () => ({
      async next(): Promise<IteratorResult<Uint8Array>> {
        if (done || position > last) {
          await close();
          return { done: true, value: undefined };
        }
        try {
          file ??= await openFile();
          const length = Math.min(chunkBytes, last - position + 1);
          const buffer = Buffer.allocUnsafe(length);
          const { bytesRead } = await file.read(buffer, 0, length, position);
          if (bytesRead === 0) {
            await close();
            return { done: true, value: undefined };
          }
          position += bytesRead;
          return {
            done: false,
            value: bytesRead === length ? buffer : buffer.subarray(0, bytesRead),
          };
        } catch (error) {
          await close();
          throw error;
        }
      },
      async return(): Promise<IteratorResult<Uint8Array>> {
        await close();
        return { done: true, value: undefined };
      },
    }),
  };
}

/** Every key under `base`, depth first; hidden files (temporaries, types) are not keys. */
async function* walk(root: string, base: string): AsyncIterable<string> {
  let entries: import("node:fs").Dirent[];
  try {
    entries = await readdir(base ? join(root, ...base.split("/")) : root, { withFileTypes: true });
  } catch (error) {
    if (isMissing(error) || (error as NodeJS.ErrnoException).code === "ENOTDIR") return;
    throw error;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const key = base ? `${base}/${entry.name}` : entry.name;
    if (entry.isDirectory()) yield* walk(root, key);
    else if (entry.isFile()) yield key;
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === "ENOENT" || code === "ENOTDIR";
}
