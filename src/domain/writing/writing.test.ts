import { describe, expect, it } from "vitest";
import { localeTags } from "../../i18n/locale-registry.js";
import type { StoryContent } from "../stories/story-schema.js";
import { checkHouseStyle } from "./house-style.js";
import { writingReport } from "./pre-publish-checks.js";
import { quotationMarks, smartQuote } from "./quotation-marks.js";
import { countCharacters, countWords } from "./text-counts.js";
import {
  defaultWritingSettings,
  lengthVerdict,
  writingSettingsSchema,
} from "./writing-settings.js";

describe("word and character counts", () => {
  it("counts words in spaced scripts", () => {
    expect(countWords("The ferry sailed at dawn, on time.", "en")).toBe(7);
    expect(countWords("کشتی در سپیده‌دم حرکت کرد.", "fa")).toBe(5);
    expect(countWords("Паром вышел на рассвете.", "ru")).toBe(4);
  });

  it("counts words in scripts written without spaces", () => {
    // 渡轮 / 黎明 / 出发 — ICU's dictionary segments Chinese into words, not characters.
    const chinese = countWords("渡轮在黎明出发。", "zh-Hans");
    expect(chinese).toBeGreaterThan(1);
    expect(chinese).toBeLessThan(8);
    const thai = countWords("เรือข้ามฟากออกเดินทางตอนรุ่งสาง", "th");
    expect(thai).toBeGreaterThan(2);
  });

  it("counts grapheme clusters, not code units", () => {
    expect(countCharacters("abc")).toBe(3);
    // क्षि is one Devanagari cluster of four code points; the flag is two code points.
    expect(countCharacters("क्षि")).toBe(1);
    expect(countCharacters("🇮🇷")).toBe(1);
    expect(countCharacters("é")).toBe(1);
  });
});

describe("smart quotes per edition", () => {
  it("opens after a space or at the start, closes after a word", () => {
    expect(smartQuote("", '"', "en")).toBe("“");
    expect(smartQuote("He said ", '"', "en")).toBe("“");
    expect(smartQuote("He said “yes", '"', "en")).toBe("”");
    expect(smartQuote("He said “yes.", '"', "en")).toBe("”");
  });

  it("uses each language's own marks", () => {
    expect(smartQuote("گفت ", '"', "fa")).toBe("«");
    expect(smartQuote("گفت «بله", '"', "fa")).toBe("»");
    expect(smartQuote("Он сказал ", '"', "ru")).toBe("«");
    expect(smartQuote("Он сказал «да", '"', "ru")).toBe("»");
    expect(smartQuote("Sie sagte ", '"', "mk")).toBe("„");
    expect(smartQuote("他说", '"', "zh-Hans")).toBe("”");
    expect(smartQuote("他說 ", '"', "zh-Hant")).toBe("「");
    // French guillemets carry a narrow no-break space inside.
    expect(smartQuote("Il a dit ", '"', "fr")).toBe("«\u202f");
    expect(smartQuote("Il a dit «\u202foui", '"', "fr")).toBe("\u202f»");
  });

  it("turns an apostrophe after a letter into U+2019 and opens inner quotes elsewhere", () => {
    expect(smartQuote("don", "'", "en")).toBe("’");
    expect(smartQuote("said ", "'", "en")).toBe("‘");
    expect(smartQuote("Ukraine", "'", "uk")).toBe("’");
  });

  it("has marks for every edition", () => {
    for (const tag of localeTags) {
      const marks = quotationMarks[tag];
      expect([tag, marks.open.length > 0 && marks.close.length > 0]).toEqual([tag, true]);
    }
  });
});

describe("house style", () => {
  const rules = [
    { avoid: "rebel", prefer: "fighter", note: "" },
    { avoid: "blast", prefer: "explosion", note: "Style guide, section 4." },
    { avoid: "تروریست", prefer: "شبه‌نظامی", note: "" },
    { avoid: "暴徒", prefer: "示威者", note: "" },
  ];

  it("finds whole words in any case, never parts of words", () => {
    const found = checkHouseStyle(
      [
        { field: "headline", text: "Rebel forces advance; rebel's convoy seen" },
        { field: "body", text: "The rebellion grew. A BLAST shook the city." },
      ],
      rules,
    );
    expect(found.map((m) => [m.rule.avoid, m.field, m.count])).toEqual([
      ["rebel", "headline", 2],
      ["blast", "body", 1],
    ]);
  });

  it("matches in right-to-left text and in scripts without spaces", () => {
    const found = checkHouseStyle(
      [
        { field: "body", text: "گروه تروریستی و یک تروریست." },
        { field: "headline", text: "警方驱散暴徒" },
      ],
      rules,
    );
    // "تروریستی" (the adjective) is another word; only the noun matches.
    expect(found.map((m) => [m.rule.avoid, m.count])).toEqual([
      ["تروریست", 1],
      ["暴徒", 1],
    ]);
  });

  it("treats the term literally, not as a pattern", () => {
    const found = checkHouseStyle(
      [{ field: "body", text: "a.b and axb" }],
      [{ avoid: "a.b", prefer: "", note: "" }],
    );
    expect(found.map((m) => m.count)).toEqual([1]);
  });
});

describe("writing settings and the pre-publish report", () => {
  it("defaults shorter limits for Chinese than for English", () => {
    expect(defaultWritingSettings("en").headline.ideal).toBe(70);
    expect(defaultWritingSettings("zh-Hans").headline.ideal).toBeLessThan(40);
  });

  it("refuses an ideal above the maximum and duplicate house-style terms", () => {
    const base = defaultWritingSettings("en");
    expect(writingSettingsSchema.safeParse(base).success).toBe(true);
    expect(
      writingSettingsSchema.safeParse({ ...base, headline: { ideal: 90, max: 80 } }).success,
    ).toBe(false);
    const twice = [
      { avoid: "Blast", prefer: "", note: "" },
      { avoid: "blast", prefer: "", note: "" },
    ];
    expect(writingSettingsSchema.safeParse({ ...base, houseStyle: twice }).success).toBe(false);
    const tooMany = Array.from({ length: 301 }, (_, i) => ({
      avoid: `w${i}`,
      prefer: "",
      note: "",
    }));
    expect(writingSettingsSchema.safeParse({ ...base, houseStyle: tooMany }).success).toBe(false);
  });

  it("grades lengths against the ideal and the maximum", () => {
    expect(lengthVerdict(60, { ideal: 70, max: 110 })).toBe("ok");
    expect(lengthVerdict(71, { ideal: 70, max: 110 })).toBe("long");
    expect(lengthVerdict(111, { ideal: 70, max: 110 })).toBe("over");
  });

  it("reports counts, long fields and house-style terms for a story", () => {
    const content: StoryContent = {
      headline: "A blast shook the port city overnight, and residents fled to the hills nearby",
      standfirst: "Short.",
      dateline: "",
      slug: "blast",
      section: "world",
      topics: [],
      leadFigure: null,
      body: [{ type: "paragraph", content: [{ text: "The blast was heard across the bay." }] }],
      bylines: [],
      agencies: [],
      seo: {
        title: "Blast",
        description: "",
        socialTitle: "",
        socialDescription: "",
        socialImageId: null,
      },
    };
    const settings = {
      ...defaultWritingSettings("en"),
      houseStyle: [{ avoid: "blast", prefer: "explosion", note: "" }],
    };
    const report = writingReport(content, settings, "en");
    expect(report.words).toBe(7);
    expect(report.lengths).toEqual([
      { field: "headline", length: 77, ideal: 70, max: 110, verdict: "long" },
    ]);
    expect(report.houseStyle.map((m) => [m.field, m.count])).toEqual([
      ["headline", 1],
      ["body", 1],
      ["seo", 1],
    ]);
  });
});
