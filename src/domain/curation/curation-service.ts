import type { Actor } from "../actor.js";
import { actorId } from "../actor.js";
import type { AuditLog } from "../audit/audit-log.js";
import { cacheTags } from "../cache/cache-tags.js";
import type { Clock } from "../clock.js";
import { NewsdeskError } from "../error-catalogue.js";
import { parseOrThrow } from "../parse-or-throw.js";
import type { CatalogRepository } from "../people/catalog-repository.js";
import { readerPageSize } from "../reader/reader-models.js";
import { type ServiceId, serviceIds } from "../services/service-registry.js";
import type { StoryRepository } from "../stories/story-repository.js";
import type { Story } from "../stories/story-schema.js";
import { assertCan, can } from "../users/access-policy.js";
import type { UserRepository } from "../users/user-repository.js";
import type { CuratedSelection, CuratedStories } from "./curated-stories.js";
import type { CurationRepository } from "./curation-repository.js";
import {
  type CuratedItem,
  type CuratedListKey,
  curationSaveSchema,
  listKeyText,
  maxPinnedStories,
  maxRelatedStories,
  relatedSaveSchema,
} from "./curation-schema.js";

/** A curated list as the newsroom's curation screen shows it. */
export interface CurationView {
  readonly serviceId: ServiceId;
  /** `home`, `section:<slug>` or `related:<story id>`. */
  readonly list: string;
  readonly version: number;
  readonly updatedAt: string | null;
  readonly updatedBy: { readonly id: string; readonly name: string } | null;
  /** The most stories the list may hold. */
  readonly limit: number;
  /** In the editors' order; `live: false` marks a pin readers no longer see. */
  readonly items: readonly CuratedItem[];
}

/** Search-as-you-type results for the curation screens: published stories only. */
const candidateLimit = 20;

/**
 * Front-page, section and related-story curation. Editors (the editor and service-admin
 * roles, `curation.manage`) pin and order stories; everyone with a role in the service may
 * look. A save names the version it started from and is refused with CURATION_CONFLICT if
 * someone else saved first (as story revisions are, ADR 0002); every save is audited. Only the
 * pages whose stories actually change are invalidated (ADR 0007).
 */
export class CurationService {
  readonly #repository: CurationRepository;
  readonly #curated: CuratedStories;
  readonly #stories: StoryRepository;
  readonly #catalog: CatalogRepository;
  readonly #users: UserRepository;
  readonly #audit: AuditLog;
  readonly #clock: Clock;
  readonly #onChange: (tags: readonly string[]) => Promise<void>;
  readonly #viewable: (actor: Actor, storyId: string) => Promise<Story>;

  constructor(deps: {
    repository: CurationRepository;
    curated: CuratedStories;
    stories: StoryRepository;
    catalog: CatalogRepository;
    users: UserRepository;
    audit: AuditLog;
    clock: Clock;
    /** Told the cache tags of the pages a save changed. */
    onChange: (tags: readonly string[]) => Promise<void>;
    /**
     * The story if the actor may read it (StoryService.viewable): the one rule, which lets a
     * translator read the source of their translation.
     */
    viewable: (actor: Actor, storyId: string) => Promise<Story>;
  }) {
    this.#repository = deps.repository;
    this.#curated = deps.curated;
    this.#stories = deps.stories;
    this.#catalog = deps.catalog;
    this.#users = deps.users;
    this.#audit = deps.audit;
    this.#clock = deps.clock;
    this.#onChange = deps.onChange;
    this.#viewable = deps.viewable;
  }

  /** The home page's (no section) or a section's pinned stories. */
  async front(actor: Actor, serviceId: ServiceId, section?: string): Promise<CurationView> {
    assertCan(actor, "story.view", serviceId);
    const key = await this.#frontKey(serviceId, section);
    return this.#view(serviceId, key, maxPinnedStories);
  }

  async saveFront(
    actor: Actor,
    serviceId: ServiceId,
    section: string | undefined,
    body: unknown,
  ): Promise<CurationView> {
    assertCan(actor, "curation.manage", serviceId);
    const input = parseOrThrow(curationSaveSchema, body);
    const key = await this.#frontKey(serviceId, section);
    const shown = () => this.#curated.front(serviceId, section, 0, readerPageSize + 1).then(idsOf);
    await this.#save(actor, serviceId, key, input, {
      accept: (item) => item.serviceId === serviceId,
      shown,
      tag: cacheTags.curated(serviceId, listKeyText(key)),
    });
    return this.#view(serviceId, key, maxPinnedStories);
  }

  /** The related stories the editors picked for a story. */
  async related(actor: Actor, storyId: string): Promise<CurationView> {
    const story = await this.#viewable(actor, storyId);
    return this.#view(story.serviceId, { kind: "related", storyId }, maxRelatedStories);
  }

  async saveRelated(actor: Actor, storyId: string, body: unknown): Promise<CurationView> {
    const story = await this.#story(storyId);
    assertCan(actor, "curation.manage", story.serviceId);
    const input = parseOrThrow(relatedSaveSchema, body);
    const key: CuratedListKey = { kind: "related", storyId };
    const shown = async () => {
      const revision = story.publishedRevisionId
        ? await this.#stories.findRevision(story.publishedRevisionId)
        : undefined;
      // An unpublished story has no reader page to change.
      if (!revision || (await this.#story(storyId)).status !== "published") return "";
      return idsOf(await this.#curated.related(story, revision.content));
    };
    await this.#save(actor, story.serviceId, key, input, {
      // Any service's story may be related, but never the story itself; the editor must be
      // able to see it (published copy is readable by anyone with a role).
      accept: (item) =>
        item.id !== storyId &&
        can(actor, "story.view", item.serviceId as ServiceId, {
          createdBy: null,
          unpublished: false,
          isTranslation: false,
          published: true,
        }),
      shown,
      tag: cacheTags.curated(story.serviceId, listKeyText(key)),
    });
    return this.#view(story.serviceId, key, maxRelatedStories);
  }

  /**
   * Published stories to pin or pick, newest first, whose headline contains `q` (all of them
   * when `q` is empty): in one service, or every service the actor works in.
   */
  async candidates(
    actor: Actor,
    query: { readonly serviceId: ServiceId; readonly anyService: boolean; readonly q: string },
  ): Promise<CuratedItem[]> {
    assertCan(actor, "story.view", query.serviceId);
    const searched = query.anyService
      ? serviceIds.filter((id) => can(actor, "story.view", id))
      : [query.serviceId];
    return this.#repository.searchPublished(searched, query.q.trim(), candidateLimit);
  }

  async #save(
    actor: Actor,
    serviceId: ServiceId,
    key: CuratedListKey,
    input: { readonly version: number; readonly storyIds: readonly string[] },
    rules: {
      accept(item: CuratedItem): boolean;
      shown(): Promise<string>;
      tag: string;
    },
  ): Promise<void> {
    if (new Set(input.storyIds).size !== input.storyIds.length) {
      throw new NewsdeskError("VALIDATION_FAILED", { detail: "A story is in the list twice." });
    }
    const listKey = listKeyText(key);
    const previous = await this.#repository.find(serviceId, listKey);
    const kept = new Set(previous?.storyIds ?? []);
    const items = new Map((await this.#repository.items(input.storyIds)).map((i) => [i.id, i]));
    for (const id of input.storyIds) {
      const item = items.get(id);
      // A pin that stopped being live may stay (the screen marks it); a new one must be live.
      if (!item || !rules.accept(item) || (!item.live && !kept.has(id))) {
        throw new NewsdeskError("CURATION_STORY_NOT_LIVE", { details: { storyId: id } });
      }
    }
    const before = await rules.shown();
    const saved = await this.#repository.save({
      serviceId,
      listKey,
      storyIds: input.storyIds,
      expectedVersion: input.version,
      at: this.#clock.now().toISOString(),
      by: actorId(actor),
    });
    if (!saved) {
      throw new NewsdeskError("CURATION_CONFLICT", {
        details: { currentVersion: previous?.version ?? 0 },
      });
    }
    await this.#audit.record(
      actor,
      "curation.saved",
      key.kind === "related" ? { serviceId, storyId: key.storyId } : { serviceId },
      {
        list: listKey,
        version: input.version + 1,
        before: previous?.storyIds ?? [],
        after: input.storyIds,
      },
    );
    // Exact invalidation: only when what readers see changed (a reordered list of pins that
    // are all off the page, or a no-op save, leaves the cached pages alone).
    if ((await rules.shown()) !== before) await this.#onChange([rules.tag]);
  }

  async #frontKey(serviceId: ServiceId, section: string | undefined): Promise<CuratedListKey> {
    if (section === undefined) return { kind: "home" };
    const sections = await this.#catalog.listSections(serviceId);
    if (!sections.some((s) => s.slug === section)) {
      throw new NewsdeskError("NOT_FOUND", { detail: "The service has no such section." });
    }
    return { kind: "section", slug: section };
  }

  async #story(storyId: string): Promise<Story> {
    const story = await this.#stories.findStory(storyId);
    if (!story) throw new NewsdeskError("STORY_NOT_FOUND");
    return story;
  }

  async #view(serviceId: ServiceId, key: CuratedListKey, limit: number): Promise<CurationView> {
    const list = await this.#repository.find(serviceId, listKeyText(key));
    const ids = list?.storyIds ?? [];
    const byId = new Map((await this.#repository.items(ids)).map((i) => [i.id, i]));
    const user = list?.updatedBy ? await this.#users.findUser(list.updatedBy) : undefined;
    return {
      serviceId,
      list: listKeyText(key),
      version: list?.version ?? 0,
      updatedAt: list?.updatedAt ?? null,
      updatedBy: user ? { id: user.id, name: user.displayName } : null,
      limit,
      items: ids.flatMap((id) => {
        const item = byId.get(id);
        return item ? [item] : [];
      }),
    };
  }
}

function idsOf(selection: CuratedSelection): string {
  return selection.stories.map((s) => s.id).join(" ");
}
