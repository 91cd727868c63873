import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MirrorListPublisher } from "../../src/domain/mirrors/mirror-list.js";
import {
  parsePublicKey,
  publicKeyBase64,
  publicKeyOf,
  verifyMinisign,
} from "../../src/domain/signing/minisign.js";
import { generateKeyFile, type KeyRing } from "../../src/security/signing-key-file.js";
import { systemToolPresent } from "../support/system-tools.js";
import { dialects } from "../support/test-databases.js";
import { startTestNewsdesk } from "../support/test-newsdesk.js";

const dir = mkdtempSync(join(tmpdir(), "newsdesk-mirror-list-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const mirror = (
  id: string,
  serviceId: string,
  kind: "https" | "onion" | "static",
  url: string,
) => ({
  id,
  serviceId,
  kind,
  url,
  note: kind === "onion" ? "Tor Browser only" : "",
  createdAt: "2026-01-01T00:00:00.000Z",
});

describe.each(dialects)("/mirrors.json (%s)", (dialect) => {
  let ring: KeyRing;
  let newsdesk: Awaited<ReturnType<typeof startTestNewsdesk>>;

  beforeAll(async () => {
    const keyFile = join(dir, `signing-key-${dialect}.json`);
    ring = await generateKeyFile(keyFile, new Date());
    newsdesk = await startTestNewsdesk(dialect, {
      seed: false,
      env: { SIGNING_KEY_FILE: keyFile },
    });
    for (const m of [
      mirror("m1", "fa", "https", "https://fa-mirror.example.net"),
      mirror("m2", "fa", "onion", `http://${"a".repeat(56)}.onion`),
      mirror("m3", "en", "static", "https://static.example.com/meridian"),
    ]) {
      await newsdesk.repositories.mirrors.insert(m, null);
    }
  });
  afterAll(async () => newsdesk?.dispose());

  it("lists every edition's mirrors with a week's validity, signed by the service key", async () => {
    const json = await newsdesk.app.request("/mirrors.json");
    expect(json.status).toBe(200);
    expect(json.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const text = await json.text();
    const document = JSON.parse(text);
    expect(document.format).toBe("newsdesk-mirrors/1");
    expect(Date.parse(document.expires) - Date.parse(document.issued)).toBe(7 * 86_400_000);
    expect(document.publicKey).toBe(publicKeyBase64(publicKeyOf(ring.current)));
    const persian = document.editions.find((e: { service: string }) => e.service === "fa");
    // Sorted by URL, so every instance writes the same bytes.
    expect(persian.mirrors).toEqual([
      expect.objectContaining({ kind: "onion", note: "Tor Browser only" }),
      {
        kind: "https",
        url: "https://fa-mirror.example.net",
        home: "https://fa-mirror.example.net/persian/",
        note: "",
      },
    ]);
    const english = document.editions.find((e: { service: string }) => e.service === "en");
    expect(english.mirrors[0].home).toBe("https://static.example.com/meridian/");
    const signature = await (await newsdesk.app.request("/mirrors.json.minisig")).text();
    const verified = verifyMinisign(
      Buffer.from(text),
      signature,
      parsePublicKey(await (await newsdesk.app.request("/minisign.pub")).text()),
    );
    expect(verified).toMatchObject({ ok: true });
    expect(verified.ok && verified.trustedComment).toContain("file:mirrors.json");
  });

  it("follows a mirror change at once, re-signed", async () => {
    const before = await (await newsdesk.app.request("/mirrors.json")).text();
    await newsdesk.repositories.mirrors.remove("fa", "m1");
    await newsdesk.repositories.mirrors.insert(
      mirror("m4", "ru", "https", "https://ru-mirror.example.org"),
      null,
    );
    const after = await (await newsdesk.app.request("/mirrors.json")).text();
    expect(after).not.toBe(before);
    expect(after).toContain("https://ru-mirror.example.org");
    expect(after).not.toContain("fa-mirror.example.net");
    const signature = await (await newsdesk.app.request("/mirrors.json.minisig")).text();
    expect(verifyMinisign(Buffer.from(after), signature, publicKeyOf(ring.current)).ok).toBe(true);
    expect(verifyMinisign(Buffer.from(before), signature, publicKeyOf(ring.current)).ok).toBe(
      false,
    );
  });

  it("answers 304 to a matching If-None-Match", async () => {
    const first = await newsdesk.app.request("/mirrors.json");
    const etag = first.headers.get("etag") ?? "";
    const again = await newsdesk.app.request("/mirrors.json", {
      headers: { "If-None-Match": etag },
    });
    expect(again.status).toBe(304);
  });

  it.runIf(systemToolPresent("minisign", "minisign"))(
    "verifies with Debian's minisign and the published key (minisign -Vm mirrors.json -P <key>)",
    async () => {
      const file = join(dir, "mirrors.json");
      writeFileSync(file, await (await newsdesk.app.request("/mirrors.json")).text());
      writeFileSync(
        `${file}.minisig`,
        await (await newsdesk.app.request("/mirrors.json.minisig")).text(),
      );
      const key = publicKeyBase64(publicKeyOf(ring.current));
      const result = spawnSync("minisign", ["-Vm", file, "-P", key], { encoding: "utf8" });
      expect(result.stdout + result.stderr).toContain("Signature and comment signature verified");
      expect(result.status).toBe(0);
      writeFileSync(file, "{}\n");
      expect(spawnSync("minisign", ["-Vm", file, "-P", key]).status).not.toBe(0);
    },
  );

  it("is the same bytes from two instances in the same hour (a list and its signature match)", async () => {
    const options = {
      mirrors: newsdesk.repositories.mirrors,
      publicUrl: "https://x.example",
      publisherName: "P",
      key: ring.current,
    };
    const a = await new MirrorListPublisher(options).current(new Date("2026-03-01T10:05:00Z"));
    const b = await new MirrorListPublisher(options).current(new Date("2026-03-01T10:55:00Z"));
    const c = await new MirrorListPublisher(options).current(new Date("2026-03-01T11:00:00Z"));
    expect(b?.json).toBe(a?.json);
    expect(b?.minisig).toBe(a?.minisig);
    expect(a?.issued).toBe("2026-03-01T10:00:00.000Z");
    expect(c?.issued).toBe("2026-03-01T11:00:00.000Z");
    expect(c?.minisig).not.toBe(a?.minisig);
  });

  it("says so (problem+json) when the site has no signing key", async () => {
    const bare = await startTestNewsdesk(dialect, {
      seed: false,
      env: { SIGNING_KEY_FILE: join(dir, "absent.json") },
    });
    try {
      const response = await bare.app.request("/mirrors.json.minisig");
      expect(response.status).toBe(503);
      expect((await response.json()).code).toBe("SIGNING_KEY_MISSING");
    } finally {
      await bare.dispose();
    }
  });
});
