import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectParsed, parseWireFixture } from "../../test/fixtures/wire/wire-fixtures.js";
import { DEFAULT_MAX_WIRE_BYTES } from "../domain/wire/wire-document-parser.js";
import { parseWireDocument } from "./wire-parser.js";

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

describe("parseWireDocument robustness", () => {
  it("refuses an XXE external entity before parsing", () => {
    const result = parseWireFixture("hostile-xxe.xml");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe("WIRE_EXTERNAL_ENTITY");
  });

  it("refuses an external parameter entity (remote DTD fetch)", () => {
    const result = parseWireFixture("hostile-parameter-entity.xml");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe("WIRE_EXTERNAL_ENTITY");
  });

  it("refuses a billion-laughs entity expansion at the declaration, expanding nothing", () => {
    const result = parseWireFixture("hostile-billion-laughs.xml");
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe("WIRE_ENTITY_EXPANSION");
      // Refused where the DOCTYPE declares the entity, before any reference is read.
      expect(result.error.message).toBe(
        "The DOCTYPE declares an internal entity at line 2, column 1.",
      );
    }
  });

  it("refuses truncated XML with a position", () => {
    const result = parseWireFixture("hostile-truncated.xml");
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe("WIRE_MALFORMED_XML");
      expect(result.error.message).toMatch(/line \d+/);
    }
  });

  it("refuses invalid UTF-8 instead of replacing characters", () => {
    const result = parseWireFixture("hostile-invalid-utf8.xml");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe("WIRE_ENCODING");
  });

  it("refuses malformed JSON", () => {
    const result = parseWireFixture("hostile-malformed.json");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe("WIRE_MALFORMED_JSON");
  });

  it("refuses a generated 50 MB file by size, without reading it as XML", () => {
    // 0xFF is never valid UTF-8: had the bytes been decoded first, the refusal would be
    // WIRE_ENCODING. The size is checked before a single byte is read.
    const bytes = new Uint8Array(50 * 1024 * 1024).fill(0xff);
    bytes.set(encode("<rss><channel>"), 0);
    const result = parseWireDocument({ bytes });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe("WIRE_TOO_LARGE");
      expect(result.error.status).toBe(413);
    }
    expect(DEFAULT_MAX_WIRE_BYTES).toBe(10 * 1024 * 1024);
  });

  it("honours a custom size limit", () => {
    const result = parseWireDocument({ bytes: encode('{"uri":"urn:x"}'), maxBytes: 4 });
    expect(!result.ok && result.error.code).toBe("WIRE_TOO_LARGE");
  });

  it("refuses nesting deeper than any news document needs", () => {
    const depth = 5000;
    const xml = `<rss><channel><item><title>t</title><description>${"<a>".repeat(depth)}${"</a>".repeat(depth)}</description></item></channel></rss>`;
    const result = parseWireDocument({ bytes: encode(xml) });
    expect(!result.ok && result.error.code).toBe("WIRE_TOO_DEEP");
  });

  it("refuses empty files, HTML pages and plain-text wires with clear codes", () => {
    expect(parseWireDocument({ bytes: new Uint8Array() })).toMatchObject({
      ok: false,
      error: { code: "WIRE_EMPTY" },
    });
    const html = parseWireDocument({ bytes: encode("<html><body><p>hi</p></body></html>") });
    expect(html).toMatchObject({ ok: false, error: { code: "WIRE_UNKNOWN_FORMAT" } });
    if (!html.ok) expect(html.error.message).toMatch(/HTML page/);
    const anpa = parseWireDocument({ bytes: encode("\u0016\u0016\u0001a0001 r s BC-Weather") });
    expect(anpa).toMatchObject({ ok: false, error: { code: "WIRE_UNKNOWN_FORMAT" } });
  });

  it("reads UTF-16 with a BOM", () => {
    const text = `<?xml version="1.0" encoding="UTF-16"?><rss version="2.0"><channel><title>t</title><item><guid>g</guid><title>Ğüneş</title></item></channel></rss>`;
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let index = 0; index < text.length; index += 1) {
      const unit = text.charCodeAt(index);
      bytes[2 + index * 2] = unit & 0xff;
      bytes[3 + index * 2] = unit >> 8;
    }
    expect(expectParsed(parseWireDocument({ bytes })).items[0]?.headline).toBe("Ğüneş");
  });

  it("never throws, whatever the bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const result = parseWireDocument({ bytes });
        expect(typeof result.ok).toBe("boolean");
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (tail) => {
        for (const head of [
          "<rss><channel><item><title>",
          '{"uri":"u","body_html":"',
          "<nitf><body><body.content><p>",
        ]) {
          const result = parseWireDocument({ bytes: encode(head + tail) });
          expect(typeof result.ok).toBe("boolean");
        }
      }),
      { numRuns: 300 },
    );
  });

  it("turns a file whose every item is broken into a rejected file", () => {
    const result = parseWireDocument({
      bytes: encode('{"data":{"items":[{"item":{"headline":"a"}}]}}'),
    });
    expect(result).toMatchObject({ ok: false, error: { code: "WIRE_MISSING_FIELD" } });
  });
});
