import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localS3Credentials, startLocalS3 } from "../../test/support/local-s3.js";
import { mediaStoreContract } from "../../test/support/media-store-contract.js";
import { S3ObjectStore } from "./s3-object-store.js";

describe("S3ObjectStore against a local S3-compatible server (s3rver)", () => {
  let s3: Awaited<ReturnType<typeof startLocalS3>>;
  let store: S3ObjectStore;
  beforeAll(async () => {
    s3 = await startLocalS3();
    store = new S3ObjectStore({
      bucket: s3.bucket,
      prefix: "newsdesk/prod",
      region: "us-east-1",
      endpoint: s3.endpoint,
      forcePathStyle: true,
      credentials: localS3Credentials,
    });
  });
  afterAll(async () => {
    store.close();
    await s3.close();
  });

  mediaStoreContract(() => store);

  it("keeps objects under its prefix, with immutable cache headers for direct readers", async () => {
    await store.put("media/p1/x.webp", new Uint8Array([1, 2, 3]), {
      contentType: "image/webp",
      bytes: 3,
    });
    const direct = await fetch(`${s3.endpoint}/${s3.bucket}/newsdesk/prod/media/p1/x.webp`);
    expect(direct.status).toBe(200);
    expect(direct.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect([...new Uint8Array(await direct.arrayBuffer())]).toEqual([1, 2, 3]);
  });

  it("reports an unreachable store as MEDIA_STORE_UNAVAILABLE", async () => {
    const dead = new S3ObjectStore({
      bucket: s3.bucket,
      prefix: "",
      region: "us-east-1",
      endpoint: "http://127.0.0.1:9",
      forcePathStyle: true,
      credentials: localS3Credentials,
    });
    try {
      await expect(dead.head("media/x/y.jpg")).rejects.toMatchObject({
        code: "MEDIA_STORE_UNAVAILABLE",
      });
    } finally {
      dead.close();
    }
  });
});
