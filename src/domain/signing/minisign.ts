import {
  createHash,
  createPrivateKey,
  createPublicKey,
  type KeyObject,
  sign,
  verify,
} from "node:crypto";

/**
 * minisign's file formats (https://jedisct1.github.io/minisign/, "Signature format" and
 * "Public key format"), written with node:crypto alone so that readers can check our files
 * with the stock `minisign` tool and no native dependency is needed here.
 *
 * Public key: `untrusted comment: …` then base64("Ed" ‖ key id (8 bytes) ‖ Ed25519 key (32)).
 * Signature: `untrusted comment: …`, base64("ED" ‖ key id ‖ Ed25519(BLAKE2b-512(file))),
 * `trusted comment: …`, base64(Ed25519(signature ‖ trusted comment)): the "global
 * signature", which binds the trusted comment (timestamp, file name) to the signature.
 * We always write the prehashed "ED" form (minisign's default since 0.10); the verifier also
 * accepts the legacy "Ed" form, where the file itself is signed.
 */

const keyAlgorithm = Buffer.from("Ed", "ascii");
const prehashedAlgorithm = Buffer.from("ED", "ascii");
const keyIdBytes = 8;
const publicKeyBytes = 32;
const signatureBytes = 64;
/** A comment is one line; minisign caps lines at about 1 KB. */
const maxCommentLength = 1000;

export interface SigningKey {
  /** 8 bytes, random at generation: tells readers which key signed a file. */
  readonly keyId: Buffer;
  readonly privateKey: KeyObject;
}

export interface PublicKey {
  readonly keyId: Buffer;
  readonly publicKey: KeyObject;
}

/** minisign prints a key id as the hexadecimal of its little-endian 64-bit number. */
export function keyIdHex(keyId: Buffer): string {
  return Buffer.from(keyId).reverse().toString("hex").toUpperCase();
}

function rawPublicKey(key: KeyObject): Buffer {
  const jwk = key.export({ format: "jwk" });
  if (jwk.crv !== "Ed25519" || typeof jwk.x !== "string") throw new Error("not an Ed25519 key");
  return Buffer.from(jwk.x, "base64url");
}

export function publicKeyOf(key: SigningKey): PublicKey {
  return { keyId: key.keyId, publicKey: createPublicKey(key.privateKey) };
}

/** The base64 line alone: what `minisign -P` takes and what the README prints. */
export function publicKeyBase64(key: PublicKey): string {
  return Buffer.concat([keyAlgorithm, key.keyId, rawPublicKey(key.publicKey)]).toString("base64");
}

/** The two-line public key file (`minisign.pub`). */
export function publicKeyFile(key: PublicKey): string {
  return `untrusted comment: minisign public key ${keyIdHex(key.keyId)}\n${publicKeyBase64(key)}\n`;
}

/** Reads a public key from its base64 line or its two-line file. */
export function parsePublicKey(text: string): PublicKey {
  const lines = text.trim().split(/\r?\n/);
  const line = lines.length === 1 ? lines[0] : lines[1];
  const bytes = Buffer.from(line?.trim() ?? "", "base64");
  if (
    bytes.length !== keyAlgorithm.length + keyIdBytes + publicKeyBytes ||
    !bytes.subarray(0, 2).equals(keyAlgorithm)
  ) {
    throw new Error("not a minisign Ed25519 public key");
  }
  const raw = bytes.subarray(2 + keyIdBytes);
  return {
    keyId: Buffer.from(bytes.subarray(2, 2 + keyIdBytes)),
    publicKey: createPublicKey({
      key: { kty: "OKP", crv: "Ed25519", x: raw.toString("base64url") },
      format: "jwk",
    }),
  };
}

function blake2b512(data: Uint8Array): Buffer {
  return createHash("blake2b512").update(data).digest();
}

function oneLine(comment: string): string {
  if (/[\r\n]/.test(comment) || comment.length > maxCommentLength) {
    throw new Error("a minisign comment is one line of at most 1000 characters");
  }
  return comment;
}

/**
 * The `.minisig` text for `data`. `trustedComment` is signed too; minisign's own default is
 * `timestamp:<unix seconds>\tfile:<name>\thashed`, which `defaultTrustedComment` builds.
 */
export function signMinisign(
  data: Uint8Array,
  key: SigningKey,
  trustedComment: string,
  untrustedComment = `signature from newsdesk secret key ${keyIdHex(key.keyId)}`,
): string {
  const signature = sign(null, blake2b512(data), key.privateKey);
  const globalSignature = sign(
    null,
    Buffer.concat([signature, Buffer.from(oneLine(trustedComment), "utf8")]),
    key.privateKey,
  );
  const signatureLine = Buffer.concat([prehashedAlgorithm, key.keyId, signature]).toString(
    "base64",
  );
  return (
    `untrusted comment: ${oneLine(untrustedComment)}\n${signatureLine}\n` +
    `trusted comment: ${trustedComment}\n${globalSignature.toString("base64")}\n`
  );
}

export function defaultTrustedComment(fileName: string, at: Date): string {
  return `timestamp:${Math.floor(at.getTime() / 1000)}\tfile:${fileName}\thashed`;
}

export type VerifyResult =
  | { readonly ok: true; readonly trustedComment: string; readonly keyId: string }
  | { readonly ok: false; readonly reason: string };

/**
 * Checks a `.minisig` against `data` the way `minisign -V` does: algorithm, key id, the
 * signature over the file (prehashed or legacy), then the global signature over the
 * signature and the trusted comment.
 */
export function verifyMinisign(data: Uint8Array, minisig: string, key: PublicKey): VerifyResult {
  const lines = minisig.split(/\r?\n/);
  const [untrusted, signatureLine, trusted, globalLine] = lines;
  if (!untrusted?.startsWith("untrusted comment:") || !trusted?.startsWith("trusted comment: ")) {
    return { ok: false, reason: "not a minisign signature" };
  }
  const signatureBox = Buffer.from(signatureLine ?? "", "base64");
  const globalSignature = Buffer.from(globalLine ?? "", "base64");
  if (
    signatureBox.length !== 2 + keyIdBytes + signatureBytes ||
    globalSignature.length !== signatureBytes
  ) {
    return { ok: false, reason: "malformed signature" };
  }
  const algorithm = signatureBox.subarray(0, 2);
  const prehashed = algorithm.equals(prehashedAlgorithm);
  if (!prehashed && !algorithm.equals(keyAlgorithm)) {
    return { ok: false, reason: "unsupported signature algorithm" };
  }
  const keyId = signatureBox.subarray(2, 2 + keyIdBytes);
  if (!keyId.equals(key.keyId)) {
    return { ok: false, reason: `signed by key ${keyIdHex(keyId)}, not ${keyIdHex(key.keyId)}` };
  }
  const signature = signatureBox.subarray(2 + keyIdBytes);
  const message = prehashed ? blake2b512(data) : data;
  if (!verify(null, message, key.publicKey, signature)) {
    return { ok: false, reason: "signature verification failed" };
  }
  const trustedComment = trusted.slice("trusted comment: ".length);
  if (
    !verify(
      null,
      Buffer.concat([signature, Buffer.from(trustedComment, "utf8")]),
      key.publicKey,
      globalSignature,
    )
  ) {
    return { ok: false, reason: "comment signature verification failed" };
  }
  return { ok: true, trustedComment, keyId: keyIdHex(keyId) };
}

/** Builds a SigningKey from a PKCS#8 PEM and its hexadecimal key id (the key file). */
export function signingKeyFromPem(pem: string, keyIdHexLe: string): SigningKey {
  const privateKey = createPrivateKey({ key: pem, format: "pem" });
  if (privateKey.asymmetricKeyType !== "ed25519") throw new Error("not an Ed25519 private key");
  if (!/^[0-9A-F]{16}$/i.test(keyIdHexLe)) throw new Error("a key id is 16 hexadecimal digits");
  return { keyId: Buffer.from(keyIdHexLe, "hex").reverse(), privateKey };
}
