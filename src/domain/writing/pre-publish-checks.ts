import type { LocaleTag } from "../../i18n/locale-registry.js";
import { bodyPlainText } from "../stories/story-body-schema.js";
import type { StoryContent } from "../stories/story-schema.js";
import { checkHouseStyle, type HouseStyleMatch } from "./house-style.js";
import { countCharacters, countWords } from "./text-counts.js";
import { type LengthVerdict, lengthVerdict, type WritingSettings } from "./writing-settings.js";

interface LengthFinding {
  readonly field: "headline" | "standfirst" | "seoTitle" | "seoDescription";
  readonly length: number;
  readonly ideal: number;
  readonly max: number;
  readonly verdict: Exclude<LengthVerdict, "ok">;
}

export interface WritingReport {
  readonly words: number;
  readonly characters: number;
  readonly lengths: readonly LengthFinding[];
  readonly houseStyle: readonly HouseStyleMatch[];
}

/**
 * What the editor is shown before publishing: the body's word and character counts, text past the service's
 * length guidance and house-style terms found. Pure, so the newsroom computes it as the
 * editor types and the API gives the same answer.
 */
export function writingReport(
  content: StoryContent,
  settings: WritingSettings,
  locale: LocaleTag,
): WritingReport {
  const body = bodyPlainText(content.body);
  const lengths: LengthFinding[] = [];
  const measure = (
    field: LengthFinding["field"],
    text: string,
    limits: { ideal: number; max: number },
  ) => {
    const length = countCharacters(text);
    const verdict = lengthVerdict(length, limits);
    if (verdict !== "ok") lengths.push({ field, length, ...limits, verdict });
  };
  measure("headline", content.headline, settings.headline);
  if (content.standfirst) measure("standfirst", content.standfirst, settings.standfirst);
  const seo = content.seo;
  if (seo?.title) {
    measure("seoTitle", seo.title, { ideal: settings.seoTitleMax, max: settings.seoTitleMax });
  }
  if (seo?.description) {
    const max = settings.seoDescriptionMax;
    measure("seoDescription", seo.description, { ideal: max, max });
  }
  const seoText = seo
    ? [seo.title, seo.description, seo.socialTitle, seo.socialDescription].join("\n")
    : "";
  return {
    words: countWords(body, locale),
    characters: countCharacters(body),
    lengths,
    houseStyle: checkHouseStyle(
      [
        { field: "headline", text: content.headline },
        { field: "standfirst", text: content.standfirst },
        { field: "body", text: body },
        { field: "seo", text: seoText },
      ],
      settings.houseStyle,
    ),
  };
}
