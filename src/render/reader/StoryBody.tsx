import { type ComponentChildren, Fragment } from "preact";
import type { ResolvedMedia, StoryEmbeds } from "../../domain/published/published-stories.js";
import type { ServiceConfig } from "../../domain/services/service-registry.js";
import type { InlineText, StoryBlock } from "../../domain/stories/story-body-schema.js";
import { storyUrl } from "../reader-urls.js";
import { Figure, type LitePhoto } from "./Figure.js";

/** What blocks name besides their text, as the page's edition shows it. */
interface BodyResources {
  /** The page's edition: embedded stories link to their address in it. */
  readonly service: ServiceConfig;
  readonly media: ReadonlyMap<string, ResolvedMedia>;
  readonly embeds: StoryEmbeds;
  /** Text-only mode's figures (litePhotoFor); unset, figures show their picture. */
  readonly litePhoto?: LitePhoto | undefined;
}

/** Maps body blocks to HTML. Every tag is decided here; story text is only ever text. */
export function StoryBody(
  props: BodyResources & {
    blocks: readonly StoryBlock[];
    dateline?: string;
  },
) {
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
        return <Block key={index} block={block} resources={props} />;
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

function Block({ block, resources }: { block: StoryBlock; resources: BodyResources }) {
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
          media={resources.media.get(block.mediaId)}
          caption={block.caption}
          credit={block.credit}
          alt={block.alt}
          litePhoto={resources.litePhoto}
        />
      );
    case "storyEmbed": {
      // Nothing unless readers of this edition may read the story: a draft's, an embargoed
      // or a killed story's headline never reaches the page (resolveEmbeds leaves it out).
      const shown = resources.embeds.shown.get(block.storyId);
      if (!shown) return null;
      // A plain link named by the headline (WCAG 2.2 SC 2.4.4): no script, no picture, so it
      // reads the same on text-only pages and wraps at any width.
      return (
        <p class="story-embed">
          <a
            href={storyUrl(resources.service, {
              id: shown.storyId,
              slug: shown.slug,
              section: shown.section,
            })}
          >
            {shown.headline}
          </a>
        </p>
      );
    }
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
