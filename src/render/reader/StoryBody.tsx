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
  // A subheading under the headline (h1) is an h2: a level-3 heading before any level-2 one
  // would skip a level (WCAG 2.2 SC 1.3.1), so it is raised.
  let subheadingSeen = false;
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
        if (block.type === "heading") {
          const level = block.level === 3 && subheadingSeen ? 3 : 2;
          if (level === 2) subheadingSeen = true;
          return <Heading key={index} content={block.content} level={level} />;
        }
        return <Block key={index} block={block} media={props.media} />;
      })}
    </div>
  );
}

function Heading({ content, level }: { content: readonly InlineText[]; level: 2 | 3 }) {
  return level === 2 ? (
    <h2>
      <Inline content={content} />
    </h2>
  ) : (
    <h3>
      <Inline content={content} />
    </h3>
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
      return <Heading content={block.content} level={block.level} />;
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
