import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WireSource } from "../../src/domain/wire/wire-source-schema.js";
import { dialects } from "../support/test-databases.js";
import { openWireHarness, type WireHarness } from "./wire-test-support.js";

/**
 * Markup nested or repeated without bound inside a wire file (ninjs
 * `body_html`, RSS descriptions, NITF/G2 inline XHTML, the JSON itself) is refused into
 * quarantine as WIRE_TOO_DEEP instead of being walked for seconds on the event loop.
 */
const NESTED = 150_000;
const deepHtml = `${"<div>".repeat(NESTED)}words${"</div>".repeat(NESTED)}`;
const escapeXml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const encode = (text: string) => new TextEncoder().encode(text);

const hostile = {
  "ninjs body_html with 150k nested <div>": {
    filename: "deep.json",
    contentType: "application/json",
    bytes: encode(JSON.stringify({ uri: "urn:deep:1", headline: "Deep", body_html: deepHtml })),
  },
  "RSS with a deeply nested description": {
    filename: "deep.rss",
    contentType: "application/rss+xml",
    bytes: encode(
      `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title><link>https://agency.example/</link><description>Feed</description><item><title>Deep</title><guid>urn:deep:2</guid><description>${escapeXml(deepHtml)}</description></item></channel></rss>`,
    ),
  },
  "NITF with deep inline XHTML": {
    filename: "deep.xml",
    contentType: "application/xml",
    bytes: encode(
      `<?xml version="1.0"?><nitf><head><title>Deep</title><docdata><doc-id id-string="urn:deep:3"/></docdata></head><body><body.head><hedline><hl1>Deep</hl1></hedline></body.head><body.content>${"<block>".repeat(NESTED)}words${"</block>".repeat(NESTED)}</body.content></body></nitf>`,
    ),
  },
  "ninjs whose JSON nests 150k arrays": {
    filename: "deep-json.json",
    contentType: "application/json",
    bytes: encode(
      `{"uri":"urn:deep:4","headline":"Deep","extra":${"[".repeat(NESTED)}${"]".repeat(NESTED)}}`,
    ),
  },
  "ninjs body_html with 200k sibling elements": {
    filename: "wide.json",
    contentType: "application/json",
    bytes: encode(
      JSON.stringify({
        uri: "urn:wide:1",
        headline: "Wide",
        body_html: "<b>x</b>".repeat(200_000),
      }),
    ),
  },
} as const;

describe.each(dialects)("wire HTML limits on %s", (dialect) => {
  let h: WireHarness;
  let source: WireSource;

  beforeAll(async () => {
    h = await openWireHarness(dialect);
    ({ source } = await h.sources.add(h.actor, {
      kind: "push",
      name: "Hostile agency",
      agencyCode: "HOSTAG",
      agencyName: "Hostile Agency",
      serviceId: "en",
    }));
  });
  afterAll(async () => {
    await h.close();
  });

  it.each(Object.entries(hostile))("quarantines %s as WIRE_TOO_DEEP", async (_name, file) => {
    h.clock.advance(1000);
    const report = await h.ingest.ingest(source, file);
    expect(report).toMatchObject({
      status: "rejected",
      quarantined: 1,
      newItems: 0,
      error: { code: "WIRE_TOO_DEEP" },
    });
    const { entries } = await h.queue.listQuarantine(h.editor, { sourceId: source.id });
    expect(entries[0]).toMatchObject({ code: "WIRE_TOO_DEEP", filename: file.filename });
  });

  it("still ingests a large ordinary article", async () => {
    const paragraphs = Array.from(
      { length: 1500 },
      (_, i) =>
        `<p>Paragraph ${i} with <b>bold</b>, <i>italic</i> and <a href="https://example.org/${i}">a link</a>.</p>`,
    ).join("");
    const report = await h.ingest.ingest(source, {
      filename: "large.json",
      contentType: "application/json",
      bytes: encode(
        JSON.stringify({ uri: "urn:large:1", headline: "Large", body_html: paragraphs }),
      ),
    });
    expect(report).toMatchObject({ status: "ingested", newItems: 1, quarantined: 0 });
  });
});
