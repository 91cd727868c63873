import type { Actor } from "../actor.js";
import type { AuditLog } from "../audit/audit-log.js";
import { cacheTags } from "../cache/cache-tags.js";
import type { ClipRepository } from "../clips/clip-repository.js";
import type { Clock } from "../clock.js";
import { NewsdeskError } from "../error-catalogue.js";
import { parseOrThrow } from "../parse-or-throw.js";
import type { ProgrammeRepository } from "../programmes/programme-repository.js";
import type { StoryEvent, StoryEventListener } from "../stories/story-events.js";
import type { Story } from "../stories/story-schema.js";
import { factsOf } from "../stories/story-service.js";
import { assertCan } from "../users/access-policy.js";
import type { EpisodeRepository } from "./episode-repository.js";
import { type Episode, episodeSaveSchema } from "./episode-schema.js";

/**
 * An episode's programme, clip, chapters and numbering (issue 17). Whoever may edit the story
 * may edit these; the story itself (show notes, headline, workflow) goes through StoryService.
 */
export class EpisodeService implements StoryEventListener {
  readonly #episodes: EpisodeRepository;
  readonly #programmes: ProgrammeRepository;
  readonly #clips: ClipRepository;
  readonly #viewable: (actor: Actor, storyId: string) => Promise<Story>;
  readonly #clock: Clock;
  readonly #audit: Pick<AuditLog, "record">;
  readonly #onChange: (tags: readonly string[]) => Promise<void>;

  constructor(deps: {
    episodes: EpisodeRepository;
    programmes: ProgrammeRepository;
    clips: ClipRepository;
    /** The story if the actor may see it (StoryService.viewable), else it throws. */
    viewable: (actor: Actor, storyId: string) => Promise<Story>;
    clock: Clock;
    audit: Pick<AuditLog, "record">;
    onChange: (tags: readonly string[]) => Promise<void>;
  }) {
    this.#episodes = deps.episodes;
    this.#programmes = deps.programmes;
    this.#clips = deps.clips;
    this.#viewable = deps.viewable;
    this.#clock = deps.clock;
    this.#audit = deps.audit;
    this.#onChange = deps.onChange;
  }

  async get(actor: Actor, storyId: string): Promise<Episode> {
    await this.#viewable(actor, storyId);
    const episode = await this.#episodes.find(storyId);
    if (!episode) throw new NewsdeskError("EPISODE_NOT_FOUND");
    return episode;
  }

  /**
   * Saves the episode. A save that names `since` (the `updatedAt` it started from, null for
   * "there was none") is refused with EPISODE_CONFLICT when someone else saved in between,
   * as the story editor refuses a stale revision; the check and the write are one statement.
   */
  async save(actor: Actor, storyId: string, raw: unknown): Promise<Episode> {
    const story = await this.#viewable(actor, storyId);
    assertCan(actor, "story.edit", story.serviceId, factsOf(story));
    if (story.kind !== "episode") throw new NewsdeskError("EPISODE_NOT_EPISODE");
    const { since, ...input } = parseOrThrow(episodeSaveSchema, raw);
    const [programme, clip, before] = await Promise.all([
      this.#programmes.find(input.programmeId),
      input.clipId ? this.#clips.find(input.clipId) : undefined,
      this.#episodes.find(storyId),
    ]);
    // An episode belongs to a programme of its own service; its translation in another
    // service belongs to that service's programme (the family links them).
    if (!programme || programme.serviceId !== story.serviceId || (input.clipId && !clip)) {
      throw new NewsdeskError("EPISODE_INVALID");
    }
    const episode: Episode = {
      ...input,
      storyId,
      updatedAt: this.#clock.now().toISOString(),
    };
    if (since !== undefined && since !== (before?.updatedAt ?? null)) {
      throw new NewsdeskError("EPISODE_CONFLICT");
    }
    if (!(await this.#episodes.save(episode, since))) throw new NewsdeskError("EPISODE_CONFLICT");
    // Story saves are audited through their story events; an episode's programme, clip and
    // chapters are saved beside the story, so they are recorded here.
    await this.#audit.record(
      actor,
      "episode.saved",
      { storyId, serviceId: story.serviceId },
      {
        programmeId: episode.programmeId,
        clipId: episode.clipId,
        chapters: episode.chapters.length,
        episodeNumber: episode.episodeNumber,
        season: episode.season,
      },
    );
    const programmes = new Set([programme.id, ...(before ? [before.programmeId] : [])]);
    await this.#onChange([
      cacheTags.story(storyId),
      ...[...programmes].flatMap((id) => [
        cacheTags.programmeEpisodes(id),
        cacheTags.programmeFeed(id),
      ]),
    ]);
    return episode;
  }

  /**
   * A programme page lists its published episodes and its podcast feed carries them, so
   * publishing or withdrawing an episode changes which the programme's pages list. What they
   * show of each (headline, notes, address, dates) changes with its teaser tag, which those
   * pages carry: a correction or an update of an episode does not drop its programme's pages.
   */
  async onStoryEvent(event: StoryEvent): Promise<void> {
    if (event.story.kind !== "episode" || !readerVisible.has(event.type)) return;
    const episode = await this.#episodes.find(event.story.id);
    if (!episode) return;
    // The feed carries only episodes with a clip (podcast-feed.ts): one without changes
    // the programme's page alone.
    await this.#onChange([
      cacheTags.programmeEpisodes(episode.programmeId),
      ...(episode.clipId === null ? [] : [cacheTags.programmeFeed(episode.programmeId)]),
    ]);
  }
}

const readerVisible = new Set<StoryEvent["type"]>([
  "published",
  "killed",
  "unpublished",
  "trashed",
  "restored",
]);
