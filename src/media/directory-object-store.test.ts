import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { mediaStoreContract } from "../../test/support/media-store-contract.js";
import { DirectoryObjectStore } from "./directory-object-store.js";

const root = mkdtempSync(join(tmpdir(), "newsdesk-dir-store-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("DirectoryObjectStore", () => {
  const store = new DirectoryObjectStore({ root: join(root, "store") });
  mediaStoreContract(() => store);

  it("leaves no temporary files behind, and keeps objects under the root", async () => {
    await store.put("media/t1/x.webp", new Uint8Array([1, 2]), {
      contentType: "image/webp",
      bytes: 2,
    });
    expect(readdirSync(join(root, "store", "media", "t1"))).toEqual(["x.webp"]);
  });

  it("does not follow a symbolic link planted in the store", async () => {
    writeFileSync(join(root, "secret.txt"), "secret");
    mkdirSync(join(root, "store", "media", "evil"), { recursive: true });
    symlinkSync(join(root, "secret.txt"), join(root, "store", "media", "evil", "x.jpg"));
    await expect(store.get("media/evil/x.jpg")).rejects.toMatchObject({ code: "ELOOP" });
  });

  it("gives a public URL only when configured, each segment encoded", () => {
    expect(store.publicUrl("media/a/x.jpg")).toBeUndefined();
    const published = new DirectoryObjectStore({
      root,
      publicBaseUrl: "https://img.example.org/m/",
    });
    expect(published.publicUrl("media/a/16x9-320.webp")).toBe(
      "https://img.example.org/m/media/a/16x9-320.webp",
    );
  });
});
