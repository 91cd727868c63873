import { describe, expect, it } from "vitest";
import { expectParsed, parseWireFixture } from "../../../test/fixtures/wire/wire-fixtures.js";
import { parseXml } from "../xml-reader.js";
import { parseNewsmlG2 } from "./newsml-g2-adapter.js";

describe("NewsML-G2 adapter", () => {
  it("maps an Arabic newsItem with an RTL XHTML body, signals and embargo", () => {
    const result = expectParsed(parseWireFixture("newsml-g2-text.xml"));
    expect(result.format).toBe("newsml-g2");
    const [item] = result.items;
    expect(item?.guid).toBe("urn:newsdesk:test:souk-9");
    expect(item?.version).toBe("2");
    expect(item?.headline).toBe("السوق القديم يفتح أبوابه من جديد");
    expect(item?.language).toBe("ar");
    expect(item?.direction).toBe("rtl");
    expect(item?.versionCreated).toBe("2031-03-03T08:58:00.000Z");
    expect(item?.embargoedUntil).toBe("2031-03-03T14:00:00.000Z");
    expect(item?.signals).toEqual(["sig:correction"]);
    expect(item?.subjects).toEqual([{ scheme: "medtop", code: "04000000", name: "economy" }]);
    expect(item?.byline).toBe("ليلى حداد");
    expect(item?.body).toHaveLength(2);
    expect(item?.body[0]).toEqual({
      type: "paragraph",
      content: [
        { text: "أعاد " },
        { text: "السوق القديم", marks: [{ type: "strong" }] },
        { text: " فتح أبوابه صباح اليوم." },
      ],
    });
    // The <head><title> of the XHTML document is not body text.
    expect(JSON.stringify(item?.body)).not.toContain("ignored");
  });

  it("skips the conceptItem in the same message with a reason", () => {
    const { skipped } = expectParsed(parseWireFixture("newsml-g2-text.xml"));
    expect(skipped).toEqual([
      {
        code: "WIRE_UNSUPPORTED_ITEM",
        reason: "A conceptItem carries controlled-vocabulary concepts, not wire copy.",
        guid: "urn:newsdesk:test:concept-1",
      },
    ]);
  });

  it("maps a canceled picture with caption, alt text, credit and renditions", () => {
    const [item] = expectParsed(parseWireFixture("newsml-g2-picture.xml")).items;
    expect(item?.itemType).toBe("picture");
    expect(item?.pubStatus).toBe("canceled");
    expect(item?.caption).toBe("Kite fliers gather on the beach for the spring festival.");
    expect(item?.alt).toBe("Dozens of colourful kites against a grey sky above sand dunes.");
    expect(item?.credit).toBe("Test Photo/J. Doe");
    expect(item?.renditions).toEqual([
      {
        name: "highRes",
        href: "https://img.example.org/kites.jpg",
        contentType: "image/jpeg",
        width: 3000,
        height: 2000,
        sizeInBytes: 1800000,
      },
      {
        name: "thumbnail",
        href: "https://img.example.org/kites-th.jpg",
        contentType: "image/jpeg",
        width: 300,
        height: 200,
      },
    ]);
  });

  it("maps a packageItem to a list of references in group order", () => {
    const [item] = expectParsed(parseWireFixture("newsml-g2-package.xml")).items;
    expect(item?.itemType).toBe("package");
    expect(item?.headline).toBe("Flood coverage package");
    expect(item?.refs).toEqual([
      {
        ref: "urn:newsdesk:test:flood-text",
        role: "group:main",
        version: "3",
        itemType: "ninat:text",
        headline: "River rises overnight",
      },
      {
        ref: "urn:newsdesk:test:flood-photo",
        role: "group:main",
        version: "1",
        itemType: "ninat:picture",
        headline: "Sandbags at the bridge",
      },
    ]);
  });

  it("skips a newsItem without guid but keeps its siblings", () => {
    const { root } = parseXml(
      `<newsMessage><itemSet><newsItem version="1"/><newsItem guid="urn:ok" version="1"><contentMeta><headline>Kept</headline></contentMeta></newsItem></itemSet></newsMessage>`,
    );
    const result = parseNewsmlG2(root);
    expect(result.items.map((item) => item.headline)).toEqual(["Kept"]);
    expect(result.skipped[0]?.code).toBe("WIRE_MISSING_FIELD");
  });

  it("reads prefixed element names (Reuters ns0:) like unprefixed ones", () => {
    const { root } = parseXml(
      `<ns0:newsItem xmlns:ns0="http://iptc.org/std/nar/2006-10-01/" guid="urn:p" version="1"><ns0:contentMeta><ns0:headline>Prefixed</ns0:headline><ns0:language tag="pt-br"/></ns0:contentMeta></ns0:newsItem>`,
    );
    const [item] = parseNewsmlG2(root).items;
    expect(item?.headline).toBe("Prefixed");
    expect(item?.language).toBe("pt-BR");
  });
});
