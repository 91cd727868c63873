/**
 * Type settings per script family: the facts a stylesheet needs to set a script well,
 * shared by every locale written in it. A family groups scripts that set alike (Thai and
 * Lao; Persian and Pashto), and splits one script where readers expect different letterforms
 * (Han in Simplified, Traditional and Hong Kong forms; Arabic in Naskh and Nastaliq).
 *
 * Line heights are unitless multipliers (CSS 2.2 §10.8.1). The size scale multiplies the
 * root font size: scripts whose glyphs sit small in the em box (Nastaliq, Tibetan, Khmer)
 * are set larger so that they read at the size Latin text does.
 */

export const scriptFamilies = [
  "latin",
  "cyrillic",
  "armenian",
  "georgian",
  "arabic-naskh",
  "urdu-nastaliq",
  "persian",
  "hebrew",
  "devanagari",
  "bengali",
  "ethiopic",
  "burmese",
  "khmer",
  "thai-lao",
  "tibetan",
  "cjk-simplified",
  "cjk-traditional",
  "cjk-hong-kong",
  "cjk-korean",
] as const;
export type ScriptFamily = (typeof scriptFamilies)[number];

export interface ScriptTypography {
  /** System fonts only: readers on slow or censored networks must not fetch web fonts. */
  readonly fontStack: string;
  /** Line height of running text (paragraphs, lists, captions). */
  readonly bodyLineHeight: number;
  /** Line height of headlines and headings, which wrap over two or three lines on phones. */
  readonly headingLineHeight: number;
  /** Multiplies the root font size, and with it every rem-sized thing on the page. */
  readonly sizeScale: number;
  /**
   * Whether the script has a true italic in its type tradition. Where it has none, the
   * browser would slant the upright glyphs (synthetic oblique), which breaks joined and
   * stacked scripts; emphasis is shown by weight instead.
   */
  readonly italic: boolean;
  /**
   * Whether the script has letter case, so that small labels may be set in capitals with a
   * little letter-spacing. Spacing a joined script (Arabic) tears its letters apart, and
   * spacing a stacked one (Burmese, Thai) separates marks from their bases.
   */
  readonly caps: boolean;
}

// Each stack lists the fonts shipped by Windows, macOS/iOS, Android/ChromeOS and Linux
// (Noto) for the script, then a generic family.
const cjkTypography = {
  // Han and Hangul sit in a full em square with no ascenders or descenders; extra leading
  // separates the dense lines. No italic in CJK typography; no case.
  bodyLineHeight: 1.7,
  headingLineHeight: 1.4,
  sizeScale: 1,
  italic: false,
  caps: false,
} as const;

export const scriptTypography: { readonly [F in ScriptFamily]: ScriptTypography } = {
  // 1.3 for headings rather than 1.2: Vietnamese stacks two diacritics (ế, ổ), which touch
  // the line above at tighter settings.
  latin: {
    fontStack:
      'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
    bodyLineHeight: 1.6,
    headingLineHeight: 1.3,
    sizeScale: 1,
    italic: true,
    caps: true,
  },
  cyrillic: {
    fontStack:
      'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
    bodyLineHeight: 1.6,
    headingLineHeight: 1.3,
    sizeScale: 1,
    italic: true,
    caps: true,
  },
  // Armenian is cased but its system fonts ship no italic.
  armenian: {
    fontStack: '"Noto Sans Armenian", "Segoe UI", Sylfaen, "Mshtakan", system-ui, sans-serif',
    bodyLineHeight: 1.65,
    headingLineHeight: 1.35,
    sizeScale: 1,
    italic: false,
    caps: true,
  },
  // Mkhedruli has long ascenders and descenders on most letters and no case in running text.
  georgian: {
    fontStack: '"Noto Sans Georgian", "Segoe UI", Sylfaen, "Helvetica Neue", system-ui, sans-serif',
    bodyLineHeight: 1.7,
    headingLineHeight: 1.4,
    sizeScale: 1,
    italic: false,
    caps: false,
  },
  // Naskh: dots and vowel marks above and below the baseline need more leading than Latin,
  // and its letters are small for their em, hence the slightly larger size.
  "arabic-naskh": {
    fontStack: '"Noto Naskh Arabic", "Geeza Pro", "Segoe UI", Tahoma, system-ui, sans-serif',
    bodyLineHeight: 1.8,
    headingLineHeight: 1.5,
    sizeScale: 1.0625,
    italic: false,
    caps: false,
  },
  // Nastaliq descends diagonally from right to left, so a word's end hangs far below the
  // baseline and its start rises far above it: at Latin leading, lines collide.
  "urdu-nastaliq": {
    fontStack:
      '"Noto Nastaliq Urdu", "Jameel Noori Nastaleeq", "Urdu Typesetting", "Noto Naskh Arabic", Tahoma, system-ui, sans-serif',
    bodyLineHeight: 2.2,
    headingLineHeight: 1.8,
    sizeScale: 1,
    italic: false,
    caps: false,
  },
  persian: {
    fontStack: '"Noto Naskh Arabic", Vazirmatn, Tahoma, "Segoe UI", system-ui, sans-serif',
    bodyLineHeight: 1.8,
    headingLineHeight: 1.5,
    sizeScale: 1.0625,
    italic: false,
    caps: false,
  },
  // Hebrew and scripts set like it: square letters, few marks, right to left, no italic.
  hebrew: {
    fontStack: '"Noto Sans Hebrew", "Segoe UI", "Arial Hebrew", Arial, system-ui, sans-serif',
    bodyLineHeight: 1.65,
    headingLineHeight: 1.35,
    sizeScale: 1.0625,
    italic: false,
    caps: false,
  },
  // Devanagari and Bengali hang from a headstroke with vowel signs above it and conjuncts
  // below the baseline.
  devanagari: {
    fontStack:
      '"Noto Sans Devanagari", "Nirmala UI", "Kohinoor Devanagari", Mangal, system-ui, sans-serif',
    bodyLineHeight: 1.75,
    headingLineHeight: 1.45,
    sizeScale: 1.0625,
    italic: false,
    caps: false,
  },
  bengali: {
    fontStack:
      '"Noto Sans Bengali", "Nirmala UI", "Kohinoor Bangla", Vrinda, system-ui, sans-serif',
    bodyLineHeight: 1.75,
    headingLineHeight: 1.45,
    sizeScale: 1.0625,
    italic: false,
    caps: false,
  },
  // Ethiopic syllables differ by small appendages: a larger size keeps them legible.
  ethiopic: {
    fontStack: '"Noto Sans Ethiopic", "Ebrima", "Kefa", "Abyssinica SIL", system-ui, sans-serif',
    bodyLineHeight: 1.7,
    headingLineHeight: 1.4,
    sizeScale: 1.0625,
    italic: false,
    caps: false,
  },
  // Burmese stacks medials and vowel signs above and below round letters; its fonts have
  // very tall ascent and descent.
  burmese: {
    fontStack:
      '"Noto Sans Myanmar", "Myanmar Text", "Myanmar Sangam MN", Padauk, system-ui, sans-serif',
    bodyLineHeight: 2,
    headingLineHeight: 1.7,
    sizeScale: 1,
    italic: false,
    caps: false,
  },
  // Khmer writes subscript consonants (coeng) below the base, and vowels above and below.
  khmer: {
    fontStack:
      '"Noto Sans Khmer", "Khmer UI", "Leelawadee UI", "Khmer Sangam MN", system-ui, sans-serif',
    bodyLineHeight: 1.9,
    headingLineHeight: 1.6,
    sizeScale: 1.0625,
    italic: false,
    caps: false,
  },
  // Thai and Lao stack tone marks over vowel signs above the consonant. Each font covers
  // one script, so the stack names both.
  "thai-lao": {
    fontStack:
      '"Noto Sans Thai", "Noto Sans Lao", "Leelawadee UI", "Lao UI", Thonburi, "Lao Sangam MN", Tahoma, system-ui, sans-serif',
    bodyLineHeight: 1.8,
    headingLineHeight: 1.5,
    sizeScale: 1.0625,
    italic: false,
    caps: false,
  },
  // Tibetan stacks consonants vertically, several deep; its glyphs are small for their em.
  tibetan: {
    fontStack:
      '"Noto Serif Tibetan", "Microsoft Himalaya", Jomolhari, "Kailasa", system-ui, sans-serif',
    bodyLineHeight: 2,
    headingLineHeight: 1.7,
    sizeScale: 1.125,
    italic: false,
    caps: false,
  },
  "cjk-simplified": {
    fontStack:
      '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC", system-ui, sans-serif',
    ...cjkTypography,
  },
  "cjk-traditional": {
    fontStack:
      '"Noto Sans CJK TC", "PingFang TC", "Microsoft JhengHei", "Source Han Sans TC", system-ui, sans-serif',
    ...cjkTypography,
  },
  "cjk-hong-kong": {
    fontStack:
      '"Noto Sans CJK HK", "PingFang HK", "Microsoft JhengHei", "Source Han Sans HC", system-ui, sans-serif',
    ...cjkTypography,
  },
  "cjk-korean": {
    fontStack:
      '"Noto Sans CJK KR", "Apple SD Gothic Neo", "Malgun Gothic", "Source Han Sans K", system-ui, sans-serif',
    ...cjkTypography,
  },
};
