import { spawnSync } from "node:child_process";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { systemToolPresent } from "../../../test/support/system-tools.js";
import {
  defaultTrustedComment,
  keyIdHex,
  parsePublicKey,
  publicKeyBase64,
  publicKeyFile,
  publicKeyOf,
  type SigningKey,
  signMinisign,
  verifyMinisign,
} from "./minisign.js";

function newKey(): SigningKey {
  return { keyId: randomBytes(8), privateKey: generateKeyPairSync("ed25519").privateKey };
}

const dir = mkdtempSync(join(tmpdir(), "newsdesk-minisign-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("minisign format, our own verifier", () => {
  const key = newKey();
  const publicKey = publicKeyOf(key);
  const data = Buffer.from('{"mirrors":["https://mirror.example.net"]}\n');
  const signature = signMinisign(data, key, "timestamp:1700000000\tfile:mirrors.json\thashed");

  it("writes the four lines of minisign's signature format, prehashed", () => {
    const lines = signature.split("\n");
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe(
      `untrusted comment: signature from newsdesk secret key ${keyIdHex(key.keyId)}`,
    );
    const box = Buffer.from(lines[1] ?? "", "base64");
    expect(box.subarray(0, 2).toString("ascii")).toBe("ED");
    expect(box.subarray(2, 10).equals(key.keyId)).toBe(true);
    expect(box).toHaveLength(74);
    expect(lines[2]).toBe("trusted comment: timestamp:1700000000\tfile:mirrors.json\thashed");
    expect(Buffer.from(lines[3] ?? "", "base64")).toHaveLength(64);
    expect(lines[4]).toBe("");
  });

  it("writes the public key as 'Ed' + key id + 32 key bytes", () => {
    const bytes = Buffer.from(publicKeyBase64(publicKey), "base64");
    expect(bytes).toHaveLength(42);
    expect(bytes.subarray(0, 2).toString("ascii")).toBe("Ed");
    expect(publicKeyFile(publicKey)).toMatch(
      new RegExp(
        `^untrusted comment: minisign public key ${keyIdHex(key.keyId)}\\n[A-Za-z0-9+/]{56}\\n$`,
      ),
    );
    const parsed = parsePublicKey(publicKeyFile(publicKey));
    expect(parsed.keyId.equals(key.keyId)).toBe(true);
    expect(publicKeyBase64(parsed)).toBe(publicKeyBase64(publicKey));
  });

  it("accepts the signed file and reports the trusted comment", () => {
    expect(verifyMinisign(data, signature, publicKey)).toEqual({
      ok: true,
      trustedComment: "timestamp:1700000000\tfile:mirrors.json\thashed",
      keyId: keyIdHex(key.keyId),
    });
  });

  it("rejects a tampered file, one changed byte at a time", () => {
    for (const index of [0, 10, data.length - 1]) {
      const tampered = Buffer.from(data);
      tampered[index] = (tampered[index] ?? 0) ^ 1;
      expect(verifyMinisign(tampered, signature, publicKey)).toEqual({
        ok: false,
        reason: "signature verification failed",
      });
    }
    expect(verifyMinisign(Buffer.concat([data, Buffer.from(" ")]), signature, publicKey).ok).toBe(
      false,
    );
  });

  it("rejects a changed trusted comment (the global signature covers it)", () => {
    const forged = signature.replace("timestamp:1700000000", "timestamp:1900000000");
    expect(verifyMinisign(data, forged, publicKey)).toEqual({
      ok: false,
      reason: "comment signature verification failed",
    });
  });

  it("rejects another key's signature and garbage", () => {
    const other = newKey();
    expect(verifyMinisign(data, signMinisign(data, other, "x"), publicKey).ok).toBe(false);
    // Same key id, different key: the signature itself fails.
    const impostor = { keyId: key.keyId, privateKey: other.privateKey };
    expect(verifyMinisign(data, signMinisign(data, impostor, "x"), publicKey)).toEqual({
      ok: false,
      reason: "signature verification failed",
    });
    expect(verifyMinisign(data, "hello", publicKey).ok).toBe(false);
    expect(() => parsePublicKey("untrusted comment: x\nAAAA")).toThrow(/not a minisign/);
  });

  it("refuses multi-line comments, which would break the format", () => {
    expect(() => signMinisign(data, key, "a\nb")).toThrow(/one line/);
  });
});

describe.runIf(systemToolPresent("minisign", "minisign"))("Debian's minisign", () => {
  it("verifies our signature of a file with our public key (minisign -V -P)", () => {
    const key = newKey();
    const file = join(dir, "mirrors.json");
    const data = randomBytes(100_000);
    writeFileSync(file, data);
    writeFileSync(
      `${file}.minisig`,
      signMinisign(data, key, defaultTrustedComment("mirrors.json", new Date())),
    );
    const ok = spawnSync("minisign", ["-Vm", file, "-P", publicKeyBase64(publicKeyOf(key))], {
      encoding: "utf8",
    });
    expect(ok.stderr + ok.stdout).toContain("Signature and comment signature verified");
    expect(ok.status).toBe(0);
    // …and refuses it once the file changes.
    writeFileSync(file, Buffer.concat([data, Buffer.from("x")]));
    const bad = spawnSync("minisign", ["-Vm", file, "-P", publicKeyBase64(publicKeyOf(key))], {
      encoding: "utf8",
    });
    expect(bad.status).not.toBe(0);
  });

  it("produces signatures and keys our verifier accepts (minisign -S)", () => {
    const pub = join(dir, "m.pub");
    const sec = join(dir, "m.key");
    const generated = spawnSync("minisign", ["-G", "-W", "-f", "-p", pub, "-s", sec], {
      encoding: "utf8",
    });
    expect(generated.status).toBe(0);
    const file = join(dir, "signed-by-minisign.txt");
    writeFileSync(file, "Signed by the stock tool.\n");
    const signed = spawnSync("minisign", ["-S", "-s", sec, "-m", file, "-t", "trusted words"], {
      encoding: "utf8",
    });
    expect(signed.status).toBe(0);
    const result = verifyMinisign(
      readFileSync(file),
      readFileSync(`${file}.minisig`, "utf8"),
      parsePublicKey(readFileSync(pub, "utf8")),
    );
    expect(result).toMatchObject({ ok: true, trustedComment: "trusted words" });
  });
});
