import { expect, it } from "vitest";
import type { MediaObjectStore } from "../../src/domain/media/media-object-store.js";
import { collect } from "../../src/domain/media/media-objects.js";

function bytes(length: number, seed = 1): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = (i * 31 + seed) % 251;
  return out;
}

async function* pieces(data: Uint8Array, size: number): AsyncIterable<Uint8Array> {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}

/** What every `MediaObjectStore` must do, run against each adapter. */
export function mediaStoreContract(store: () => MediaObjectStore): void {
  it("writes an object once and reads it back whole, by range and by head", async () => {
    const data = bytes(700_000);
    await store().put("media/a1/16x9-320.webp", data, {
      contentType: "image/webp",
      bytes: data.length,
    });
    expect(await store().head("media/a1/16x9-320.webp")).toEqual({
      contentType: "image/webp",
      bytes: data.length,
    });
    const whole = await store().get("media/a1/16x9-320.webp");
    expect(whole?.bytes).toBe(data.length);
    expect(Buffer.from(await collect(whole?.body ?? pieces(new Uint8Array(), 1)))).toEqual(
      Buffer.from(data),
    );
    const part = await store().get("media/a1/16x9-320.webp", { first: 300_000, last: 300_009 });
    expect(part?.range).toEqual({ first: 300_000, last: 300_009 });
    expect(part?.bytes).toBe(data.length);
    expect([...(await collect(part?.body ?? pieces(new Uint8Array(), 1)))]).toEqual([
      ...data.subarray(300_000, 300_010),
    ]);
  });

  it("streams a body of known length in, and a repeated put of the same bytes is fine", async () => {
    const data = bytes(100_003, 7);
    const meta = { contentType: "image/jpeg", bytes: data.length };
    await store().put("media/a2/source.jpg", pieces(data, 4096), meta);
    await store().put("media/a2/source.jpg", pieces(data, 10_000), meta);
    const got = await store().get("media/a2/source.jpg");
    expect(Buffer.from(await collect(got?.body ?? pieces(new Uint8Array(), 1)))).toEqual(
      Buffer.from(data),
    );
  });

  it("keeps a type the key's extension does not name", async () => {
    await store().put("media/a3/master", bytes(10), { contentType: "video/mp4", bytes: 10 });
    expect(await store().head("media/a3/master")).toEqual({ contentType: "video/mp4", bytes: 10 });
  });

  it("answers undefined for a missing key, lists by prefix and deletes", async () => {
    expect(await store().head("media/none/x.jpg")).toBeUndefined();
    expect(await store().get("media/none/x.jpg")).toBeUndefined();
    await store().put("media/b1/one.jpg", bytes(5), { contentType: "image/jpeg", bytes: 5 });
    await store().put("media/b1/two.jpg", bytes(6), { contentType: "image/jpeg", bytes: 6 });
    await store().put("media/b2/three.jpg", bytes(7), { contentType: "image/jpeg", bytes: 7 });
    const listed: string[] = [];
    for await (const key of store().list("media/b1/")) listed.push(key);
    expect(listed.sort()).toEqual(["media/b1/one.jpg", "media/b1/two.jpg"]);
    await store().delete("media/b1/one.jpg");
    await store().delete("media/b1/one.jpg"); // deleting twice is not an error
    expect(await store().get("media/b1/one.jpg")).toBeUndefined();
    const after: string[] = [];
    for await (const key of store().list("media/b")) after.push(key);
    expect(after.sort()).toEqual(["media/b1/two.jpg", "media/b2/three.jpg"]);
  });

  it("refuses keys that could leave the store or that no caller should make", async () => {
    const hostile = [
      "../escape.jpg",
      "media/../../etc/passwd",
      "/etc/passwd",
      "media//double.jpg",
      "media/./x.jpg",
      "media/.hidden",
      "media\\\\win.jpg",
      "media/ü.jpg",
      "media/a b.jpg",
      "",
      `media/${"a".repeat(1100)}`,
    ];
    for (const key of hostile) {
      await expect(
        store().put(key, bytes(1), { contentType: "image/jpeg", bytes: 1 }),
        key,
      ).rejects.toMatchObject({ code: "MEDIA_KEY_INVALID" });
      await expect(store().get(key), key).rejects.toMatchObject({ code: "MEDIA_KEY_INVALID" });
      await expect(store().delete(key), key).rejects.toMatchObject({ code: "MEDIA_KEY_INVALID" });
    }
  });

  it("refuses a streamed body shorter than it said", async () => {
    await expect(
      store().put("media/c1/short.jpg", pieces(bytes(10), 3), {
        contentType: "image/jpeg",
        bytes: 20,
      }),
    ).rejects.toThrow();
    expect(await store().head("media/c1/short.jpg")).toBeUndefined();
  });
}
