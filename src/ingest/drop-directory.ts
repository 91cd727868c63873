import { constants } from "node:fs";
import { lstat, mkdir, open, readdir, realpath, rename, stat } from "node:fs/promises";
import { basename, extname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { NewsdeskError } from "../domain/error-catalogue.js";

/**
 * The classic agency drop: files appear in a directory (usually by FTP/SFTP upload).
 * Processed files move to `processed/`, rejected ones to `failed/`, so the directory
 * itself only ever holds work still to do.
 *
 * A drop directory is a place on the server's disk that the newsroom API names, so it is
 * confined to the roots the operator configured at start (WIRE_DROP_ROOTS): otherwise a
 * service admin could make Newsdesk read, and move away, any directory it can reach
 * (OWASP: path traversal, CWE-22; symlink following, CWE-59). Real paths are compared,
 * when a source is saved and again at every poll, and an uploader's symlinks are never
 * followed: not as the drop directory, not as `processed/` or `failed/`, not as a file.
 */

const partialExtensions = new Set([".tmp", ".part", ".partial", ".filepart", ".crdownload"]);

export interface DropFile {
  readonly path: string;
  readonly name: string;
  readonly size: number;
  readonly modifiedAt: number;
}

/** Whether `candidate` is `root` or lies under it (both absolute and normalized). */
function isWithin(root: string, candidate: string): boolean {
  const path = relative(root, candidate);
  return path === "" || (path !== ".." && !path.startsWith(`..${sep}`) && !isAbsolute(path));
}

/** The directories drop-directory sources must lie in; none means the feature is off. */
export class DropRoots {
  readonly #roots: readonly string[];

  /** `roots` are absolute paths (the config checks); they need not exist yet. */
  constructor(roots: readonly string[]) {
    this.#roots = roots.map((root) => resolve(root));
  }

  get enabled(): boolean {
    return this.#roots.length > 0;
  }

  /**
   * The real path of `directory` if it is a directory inside a root, symlinks resolved.
   * Errors say nothing about the path itself: they end up in a source's last error.
   */
  async resolve(directory: string): Promise<string> {
    if (!this.enabled) throw new NewsdeskError("WIRE_DROP_DISABLED");
    if (!isAbsolute(directory)) {
      throw new NewsdeskError("WIRE_PATH_OUTSIDE_ROOTS", {
        detail: "The drop directory must be an absolute path inside the configured drop roots.",
      });
    }
    const roots = await this.#realRoots();
    // `..` is settled lexically first, so a path that names a place outside is refused
    // without touching the file system (and without telling whether it exists).
    const named = resolve(directory);
    if (!roots.some((root) => isWithin(root.configured, named) || isWithin(root.real, named))) {
      throw new NewsdeskError("WIRE_PATH_OUTSIDE_ROOTS");
    }
    let real: string;
    try {
      real = await realpath(named);
    } catch (cause) {
      throw new NewsdeskError("WIRE_PATH_NOT_FOUND", { cause });
    }
    if (!roots.some((root) => isWithin(root.real, real))) {
      throw new NewsdeskError("WIRE_PATH_OUTSIDE_ROOTS");
    }
    if (!(await stat(real)).isDirectory()) throw new NewsdeskError("WIRE_PATH_NOT_FOUND");
    return real;
  }

  /** Each root as configured and as its real path; a root that does not exist holds nothing. */
  async #realRoots(): Promise<{ configured: string; real: string }[]> {
    const found = await Promise.all(
      this.#roots.map(async (configured) => {
        const real = await realpath(configured).catch(() => undefined);
        return real === undefined ? [] : [{ configured, real }];
      }),
    );
    return found.flat();
  }
}

/**
 * Regular files ready to read, oldest first: no hidden or partial-upload names, no
 * symlinks, and unchanged for `settleMs`, so a file still being uploaded is left for the
 * next poll. `directory` is a real path from `DropRoots.resolve`.
 */
export async function listReadyFiles(
  directory: string,
  settleMs: number,
  now: Date,
  limit = 500,
): Promise<DropFile[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  const files: DropFile[] = [];
  for (const entry of entries) {
    // Dirent types come from lstat: a symlink is never a file here.
    if (!entry.isFile() || entry.name.startsWith(".")) continue;
    if (partialExtensions.has(extname(entry.name).toLowerCase())) continue;
    const path = join(directory, entry.name);
    const info = await lstat(path).catch(() => undefined);
    if (info === undefined || !info.isFile()) continue;
    if (info.mtimeMs > now.getTime() - settleMs) continue;
    files.push({ path, name: entry.name, size: info.size, modifiedAt: info.mtimeMs });
  }
  files.sort((a, b) => a.modifiedAt - b.modifiedAt || (a.name < b.name ? -1 : 1));
  return files.slice(0, limit);
}

/**
 * Reads a listed file without following a symlink put in its place since the listing
 * (O_NOFOLLOW), and never more than `maxBytes`; `undefined` if it is no longer a regular
 * file or has grown past the limit.
 */
export async function readDropFile(
  file: DropFile,
  maxBytes: number,
): Promise<Uint8Array | undefined> {
  const handle = await open(file.path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0)).catch(
    (error: NodeJS.ErrnoException) => {
      // ELOOP: the name is a symlink now; ENOENT: it was moved away since the listing.
      if (error.code === "ELOOP" || error.code === "ENOENT") return undefined;
      throw error;
    },
  );
  if (handle === undefined) return undefined;
  try {
    const info = await handle.stat();
    if (!info.isFile() || info.size > maxBytes) return undefined;
    const buffer = Buffer.alloc(info.size);
    const { bytesRead } = await handle.read(buffer, 0, info.size, 0);
    return new Uint8Array(buffer.buffer, buffer.byteOffset, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * Refuses `processed/` or `failed/` when it exists as anything but a real directory right
 * inside the drop directory (an uploader may have made it a symlink to elsewhere).
 */
export async function assertOutcomeDirectory(
  directory: string,
  outcome: "processed" | "failed",
): Promise<void> {
  const target = join(directory, outcome);
  const info = await lstat(target).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    throw error;
  });
  if (info === undefined) return;
  if (!info.isDirectory() || (await realpath(target)) !== target) {
    throw new NewsdeskError("WIRE_PATH_OUTSIDE_ROOTS", {
      detail: `The drop directory's ${outcome}/ folder leads elsewhere (a symbolic link); files are not moved there.`,
    });
  }
}

/** Moves a file into `processed/` or `failed/`, never overwriting an earlier file there. */
export async function moveDropFile(
  directory: string,
  file: DropFile,
  outcome: "processed" | "failed",
  now: Date,
): Promise<string> {
  const target = join(directory, outcome);
  await mkdir(target, { recursive: true });
  await assertOutcomeDirectory(directory, outcome);
  let destination = join(target, file.name);
  if (await lstat(destination).catch(() => undefined)) {
    const stamp = now.toISOString().replace(/[:.]/g, "-");
    const extension = extname(file.name);
    destination = join(target, `${basename(file.name, extension)}.${stamp}${extension}`);
  }
  await rename(file.path, destination);
  return destination;
}
