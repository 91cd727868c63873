import { useUiText } from "../i18n/ui-language.js";
import { CuratedListEditor } from "./CuratedListEditor.js";

/**
 * The story editor's related-stories picker: the editors' picks replace the automatic
 * related list on the reader page; with none picked, readers get the automatic list.
 */
export function RelatedStoriesPanel(props: {
  readonly storyId: string;
  readonly serviceId: string;
  readonly canEdit: boolean;
}) {
  const { t } = useUiText();
  return (
    <div class="nr-panel">
      <CuratedListEditor
        list={{ kind: "related", storyId: props.storyId }}
        serviceId={props.serviceId}
        anyServiceOption
        browseWhenEmpty={false}
        canEdit={props.canEdit}
        heading={t("related.heading")}
        headingLevel={2}
      />
      <p class="nr-help">{t("related.fallback")}</p>
    </div>
  );
}
