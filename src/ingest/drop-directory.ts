import { mkdir, readdir, rename, stat } from "node:fs/promises";
import { basename, extname, join } from "node:path";

/**
 * The classic agency drop: files appear in a directory (usually by FTP/SFTP upload).
 * Processed files move to `processed/`, rejected ones to `failed/`, so the directory
 * itself only ever holds work still to do.
 */

const partialExtensions = new Set([".tmp", ".part", ".partial", ".filepart", ".crdownload"]);

export interface DropFile {
  readonly path: string;
  readonly name: string;
  readonly size: number;
  readonly modifiedAt: number;
}

/**
 * Regular files ready to read, oldest first: no hidden or partial-upload names, and
 * unchanged for `settleMs`, so a file still being uploaded is left for the next poll.
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
    if (!entry.isFile() || entry.name.startsWith(".")) continue;
    if (partialExtensions.has(extname(entry.name).toLowerCase())) continue;
    const path = join(directory, entry.name);
    const info = await stat(path).catch(() => undefined);
    if (info === undefined || !info.isFile()) continue;
    if (info.mtimeMs > now.getTime() - settleMs) continue;
    files.push({ path, name: entry.name, size: info.size, modifiedAt: info.mtimeMs });
  }
  files.sort((a, b) => a.modifiedAt - b.modifiedAt || (a.name < b.name ? -1 : 1));
  return files.slice(0, limit);
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
  let destination = join(target, file.name);
  if (await stat(destination).catch(() => undefined)) {
    const stamp = now.toISOString().replace(/[:.]/g, "-");
    const extension = extname(file.name);
    destination = join(target, `${basename(file.name, extension)}.${stamp}${extension}`);
  }
  await rename(file.path, destination);
  return destination;
}
