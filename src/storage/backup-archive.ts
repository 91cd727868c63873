import { open } from "node:fs/promises";

/**
 * The backup container: a POSIX ustar archive (IEEE Std 1003.1-2001, `pax` format without
 * extended headers), so `tar -tf` lists it and `tar -xf` unpacks it with no Newsdesk at hand.
 * It holds `newsdesk-backup.json`, the database snapshot (`database.sqlite` or
 * `database.pgdump`) and every media object as `objects/<key>` (ADR 0014).
 *
 * Sizes above the 11 octal digits of ustar (8 GiB) use the base-256 encoding GNU tar and
 * bsdtar read: a database snapshot can be that large.
 */

const block = 512;

export interface ArchiveEntry {
  readonly name: string;
  readonly size: number;
  /** Where the entry's bytes start in the archive file. */
  readonly offset: number;
}

/** Appends entries to a new archive file, streaming each body. */
export class ArchiveWriter {
  readonly #file: Awaited<ReturnType<typeof open>>;
  #position = 0;

  private constructor(file: Awaited<ReturnType<typeof open>>) {
    this.#file = file;
  }

  static async create(path: string): Promise<ArchiveWriter> {
    return new ArchiveWriter(await open(path, "wx", 0o600));
  }

  /** Writes one file entry; the body must yield exactly `size` bytes. */
  async add(
    name: string,
    size: number,
    body: Uint8Array | AsyncIterable<Uint8Array>,
  ): Promise<void> {
    await this.#write(header(name, size));
    let written = 0;
    if (body instanceof Uint8Array) {
      await this.#write(body);
      written = body.byteLength;
    } else {
      for await (const chunk of body) {
        if (written + chunk.byteLength > size) break;
        await this.#write(chunk);
        written += chunk.byteLength;
      }
    }
    if (written !== size) {
      throw new Error(`${name}: expected ${size} bytes, got ${written}`);
    }
    const padding = (block - (size % block)) % block;
    if (padding) await this.#write(new Uint8Array(padding));
  }

  /** Writes the two zero blocks that end an archive, syncs and closes the file. */
  async finish(): Promise<void> {
    await this.#write(new Uint8Array(block * 2));
    await this.#file.sync();
    await this.#file.close();
  }

  async abort(): Promise<void> {
    await this.#file.close().catch(() => undefined);
  }

  async #write(bytes: Uint8Array): Promise<void> {
    let done = 0;
    while (done < bytes.byteLength) {
      const { bytesWritten } = await this.#file.write(
        bytes,
        done,
        bytes.byteLength - done,
        this.#position,
      );
      done += bytesWritten;
      this.#position += bytesWritten;
    }
  }
}

/** Whether a file's first block is a ustar header. */
export function isArchive(head: Uint8Array): boolean {
  return (
    head.byteLength >= 263 && Buffer.from(head.subarray(257, 262)).toString("latin1") === "ustar"
  );
}

/** The entries of an archive, read from its headers without reading the bodies. */
export async function readArchiveIndex(path: string): Promise<ArchiveEntry[]> {
  const file = await open(path, "r");
  try {
    const total = (await file.stat()).size;
    const entries: ArchiveEntry[] = [];
    let position = 0;
    const buffer = Buffer.alloc(block);
    while (position + block <= total) {
      await file.read(buffer, 0, block, position);
      if (buffer.every((byte) => byte === 0)) break;
      if (!checksumMatches(buffer)) throw new Error(`damaged archive header at byte ${position}`);
      const size = readSize(buffer.subarray(124, 136));
      const type = String.fromCharCode(buffer[156] ?? 0);
      const name = joinName(text(buffer.subarray(345, 500)), text(buffer.subarray(0, 100)));
      const offset = position + block;
      if (offset + size > total) throw new Error(`${name} is cut short: the archive is incomplete`);
      if (type === "0" || type === "\0") entries.push({ name, size, offset });
      position = offset + Math.ceil(size / block) * block;
    }
    return entries;
  } finally {
    await file.close();
  }
}

/** One entry's bytes, streamed in pieces. */
export async function* readEntry(path: string, entry: ArchiveEntry): AsyncIterable<Uint8Array> {
  const file = await open(path, "r");
  try {
    let position = entry.offset;
    const end = entry.offset + entry.size;
    while (position < end) {
      const length = Math.min(256 * 1024, end - position);
      const buffer = Buffer.allocUnsafe(length);
      const { bytesRead } = await file.read(buffer, 0, length, position);
      if (bytesRead === 0) throw new Error(`${entry.name} is cut short`);
      position += bytesRead;
      yield bytesRead === length ? buffer : buffer.subarray(0, bytesRead);
    }
  } finally {
    await file.close();
  }
}

function header(name: string, size: number): Uint8Array {
  const buffer = Buffer.alloc(block);
  const [prefix, base] = splitName(name);
  buffer.write(base, 0, 100, "latin1");
  buffer.write("0000644\0", 100, "latin1");
  buffer.write("0000000\0", 108, "latin1");
  buffer.write("0000000\0", 116, "latin1");
  writeSize(buffer, size);
  buffer.write(
    `${Math.floor(Date.now() / 1000)
      .toString(8)
      .padStart(11, "0")}\0`,
    136,
    "latin1",
  );
  buffer.write("        ", 148, "latin1");
  buffer.write("0", 156, "latin1");
  buffer.write("ustar\0", 257, "latin1");
  buffer.write("00", 263, "latin1");
  buffer.write(prefix, 345, 155, "latin1");
  let sum = 0;
  for (const byte of buffer) sum += byte;
  buffer.write(`${sum.toString(8).padStart(6, "0")}\0 `, 148, "latin1");
  return buffer;
}

/** ustar keeps up to 100 bytes of name and 155 of directory prefix, split at a slash. */
function splitName(name: string): [string, string] {
  if (!/^[\x21-\x7e]+$/.test(name))
    throw new Error(`cannot archive the name ${JSON.stringify(name)}`);
  if (name.length <= 100) return ["", name];
  for (let cut = name.lastIndexOf("/"); cut > 0; cut = name.lastIndexOf("/", cut - 1)) {
    if (cut <= 155 && name.length - cut - 1 <= 100)
      return [name.slice(0, cut), name.slice(cut + 1)];
  }
  throw new Error(`the name ${name.slice(0, 80)}… is too long for a ustar archive`);
}

function joinName(prefix: string, name: string): string {
  return prefix ? `${prefix}/${name}` : name;
}

function writeSize(buffer: Buffer, size: number): void {
  if (size < 8 ** 11) {
    buffer.write(`${size.toString(8).padStart(11, "0")}\0`, 124, "latin1");
    return;
  }
  // Base-256: the high bit of the first byte set, then the size big-endian.
  buffer[124] = 0x80;
  let rest = BigInt(size);
  for (let i = 135; i > 124; i--) {
    buffer[i] = Number(rest & 0xffn);
    rest >>= 8n;
  }
}

function readSize(field: Buffer): number {
  if (((field[0] ?? 0) & 0x80) !== 0) {
    let value = 0n;
    for (let i = 1; i < field.length; i++) value = (value << 8n) | BigInt(field[i] ?? 0);
    return Number(value);
  }
  return Number.parseInt(text(field).trim() || "0", 8);
}

function text(field: Buffer): string {
  const end = field.indexOf(0);
  return field.subarray(0, end < 0 ? field.length : end).toString("latin1");
}

function checksumMatches(buffer: Buffer): boolean {
  let sum = 0;
  for (let i = 0; i < block; i++) sum += i >= 148 && i < 156 ? 32 : (buffer[i] ?? 0);
  return Number.parseInt(text(buffer.subarray(148, 156)).trim(), 8) === sum;
}
