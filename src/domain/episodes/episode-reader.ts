import type { ClipRepository } from "../clips/clip-repository.js";
import type { ClipView } from "../clips/clip-schema.js";
import type { ProgrammeRepository } from "../programmes/programme-repository.js";
import type { Programme } from "../programmes/programme-schema.js";
import type { EpisodeRepository, PublishedEpisodeRow } from "./episode-repository.js";
import type { Episode } from "./episode-schema.js";

/** An episode with its programme and its clip (when the clip is ready to play). */
export interface EpisodeView {
  readonly episode: Episode;
  readonly programme: Programme;
  readonly clip: ClipView | null;
}

export interface PublishedEpisode extends PublishedEpisodeRow {
  readonly clip: ClipView | null;
}

/** Reader pages list this many episodes per programme page. */
export const episodesPerPage = 20;
/** A podcast feed carries the newest episodes only (directories re-read feeds often). */
export const episodesPerFeed = 100;

/** What episode pages, programme pages and podcast feeds read of episodes. */
export class EpisodeReader {
  readonly #episodes: EpisodeRepository;
  readonly #programmes: ProgrammeRepository;
  readonly #clips: ClipRepository;

  constructor(deps: {
    episodes: EpisodeRepository;
    programmes: ProgrammeRepository;
    clips: ClipRepository;
  }) {
    this.#episodes = deps.episodes;
    this.#programmes = deps.programmes;
    this.#clips = deps.clips;
  }

  /** The episode a published story is, or undefined for other stories. */
  async forStory(storyId: string): Promise<EpisodeView | undefined> {
    const episode = await this.#episodes.find(storyId);
    if (!episode) return undefined;
    const programme = await this.#programmes.find(episode.programmeId);
    if (!programme) return undefined;
    const clips = await this.#clipViews(episode.clipId ? [episode.clipId] : []);
    return { episode, programme, clip: (episode.clipId && clips.get(episode.clipId)) || null };
  }

  /** A programme's published episodes, newest first. */
  async published(
    programme: Programme,
    page: { limit: number; offset: number },
  ): Promise<{ items: PublishedEpisode[]; total: number }> {
    const { items, total } = await this.#episodes.listPublished(programme.id, page);
    const clips = await this.#clipViews(items.flatMap((i) => i.episode.clipId ?? []));
    return {
      items: items.map((item) => ({
        ...item,
        clip: (item.episode.clipId && clips.get(item.episode.clipId)) || null,
      })),
      total,
    };
  }

  /** The ready video clips of the episodes among these stories, by story (video sitemaps). */
  async videos(storyIds: readonly string[]): Promise<Map<string, ClipView>> {
    if (storyIds.length === 0) return new Map();
    const episodes = (await this.#episodes.findMany(storyIds)).filter((e) => e.clipId !== null);
    const clips = await this.#clipViews(episodes.flatMap((e) => e.clipId ?? []));
    const out = new Map<string, ClipView>();
    for (const episode of episodes) {
      const clip = episode.clipId ? clips.get(episode.clipId) : undefined;
      if (clip?.clip.kind === "video") out.set(episode.storyId, clip);
    }
    return out;
  }

  /** Ready clips only: a clip still transcoding has no renditions to offer readers. */
  async #clipViews(ids: readonly string[]): Promise<Map<string, ClipView>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const [clips, renditions, captions] = await Promise.all([
      Promise.all(unique.map((id) => this.#clips.find(id))),
      this.#clips.renditions(unique),
      this.#clips.captions(unique),
    ]);
    const views = new Map<string, ClipView>();
    for (const clip of clips) {
      if (clip?.status !== "ready") continue;
      views.set(clip.id, {
        clip,
        renditions: renditions.get(clip.id) ?? [],
        captions: captions.get(clip.id) ?? [],
      });
    }
    return views;
  }
}
