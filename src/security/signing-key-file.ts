import { generateKeyPairSync, randomBytes } from "node:crypto";
import { mkdir, open, readFile, rename, rm } from "node:fs/promises";
import { dirname } from "node:path";
import { z } from "zod";
import {
  keyIdHex,
  type PublicKey,
  parsePublicKey,
  publicKeyBase64,
  publicKeyOf,
  type SigningKey,
  signingKeyFromPem,
} from "../domain/signing/minisign.js";

/**
 * The service's signing key lives in a file, never in the database: a database backup or a
 * read replica must not carry the power to sign mirror lists and exports.
 *
 * Format (JSON, mode 0600):
 * `{ "format": "newsdesk-signing-key/1", "keyId": "<16 hex, as minisign prints it>",
 *    "createdAt": "<ISO>", "privateKey": "<PKCS#8 PEM, Ed25519>",
 *    "previous": [{ "keyId", "publicKey": "<minisign base64>", "retiredAt", "listedUntil" }] }`
 * `previous` keeps the public keys replaced by `newsdesk keys rotate`, listed to readers
 * until `listedUntil` so apps that pinned the old key learn the new one.
 */
const keyFileSchema = z.object({
  format: z.literal("newsdesk-signing-key/1"),
  keyId: z.string().regex(/^[0-9A-F]{16}$/),
  createdAt: z.iso.datetime(),
  privateKey: z.string().max(4000),
  previous: z
    .array(
      z.object({
        keyId: z.string().regex(/^[0-9A-F]{16}$/),
        publicKey: z.string().max(200),
        retiredAt: z.iso.datetime(),
        listedUntil: z.iso.datetime(),
      }),
    )
    .max(100),
});
type KeyFile = z.infer<typeof keyFileSchema>;

interface PreviousPublicKey {
  readonly key: PublicKey;
  readonly retiredAt: string;
  readonly listedUntil: string;
}

/** The current signing key and the recently retired public keys still shown to readers. */
export interface KeyRing {
  readonly current: SigningKey;
  readonly createdAt: string;
  readonly previous: readonly PreviousPublicKey[];
}

/** Public keys worth listing at `now`: the current one, then retired ones still in transition. */
export function listedPublicKeys(
  ring: KeyRing,
  now: Date,
): { key: PublicKey; listedUntil: string | null }[] {
  return [
    { key: publicKeyOf(ring.current), listedUntil: null },
    ...ring.previous
      .filter((entry) => Date.parse(entry.listedUntil) > now.getTime())
      .map((entry) => ({ key: entry.key, listedUntil: entry.listedUntil })),
  ];
}

function newKeyFile(now: Date, previous: KeyFile["previous"]): KeyFile {
  const { privateKey } = generateKeyPairSync("ed25519");
  return {
    format: "newsdesk-signing-key/1",
    keyId: keyIdHex(randomBytes(8)),
    createdAt: now.toISOString(),
    privateKey: privateKey.export({ format: "pem", type: "pkcs8" }).toString(),
    previous,
  };
}

function toRing(file: KeyFile): KeyRing {
  return {
    current: signingKeyFromPem(file.privateKey, file.keyId),
    createdAt: file.createdAt,
    previous: file.previous.map((entry) => ({
      key: parsePublicKey(entry.publicKey),
      retiredAt: entry.retiredAt,
      listedUntil: entry.listedUntil,
    })),
  };
}

/** Writes beside the target with mode 0600, then renames: never a half-written key. */
async function writeKeyFile(path: string, file: KeyFile, exclusive: boolean): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.tmp`;
  const handle = await open(temporary, "wx", 0o600);
  try {
    await handle.writeFile(`${JSON.stringify(file, null, 2)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  if (exclusive) {
    // Refuse to replace an existing key by accident: that would break every pinned reader.
    try {
      await open(path, "r").then((existing) => existing.close());
      await rm(temporary);
      throw new KeyFileError(`${path} already exists; use \`newsdesk keys rotate\` to replace it`);
    } catch (error) {
      if (error instanceof KeyFileError) throw error;
    }
  }
  await rename(temporary, path);
}

export class KeyFileError extends Error {}

export async function readKeyRing(path: string): Promise<KeyRing | undefined> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new KeyFileError(`${path} is not a Newsdesk signing key file (invalid JSON)`);
  }
  const parsed = keyFileSchema.safeParse(json);
  if (!parsed.success) throw new KeyFileError(`${path} is not a Newsdesk signing key file`);
  return toRing(parsed.data);
}

/** Creates the key file; fails if one exists. */
export async function generateKeyFile(path: string, now: Date): Promise<KeyRing> {
  const file = newKeyFile(now, []);
  await writeKeyFile(path, file, true);
  return toRing(file);
}

/**
 * Replaces the current key with a new one. The old public key stays listed for
 * `transitionDays`, so readers and apps that pinned it can still learn the new one from a
 * page they trust; old entries past their transition are dropped.
 */
export async function rotateKeyFile(
  path: string,
  now: Date,
  transitionDays: number,
): Promise<KeyRing> {
  const ring = await readKeyRing(path);
  if (!ring) throw new KeyFileError(`${path} does not exist; use \`newsdesk keys generate\``);
  const retired = {
    keyId: keyIdHex(ring.current.keyId),
    publicKey: publicKeyBase64(publicKeyOf(ring.current)),
    retiredAt: now.toISOString(),
    listedUntil: new Date(now.getTime() + transitionDays * 86_400_000).toISOString(),
  };
  const kept = ring.previous
    .filter((entry) => Date.parse(entry.listedUntil) > now.getTime())
    .map((entry) => ({
      keyId: keyIdHex(entry.key.keyId),
      publicKey: publicKeyBase64(entry.key),
      retiredAt: entry.retiredAt,
      listedUntil: entry.listedUntil,
    }));
  const file = newKeyFile(now, [retired, ...kept]);
  await writeKeyFile(path, file, false);
  return toRing(file);
}

/**
 * Development convenience (`newsdesk start` without --production): a fresh checkout signs
 * its mirror list at once. Production never creates keys implicitly: an operator decides
 * where the key lives and backs it up.
 */
export async function ensureSigningKey(path: string, now: Date): Promise<boolean> {
  if (await readKeyRing(path)) return false;
  await generateKeyFile(path, now);
  return true;
}
