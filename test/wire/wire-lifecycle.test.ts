import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isNewsdeskError } from "../../src/domain/error-catalogue.js";
import type { WireSource } from "../../src/domain/wire/wire-source-schema.js";
import { dialects } from "../support/test-databases.js";
import { ninjsBytes, openWireHarness, type WireHarness } from "./wire-test-support.js";

describe.each(dialects)("wire lifecycle on %s", (dialect) => {
  let h: WireHarness;
  let source: WireSource;

  beforeAll(async () => {
    h = await openWireHarness(dialect);
    ({ source } = await h.sources.add(h.actor, {
      kind: "push",
      name: "Test Agency push",
      agencyCode: "TESTAG",
      agencyName: "Test Agency",
      serviceId: "en",
      subjectSections: { "medtop:04000000": "economy" },
    }));
  });
  afterAll(async () => {
    await h.database.dispose();
  });

  async function ingest(bytes: Uint8Array, filename = "item.json") {
    h.clock.advance(1000);
    return h.ingest.ingest(source, { bytes, filename, contentType: "application/json" });
  }

  it("stores a new item, and re-ingesting the same file changes nothing", async () => {
    const bytes = ninjsBytes({ uri: "urn:t:dup", headline: "Ferry returns" });
    const first = await ingest(bytes);
    expect(first).toMatchObject({ status: "ingested", format: "ninjs", items: 1, newItems: 1 });
    const again = await ingest(bytes);
    expect(again.status).toBe("duplicate-file");
    // The same item inside a different file (another envelope) is a duplicate version.
    const wrapped = ninjsBytes({ uri: "urn:t:dup", headline: "Ferry returns" }, { uri: "urn:t:x" });
    const third = await ingest(wrapped);
    expect(third).toMatchObject({ duplicates: 1, newItems: 1 });
    const { items } = await h.queue.listQueue(h.editor, { q: "ferry" });
    expect(items.map((i) => i.guid)).toEqual(["urn:t:dup"]);
    expect(items[0]?.versionCount).toBe(1);
  });

  it("replaces the current version with a newer one and keeps the history", async () => {
    await ingest(ninjsBytes({ uri: "urn:t:v", version: "1", headline: "Storm nears coast" }));
    const v2 = await ingest(
      ninjsBytes({
        uri: "urn:t:v",
        version: "2",
        versioncreated: "2031-05-01T10:30:00Z",
        headline: "Storm makes landfall",
      }),
    );
    expect(v2.newVersions).toBe(1);
    // An older version arriving late goes into the history only.
    const late = await ingest(
      ninjsBytes({
        uri: "urn:t:v",
        version: "0",
        versioncreated: "2031-05-01T09:00:00Z",
        headline: "Storm forecast",
      }),
    );
    expect(late.historyVersions).toBe(1);
    const [entry] = (await h.queue.listQueue(h.editor, { q: "storm" })).items;
    expect(entry?.headline).toBe("Storm makes landfall");
    const detail = await h.queue.getItem(h.editor, entry?.id ?? "");
    expect(detail.current.item.headline).toBe("Storm makes landfall");
    expect(detail.versions.map((v) => v.version)).toEqual(["0", "2", "1"]);
    expect(detail.item.versionCount).toBe(3);
    // Search follows the current version only.
    expect((await h.queue.listQueue(h.editor, { q: "nears coast" })).items).toEqual([]);
  });

  it("shows an embargoed item as embargoed until its time", async () => {
    await ingest(
      ninjsBytes({
        uri: "urn:t:emb",
        headline: "Budget figures",
        embargoed: "2031-05-01T13:00:00Z",
      }),
    );
    const before = (await h.queue.listQueue(h.editor, { q: "budget figures" })).items[0];
    expect(before).toMatchObject({ embargoed: true, embargoedUntil: "2031-05-01T13:00:00.000Z" });
    // A story built on embargoed copy carries the embargo: publishing it only schedules it.
    const used = await h.wireStories.useInNewStory(h.editor, before?.id ?? "", {});
    expect(used.story.embargoUntil).toBe("2031-05-01T13:00:00.000Z");
    h.clock.advance(60 * 60 * 1000);
    const after = (await h.queue.listQueue(h.editor, { q: "budget figures" })).items[0];
    expect(after?.embargoed).toBe(false);
  });

  it("flags every story built on an item as soon as the agency kills it", async () => {
    await ingest(
      ninjsBytes({
        uri: "urn:t:kill",
        headline: "Minister resigns",
        body: "The minister resigned on Tuesday.",
        subject: [{ code: "medtop:04000000", name: "economy" }],
      }),
    );
    const [entry] = (await h.queue.listQueue(h.editor, { q: "minister resigns" })).items;
    if (!entry) throw new Error("item missing");
    const used = await h.wireStories.useInNewStory(h.editor, entry.id, {});
    expect(used.story.status).toBe("draft");
    expect(used.revision.content).toMatchObject({
      headline: "Minister resigns",
      section: "economy",
      agencies: ["TESTAG"],
      body: [{ type: "paragraph", content: [{ text: "The minister resigned on Tuesday." }] }],
    });
    expect((await h.repos.catalog.findAgencies(["TESTAG"]))[0]?.name).toBe("Test Agency");
    // A second story adds the same copy to existing text.
    const other = await h.stories.create(h.editor, {
      serviceId: "en",
      content: {
        headline: "Government in crisis",
        standfirst: "",
        dateline: "",
        slug: "government-in-crisis",
        section: "world",
        topics: [],
        leadFigure: null,
        body: [{ type: "paragraph", content: [{ text: "Our own reporting." }] }],
        bylines: [],
        agencies: ["AFP"],
      },
    });
    const added = await h.wireStories.addToStory(h.editor, entry.id, { storyId: other.story.id });
    expect(added.revision.content.agencies).toEqual(["AFP", "TESTAG"]);
    expect(added.revision.content.body).toHaveLength(2);
    expect((await h.wireStories.storyWire(h.editor, used.story.id)).flags).toEqual([]);

    const kill = await ingest(
      ninjsBytes({
        uri: "urn:t:kill",
        version: "2",
        versioncreated: "2031-05-01T11:00:00Z",
        pubstatus: "canceled",
        headline: "KILL: Minister resigns",
        ednote: "Story withdrawn: the resignation was denied.",
      }),
    );
    expect([...kill.flaggedStoryIds].sort()).toEqual([other.story.id, used.story.id].sort());
    const wireOfStory = await h.wireStories.storyWire(h.editor, used.story.id);
    expect(wireOfStory.flags).toMatchObject([
      {
        storyId: used.story.id,
        itemId: entry.id,
        pubStatus: "canceled",
        reason: "Story withdrawn: the resignation was denied.",
        acknowledgedAt: null,
      },
    ]);
    expect(wireOfStory.links).toMatchObject([
      { itemId: entry.id, mode: "new-story", currentPubStatus: "canceled", usedBy: "editor-1" },
    ]);
    const open = await h.flags.listFlags(h.editor, {});
    expect(open.map((f) => f.storyId).sort()).toEqual([other.story.id, used.story.id].sort());
    // The killed item cannot be used again.
    const refused = await h.wireStories
      .useInNewStory(h.editor, entry.id, {})
      .catch((e: unknown) => e);
    expect(isNewsdeskError(refused) && refused.code).toBe("WIRE_ITEM_NOT_USABLE");
    // Acknowledging removes the flag from the dashboard but keeps it on the story.
    const flag = wireOfStory.flags[0];
    if (!flag) throw new Error("flag missing");
    const acknowledged = await h.flags.acknowledgeFlag(h.editor, flag.id);
    expect(acknowledged).toMatchObject({ acknowledgedBy: "editor-1" });
    expect((await h.flags.listFlags(h.editor, {})).map((f) => f.storyId)).toEqual([other.story.id]);
    expect((await h.wireStories.storyWire(h.editor, used.story.id)).flags).toHaveLength(1);
  });

  it("credits the agency on the reader model through the story's agencies", async () => {
    await ingest(ninjsBytes({ uri: "urn:t:credit", headline: "Harbour reopens" }));
    const [entry] = (await h.queue.listQueue(h.editor, { q: "harbour reopens" })).items;
    const used = await h.wireStories.useInNewStory(h.editor, entry?.id ?? "", { section: "world" });
    const names = await h.repos.catalog.findAgencies(used.revision.content.agencies);
    expect(names).toEqual([{ code: "TESTAG", name: "Test Agency", creditLine: "", link: null }]);
  });

  it("filters by agency, language, urgency, subject and time, newest first with a cursor", async () => {
    const other = (
      await h.sources.add(h.actor, {
        kind: "push",
        name: "Other",
        agencyCode: "OTHER",
        agencyName: "Other Agency",
        serviceId: "fa",
        language: "fa",
      })
    ).source;
    h.clock.advance(1000);
    await h.ingest.ingest(other, {
      bytes: ninjsBytes(
        {
          uri: "urn:o:1",
          headline: "Filter one",
          language: "fa-IR",
          urgency: 2,
          versioncreated: "2031-05-01T08:00:00Z",
        },
        {
          uri: "urn:o:2",
          headline: "Filter two",
          language: "ru",
          urgency: 5,
          versioncreated: "2031-05-01T08:01:00Z",
          subject: [{ code: "medtop:01000000", name: "Arts" }],
        },
        {
          uri: "urn:o:3",
          headline: "Filter three",
          language: "fa",
          urgency: 8,
          versioncreated: "2031-05-01T08:02:00Z",
        },
      ),
    });
    const byAgency = await h.queue.listQueue(h.editor, { agency: "other" });
    expect(byAgency.items.map((i) => i.guid)).toEqual(["urn:o:3", "urn:o:2", "urn:o:1"]);
    expect(
      (await h.queue.listQueue(h.editor, { agency: "OTHER", language: "fa" })).items.map(
        (i) => i.guid,
      ),
    ).toEqual(["urn:o:3", "urn:o:1"]);
    expect(
      (await h.queue.listQueue(h.editor, { agency: "OTHER", urgency: 5 })).items.map((i) => i.guid),
    ).toEqual(["urn:o:2", "urn:o:1"]);
    expect(
      (await h.queue.listQueue(h.editor, { subject: "arts" })).items.map((i) => i.guid),
    ).toEqual(["urn:o:2"]);
    expect(
      (await h.queue.listQueue(h.editor, { subject: "medtop:01000000" })).items.map((i) => i.guid),
    ).toEqual(["urn:o:2"]);
    expect(
      (
        await h.queue.listQueue(h.editor, {
          agency: "OTHER",
          since: "2031-05-01T08:00:30Z",
          until: "2031-05-01T08:01:30+00:00",
        })
      ).items.map((i) => i.guid),
    ).toEqual(["urn:o:2"]);
    const page1 = await h.queue.listQueue(h.editor, { agency: "OTHER", limit: 2 });
    expect(page1.items.map((i) => i.guid)).toEqual(["urn:o:3", "urn:o:2"]);
    const page2 = await h.queue.listQueue(h.editor, {
      agency: "OTHER",
      limit: 2,
      cursor: page1.nextCursor ?? "",
    });
    expect(page2.items.map((i) => i.guid)).toEqual(["urn:o:1"]);
    expect(page2.nextCursor).toBeNull();
  });

  it("searches any script, short and long terms, ignoring case and diacritics", async () => {
    await ingest(
      ninjsBytes(
        { uri: "urn:s:zh", headline: "北京天气晴朗", language: "zh" },
        { uri: "urn:s:fa", headline: "بازار تهران", language: "fa" },
        { uri: "urn:s:fr", headline: "Élections à Genève", language: "fr" },
      ),
    );
    const guids = async (q: string) =>
      (await h.queue.listQueue(h.editor, { q })).items.map((i) => i.guid);
    expect(await guids("天气")).toEqual(["urn:s:zh"]);
    expect(await guids("北京天气")).toEqual(["urn:s:zh"]);
    expect(await guids("تهران")).toEqual(["urn:s:fa"]);
    expect(await guids("geneve elections")).toEqual(["urn:s:fr"]);
    expect(await guids("100%_")).toEqual([]);
  });

  it("quarantines hostile input with a code and reason, and logs it", async () => {
    const xxe = new TextEncoder().encode(
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><newsItem>&e;</newsItem>',
    );
    const report = await ingest(xxe, "xxe.xml");
    expect(report).toMatchObject({
      status: "rejected",
      quarantined: 1,
      error: { code: "WIRE_EXTERNAL_ENTITY" },
    });
    const truncated = await ingest(
      new TextEncoder().encode('{"uri": "urn:t:trunc", "headl'),
      "bad.json",
    );
    expect(truncated.error?.code).toBe("WIRE_MALFORMED_JSON");
    // A readable file with one broken item: the sibling is stored, the broken one quarantined.
    const mixed = new TextEncoder().encode(
      JSON.stringify([
        { type: "text", headlines: [{ value: "No id" }] },
        { uri: "urn:t:ok", headlines: [{ value: "Sibling survives" }] },
      ]),
    );
    const partial = await ingest(mixed, "mixed.json");
    expect(partial).toMatchObject({ status: "ingested", newItems: 1, quarantined: 1 });
    const { entries } = await h.queue.listQuarantine(h.editor, { sourceId: source.id });
    expect(entries.map((e) => e.code)).toEqual([
      "WIRE_MISSING_FIELD",
      "WIRE_MALFORMED_JSON",
      "WIRE_EXTERNAL_ENTITY",
    ]);
    expect(entries[2]).toMatchObject({ filename: "xxe.xml", sizeBytes: xxe.byteLength });
    expect(entries[2]?.reason.length).toBeGreaterThan(10);
    expect(
      h.logger.entries.some((e) => e.level === "warn" && e.msg === "wire file quarantined"),
    ).toBe(true);
    // The same bad file again is not quarantined twice.
    expect((await ingest(xxe, "xxe.xml")).quarantined).toBe(0);
    expect((await h.queue.listQuarantine(h.editor, { sourceId: source.id })).entries).toHaveLength(
      3,
    );
  });
  // A batch is decided item by item in file order, even though it reads and writes in bulk:
  // the second copy of a guid in one file sees the first.
  it("decides versions of one guid within one file in order: new, newer, same again, older", async () => {
    const warningsBefore = h.logger.entries.filter((e) => e.level === "warn").length;
    const report = await ingest(
      ninjsBytes(
        {
          uri: "urn:t:batch",
          version: "1",
          versioncreated: "2031-06-01T09:00:00Z",
          headline: "Bridge closes for repairs",
          subject: [{ code: "medtop:01000000", name: "Arts" }],
        },
        {
          uri: "urn:t:batch",
          version: "2",
          versioncreated: "2031-06-01T10:00:00Z",
          headline: "Bridge reopens early",
          subject: [{ code: "medtop:04000000", name: "economy" }],
        },
        {
          uri: "urn:t:batch",
          version: "2",
          versioncreated: "2031-06-01T10:00:00Z",
          headline: "Bridge reopens early",
          subject: [{ code: "medtop:04000000", name: "economy" }],
        },
        {
          uri: "urn:t:batch",
          version: "0",
          versioncreated: "2031-06-01T08:00:00Z",
          headline: "Bridge inspection due",
        },
        { uri: "urn:t:batch-other", headline: "Ferry timetable changes" },
      ),
      "batch.json",
    );
    expect(report).toMatchObject({
      items: 5,
      newItems: 2,
      newVersions: 1,
      duplicates: 1,
      historyVersions: 1,
    });
    // Stored as one batch: not by the item-by-item retry that follows a failed batch.
    expect(h.logger.entries.filter((e) => e.level === "warn")).toHaveLength(warningsBefore);
    const [entry] = (await h.queue.listQueue(h.editor, { q: "bridge reopens" })).items;
    const detail = await h.queue.getItem(h.editor, entry?.id ?? "");
    expect(detail.current.item.headline).toBe("Bridge reopens early");
    expect(detail.item.versionCount).toBe(3);
    expect(detail.versions.map((v) => v.version).sort()).toEqual(["0", "1", "2"]);
    // The current version's subjects replaced the first one's.
    const bySubject = async (subject: string) =>
      (await h.queue.listQueue(h.editor, { subject })).items.map((i) => i.guid);
    expect(await bySubject("economy")).toContain("urn:t:batch");
    expect(await bySubject("arts")).not.toContain("urn:t:batch");
  });
});
