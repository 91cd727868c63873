import type { StoryBlock } from "../../domain/stories/story-body-schema.js";
import { originalRendition } from "../media/media-files.js";
import { EmbeddedStoryName } from "../shared/EmbeddedStory.js";

/** A post's body as the newsroom shows it: plain paragraphs and figures, no reader chrome. */
export function PostBody(props: {
  readonly body: readonly StoryBlock[];
  readonly lang: string;
  readonly dir: "ltr" | "rtl";
}) {
  return (
    <div class="nr-live-body" lang={props.lang} dir={props.dir}>
      {props.body.map((block, index) => {
        // Blocks have no ids; a post's blocks are shown whole and replaced whole.
        const key = `${index}-${block.type}`;
        switch (block.type) {
          case "paragraph":
            return <p key={key}>{block.content.map((part) => part.text).join("")}</p>;
          case "heading":
            return <p key={key}>{block.content.map((part) => part.text).join("")}</p>;
          case "quote":
            return (
              <blockquote key={key}>
                <p>{block.content.map((part) => part.text).join("")}</p>
                {block.speaker ? <p>— {block.speaker}</p> : null}
              </blockquote>
            );
          case "list": {
            const items = block.items.map((item, i) => (
              <li key={i}>{item.map((part) => part.text).join("")}</li>
            ));
            return block.ordered ? <ol key={key}>{items}</ol> : <ul key={key}>{items}</ul>;
          }
          case "figure":
            return (
              <figure key={key} class="nr-live-figure">
                <img src={originalRendition(block.mediaId)} alt={block.alt} loading="lazy" />
                {block.caption ? <figcaption>{block.caption}</figcaption> : null}
              </figure>
            );
          case "storyEmbed":
            return (
              <p key={key} class="nr-story-embed" data-story-embed={block.storyId}>
                <EmbeddedStoryName storyId={block.storyId} />
              </p>
            );
        }
        return null;
      })}
    </div>
  );
}
