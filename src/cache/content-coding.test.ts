import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { compressAs, preferredCoding } from "./content-coding.js";

describe("preferredCoding (RFC 9110 §12.5.3)", () => {
  it.each([
    [undefined, null],
    ["", null],
    ["identity", null],
    ["gzip, deflate, br", "br"],
    ["gzip, deflate, br, zstd", "br"],
    ["gzip", "gzip"],
    ["GZIP", "gzip"],
    ["Br;Q=0.9", "br"],
    ["br;q=0, gzip", "gzip"],
    ["br;q=0", null],
    ["gzip;q=1.0, br;q=0.5", "gzip"],
    ["gzip;q=0.5, br;q=0.5", "br"],
    ["*", "br"],
    ["*;q=0", null],
    ["*, br;q=0", "gzip"],
    ["deflate", null],
    ["brotli, xgzip", null],
    [" gzip ; q = 0.8 ", "gzip"],
  ] as const)("%j → %s", (header, coding) => {
    expect(preferredCoding(header)).toBe(coding);
    expect(preferredCoding(header), "remembered").toBe(coding);
  });
});

describe("compressAs", () => {
  it("makes bodies that decompress to the page", async () => {
    const page = Buffer.from("<p>Convoys wait at the border.</p>".repeat(40));
    expect(brotliDecompressSync(await compressAs(page, "br")).equals(page)).toBe(true);
    expect(gunzipSync(await compressAs(page, "gzip")).equals(page)).toBe(true);
  });
});
