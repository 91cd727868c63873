import { useId } from "preact/hooks";
import type { FigureBlock } from "../../domain/stories/story-body-schema.js";
import type { StorySeo } from "../../domain/stories/story-schema.js";
import { countCharacters } from "../../domain/writing/text-counts.js";
import type { WritingSettings } from "../../domain/writing/writing-settings.js";
import type { LocaleTag } from "../../i18n/locale-registry.js";
import { smartQuotesInField } from "../editor/smart-quotes.js";
import { useUiText } from "../i18n/ui-language.js";
import { TextField } from "../shared/TextField.js";

export const emptySeo: StorySeo = {
  title: "",
  description: "",
  socialTitle: "",
  socialDescription: "",
  socialImageId: null,
};

const graphemes = new Intl.Segmenter("und", { granularity: "grapheme" });

/** Cut to `max` user-perceived characters with an ellipsis, as search results do. */
function clip(text: string, max: number): string {
  const parts = Array.from(graphemes.segment(text), (s) => s.segment);
  return parts.length <= max
    ? text
    : `${parts
        .slice(0, max - 1)
        .join("")
        .trimEnd()}…`;
}

/**
 * Search and social fields with previews of a search result and a social card, so the desk
 * sees what a reader sees in Google or on a timeline before the story goes out. Empty fields
 * fall back as the reader page does (src/render/structured-data/StoryHeadTags.tsx).
 */
export function SeoPanel(props: {
  readonly seo: StorySeo | undefined;
  readonly headline: string;
  readonly standfirst: string;
  readonly leadFigure: FigureBlock | null;
  readonly readerUrl: string | null;
  readonly serviceName: string;
  readonly settings: WritingSettings;
  readonly lang: string;
  readonly dir: "ltr" | "rtl";
  readonly locale: LocaleTag;
  readonly thumbnailFor: (mediaId: string) => string;
  readonly onChange: (seo: StorySeo) => void;
  readonly onChooseImage: () => void;
}) {
  const { t } = useUiText();
  const id = useId();
  const seo = props.seo ?? emptySeo;
  const set = (patch: Partial<StorySeo>) => props.onChange({ ...seo, ...patch });
  const quotes = smartQuotesInField(props.locale);
  const { settings } = props;
  const limit = (text: string, max: number) =>
    t("writing.limit", { length: countCharacters(text), max });

  const searchTitle = seo.title || props.headline;
  const searchDescription = seo.description || props.standfirst;
  const socialTitle = seo.socialTitle || searchTitle;
  const socialDescription = seo.socialDescription || searchDescription;
  const imageId = seo.socialImageId ?? props.leadFigure?.mediaId ?? null;
  const address = props.readerUrl ?? `${location.origin}/`;
  const host = new URL(address, location.origin).host;
  const path = new URL(address, location.origin).pathname.split("/").filter(Boolean);

  return (
    <details class="nr-seo">
      <summary>{t("writing.seo.heading")}</summary>
      <p class="nr-help">{t("writing.seo.intro")}</p>
      <TextField
        id={`${id}-title`}
        label={t("writing.seo.title")}
        maxLength={300}
        lang={props.lang}
        dir={props.dir}
        value={seo.title}
        help={limit(searchTitle, settings.seoTitleMax)}
        onBeforeInput={quotes}
        onInput={(title) => set({ title })}
      />
      <TextField
        id={`${id}-description`}
        label={t("writing.seo.description")}
        multiline
        maxLength={1000}
        lang={props.lang}
        dir={props.dir}
        value={seo.description}
        help={limit(searchDescription, settings.seoDescriptionMax)}
        onBeforeInput={quotes}
        onInput={(description) => set({ description })}
      />
      <TextField
        id={`${id}-social-title`}
        label={t("writing.seo.socialTitle")}
        maxLength={300}
        lang={props.lang}
        dir={props.dir}
        value={seo.socialTitle}
        onBeforeInput={quotes}
        onInput={(socialTitle) => set({ socialTitle })}
      />
      <TextField
        id={`${id}-social-description`}
        label={t("writing.seo.socialDescription")}
        multiline
        maxLength={1000}
        lang={props.lang}
        dir={props.dir}
        value={seo.socialDescription}
        onBeforeInput={quotes}
        onInput={(socialDescription) => set({ socialDescription })}
      />
      <fieldset class="nr-plain-fieldset">
        <legend>{t("writing.seo.socialImage")}</legend>
        {seo.socialImageId ? null : <p>{t("writing.seo.leadImageShared")}</p>}
        <div class="nr-button-row">
          <button type="button" onClick={props.onChooseImage}>
            {t("writing.seo.chooseImage")}
          </button>
          {seo.socialImageId ? (
            <button type="button" onClick={() => set({ socialImageId: null })}>
              {t("writing.seo.removeImage")}
            </button>
          ) : null}
        </div>
      </fieldset>

      <div class="nr-previews">
        <section aria-labelledby={`${id}-serp`}>
          <h2 id={`${id}-serp`}>{t("writing.seo.searchPreview")}</h2>
          <div class="nr-serp" data-testid="search-preview">
            <p class="nr-serp-site" lang={props.lang} dir={props.dir}>
              {props.serviceName}
            </p>
            <p class="nr-serp-url" dir="ltr">
              {[host, ...path.slice(0, 2)].join(" › ")}
            </p>
            <p class="nr-serp-title" lang={props.lang} dir={props.dir}>
              {clip(searchTitle, settings.seoTitleMax)}
            </p>
            <p class="nr-serp-description" lang={props.lang} dir={props.dir}>
              {clip(searchDescription, settings.seoDescriptionMax)}
            </p>
          </div>
        </section>
        <section aria-labelledby={`${id}-card`}>
          <h2 id={`${id}-card`}>{t("writing.seo.socialPreview")}</h2>
          <div class="nr-social-card" data-testid="social-preview">
            {imageId ? (
              // The card shows what will be shared; the image's own alt text is in its figure.
              <img src={props.thumbnailFor(imageId)} alt="" />
            ) : (
              <p class="nr-social-noimage">{t("writing.seo.noImage")}</p>
            )}
            <p class="nr-social-host" dir="ltr">
              {host}
            </p>
            <p class="nr-social-title" lang={props.lang} dir={props.dir}>
              {clip(socialTitle, 90)}
            </p>
            <p class="nr-social-description" lang={props.lang} dir={props.dir}>
              {clip(socialDescription, 160)}
            </p>
          </div>
        </section>
      </div>
    </details>
  );
}
