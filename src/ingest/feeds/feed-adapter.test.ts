import { describe, expect, it } from "vitest";
import { expectParsed, parseWireFixture } from "../../../test/fixtures/wire/wire-fixtures.js";
import { parseWireDocument } from "../wire-parser.js";
import { parseXml } from "../xml-reader.js";
import { isJsonFeed, parseJsonFeed, parseXmlFeed } from "./feed-adapter.js";

describe("feed adapter", () => {
  it("maps RSS 2.0 with content:encoded and Media RSS, dropping the iframe", () => {
    const result = expectParsed(parseWireFixture("rss-media.xml"));
    expect(result.format).toBe("rss");
    const [item, untitled] = result.items;
    expect(item?.guid).toBe("gazette-1001");
    expect(item?.headline).toBe("Library extends opening hours");
    expect(item?.standfirst).toBe("The library will stay open until 9pm.");
    expect(item?.provider).toBe("Test Gazette");
    expect(item?.byline).toBe("Sam Ortiz");
    expect(item?.language).toBe("en-US");
    expect(item?.versionCreated).toBe("2031-06-03T07:30:00.000Z");
    expect(item?.link).toBe("https://gazette.example.org/library-hours");
    expect(item?.body).toEqual([
      {
        type: "paragraph",
        content: [
          { text: "The central library will stay open until " },
          { text: "9pm", marks: [{ type: "em" }] },
          { text: " from July." },
        ],
      },
    ]);
    expect(item?.pictures).toEqual([
      {
        caption: "Readers in the main hall.",
        credit: "Gazette/A. Lee",
        renditions: [
          { name: "media", href: "https://img.example.org/library.jpg", width: 1200, height: 800 },
        ],
      },
    ]);
    // An item with only a description gets a content-derived id; one with neither is skipped.
    expect(untitled?.guid).toMatch(/^urn:newsdesk:feed:[0-9a-f]{64}$/);
    expect(result.skipped.map((skip) => skip.code)).toEqual(["WIRE_MISSING_FIELD"]);
  });

  it("decodes a windows-1251 RSS feed declared in the XML declaration", () => {
    const [item] = expectParsed(parseWireFixture("rss-windows-1251.xml")).items;
    expect(item?.headline).toBe("Мост через реку открыт после ремонта");
    expect(item?.language).toBe("ru");
  });

  it("lets the HTTP charset override the XML declaration (RFC 7303 section 3.3)", () => {
    const bytes = new TextEncoder().encode(
      `<?xml version="1.0" encoding="windows-1251"?><rss version="2.0"><channel><title>t</title><item><title>Überall</title><guid>u1</guid></item></channel></rss>`,
    );
    const [declared] = parseXmlFeed(
      parseXml(new TextDecoder("windows-1251").decode(bytes)).root,
    ).items;
    expect(declared?.headline).not.toBe("Überall");
    const fromHttp = parseWireFixtureBytes(bytes, "application/rss+xml; charset=utf-8");
    expect(fromHttp.items[0]?.headline).toBe("Überall");
  });

  it("maps Atom with xhtml content, html title, xml:base and xml:lang", () => {
    const [item] = expectParsed(parseWireFixture("atom.xml")).items;
    expect(item?.sourceFormat).toBe("atom");
    expect(item?.guid).toBe("tag:blatt.example.org,2031:radwege");
    expect(item?.headline).toBe("Neue Radwege in der Altstadt");
    expect(item?.link).toBe("https://blatt.example.org/artikel/radwege");
    expect(item?.language).toBe("de");
    expect(item?.byline).toBe("Redaktion");
    expect(item?.firstCreated).toBe("2031-09-08T16:00:00.000Z");
    expect(item?.versionCreated).toBe("2031-09-09T06:00:00.000Z");
    expect(item?.body).toHaveLength(2);
    expect(item?.subjects).toEqual([{ code: "verkehr", name: "Verkehr" }]);
  });

  it("maps JSON Feed 1.1 with item language overriding the feed's", () => {
    const result = expectParsed(parseWireFixture("json-feed.json"));
    expect(result.format).toBe("json-feed");
    const [first, second] = result.items;
    expect(first?.headline).toBe("El mercado abre los domingos");
    expect(first?.language).toBe("es");
    expect(first?.byline).toBe("Ana Ruiz");
    expect(first?.versionCreated).toBe("2031-10-10T15:00:00.000Z");
    expect(first?.pictures[0]?.renditions[0]?.href).toBe("https://img.example.org/mercado.jpg");
    expect(second?.language).toBe("ca");
    expect(second?.body).toHaveLength(2);
  });

  it("recognises JSON Feed by its version URL", () => {
    expect(isJsonFeed({ version: "https://jsonfeed.org/version/1.1", items: [] })).toBe(true);
    expect(isJsonFeed({ uri: "urn:x", version: "1" })).toBe(false);
    expect(() => parseJsonFeed({ uri: "urn:x" })).toThrow(/not a JSON Feed/);
  });
});

function parseWireFixtureBytes(bytes: Uint8Array, contentType: string) {
  return expectParsed(parseWireDocument({ bytes, contentType }));
}
