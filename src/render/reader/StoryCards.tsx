import type { ResolvedMedia } from "../../domain/published/published-stories.js";
import type { StorySummary } from "../../domain/stories/story-repository.js";
import { storyUrl } from "../reader-urls.js";
import { Figure } from "./Figure.js";
import type { RenderContext } from "./render-context.js";
import { TimeTag } from "./TimeTag.js";

/** A grid of story teasers. Teaser images are decorative (the headline is the link text). */
export function StoryCards(props: {
  ctx: RenderContext;
  stories: readonly StorySummary[];
  media: ReadonlyMap<string, ResolvedMedia>;
}) {
  const { ctx } = props;
  return (
    <ul class="cards">
      {props.stories.map((story) => {
        const href = storyUrl(ctx.service, story);
        const media = story.leadMediaId ? props.media.get(story.leadMediaId) : undefined;
        return (
          <li key={story.id} class="card">
            {media ? (
              <Figure
                media={media}
                caption=""
                credit=""
                alt=""
                sizes="(min-width: 48rem) 20rem, 100vw"
              />
            ) : null}
            <h3>
              <a href={href}>{story.headline}</a>
            </h3>
            <p>
              <TimeTag ctx={ctx} iso={story.updatedAt ?? story.firstPublishedAt} />
            </p>
          </li>
        );
      })}
    </ul>
  );
}
