import { describe, expect, it } from "vitest";
import { isWireRejection } from "../domain/wire/wire-document-parser.js";
import { attr, child, descendantsNamed, localName, parseXml, textOf } from "./xml-reader.js";

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return isWireRejection(error) ? error.code : "NOT_A_WIRE_ERROR";
  }
  return undefined;
}

describe("xml-reader", () => {
  it("decodes predefined entities, character references and CDATA literally", () => {
    const { root } = parseXml(`<a t="1 &amp; 2">x &lt; y &#233;&#x41;<![CDATA[<b>&amp;</b>]]></a>`);
    expect(attr(root, "t")).toBe("1 & 2");
    expect(textOf(root)).toBe("x < y éA<b>&amp;</b>");
  });

  it("keeps prefixes in names but matches by local name", () => {
    const { root } = parseXml(
      `<ns0:item xmlns:ns0="urn:x" xml:lang="fi"><ns0:title>T</ns0:title></ns0:item>`,
    );
    expect(localName(root.name)).toBe("item");
    expect(textOf(child(root, "title"))).toBe("T");
    expect(attr(root, "xml:lang")).toBe("fi");
  });

  it("finds descendants in document order", () => {
    const { root } = parseXml(`<r><p>1<p>2</p></p><q><p>3</p></q></r>`);
    expect(descendantsNamed(root, "p").map((p) => textOf(p))).toEqual(["12", "2", "3"]);
  });

  it("refuses undeclared entities unless a DTD could declare them", () => {
    expect(codeOf(() => parseXml("<a>&bogus;</a>"))).toBe("WIRE_MALFORMED_XML");
    expect(textOf(parseXml(`<!DOCTYPE a SYSTEM "a.dtd"><a>&bogus;</a>`).root)).toBe("&bogus;");
    expect(textOf(parseXml(`<!DOCTYPE a SYSTEM "a.dtd"><a>&mdash;</a>`).root)).toBe("\u2014");
  });

  it("refuses entity declarations, control characters and bad character references", () => {
    expect(codeOf(() => parseXml(`<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>`))).toBe(
      "WIRE_ENTITY_EXPANSION",
    );
    expect(
      codeOf(() => parseXml(`<!DOCTYPE a [<!ENTITY e SYSTEM "file:///etc/passwd">]><a>&e;</a>`)),
    ).toBe("WIRE_EXTERNAL_ENTITY");
    expect(codeOf(() => parseXml("<a>\u0008</a>"))).toBe("WIRE_MALFORMED_XML");
    expect(codeOf(() => parseXml("<a>&#0;</a>"))).toBe("WIRE_MALFORMED_XML");
    expect(codeOf(() => parseXml("<a><b></a>"))).toBe("WIRE_MALFORMED_XML");
    expect(codeOf(() => parseXml("   "))).toBe("WIRE_EMPTY");
  });

  it("tolerates whitespace before the declaration, with a warning", () => {
    const { root, warnings } = parseXml(`\n\n<?xml version="1.0"?><a/>`);
    expect(root.name).toBe("a");
    expect(warnings).toEqual(["Whitespace before the XML declaration was ignored."]);
  });
});
