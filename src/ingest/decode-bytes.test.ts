import { describe, expect, it } from "vitest";
import { isWireRejection } from "../domain/wire/wire-document-parser.js";
import { charsetFromContentType, decodeBytes } from "./decode-bytes.js";

const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (char) => char.charCodeAt(0));

describe("decodeBytes", () => {
  it("reads the charset parameter in any quoting", () => {
    expect(charsetFromContentType('text/xml; charset="ISO-8859-1"')).toBe("iso-8859-1");
    expect(charsetFromContentType("text/xml;charset='us-ascii'")).toBe("us-ascii");
    expect(charsetFromContentType("application/json")).toBeUndefined();
  });

  it("uses the XML declaration for legacy encodings", () => {
    const decoded = decodeBytes(
      latin1(`<?xml version="1.0" encoding="ISO-8859-1"?><a>caf\u00e9</a>`),
      {
        kind: "xml",
      },
    );
    expect(decoded.text).toContain("café");
    expect(decoded.source).toBe("declaration");
  });

  it("reads UTF-8 labelled as ISO-8859-1 as UTF-8, with a warning", () => {
    const bytes = new TextEncoder().encode(
      `<?xml version="1.0" encoding="iso-8859-1"?><a>Décès</a>`,
    );
    const decoded = decodeBytes(bytes, { kind: "xml" });
    expect(decoded.text).toContain("Décès");
    expect(decoded.source).toBe("utf-8-despite-label");
    expect(decoded.warnings[0]).toMatch(/labelled iso-8859-1 but is UTF-8/);
  });

  it("lets the BOM win over the declaration and HTTP", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("<a>ü</a>")]);
    const decoded = decodeBytes(bytes, { kind: "xml", httpCharset: "windows-1252" });
    expect(decoded.text).toBe("<a>ü</a>");
    expect(decoded.source).toBe("bom");
  });

  it("decodes UTF-32 without a BOM by sniffing '<'", () => {
    const text = "<a>𝄞</a>";
    const codePoints = [...text].map((char) => char.codePointAt(0) ?? 0);
    const bytes = new Uint8Array(codePoints.length * 4);
    const view = new DataView(bytes.buffer);
    codePoints.forEach((codePoint, index) => {
      view.setUint32(index * 4, codePoint, false);
    });
    expect(decodeBytes(bytes, { kind: "xml" }).text).toBe(text);
  });

  it("refuses invalid UTF-8, unknown labels and 8-bit files declaring UTF-16", () => {
    const attempts = [
      () => decodeBytes(new Uint8Array([0x3c, 0x61, 0x3e, 0xff, 0x3c]), { kind: "xml" }),
      () => decodeBytes(latin1(`<?xml version="1.0" encoding="x-klingon"?><a/>`), { kind: "xml" }),
      () => decodeBytes(latin1(`<?xml version="1.0" encoding="UTF-16"?><a/>`), { kind: "xml" }),
      () => decodeBytes(new Uint8Array([0x7b, 0xc3, 0x28, 0x7d]), { kind: "json" }),
    ];
    for (const attempt of attempts) {
      try {
        attempt();
        expect.fail("expected a wire rejection");
      } catch (error) {
        expect(isWireRejection(error) && error.code).toBe("WIRE_ENCODING");
      }
    }
  });
});
