import type { FigureBlock } from "../../domain/stories/story-body-schema.js";
import { useUiText } from "../i18n/ui-language.js";

/** The story's lead image: thumbnail, caption, credit and alt text, and what can be done to it. */
export function LeadFigureField(props: {
  readonly lead: FigureBlock | null;
  readonly thumbnailFor: (mediaId: string) => string;
  readonly lang: string;
  readonly dir: "ltr" | "rtl";
  readonly onEdit: (lead: FigureBlock) => void;
  readonly onRemove: () => void;
  readonly onChoose: () => void;
}) {
  const { lead, lang, dir } = props;
  const { t } = useUiText();
  return (
    <fieldset class="nr-lead">
      <legend>{t("editor.leadImage")}</legend>
      {lead ? (
        <figure class="nr-figure">
          <img src={props.thumbnailFor(lead.mediaId)} alt={lead.alt} />
          <figcaption lang={lang} dir={dir}>
            {lead.caption || t("editor.noCaption")}{" "}
            {lead.credit ? (
              <span class="nr-figure-credit">{t("editor.credit", { credit: lead.credit })}</span>
            ) : null}
          </figcaption>
          <p class="nr-figure-alt" lang={lang} dir={dir}>
            {lead.alt ? t("editor.alt", { alt: lead.alt }) : t("editor.altMissing")}
          </p>
        </figure>
      ) : (
        <p>{t("editor.noLead")}</p>
      )}
      <div class="nr-button-row">
        {lead ? (
          <>
            <button type="button" onClick={() => props.onEdit(lead)}>
              {t("editor.editLead")}
            </button>
            <button type="button" onClick={props.onRemove}>
              {t("editor.removeLead")}
            </button>
          </>
        ) : null}
        <button type="button" onClick={props.onChoose}>
          {lead ? t("editor.changeLead") : t("editor.chooseLead")}
        </button>
      </div>
    </fieldset>
  );
}
