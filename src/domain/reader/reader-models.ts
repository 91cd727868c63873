import type { BreakingBanner } from "../breaking/breaking-news-schema.js";
import type { Agency, Desk, Person, Section, Topic } from "../people/people-schema.js";
import type { ResolvedMedia, SourceCredits, StoryEmbeds } from "../published/published-stories.js";
import type { ServiceConfig } from "../services/service-registry.js";
import type { StorySummary } from "../stories/story-repository.js";
import type { Correction, Story, StoryContent } from "../stories/story-schema.js";

/** Stories per reader list page. */
export const readerPageSize = 20;

/** What every reader page shares: its service, navigation and breaking-news bar. */
export interface PageChrome {
  readonly service: ServiceConfig;
  readonly sections: readonly Section[];
  readonly banner: BreakingBanner | undefined;
}

export interface StoryPageModel extends PageChrome {
  readonly story: Story;
  readonly content: StoryContent;
  readonly corrections: readonly Correction[];
  readonly people: ReadonlyMap<string, Person>;
  readonly desks: ReadonlyMap<string, Desk>;
  readonly agencies: readonly Agency[];
  readonly topics: readonly Topic[];
  readonly media: ReadonlyMap<string, ResolvedMedia>;
  /** The stories its body embeds, as readers of its service see them. */
  readonly embeds: StoryEmbeds;
  /** None for a live page, which lists its posts instead. */
  readonly related: readonly StorySummary[];
  /** For a translation: its source's authors, credited in the byline. */
  readonly source?: SourceCredits | null;
  /** Every story the editors picked as related, live or not (its page carries their tags). */
  readonly curatedRelatedIds: readonly string[];
}

export interface StoryListModel extends PageChrome {
  readonly stories: readonly StorySummary[];
  readonly media: ReadonlyMap<string, ResolvedMedia>;
  readonly page: number;
  readonly hasMore: boolean;
  /** Every story the editors pinned to this list, live or not (the page carries their tags). */
  readonly curatedIds: readonly string[];
}

export type StoryLookup =
  | { readonly kind: "published"; readonly model: StoryPageModel }
  | {
      readonly kind: "killed";
      readonly chrome: PageChrome;
      /** What the editor wrote when killing it; readers are told (the kill dialog says so). */
      readonly reason: string | null;
    }
  | { readonly kind: "missing"; readonly chrome: PageChrome };
