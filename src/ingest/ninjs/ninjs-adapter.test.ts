import { describe, expect, it } from "vitest";
import { expectParsed, parseWireFixture } from "../../../test/fixtures/wire/wire-fixtures.js";
import { ninjsMajor, parseNinjs, unwrapNinjs } from "./ninjs-adapter.js";

describe("ninjs adapter", () => {
  it("maps a ninjs 1.x text item, sanitizing its HTML body into blocks", () => {
    const { items, format } = expectParsed(parseWireFixture("ninjs-1-text.json"));
    expect(format).toBe("ninjs");
    const [item] = items;
    expect(item?.sourceFormat).toBe("ninjs-1");
    expect(item?.guid).toBe("urn:newsdesk:test:harbour-1");
    expect(item?.headline).toBe("Harbour ferry returns after winter repairs");
    expect(item?.standfirst).toBe("The island ferry resumes its timetable on Monday.");
    expect(item?.language).toBe("en-GB");
    expect(item?.versionCreated).toBe("2031-04-02T07:15:00.000Z");
    expect(item?.dateline).toBe("Port Ellen");
    expect(item?.rights).toEqual({
      copyrightHolder: "Newsdesk Test Agency",
      usageTerms: "Test use only.",
    });
    expect(item?.body.map((block) => block.type)).toEqual([
      "paragraph",
      "paragraph",
      "heading",
      "list",
      "quote",
    ]);
    const serialized = JSON.stringify(item?.body);
    expect(serialized).not.toMatch(/alert|steal|javascript/);
    // The javascript: link keeps its words but loses its target; the https link survives.
    expect(item?.body[1]).toEqual({
      type: "paragraph",
      content: [
        { text: "Tickets go on sale today and at " },
        { text: "the kiosk", marks: [{ type: "link", href: "https://example.org/tickets" }] },
        { text: "." },
      ],
    });
    expect(item?.pictures[0]).toEqual({
      alt: "A white ferry at the quay",
      renditions: [{ name: "inline", href: "https://img.example.org/ferry.jpg" }],
    });
  });

  it("maps a ninjs 3.x picture with embargo, withheld status and renditions", () => {
    const [item] = expectParsed(parseWireFixture("ninjs-3-picture.json")).items;
    expect(item?.sourceFormat).toBe("ninjs-3");
    expect(item?.itemType).toBe("picture");
    expect(item?.headline).toBe("Barn owl chicks ringed at the nature reserve");
    expect(item?.caption).toBe("A volunteer holds a barn owl chick during ringing.");
    expect(item?.pubStatus).toBe("withheld");
    expect(item?.embargoedUntil).toBe("2031-05-02T05:00:00.000Z");
    expect(item?.renditions.map((r) => [r.name, r.width, r.height])).toEqual([
      ["highRes", 4000, 3000],
      ["thumb", 200, 150],
    ]);
  });

  it("reads a canceled ninjs 2.x item with a plain-text body", () => {
    const [item] = expectParsed(parseWireFixture("ninjs-2-canceled.json")).items;
    expect(item?.sourceFormat).toBe("ninjs-2");
    expect(item?.pubStatus).toBe("canceled");
    expect(item?.byline).toBe("Desk");
    expect(item?.body).toEqual([
      { type: "paragraph", content: [{ text: "Editors: please kill the story." }] },
      { type: "paragraph", content: [{ text: "It contained a wrong date." }] },
    ]);
  });

  it("unwraps an AP Media API feed page and skips the item without an id", () => {
    const result = expectParsed(parseWireFixture("ap-media-feed.json"));
    expect(result.items.map((item) => item.headline)).toEqual([
      "First wrapped item",
      "Third wrapped item",
    ]);
    expect(result.items[0]?.provider).toBe("TestAP");
    expect(result.items[0]?.signals).toEqual(["newscontent"]);
    expect(result.items[0]?.priority).toBe("r");
    expect(result.skipped).toHaveLength(1);
    expect(result.skipped[0]?.code).toBe("WIRE_MISSING_FIELD");
  });

  it("rejects a single ninjs object without any identifier", () => {
    const result = parseWireFixture("ninjs-no-uri.json");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe("WIRE_MISSING_FIELD");
  });

  it("accepts Superdesk's guid in place of uri, with a warning", () => {
    const result = parseNinjs({ guid: "urn:sd:1", headline: "From Superdesk", type: "text" });
    expect(result.items[0]?.guid).toBe("urn:sd:1");
    expect(result.items[0]?.warnings.join(" ")).toMatch(/No ninjs `uri`/);
  });

  it("detects the ninjs line from $schema or from the property spelling", () => {
    expect(ninjsMajor({ $schema: "http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json" })).toBe(2);
    expect(ninjsMajor({ uri: "x", versionCreated: "2031-01-01T00:00:00Z" })).toBe(3);
    expect(ninjsMajor({ uri: "x", headlines: [] })).toBe(2);
    expect(ninjsMajor({ uri: "x", headline: "h" })).toBe(1);
  });

  it("unwraps BBC-style pagination wrappers", () => {
    expect(unwrapNinjs({ total: 2, item: [{ uri: "a" }, { uri: "b" }] })).toHaveLength(2);
  });
});
