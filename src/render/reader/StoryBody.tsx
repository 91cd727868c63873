import { type ComponentChildren, Fragment } from "preact";
import type { ResolvedMedia } from "../../domain/published/published-stories.js";
import type { InlineText, StoryBlock } from "../../domain/stories/story-body-schema.js";
import { Figure } from "./Figure.js";

/** Maps body blocks to HTML. Every tag is decided here; story text is only ever text. */
export function StoryBody(props: {
  blocks: readonly StoryBlock[];
  media: ReadonlyMap<string, ResolvedMedia>;
  dateline?: string;
}) {
  let datelineUsed = false;
  return (
    <div class="story-body">
      {props.blocks.map((block, index) => {
        if (block.type === "paragraph" && props.dateline && !datelineUsed) {
          datelineUsed = true;
          return (
            <p key={index}>
              <span class="dateline">{`${props.dateline} — `}</span>
              <Inline content={block.content} />
            </p>
          );
        }
        return <Block key={index} block={block} media={props.media} />;
      })}
    </div>
  );
}

function Block({ block, media }: { block: StoryBlock; media: ReadonlyMap<string, ResolvedMedia> }) {
  switch (block.type) {
    case "paragraph":
      return (
        <p>
          <Inline content={block.content} />
        </p>
      );
    case "heading":
      return block.level === 2 ? (
        <h2>
          <Inline content={block.content} />
        </h2>
      ) : (
        <h3>
          <Inline content={block.content} />
        </h3>
      );
    case "quote":
      return (
        <blockquote>
          <p>
            <Inline content={block.content} />
          </p>
          {block.speaker ? (
            <footer>
              <cite>
                <bdi>{block.speaker}</bdi>
              </cite>
            </footer>
          ) : null}
        </blockquote>
      );
    case "list": {
      const items = block.items.map((item, index) => (
        <li key={index}>
          <Inline content={item} />
        </li>
      ));
      return block.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
    }
    case "figure":
      return (
        <Figure
          media={media.get(block.mediaId)}
          caption={block.caption}
          credit={block.credit}
          alt={block.alt}
        />
      );
  }
}

export function Inline({ content }: { content: readonly InlineText[] }) {
  return (
    <>
      {content.map((part, index) => {
        let node: ComponentChildren = part.text;
        for (const mark of part.marks ?? []) {
          if (mark.type === "em") node = <em>{node}</em>;
          else if (mark.type === "strong") node = <strong>{node}</strong>;
          else node = <a href={mark.href}>{node}</a>;
        }
        return <Fragment key={index}>{node}</Fragment>;
      })}
    </>
  );
}
