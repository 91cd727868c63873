import { z } from "zod";
import { type Actor, actorId, systemActor } from "../actor.js";
import type { Clock } from "../clock.js";
import { NewsdeskError } from "../error-catalogue.js";
import { parseOrThrow } from "../parse-or-throw.js";
import type { CatalogRepository } from "../people/catalog-repository.js";
import { isServiceId, type ServiceId } from "../services/service-registry.js";
import type { StoryRepository } from "../stories/story-repository.js";
import {
  type Story,
  type StoryRevision,
  serviceIdSchema,
  slugSchema,
} from "../stories/story-schema.js";
import type { StoryService } from "../stories/story-service.js";
import { assertWireReader } from "./wire-access.js";
import type { WireEvents } from "./wire-events.js";
import type { WireItem } from "./wire-item-schema.js";
import { flagForUse, isEmbargoed } from "./wire-lifecycle.js";
import { requireItem, requireVersion } from "./wire-queue.js";
import type {
  StoryWireFlag,
  WireItemRepository,
  WireLineageRepository,
  WireQueueEntry,
  WireSourceRepository,
  WireStoryLink,
  WireVersion,
} from "./wire-repository.js";
import type { WireSource } from "./wire-source-schema.js";
import { appendWireToContent, sectionForSubjects, storyContentFromWire } from "./wire-story.js";

export interface WireStoriesDeps {
  readonly items: Pick<WireItemRepository, "findItem" | "findVersion">;
  readonly sources: Pick<WireSourceRepository, "findSource">;
  readonly lineage: Pick<WireLineageRepository, "recordUse" | "listLinks" | "listFlags">;
  readonly stories: StoryService;
  readonly storyRepository: StoryRepository;
  readonly catalog: CatalogRepository;
  readonly clock: Clock;
  /** Told when a use flags a story at once (the item was killed meanwhile). */
  readonly events: WireEvents;
}

const useInNewStoryInputSchema = z.object({
  serviceId: serviceIdSchema.optional(),
  section: slugSchema.optional(),
  /** Use an earlier version instead of the current one. */
  versionId: z.string().min(1).max(64).optional(),
});

const addToStoryInputSchema = z.object({
  storyId: z.string().min(1).max(64),
  /** The revision the editor is looking at; a stale one is refused as REVISION_CONFLICT. */
  baseRevisionId: z.string().min(1).max(64).optional(),
  versionId: z.string().min(1).max(64).optional(),
});

/**
 * Wire copy in stories: "use in new story" and "add to story", each crediting the agency,
 * carrying its embargo and recording lineage; and a story's lineage with each item's status.
 */
export class WireStories {
  readonly #deps: WireStoriesDeps;

  constructor(deps: WireStoriesDeps) {
    this.#deps = deps;
  }

  /** "Use in new story": a draft with the item's text, the agency credited, lineage recorded. */
  async useInNewStory(
    actor: Actor,
    itemId: string,
    rawInput: unknown,
  ): Promise<{
    story: Story;
    revision: StoryRevision;
    link: WireStoryLink;
    flags: StoryWireFlag[];
    embargoedUntil: string | null;
  }> {
    const input = parseOrThrow(useInNewStoryInputSchema, rawInput ?? {});
    const { entry, version, source } = await this.#usable(itemId, input.versionId);
    await this.#ensureAgency(entry.agencyCode, source);
    const serviceId: ServiceId =
      input.serviceId ??
      source?.serviceId ??
      (isServiceId(entry.serviceId) ? entry.serviceId : "en");
    const section = input.section ?? (await this.#defaultSection(serviceId, version.item, source));
    const content = storyContentFromWire(version.item, { agencyCode: entry.agencyCode, section });
    const created = await this.#deps.stories.create(actor, { serviceId, content });
    const { revision } = created;
    const embargoedUntil = this.#activeEmbargo(version.item);
    const story = (await this.#carryEmbargo(created.story, embargoedUntil)) ?? created.story;
    const link = this.#link(actor, story.id, entry, version, "new-story");
    const flags = await this.#recordUse(link);
    return { story, revision, link, flags, embargoedUntil };
  }

  /** "Add to story": appends the item's text to a story's draft and credits the agency. */
  async addToStory(
    actor: Actor,
    itemId: string,
    rawInput: unknown,
  ): Promise<{
    revision: StoryRevision;
    link: WireStoryLink;
    flags: StoryWireFlag[];
    embargoedUntil: string | null;
  }> {
    const input = parseOrThrow(addToStoryInputSchema, rawInput);
    const { entry, version, source } = await this.#usable(itemId, input.versionId);
    const story = await this.#deps.storyRepository.findStory(input.storyId);
    if (story === undefined) throw new NewsdeskError("STORY_NOT_FOUND");
    const base = await this.#deps.storyRepository.findRevision(story.currentRevisionId);
    if (base === undefined) throw new NewsdeskError("STORY_NOT_FOUND");
    await this.#ensureAgency(entry.agencyCode, source);
    const content = appendWireToContent(base.content, version.item, entry.agencyCode);
    const revision = await this.#deps.stories.saveDraft(actor, story.id, {
      baseRevisionId: input.baseRevisionId ?? base.id,
      content,
      note: `Added wire copy ${entry.guid} (${entry.agencyCode}).`,
    });
    const embargoedUntil = this.#activeEmbargo(version.item);
    await this.#carryEmbargo(
      (await this.#deps.storyRepository.findStory(story.id)) ?? story,
      embargoedUntil,
    );
    const link = this.#link(actor, story.id, entry, version, "add-to-story");
    const flags = await this.#recordUse(link);
    return { revision, link, flags, embargoedUntil };
  }

  /** What a story was built from, with each item's current status: the editor's banner data. */
  async storyWire(
    actor: Actor,
    storyId: string,
  ): Promise<{
    links: (WireStoryLink & {
      readonly currentPubStatus: WireQueueEntry["pubStatus"] | null;
      readonly embargoed: boolean;
    })[];
    flags: StoryWireFlag[];
  }> {
    assertWireReader(actor);
    // A story's wire lineage is part of the story: only for those who may see the story.
    // (`viewable`: translators of its translations included.)
    await this.#deps.stories.viewable(actor, storyId);
    const [links, flags] = await Promise.all([
      this.#deps.lineage.listLinks({ storyId }),
      this.#deps.lineage.listFlags({ storyId, limit: 200 }),
    ]);
    const now = this.#deps.clock.now();
    const items = new Map<string, WireQueueEntry | undefined>();
    for (const link of links) {
      if (!items.has(link.itemId))
        items.set(link.itemId, await this.#deps.items.findItem(link.itemId));
    }
    return {
      links: links.map((link) => {
        const item = items.get(link.itemId);
        return {
          ...link,
          currentPubStatus: item?.pubStatus ?? null,
          embargoed: isEmbargoed(item?.embargoedUntil, now),
        };
      }),
      flags,
    };
  }

  /**
   * An agency's embargo binds every story built on its copy: the story may not go out before
   * it. Applied by the system (the rule is the agency's, not the user's choice), and only to
   * stories not yet published; a later embargo already on the story is kept.
   */
  async #carryEmbargo(story: Story, embargoedUntil: string | null): Promise<Story | undefined> {
    if (!embargoedUntil || story.status === "published" || story.status === "killed")
      return undefined;
    if (story.embargoUntil && Date.parse(story.embargoUntil) >= Date.parse(embargoedUntil))
      return undefined;
    return this.#deps.stories.setEmbargo(systemActor("agency embargo"), story.id, embargoedUntil);
  }

  /** Records lineage; a kill that won the race flags the story at once, and is announced. */
  async #recordUse(link: WireStoryLink): Promise<StoryWireFlag[]> {
    const flags = await this.#deps.lineage.recordUse(link, flagForUse);
    if (flags.length > 0) await this.#deps.events.emit([{ type: "stories-flagged", flags }]);
    return flags;
  }

  async #usable(
    itemId: string,
    versionId: string | undefined,
  ): Promise<{ entry: WireQueueEntry; version: WireVersion; source: WireSource | undefined }> {
    const entry = await requireItem(this.#deps.items, itemId);
    if (entry.pubStatus !== "usable") {
      throw new NewsdeskError("WIRE_ITEM_NOT_USABLE", {
        detail: `The agency marked ${entry.guid} as ${entry.pubStatus}.`,
      });
    }
    const version = await requireVersion(
      this.#deps.items,
      itemId,
      versionId ?? entry.currentVersionId,
    );
    const source = await this.#deps.sources.findSource(entry.sourceId);
    return { entry, version, source };
  }

  /** Agency codes in credits must exist in `agencies`; the source knows the display name. */
  async #ensureAgency(code: string, source: WireSource | undefined): Promise<void> {
    if (source !== undefined && source.agencyCode === code) {
      await this.#deps.catalog.upsertAgency({ code, name: source.agencyName });
      return;
    }
    const [existing] = await this.#deps.catalog.findAgencies([code]);
    if (existing === undefined) await this.#deps.catalog.upsertAgency({ code, name: code });
  }

  /** The source's subject mapping when it names a section of this service, else the first one. */
  async #defaultSection(
    serviceId: ServiceId,
    item: WireItem,
    source: WireSource | undefined,
  ): Promise<string> {
    const sections = await this.#deps.catalog.listSections(serviceId);
    const mapped = source ? sectionForSubjects(item, source.subjectSections) : undefined;
    if (mapped !== undefined && sections.some((s) => s.slug === mapped)) return mapped;
    const first = sections[0];
    if (first === undefined) {
      throw new NewsdeskError("VALIDATION_FAILED", {
        detail: `The ${serviceId} service has no sections; choose a section.`,
      });
    }
    return first.slug;
  }

  #link(
    actor: Actor,
    storyId: string,
    entry: WireQueueEntry,
    version: WireVersion,
    mode: WireStoryLink["mode"],
  ): WireStoryLink {
    return {
      storyId,
      itemId: entry.id,
      versionId: version.id,
      guid: entry.guid,
      version: version.version,
      agencyCode: entry.agencyCode,
      mode,
      usedAt: this.#deps.clock.now().toISOString(),
      usedBy: actorId(actor),
    };
  }

  #activeEmbargo(item: WireItem): string | null {
    return isEmbargoed(item.embargoedUntil, this.#deps.clock.now())
      ? (item.embargoedUntil ?? null)
      : null;
  }
}
