import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WireSource } from "../../src/domain/wire/wire-source-schema.js";
import { dataRoot } from "../conformance/wire-corpus.js";
import { sharedDataPresent } from "../support/shared-data.js";
import { dialects } from "../support/test-databases.js";
import { openWireHarness, type WireHarness } from "./wire-test-support.js";

/**
 * "Use in new story" on real agency samples (../shared/data/standards, see SOURCES.md): the
 * dateline's place fills the story's dateline field (ninjs `located`, NewsML-G2 `dateline`
 * or `located`, NITF and NewsML 1 `dateline`), and Reuters status slugs ("UPDATE 2-",
 * "CORRECTED-") leave the story's headline while the wire item keeps its own.
 */
const fixtures = "superdesk-core/tests/io/fixtures";
const samples = [
  {
    file: `${fixtures}/ninjs2.json`,
    headline: "Oil prices edge up on first drop in US drilling in months",
    dateline: "Singapore",
  },
  {
    file: "iptc-ninjs/examples/3.0/20231008-anti-doping-measures-at-the-tour-down-under-will-be-the-toughest-ever-addb-ninjs-nitf.json",
    headline: "Anti-doping measures at the 'Tour Down Under' will be the toughest ever",
    dateline: "Oslo, Norway",
  },
  {
    file: `${fixtures}/dpa.xml`,
    headline: "Eintracht in London: Hintereggers Tränen und Attacke auf Reporter",
    dateline: "London",
  },
  {
    file: `${fixtures}/afp.xml`,
    headline: "Sweden court accepts receivership for Saab carmaker",
    dateline: "STOCKHOLM",
  },
  { file: `${fixtures}/aap-cyber.xml`, headline: "Headline", dateline: "SYDNEY" },
  {
    // The dateline is only a timestamp; the place comes from `located`.
    file: `${fixtures}/tag_reuters.com_2014_newsml_KBN0FL0NN_version_5`,
    headline: "Confident Assad launches new term in stronger position",
    dateline: "Bangalore",
  },
  {
    file: `${fixtures}/tag_reuters.com,2018_newsml_MTZXEE13ZXCZES_2`,
    wireHeadline: "UPDATE 2-Primeira Liga Results",
    headline: "Primeira Liga Results",
    dateline: "",
  },
  {
    file: `${fixtures}/tag_reuters.com_2016_newsml_L1N14N0FF_version_978556838`,
    wireHeadline: "CORRECTED-S. Illinois battles flooding as Mississippi River builds downstream",
    headline: "S. Illinois battles flooding as Mississippi River builds downstream",
    dateline: "",
  },
];

const present = sharedDataPresent(dataRoot, "The standards sample data");

describe.runIf(present).each(dialects)("wire samples used in new stories on %s", (dialect) => {
  let h: WireHarness;
  let source: WireSource;

  beforeAll(async () => {
    h = await openWireHarness(dialect, { start: "2040-01-01T00:00:00.000Z" });
    ({ source } = await h.sources.add(h.actor, {
      kind: "push",
      name: "Samples push",
      agencyCode: "SAMPLES",
      agencyName: "Sample agencies",
      serviceId: "en",
      subjectSections: {},
    }));
  });
  afterAll(async () => {
    await h.close();
  });

  it.each(samples)("$file", async (sample) => {
    const bytes = new Uint8Array(readFileSync(path.join(dataRoot, sample.file)));
    h.clock.advance(1000);
    const report = await h.ingest.ingest(source, { bytes, filename: path.basename(sample.file) });
    expect(report.status).toBe("ingested");
    const wireHeadline = sample.wireHeadline ?? sample.headline;
    const { items } = await h.queue.listQueue(h.editor, { limit: 200 });
    const entry = items.find((item) => item.headline === wireHeadline);
    if (!entry) throw new Error(`no queue entry headed ${wireHeadline}`);
    const used = await h.wireStories.useInNewStory(h.editor, entry.id, {});
    expect(used.revision.content.headline).toBe(sample.headline);
    expect(used.revision.content.dateline).toBe(sample.dateline);
    // The wire item keeps the headline the agency sent.
    expect((await h.queue.getItem(h.editor, entry.id)).item.headline).toBe(wireHeadline);
  });
});
