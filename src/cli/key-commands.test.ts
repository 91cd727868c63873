import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { captureOutput } from "../../test/support/capture-output.js";
import { publicKeyBase64, publicKeyOf } from "../domain/signing/minisign.js";
import { listedPublicKeys, readKeyRing } from "../security/signing-key-file.js";
import { runKeyCommand } from "./key-commands.js";

const dir = mkdtempSync(join(tmpdir(), "newsdesk-keys-"));
const keyFile = join(dir, "keys", "signing-key.json");
const env = { SIGNING_KEY_FILE: keyFile, DATABASE_URL: `sqlite:${join(dir, "db.sqlite")}` };
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

describe("newsdesk keys", () => {
  const day0 = new Date("2026-01-10T12:00:00Z");

  it("show says how to create a key when there is none", async () => {
    const output = captureOutput();
    expect(await runKeyCommand(["show"], env, day0)).toBe(1);
    expect(output.err()).toContain("run `newsdesk keys generate`");
  });

  it("generate writes a 0600 key file outside the database and prints the public key", async () => {
    const output = captureOutput();
    expect(await runKeyCommand(["generate"], env, day0)).toBe(0);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const ring = await readKeyRing(keyFile);
    if (!ring) throw new Error("no key file");
    const publicKey = publicKeyBase64(publicKeyOf(ring.current));
    expect(output.out()).toContain(`minisign -Vm mirrors.json -P ${publicKey}`);
    expect(readFileSync(keyFile, "utf8")).toContain("BEGIN PRIVATE KEY");
  });

  it("generate refuses to replace an existing key", async () => {
    const before = readFileSync(keyFile, "utf8");
    const output = captureOutput();
    expect(await runKeyCommand(["generate"], env, day0)).toBe(1);
    expect(output.err()).toContain("already exists");
    expect(readFileSync(keyFile, "utf8")).toBe(before);
  });

  it("rotate replaces the key and keeps the previous public key listed for the transition", async () => {
    const old = await readKeyRing(keyFile);
    if (!old) throw new Error("no key file");
    const oldPublic = publicKeyBase64(publicKeyOf(old.current));
    const output = captureOutput();
    expect(await runKeyCommand(["rotate", "--transition-days", "14"], env, day0)).toBe(0);
    expect(output.out()).toContain("previous public key stays listed for 14 days");
    expect(output.out()).toContain(oldPublic);
    const ring = await readKeyRing(keyFile);
    if (!ring) throw new Error("no key file");
    expect(publicKeyBase64(publicKeyOf(ring.current))).not.toBe(oldPublic);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const listed = (at: Date) => listedPublicKeys(ring, at).map((e) => publicKeyBase64(e.key));
    expect(listed(new Date("2026-01-20T00:00:00Z"))).toEqual([
      publicKeyBase64(publicKeyOf(ring.current)),
      oldPublic,
    ]);
    // After the transition only the new key is shown.
    expect(listed(new Date("2026-01-25T00:00:00Z"))).toHaveLength(1);
    const shown = captureOutput();
    expect(await runKeyCommand(["show"], env, new Date("2026-01-11T00:00:00Z"))).toBe(0);
    expect(shown.out()).toContain(`${oldPublic} until 2026-01-24T12:00:00.000Z`);
  });

  it("rejects unknown actions and bad options", async () => {
    captureOutput();
    expect(await runKeyCommand(["delete"], env, day0)).toBe(2);
    expect(await runKeyCommand(["rotate", "--transition-days", "-1"], env, day0)).toBe(2);
  });
});
