import { z } from "zod";
import { type LocaleTag, locales } from "../../i18n/locale-registry.js";

/**
 * A service's writing guidance: how long headlines and standfirsts should be, how long the
 * search title and description may run, and its house-style list (words to avoid, with the
 * preferred alternative). Guidance, not a gate: the editor is told before publishing and
 * decides. Service admins change it (`settings.manage`).
 */
const lengthSchema = z
  .object({
    /** Beyond this, search results and phone home pages cut the text. */
    ideal: z.number().int().min(10).max(1000),
    /** The service's own ceiling: the pre-publish check warns above it. */
    max: z.number().int().min(10).max(1000),
  })
  .refine((l) => l.ideal <= l.max, { message: "The ideal length cannot exceed the maximum." });

const houseStyleRuleSchema = z.object({
  avoid: z.string().trim().min(1).max(100),
  prefer: z.string().trim().max(100),
  note: z.string().trim().max(300),
});
export type HouseStyleRule = z.infer<typeof houseStyleRuleSchema>;

export const writingSettingsSchema = z.object({
  headline: lengthSchema,
  standfirst: lengthSchema,
  seoTitleMax: z.number().int().min(20).max(200),
  seoDescriptionMax: z.number().int().min(50).max(500),
  houseStyle: z
    .array(houseStyleRuleSchema)
    .max(300)
    .refine((rules) => new Set(rules.map((r) => r.avoid.toLowerCase())).size === rules.length, {
      message: "Each word to avoid may appear only once.",
    }),
});
export type WritingSettings = z.infer<typeof writingSettingsSchema>;

/**
 * Defaults by script: a Chinese, Japanese-style or Korean headline carries in 30 characters
 * what an English one does in 70 (Google shows about 60 Latin characters of a title, and
 * about 30 CJK ones); Southeast Asian scripts sit between.
 */
export function defaultWritingSettings(locale: LocaleTag): WritingSettings {
  const family = locales[locale].scriptFamily;
  const dense = family.startsWith("cjk-");
  const compact = family === "thai-lao" || family === "khmer" || family === "burmese";
  const factor = dense ? 0.5 : compact ? 0.8 : 1;
  const scaled = (n: number) => Math.round(n * factor);
  return {
    headline: { ideal: scaled(70), max: scaled(110) },
    standfirst: { ideal: scaled(160), max: scaled(300) },
    seoTitleMax: scaled(60),
    seoDescriptionMax: scaled(160),
    houseStyle: [],
  };
}

export type LengthVerdict = "ok" | "long" | "over";

/** `long` past the ideal, `over` past the service's maximum. */
export function lengthVerdict(
  length: number,
  limits: { ideal: number; max: number },
): LengthVerdict {
  if (length > limits.max) return "over";
  if (length > limits.ideal) return "long";
  return "ok";
}
