import type { StoryBlock } from "../../domain/stories/story-body-schema.js";
import { inlinePlainText } from "../../domain/stories/story-body-schema.js";
import { useUiText } from "../i18n/ui-language.js";
import type { Catalog, Content } from "../shared/api-schemas.js";
import { EmbeddedStoryName } from "../shared/EmbeddedStory.js";
import { bylineName } from "./story-draft.js";

/** One version of a story as readable text, for the conflict view; differing fields marked. */
export function ContentView(props: {
  readonly content: Content;
  readonly other: Content;
  readonly catalog: Catalog | null;
  readonly lang: string;
  readonly dir: "ltr" | "rtl";
}) {
  const { content, other, catalog } = props;
  const { t } = useUiText();
  const names = (c: Content) =>
    c.bylines
      .map((b) => (catalog ? bylineName(b, catalog) : b.kind === "person" ? b.personId : b.deskId))
      .join(", ");
  const rows: readonly [string, string, string][] = [
    [t("content.headline"), content.headline, other.headline],
    [t("content.standfirst"), content.standfirst, other.standfirst],
    [t("content.dateline"), content.dateline, other.dateline],
    [t("content.slug"), content.slug, other.slug],
    [t("content.section"), content.section, other.section],
    [t("content.topics"), content.topics.join(", "), other.topics.join(", ")],
    [t("content.bylines"), names(content), names(other)],
    [t("content.agencies"), content.agencies.join(", "), other.agencies.join(", ")],
    [t("content.leadImage"), content.leadFigure?.caption ?? "", other.leadFigure?.caption ?? ""],
  ];
  const bodyDiffers = JSON.stringify(content.body) !== JSON.stringify(other.body);
  return (
    <div class="nr-content-view">
      <dl>
        {rows.map(([label, value, otherValue]) => (
          <div key={label} class={value !== otherValue ? "nr-differs" : undefined}>
            <dt>
              {label}
              {value !== otherValue ? <span class="nr-tag"> {t("content.differs")}</span> : null}
            </dt>
            <dd lang={props.lang} dir={props.dir}>
              {value || "—"}
            </dd>
          </div>
        ))}
      </dl>
      <h4>
        {t("content.body")}
        {bodyDiffers ? <span class="nr-tag"> {t("content.differs")}</span> : null}
      </h4>
      <div class="nr-body-text" lang={props.lang} dir={props.dir}>
        {content.body.length === 0 ? (
          <p>—</p>
        ) : (
          content.body.map((block, index) => <BlockText key={index} block={block} />)
        )}
      </div>
    </div>
  );
}

function BlockText(props: { readonly block: StoryBlock }) {
  const { block } = props;
  const { t } = useUiText();
  switch (block.type) {
    case "paragraph":
      return <p>{inlinePlainText(block.content)}</p>;
    case "heading":
      return <p class="nr-body-heading">{inlinePlainText(block.content)}</p>;
    case "quote":
      return (
        <blockquote>
          <p>{inlinePlainText(block.content)}</p>
          {block.speaker ? <p>— {block.speaker}</p> : null}
        </blockquote>
      );
    case "list":
      return (
        <ul>
          {block.items.map((item, index) => (
            <li key={index}>{inlinePlainText(item)}</li>
          ))}
        </ul>
      );
    case "figure":
      return (
        <p class="nr-help">
          {t("content.image", { caption: block.caption || block.alt || block.mediaId })}
        </p>
      );
    case "storyEmbed":
      return (
        <p class="nr-help">
          <EmbeddedStoryName storyId={block.storyId} />
        </p>
      );
  }
}
