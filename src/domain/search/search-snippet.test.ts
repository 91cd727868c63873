import { describe, expect, it } from "vitest";
import type { ServiceId } from "../services/service-registry.js";
import { type HighlightedText, matchRanges, snippet } from "./search-snippet.js";

const text = (parts: HighlightedText) => parts.map((p) => p.text).join("");
const marked = (parts: HighlightedText) => parts.filter((p) => p.match).map((p) => p.text);

/** The word segments of a text, as ICU's dictionaries split it. */
function words(value: string, locale: string): string[] {
  return [...new Intl.Segmenter(locale, { granularity: "word" }).segment(value)].map(
    (s) => s.segment,
  );
}

/**
 * The snippet's own text without the ellipses, and whether its ends fall on word
 * boundaries of the body: the window must equal a run of whole segments.
 */
function cutsAtWords(body: string, parts: HighlightedText, locale: string): boolean {
  const shown = text(parts).replace(/^… /u, "").replace(/ …$/u, "");
  const start = body.indexOf(shown);
  if (start === -1) return false;
  const end = start + shown.length;
  const boundaries = new Set([0, body.length]);
  let at = 0;
  for (const segment of words(body, locale)) {
    at += segment.length;
    boundaries.add(at);
  }
  return boundaries.has(start) && boundaries.has(end);
}

describe("snippet", () => {
  // Each body is long enough that the window is cut on both sides of the match.
  const cases: [ServiceId, string, string, string][] = [
    [
      "th",
      "th",
      "รัฐบาลประกาศมาตรการช่วยเหลือเกษตรกรที่ได้รับผลกระทบจากภัยแล้งในภาคตะวันออกเฉียงเหนือ ".repeat(3) +
        "น้ำท่วมหนักในกรุงเทพมหานครทำให้การจราจรติดขัดอย่างมาก " +
        "ประชาชนจำนวนมากต้องอพยพออกจากบ้านเรือนไปยังศูนย์พักพิงชั่วคราว ".repeat(4),
      "กรุงเทพมหานคร",
    ],
    [
      "zh-Hans",
      "zh",
      "政府今天宣布了一项新的经济刺激计划，旨在帮助受影响的中小企业渡过难关。".repeat(3) +
        "暴雨导致港口城市的交通全面瘫痪。" +
        "气象部门预计未来三天仍将有强降雨，提醒市民减少外出并注意安全。".repeat(8),
      "交通",
    ],
    [
      "my",
      "my",
      "အစိုးရက စီးပွားရေး ပြန်လည်ထူထောင်ရေး အစီအစဉ်သစ်ကို ယနေ့ ကြေညာခဲ့သည်။ ".repeat(4) +
        "ရန်ကုန်မြို့တွင် မိုးသည်းထန်စွာ ရွာသွန်းခဲ့သည်။ " +
        "ပြည်သူများသည် ယာယီ ခိုလှုံရာ စခန်းများသို့ ရွှေ့ပြောင်းခဲ့ကြသည်။ ".repeat(4),
      "ရန်ကုန်",
    ],
    [
      "ar",
      "ar",
      "أعلنت الحكومة اليوم عن خطة اقتصادية جديدة لمساعدة الشركات الصغيرة والمتوسطة. ".repeat(3) +
        "تسببت الأمطار الغزيرة في شلل حركة المرور في العاصمة. " +
        "ويتوقع خبراء الأرصاد استمرار هطول الأمطار خلال الأيام الثلاثة المقبلة. ".repeat(3),
      "المرور",
    ],
  ];

  it.each(cases)(
    "%s: cuts at word boundaries and highlights the match",
    (serviceId, locale, body, query) => {
      const parts = snippet(body, [query], serviceId);
      expect(parts[0]).toEqual({ text: "… ", match: false });
      expect(parts.at(-1)).toEqual({ text: " …", match: false });
      expect(marked(parts).join("")).toContain(query.replace(/^ال/u, ""));
      expect(cutsAtWords(body, parts, locale)).toBe(true);
    },
  );

  it("falls back to a grapheme boundary inside one very long word, never inside a cluster", () => {
    // Devanagari conjuncts and vowel signs: a code-point cut would strand a mark.
    const body = `${"क्षत्रिय".repeat(60)} मुख्य समाचार`;
    const parts = snippet(body, ["समाचार"], "hi", { length: 40 });
    const shown = text(parts).replace(/^… /u, "").replace(/ …$/u, "");
    const graphemes = [...new Intl.Segmenter("hi", { granularity: "grapheme" }).segment(body)];
    const boundaries = new Set(graphemes.map((g) => g.index));
    const start = body.indexOf(shown);
    expect(start).toBeGreaterThan(0);
    expect(boundaries.has(start)).toBe(true);
  });

  it("never splits a word at either end in a spaced script", () => {
    const body = `${"Correspondents reported widespread flooding across northern provinces. ".repeat(5)}The river burst its banks overnight. ${"Emergency services evacuated thousands of residents from low-lying districts. ".repeat(5)}`;
    const parts = snippet(body, ["rivers"], "en");
    expect(marked(parts)).toEqual(["river"]);
    expect(cutsAtWords(body, parts, "en")).toBe(true);
  });
});

describe("matchRanges", () => {
  it("highlights whole words whose stem the query's stem starts, in a stemmed language", () => {
    const headline = "Rivers rise as the river's banks give way";
    const ranges = matchRanges(headline, ["river"], "en");
    expect(ranges.map(([s, e]) => headline.slice(s, e))).toEqual(["Rivers", "river"]);
  });

  it("highlights folded substrings where there is no stemmer", () => {
    const headline = "港口谈判破裂 援助车队滞留边境";
    const ranges = matchRanges(headline, ["车队"], "zh-Hans");
    expect(ranges.map(([s, e]) => headline.slice(s, e))).toEqual(["车队"]);
  });
});
