import { describe, expect, it } from "vitest";
import { expectParsed, parseWireFixture } from "../../../test/fixtures/wire/wire-fixtures.js";
import { parseXml } from "../xml-reader.js";
import { parseNitf } from "./nitf-adapter.js";

describe("NITF adapter", () => {
  it("maps an ISO-8859-1 NITF 3.4 story with its DOCTYPE and HTML entities", () => {
    const result = expectParsed(parseWireFixture("nitf-latin1.xml"));
    expect(result.format).toBe("nitf");
    const [item] = result.items;
    expect(item?.guid).toBe("TEST-2031-0042");
    expect(item?.headline).toBe("La fête du village attire des milliers de visiteurs");
    expect(item?.standfirst).toBe("Un été réussi");
    expect(item?.byline).toBe("Par Élise Martin");
    expect(item?.dateline).toBe("Annecy, 1er juin");
    expect(item?.language).toBe("fr-FR");
    expect(item?.urgency).toBe(6);
    expect(item?.versionCreated).toBe("2031-06-01T08:15:00.000Z");
    expect(item?.embargoedUntil).toBe("2031-06-01T10:00:00.000Z");
    expect(item?.subjects).toEqual([{ code: "01000000", name: "culture", scheme: "subj" }]);
    expect(item?.keywords).toEqual(["fête"]);
    expect(item?.body.map((block) => block.type)).toEqual([
      "paragraph",
      "heading",
      "paragraph",
      "paragraph",
    ]);
    expect(item?.body[0]).toEqual({
      type: "paragraph",
      content: [{ text: "Les habitants ont célébré la fête annuelle samedi." }],
    });
    expect(item?.body[3]).toEqual({ type: "paragraph", content: [{ text: "Visiteurs | 12 000" }] });
    expect(item?.pictures).toEqual([
      {
        alt: "La place du village illuminée",
        caption: "La place le soir.",
        renditions: [{ name: "inline", href: "https://img.example.org/fete.jpg" }],
      },
    ]);
  });

  it("derives a stable id from the content when doc-id is missing", () => {
    const xml = `<nitf><head><docdata><date.issue norm="20310101T000000Z"/></docdata></head><body><body.head><hedline><hl1>No id</hl1></hedline></body.head><body.content><p>Text.</p></body.content></body></nitf>`;
    const first = parseNitf(parseXml(xml).root).items[0];
    const second = parseNitf(parseXml(xml).root).items[0];
    expect(first?.guid).toMatch(/^urn:newsdesk:nitf:[0-9a-f]{64}$/);
    expect(second?.guid).toBe(first?.guid);
    expect(first?.warnings).toContain("No doc-id@id-string; the id was derived from the content.");
  });

  it("maps management-status canceled to a kill", () => {
    const xml = `<nitf><head><docdata management-status="canceled"><doc-id id-string="K1"/></docdata></head><body><body.head><hedline><hl1>Killed</hl1></hedline></body.head></body></nitf>`;
    expect(parseNitf(parseXml(xml).root).items[0]?.pubStatus).toBe("canceled");
  });
});
