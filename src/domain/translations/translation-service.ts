import type { Actor } from "../actor.js";
import { actorId } from "../actor.js";
import type { Clock } from "../clock.js";
import { NewsdeskError } from "../error-catalogue.js";
import { parseOrThrow } from "../parse-or-throw.js";
import type { CatalogRepository } from "../people/catalog-repository.js";
import { editionsOf, type ServiceConfig, type ServiceId } from "../services/service-registry.js";
import type { TooLargeDiff } from "../stories/revision-diff.js";
import type { StoryEvent, StoryEventListener } from "../stories/story-events.js";
import type { StoryRepository } from "../stories/story-repository.js";
import type { Correction, Story, StoryContent, StoryRevision } from "../stories/story-schema.js";
import { factsOf, type StoryService } from "../stories/story-service.js";
import { assertCan, can } from "../users/access-policy.js";
import {
  type Alignment,
  alignForTranslator,
  contentDiff,
  type DiffLine,
} from "./translation-diff.js";
import type { FamilyVersion, TranslationRepository } from "./translation-repository.js";
import {
  markUpToDateInputSchema,
  type StaleEvent,
  type TranslationLink,
  waiveInputSchema,
} from "./translation-schema.js";

export interface TranslationServiceDeps {
  readonly stories: StoryService;
  readonly storyRepository: StoryRepository;
  readonly translations: TranslationRepository;
  readonly catalog: CatalogRepository;
  readonly clock: Clock;
}

/** What a translator sees for a stale translation: every source change since review. */
export interface StaleReport {
  readonly link: TranslationLink;
  readonly source: Story;
  /** The source revision last accounted for, and the one to catch up with. */
  readonly fromRevisionId: string;
  readonly toRevisionId: string;
  readonly diff: readonly DiffLine[];
  /** Set when the source body was too large to compare line by line: both texts. */
  readonly diffTooLarge: TooLargeDiff | null;
  /** Corrections appended to the source since the last review. */
  readonly corrections: readonly Correction[];
  readonly events: readonly StaleEvent[];
}

/** The translator's view: source and translation side by side, with the stale diff inline. */
export interface SideBySide extends Alignment {
  readonly link: TranslationLink;
  readonly source: {
    readonly storyId: string;
    readonly serviceId: ServiceId;
    /** The source revision shown: its published one, or its newest if never published. */
    readonly revisionId: string;
  };
  readonly translation: {
    readonly storyId: string;
    readonly serviceId: ServiceId;
    readonly revisionId: string;
  };
}

/** One member of a story's language family, as the newsroom lists it. */
export interface FamilyMemberView {
  readonly storyId: string;
  readonly serviceId: ServiceId;
  readonly status: Story["status"];
  readonly headline: string;
  readonly role: "source" | "translation";
  readonly stale: boolean;
  readonly staleSince: string | null;
}

/** A published language version, ready for a reader-page language switcher. */
export interface LanguageVersion {
  readonly edition: ServiceConfig;
  readonly storyId: string;
  readonly headline: string;
  readonly slug: string;
  readonly section: string;
}

/**
 * Linked translations. "Translate into…" creates a draft in another service in
 * the source's story family, remembering the source revision it was made from. When the
 * source is published as an *update* or gets a *correction*, every translation is flagged
 * stale with the events; the translator then brings it up to date or waives the change
 * with a reason. Silent fixes (typos) do not flag translations.
 *
 * Role checks (the translator role) are the caller's, as for StoryService: each method
 * takes the acting `Actor` and records it.
 */
export class TranslationService implements StoryEventListener {
  readonly #deps: TranslationServiceDeps;

  constructor(deps: TranslationServiceDeps) {
    this.#deps = deps;
  }

  async translateInto(
    actor: Actor,
    sourceStoryId: string,
    targetServiceId: ServiceId,
    options: { content?: unknown } = {},
  ): Promise<{ story: Story; revision: StoryRevision; link: TranslationLink }> {
    const source = await this.#requireStory(sourceStoryId);
    // Only from a story the caller may see: otherwise "translate into" would copy another
    // service's unpublished draft into one the caller works in.
    assertCan(actor, "story.view", source.serviceId, factsOf(source));
    if (source.status === "killed") {
      throw new NewsdeskError("INVALID_TRANSITION", {
        detail: "A killed story cannot be translated.",
      });
    }
    if (source.serviceId === targetServiceId) throw new NewsdeskError("TRANSLATION_SAME_SERVICE");
    const existing = await this.#deps.translations.findFamilyMember(
      source.familyId,
      targetServiceId,
    );
    if (existing) {
      throw new NewsdeskError("TRANSLATION_EXISTS", { details: { storyId: existing } });
    }
    // "From the current source revision": the newest one, published or not.
    const revision = await this.#requireRevision(source.currentRevisionId);
    const content =
      options.content ?? (await this.#draftContent(revision.content, targetServiceId));
    const created = await this.#deps.stories.create(actor, {
      serviceId: targetServiceId,
      content,
      familyId: source.familyId,
      // A live page's translation is a live page too (issue 15: one event in many languages).
      kind: source.kind,
    });
    const now = this.#now();
    const link: TranslationLink = {
      storyId: created.story.id,
      familyId: source.familyId,
      sourceStoryId: source.id,
      sourceServiceId: source.serviceId,
      targetServiceId,
      syncedRevisionId: revision.id,
      reviewedRevisionId: revision.id,
      reviewedAt: now,
      status: "current",
      staleEvents: [],
      waiverReason: null,
      createdAt: now,
      createdBy: actorId(actor),
      updatedAt: now,
    };
    await this.#deps.translations.insertLink(link);
    return { ...created, link };
  }

  /** StoryEventListener: an update or a correction of a source makes its translations stale. */
  async onStoryEvent(event: StoryEvent): Promise<void> {
    if (event.type !== "updated" && event.type !== "corrected") return;
    const { story } = event;
    await this.#deps.translations.markStale(
      story.id,
      {
        kind: event.type,
        at: event.at,
        sourceRevisionId: story.publishedRevisionId ?? story.currentRevisionId,
        note: event.note ?? null,
      },
      event.at,
    );
  }

  /**
   * A story's language family for the newsroom: only the members the actor may see (a
   * member in another service shows only that it exists to those who work there).
   */
  async family(actor: Actor, storyId: string): Promise<FamilyMemberView[]> {
    // The source of a translation the actor works on included (`viewable`).
    const story = await this.#deps.stories.viewable(actor, storyId);
    const family = await this.#deps.storyRepository.listFamily(story.familyId);
    const visible = await Promise.all(
      family.map(
        async (m) =>
          can(actor, "story.view", m.story.serviceId, factsOf(m.story)) ||
          // The source of a translation the actor works on, published or not.
          can(actor, "story.view", m.story.serviceId, {
            ...factsOf(m.story),
            translatedInto: await this.#deps.stories.translatedInto(m.story.id),
          }),
      ),
    );
    const members = family.filter((_, i) => visible[i]);
    const links = await Promise.all(
      members.map((m) => this.#deps.translations.findLink(m.story.id)),
    );
    return members.map((m, i) => {
      const link = links[i];
      const stale = link?.status === "stale";
      return {
        storyId: m.story.id,
        serviceId: m.story.serviceId,
        status: m.story.status,
        headline: m.workingHeadline,
        role: m.story.id === story.familyId ? "source" : "translation",
        stale,
        staleSince: stale ? (link?.staleEvents[0]?.at ?? null) : null,
      };
    });
  }

  async link(storyId: string): Promise<TranslationLink> {
    const link = await this.#deps.translations.findLink(storyId);
    if (!link) throw new NewsdeskError("TRANSLATION_NOT_FOUND");
    return link;
  }

  async linksFrom(sourceStoryId: string): Promise<TranslationLink[]> {
    return this.#deps.translations.listLinksFromSource(sourceStoryId);
  }

  /** The translator's queue: stale translations into one service, or all services. */
  async staleQueue(actor: Actor, serviceId: ServiceId | null): Promise<TranslationLink[]> {
    const stale = await this.#deps.translations.listStale(serviceId);
    // Each translator sees the queue of the services they translate into.
    return stale.filter((link) => can(actor, "translation.edit", link.targetServiceId));
  }

  async staleReport(actor: Actor, storyId: string): Promise<StaleReport> {
    const link = await this.link(storyId);
    assertCan(actor, "translation.edit", link.targetServiceId);
    const source = await this.#requireStory(link.sourceStoryId);
    const toRevisionId = source.publishedRevisionId ?? source.currentRevisionId;
    const [from, to, corrections] = await Promise.all([
      this.#requireRevision(link.reviewedRevisionId),
      this.#requireRevision(toRevisionId),
      this.#deps.storyRepository.listCorrections(source.id),
    ]);
    const diff = contentDiff(from.content, to.content);
    return {
      link,
      source,
      fromRevisionId: from.id,
      toRevisionId,
      diff: diff.lines,
      diffTooLarge: diff.bodyTooLarge,
      corrections: corrections.filter((c) => c.createdAt > link.reviewedAt),
      events: link.staleEvents,
    };
  }

  /**
   * The source (read-only) and the translation block by block, the source as it is now and
   * the translation as last saved; source blocks changed since the translation was last
   * reviewed carry their old text (the same diff the stale report gives, per block).
   */
  async sideBySide(actor: Actor, storyId: string): Promise<SideBySide> {
    const link = await this.link(storyId);
    assertCan(actor, "translation.edit", link.targetServiceId);
    const [source, translation] = await Promise.all([
      this.#requireStory(link.sourceStoryId),
      this.#requireStory(storyId),
    ]);
    const sourceRevisionId = source.publishedRevisionId ?? source.currentRevisionId;
    const [reviewed, current, translated] = await Promise.all([
      this.#requireRevision(link.reviewedRevisionId),
      this.#requireRevision(sourceRevisionId),
      this.#requireRevision(translation.currentRevisionId),
    ]);
    return {
      link,
      source: { storyId: source.id, serviceId: source.serviceId, revisionId: sourceRevisionId },
      translation: {
        storyId: translation.id,
        serviceId: translation.serviceId,
        revisionId: translated.id,
      },
      ...alignForTranslator(reviewed.content, current.content, translated.content),
    };
  }

  /**
   * The translator has carried the source's changes into the translation. `sourceRevisionId`
   * is the revision they compared against; if the source moved on since, or another
   * correction arrived, nothing changes and REVISION_CONFLICT asks them to look again.
   */
  async markUpToDate(actor: Actor, storyId: string, raw: unknown): Promise<TranslationLink> {
    const input = parseOrThrow(markUpToDateInputSchema, raw);
    const report = await this.staleReport(actor, storyId);
    if (report.link.status !== "stale") throw new NewsdeskError("TRANSLATION_NOT_STALE");
    if (input.sourceRevisionId !== report.toRevisionId) {
      throw new NewsdeskError("REVISION_CONFLICT", {
        detail: "The source changed again; review the new changes first.",
        details: { sourceRevisionId: report.toRevisionId },
      });
    }
    return this.#resolve(report, {
      status: "current",
      syncedRevisionId: report.toRevisionId,
      waiverReason: null,
    });
  }

  /** The source's changes do not need translating (e.g. a fix to a detail not carried). */
  async waive(actor: Actor, storyId: string, raw: unknown): Promise<TranslationLink> {
    const { reason } = parseOrThrow(waiveInputSchema, raw);
    const report = await this.staleReport(actor, storyId);
    if (report.link.status !== "stale") throw new NewsdeskError("TRANSLATION_NOT_STALE");
    return this.#resolve(report, {
      status: "waived",
      syncedRevisionId: report.link.syncedRevisionId,
      waiverReason: reason,
    });
  }

  /** Published versions of a story's family, one entry per edition (Serbian has two). */
  async versions(familyId: string): Promise<LanguageVersion[]> {
    const members = await this.#deps.translations.listPublishedFamily(familyId);
    return members.flatMap((member: FamilyVersion) =>
      editionsOf(member.serviceId).map((edition) => ({
        edition,
        storyId: member.storyId,
        headline: member.headline,
        slug: member.slug,
        section: member.section,
      })),
    );
  }

  async #resolve(
    report: StaleReport,
    next: Pick<TranslationLink, "status" | "syncedRevisionId" | "waiverReason">,
  ): Promise<TranslationLink> {
    const now = this.#now();
    const ok = await this.#deps.translations.resolve(
      report.link.storyId,
      report.link.reviewedRevisionId,
      { ...next, reviewedRevisionId: report.toRevisionId, reviewedAt: now, updatedAt: now },
      report.link.staleEvents,
    );
    if (!ok) {
      throw new NewsdeskError("REVISION_CONFLICT", {
        detail: "The translation's status changed meanwhile; reload the report.",
      });
    }
    return this.link(report.link.storyId);
  }

  /**
   * The draft a translator starts from: the source text to translate over, in the target
   * service's section (the same slug if it exists there, else its first section) with the
   * target's matching topics. Bylines are the translator's to add; people belong to services.
   */
  async #draftContent(source: StoryContent, target: ServiceId): Promise<StoryContent> {
    const [sections, topics] = await Promise.all([
      this.#deps.catalog.listSections(target),
      this.#deps.catalog.findTopics(target, source.topics),
    ]);
    const section =
      sections.find((s) => s.slug === source.section)?.slug ?? sections[0]?.slug ?? source.section;
    return {
      ...source,
      section,
      topics: source.topics.filter((slug) => topics.some((t) => t.slug === slug)),
      bylines: [],
    };
  }

  async #requireStory(id: string): Promise<Story> {
    const story = await this.#deps.storyRepository.findStory(id);
    if (!story) throw new NewsdeskError("STORY_NOT_FOUND");
    return story;
  }

  async #requireRevision(id: string): Promise<StoryRevision> {
    const revision = await this.#deps.storyRepository.findRevision(id);
    if (!revision) throw new NewsdeskError("STORY_NOT_FOUND");
    return revision;
  }

  #now(): string {
    return this.#deps.clock.now().toISOString();
  }
}
