import type { Actor } from "../actor.js";
import { actorId } from "../actor.js";
import type { Clock } from "../clock.js";
import { NewsdeskError } from "../error-catalogue.js";
import { newId } from "../ids.js";
import { initialLivePage } from "../live/live-rules.js";
import type { MediaRepository } from "../media/media-repository.js";
import type { RenditionInfo } from "../media/media-schema.js";
import { parseOrThrow } from "../parse-or-throw.js";
import type { CatalogRepository } from "../people/catalog-repository.js";
import { currentKeys } from "../people/current-keys.js";
import { writesFor } from "../people/people-schema.js";
import { type ServiceId, serviceIds } from "../services/service-registry.js";
import type { TranslationRepository } from "../translations/translation-repository.js";
import { type Action, assertCan, can, type StoryFacts } from "../users/access-policy.js";
import { diffRevisions, type RevisionDiff } from "./revision-diff.js";
import { bodyPlainText, type StoryBlock } from "./story-body-schema.js";
import { unseenEmbeds } from "./story-embeds.js";
import {
  dispatchStoryEvent,
  type StoryEvent,
  type StoryEventListener,
  type StoryEventType,
} from "./story-events.js";
import type {
  NewsroomListPage,
  NewsroomListQuery,
  NewsroomListRow,
  PublishedProjection,
  StoryRepository,
} from "./story-repository.js";
import {
  type Correction,
  correctionInputSchema,
  isoDateTimeSchema,
  type NewRevision,
  type PublishInput,
  publishInputSchema,
  type RevisionSummary,
  type Story,
  type StoryContent,
  type StoryKind,
  type StoryRevision,
  storyContentSchema,
} from "./story-schema.js";
import {
  applyCorrection,
  applyEmbargo,
  applyKill,
  applyPublish,
  applySchedule,
  applySubmit,
  applyUnpublish,
  isEmbargoed,
} from "./story-workflow.js";

export interface StoryServiceDeps {
  readonly stories: StoryRepository;
  readonly catalog: CatalogRepository;
  readonly media: MediaRepository;
  /** Which services hold translations of a story (their translators may read it). */
  readonly translations: Pick<TranslationRepository, "listLinksFromSource">;
  readonly clock: Clock;
  /** Told about every committed change (caches, feeds, webhooks, translations). */
  readonly listeners?: readonly StoryEventListener[];
  readonly onListenerError?: (error: unknown, event: StoryEvent) => void;
}

/**
 * Writing and publishing stories. Every save is a new immutable revision; a save based on
 * a stale revision is refused as REVISION_CONFLICT with both versions, so no edit is lost.
 */
export class StoryService {
  readonly #deps: StoryServiceDeps;

  constructor(deps: StoryServiceDeps) {
    this.#deps = deps;
  }

  async create(
    actor: Actor,
    input: { serviceId: ServiceId; content: unknown; familyId?: string; kind?: StoryKind },
  ): Promise<{ story: Story; revision: StoryRevision }> {
    assertCan(actor, input.familyId ? "translation.create" : "story.create", input.serviceId);
    const content = await this.#validateContent(input.serviceId, input.content, actor, []);
    const now = this.#now();
    const storyId = newId();
    const revision: StoryRevision = {
      id: newId(),
      storyId,
      number: 1,
      baseRevisionId: null,
      content,
      createdAt: now,
      createdBy: actorId(actor),
      note: null,
      kind: "saved",
    };
    const story: Story = {
      id: storyId,
      kind: input.kind ?? "story",
      serviceId: input.serviceId,
      familyId: input.familyId ?? storyId,
      status: "draft",
      currentRevisionId: revision.id,
      currentRevisionNumber: 1,
      publishedRevisionId: null,
      firstPublishedAt: null,
      updatedAt: null,
      updateNote: null,
      lastModifiedAt: now,
      scheduledAt: null,
      embargoUntil: null,
      killedAt: null,
      killReason: null,
      createdAt: now,
      createdBy: actorId(actor),
    };
    // A live page starts with its settings, in the same transaction as the story.
    const livePage = story.kind === "live" ? initialLivePage(story.id) : undefined;
    await this.#deps.stories.insertStory(story, revision, livePage);
    await this.#emit("created", story, actor);
    return { story, revision };
  }

  /**
   * Saves a new revision on top of `baseRevisionId`. A stale base is refused as
   * REVISION_CONFLICT, but only after the refused version is kept as a `not_merged`
   * revision (ADR 0013): whoever could have saved it loses nothing, whatever their client
   * does next. The conflict carries the current revision, the base revision and the kept one,
   * so the editor can merge three ways (`story-merge.ts`).
   */
  async saveDraft(
    actor: Actor,
    storyId: string,
    input: { baseRevisionId: string; content: unknown; note?: string },
  ): Promise<StoryRevision> {
    const story = await this.#requireStory(storyId);
    this.#authorize(actor, "story.edit", story);
    requireOutOfTrash(story);
    if (story.status === "killed") {
      throw new NewsdeskError("INVALID_TRANSITION", { detail: "A killed story cannot be edited." });
    }
    const current = await this.#deps.stories.findRevision(story.currentRevisionId);
    const content = await this.#validateContent(
      story.serviceId,
      input.content,
      actor,
      current?.content.body ?? [],
    );
    const draft: NewRevision = {
      id: newId(),
      storyId,
      baseRevisionId: input.baseRevisionId,
      content,
      createdAt: this.#now(),
      createdBy: actorId(actor),
      note: input.note ?? null,
      kind: "saved",
    };
    const revision =
      input.baseRevisionId === story.currentRevisionId
        ? await this.#deps.stories.appendRevision(draft)
        : null;
    if (!revision) throw await this.#conflict(story, draft);
    await this.#emit(
      "saved",
      { ...story, currentRevisionId: revision.id, currentRevisionNumber: revision.number },
      actor,
    );
    return revision;
  }

  /** Keeps the refused version, then describes the conflict (the error to throw). */
  async #conflict(story: Story, refused: NewRevision): Promise<NewsdeskError> {
    // The base must be a saved revision of this story; anything else is kept against nothing.
    const named = await this.#deps.stories.findRevision(refused.baseRevisionId ?? "");
    const base = named && named.storyId === story.id && named.kind === "saved" ? named : null;
    const notMerged = await this.#deps.stories.insertNotMerged({
      ...refused,
      baseRevisionId: base?.id ?? null,
      kind: "not_merged",
    });
    const latest = await this.#requireStory(story.id);
    const theirs = await this.#requireRevision(latest.currentRevisionId);
    return new NewsdeskError("REVISION_CONFLICT", {
      details: {
        currentRevision: theirs,
        baseRevision: base,
        notMergedRevision: {
          id: notMerged.id,
          number: notMerged.number,
          createdAt: notMerged.createdAt,
        },
        yourContent: refused.content,
        yourBaseRevisionId: refused.baseRevisionId,
      },
    });
  }

  async publish(actor: Actor, storyId: string, rawInput: unknown): Promise<Story> {
    const input: PublishInput = parseOrThrow(publishInputSchema, rawInput);
    const story = await this.#requireStory(storyId);
    this.#authorize(actor, "story.publish", story);
    requireOutOfTrash(story);
    const now = this.#now();
    if (input.mode === "first" && story.embargoUntil && isEmbargoed(story, now)) {
      // Publishing an embargoed story schedules it for the moment the embargo lifts.
      const scheduled = applySchedule(story, story.embargoUntil, now);
      await this.#change(actor, story, scheduled, undefined);
      await this.#emit("scheduled", scheduled, actor, undefined, story);
      return scheduled;
    }
    const next = applyPublish(story, input, now);
    const revision = await this.#requireRevision(story.currentRevisionId);
    const projection = projectionOf(revision.content);
    await this.#change(actor, story, next, projection);
    const type: StoryEventType =
      input.mode === "first" ? "published" : input.mode === "update" ? "updated" : "silently-fixed";
    await this.#emit(type, next, actor, input.mode === "update" ? input.note : undefined, story);
    return next;
  }

  async correct(actor: Actor, storyId: string, rawInput: unknown): Promise<Correction> {
    const { text } = parseOrThrow(correctionInputSchema, rawInput);
    const story = await this.#requireStory(storyId);
    this.#authorize(actor, "story.correct", story);
    const now = this.#now();
    const next = applyCorrection(story, now);
    const correction: Correction = { id: newId(), storyId, text, createdAt: now };
    const ok = await this.#deps.stories.insertCorrection(correction, {
      expected: { status: story.status, currentRevisionId: story.currentRevisionId },
      next,
    });
    if (!ok) throw new NewsdeskError("REVISION_CONFLICT");
    await this.#emit("corrected", next, actor, text, story);
    return correction;
  }

  async kill(actor: Actor, storyId: string, reason: string): Promise<Story> {
    const story = await this.#requireStory(storyId);
    this.#authorize(actor, "story.kill", story);
    requireOutOfTrash(story);
    const next = applyKill(story, reason.trim() || "Withdrawn", this.#now());
    await this.#change(actor, story, next, null);
    await this.#emit("killed", next, actor, next.killReason ?? undefined, story);
    return next;
  }

  async unpublish(actor: Actor, storyId: string): Promise<Story> {
    const story = await this.#requireStory(storyId);
    this.#authorize(actor, "story.unpublish", story);
    const next = applyUnpublish(story, this.#now());
    await this.#change(actor, story, next, null);
    await this.#emit("unpublished", next, actor, undefined, story);
    return next;
  }

  /** Draft → in review: the reporter hands the story to the editors. */
  async submit(actor: Actor, storyId: string): Promise<Story> {
    const story = await this.#requireStory(storyId);
    this.#authorize(actor, "story.submit", story);
    requireOutOfTrash(story);
    const next = applySubmit(story, this.#now());
    await this.#change(actor, story, next, undefined);
    await this.#emit("submitted", next, actor, undefined, story);
    return next;
  }

  /** Schedules first publication (`at` ISO time), or cancels with `null`. */
  async schedule(actor: Actor, storyId: string, at: unknown): Promise<Story> {
    const when = at === null ? null : parseOrThrow(isoDateTimeSchema, at);
    const story = await this.#requireStory(storyId);
    this.#authorize(actor, "story.schedule", story);
    requireOutOfTrash(story);
    const next = applySchedule(story, when, this.#now());
    await this.#change(actor, story, next, undefined);
    await this.#emit("scheduled", next, actor, undefined, story);
    return next;
  }

  async setEmbargo(actor: Actor, storyId: string, until: unknown): Promise<Story> {
    const when = until === null ? null : parseOrThrow(isoDateTimeSchema, until);
    const story = await this.#requireStory(storyId);
    this.#authorize(actor, "story.schedule", story);
    requireOutOfTrash(story);
    const next = applyEmbargo(story, when, this.#now());
    await this.#change(actor, story, next, undefined);
    await this.#emit("embargoed", next, actor, undefined, story);
    return next;
  }

  /**
   * Moves a draft into the trash: out of every other tab, kept with all its revisions until
   * restored. Only what readers never saw can be trashed; published copy is killed instead.
   */
  async trash(actor: Actor, storyId: string): Promise<Story> {
    const story = await this.#requireStory(storyId);
    this.#authorize(actor, "story.trash", story);
    requireOutOfTrash(story);
    if (
      (story.status !== "draft" && story.status !== "in_review") ||
      story.firstPublishedAt !== null
    ) {
      throw new NewsdeskError("STORY_NOT_TRASHABLE", {
        detail:
          story.firstPublishedAt !== null
            ? "The story has been published; kill or unpublish it instead of trashing it."
            : "Only a draft or a story in review can be moved to the trash.",
        details: { status: story.status },
      });
    }
    const now = this.#now();
    const ok = await this.#deps.stories.setTrashed(
      { id: story.id, status: story.status, currentRevisionId: story.currentRevisionId },
      now,
      actorId(actor),
    );
    if (!ok) throw staleHead();
    const next: Story = { ...story, trashedAt: now };
    await this.#emit("trashed", next, actor, undefined, story);
    return next;
  }

  /** Takes a story out of the trash, back into the tab of its status. */
  async untrash(actor: Actor, storyId: string): Promise<Story> {
    const story = await this.#requireStory(storyId);
    this.#authorize(actor, "story.trash", story);
    if (!story.trashedAt) {
      throw new NewsdeskError("INVALID_TRANSITION", { detail: "The story is not in the trash." });
    }
    const ok = await this.#deps.stories.setTrashed(
      { id: story.id, status: story.status, currentRevisionId: story.currentRevisionId },
      null,
      actorId(actor),
    );
    if (!ok) throw staleHead();
    const next: Story = { ...story, trashedAt: null };
    await this.#emit("restored", next, actor, undefined, story);
    return next;
  }

  /** Moves the working draft to another section of its service, as a new revision. */
  async assignSection(actor: Actor, storyId: string, section: string): Promise<StoryRevision> {
    const story = await this.#requireStory(storyId);
    this.#authorize(actor, "story.edit", story);
    requireOutOfTrash(story);
    const current = await this.#requireRevision(story.currentRevisionId);
    return this.saveDraft(actor, storyId, {
      baseRevisionId: current.id,
      content: { ...current.content, section },
      note: `Section: ${section}`,
    });
  }

  /**
   * One action on many stories, each checked on its own exactly as if done one by one: what
   * the actor may not do, or what the story's state forbids, is refused for that story only.
   */
  async bulk(
    actor: Actor,
    input: { action: BulkAction; storyIds: readonly string[]; section?: string },
  ): Promise<BulkResult> {
    const done: string[] = [];
    const refused: BulkRefusal[] = [];
    for (const storyId of new Set(input.storyIds)) {
      try {
        if (input.action === "trash") await this.trash(actor, storyId);
        else if (input.action === "submit") await this.submit(actor, storyId);
        else {
          if (input.section === undefined) {
            throw new NewsdeskError("VALIDATION_FAILED", { detail: "Choose a section." });
          }
          await this.assignSection(actor, storyId, input.section);
        }
        done.push(storyId);
      } catch (error) {
        if (!(error instanceof NewsdeskError)) throw error;
        refused.push({ storyId, code: error.code, detail: error.message });
      }
    }
    return { done, refused };
  }

  /** Restoring never rewrites history: the old content becomes a new revision. */
  async restore(
    actor: Actor,
    storyId: string,
    revisionId: string,
    baseRevisionId: string,
  ): Promise<StoryRevision> {
    const old = await this.#deps.stories.findRevision(revisionId);
    if (!old || old.storyId !== storyId)
      throw new NewsdeskError("STORY_NOT_FOUND", { detail: "No such revision." });
    return this.saveDraft(actor, storyId, {
      baseRevisionId,
      content: old.content,
      note: `Restored revision ${old.number}`,
    });
  }

  /**
   * Publishes every scheduled story that is due. Safe on several instances at once: the
   * conditional head change lets exactly one of them win each story.
   */
  async publishDue(limit = 50): Promise<Story[]> {
    const now = this.#now();
    const due = await this.#deps.stories.listDueScheduled(now, limit);
    const published: Story[] = [];
    const system: Actor = { kind: "system", reason: "scheduled publishing" };
    for (const story of due) {
      if (isEmbargoed(story, now)) continue;
      const revision = await this.#requireRevision(story.currentRevisionId);
      const next = applyPublish(story, { mode: "first" }, now);
      const ok = await this.#deps.stories.changeHead({
        expected: { status: story.status, currentRevisionId: story.currentRevisionId },
        next,
        projection: projectionOf(revision.content),
      });
      if (ok) {
        published.push(next);
        await this.#emit("published", next, system, undefined, story);
      }
    }
    return published;
  }

  #authorize(actor: Actor, action: Action, story: Story): void {
    assertCan(actor, action, story.serviceId, factsOf(story));
  }

  async #change(
    _actor: Actor,
    story: Story,
    next: Story,
    projection: PublishedProjection | null | undefined,
  ): Promise<void> {
    const ok = await this.#deps.stories.changeHead({
      expected: { status: story.status, currentRevisionId: story.currentRevisionId },
      next,
      ...(projection === undefined ? {} : { projection }),
    });
    if (!ok) {
      throw new NewsdeskError("REVISION_CONFLICT", {
        detail: "The story changed while the action was in progress; reload and try again.",
      });
    }
  }

  async #emit(
    type: StoryEventType,
    story: Story,
    actor: Actor,
    note?: string,
    before: Story | null = null,
  ): Promise<void> {
    const listeners = this.#deps.listeners ?? [];
    if (listeners.length === 0) return;
    const event: StoryEvent = {
      type,
      story,
      before,
      at: this.#now(),
      actorId: actorId(actor),
      ...(note === undefined ? {} : { note }),
    };
    await dispatchStoryEvent(listeners, event, this.#deps.onListenerError ?? (() => undefined));
  }

  /** A story the actor may see, with its current revision and corrections. */
  async view(
    actor: Actor,
    storyId: string,
  ): Promise<{ story: Story; revision: StoryRevision; corrections: Correction[] }> {
    const story = await this.viewable(actor, storyId);
    const [revision, corrections] = await Promise.all([
      this.#requireRevision(story.currentRevisionId),
      this.#deps.stories.listCorrections(story.id),
    ]);
    return { story, revision, corrections };
  }

  /**
   * The story if the actor may see it. A story in a service the actor has no role in answers
   * STORY_NOT_FOUND rather than FORBIDDEN only where existence is no secret; here the id was
   * given, so the refusal names the role needed.
   */
  async viewable(actor: Actor, storyId: string): Promise<Story> {
    const story = await this.#requireStory(storyId);
    const facts = factsOf(story);
    if (can(actor, "story.view", story.serviceId, facts)) return story;
    // Translators of a translation made from this story read it, published or not.
    assertCan(actor, "story.view", story.serviceId, {
      ...facts,
      translatedInto: await this.translatedInto(story.id),
    });
    return story;
  }

  /** The services holding a translation made from the story. */
  async translatedInto(storyId: string): Promise<ServiceId[]> {
    const links = await this.#deps.translations.listLinksFromSource(storyId);
    return links.map((link) => link.targetServiceId);
  }

  /**
   * The newsroom dashboard: stories in the services the actor works in, filtered, with the
   * count of every tab under the same filters and each row's smallest lead-image rendition.
   * `mine` keeps the stories the actor created.
   */
  async list(
    actor: Actor,
    query: Omit<NewsroomListQuery, "serviceIds" | "createdBy"> & {
      serviceId?: ServiceId;
      mine?: boolean;
    },
  ): Promise<Omit<NewsroomListPage, "items"> & { items: ListedStory[] }> {
    const { serviceId, mine, ...rest } = query;
    const visible = serviceIds.filter(
      (id) => can(actor, "story.view", id) && (serviceId === undefined || id === serviceId),
    );
    if (visible.length === 0) {
      return { items: [], total: 0, totalExact: true, counts: {}, over: [] };
    }
    const page = await this.#deps.stories.listForNewsroom({
      ...rest,
      ...(mine ? { createdBy: actorId(actor) ?? "" } : {}),
      serviceIds: visible,
    });
    const leadIds = [...new Set(page.items.flatMap((row) => row.leadMediaId ?? []))];
    const renditions =
      leadIds.length > 0 ? await this.#deps.media.listRenditions(leadIds) : new Map();
    return {
      ...page,
      items: page.items.map((row) => ({
        ...row,
        thumbnail: row.leadMediaId ? smallest(renditions.get(row.leadMediaId) ?? []) : null,
      })),
    };
  }

  /** Revisions of a story the actor may see, newest first. */
  async revisions(actor: Actor, storyId: string): Promise<RevisionSummary[]> {
    const story = await this.viewable(actor, storyId);
    return (await this.#deps.stories.listRevisionSummaries(story.id)).reverse();
  }

  /** One revision of a story the actor may see (preview, diff). */
  async revision(actor: Actor, storyId: string, revisionId: string): Promise<StoryRevision> {
    const story = await this.viewable(actor, storyId);
    const revision = await this.#deps.stories.findRevision(revisionId);
    if (!revision || revision.storyId !== story.id) {
      throw new NewsdeskError("NOT_FOUND", { detail: "No such revision of this story." });
    }
    return revision;
  }

  async diff(
    actor: Actor,
    storyId: string,
    fromRevisionId: string,
    toRevisionId: string,
  ): Promise<{ from: number; to: number } & RevisionDiff> {
    // SQLite reads (and parsing a long revision) are synchronous: load one revision per turn
    // of the event loop and diff in a third, so none of them holds the loop for long.
    const a = await this.revision(actor, storyId, fromRevisionId);
    await nextTurn();
    const b = await this.revision(actor, storyId, toRevisionId);
    await nextTurn();
    return { from: a.number, to: b.number, ...diffRevisions(a.content, b.content) };
  }

  async #requireStory(storyId: string): Promise<Story> {
    const story = await this.#deps.stories.findStory(storyId);
    if (!story) throw new NewsdeskError("STORY_NOT_FOUND");
    return story;
  }

  async #requireRevision(revisionId: string): Promise<StoryRevision> {
    const revision = await this.#deps.stories.findRevision(revisionId);
    if (!revision) throw new NewsdeskError("STORY_NOT_FOUND");
    return revision;
  }

  /**
   * A topic merged away or renamed, a renamed section, or a merged person is saved under its
   * new key, so a draft written before the move saves cleanly and lands on the surviving page.
   */
  async #followMoves(serviceId: ServiceId, content: StoryContent): Promise<StoryContent> {
    return currentKeys(this.#deps.catalog, serviceId, content);
  }

  /**
   * Schema check, NFC normalization, then every reference must exist in this service, and
   * every story newly embedded (not in `before`) must be one the actor may view.
   */
  async #validateContent(
    serviceId: ServiceId,
    raw: unknown,
    actor: Actor,
    before: readonly StoryBlock[],
  ): Promise<StoryContent> {
    const content = await this.#followMoves(
      serviceId,
      normalizeStrings(parseOrThrow(storyContentSchema, raw)),
    );
    const missing: string[] = [];
    const personIds = content.bylines.flatMap((b) => (b.kind === "person" ? [b.personId] : []));
    const deskIds = content.bylines.flatMap((b) => (b.kind === "desk" ? [b.deskId] : []));
    const [people, desks, agencies, sections, topics] = await Promise.all([
      this.#deps.catalog.findPeople(personIds),
      this.#deps.catalog.findDesks(deskIds),
      this.#deps.catalog.findAgencies(content.agencies),
      this.#deps.catalog.listSections(serviceId),
      this.#deps.catalog.findTopics(serviceId, content.topics),
    ]);
    for (const id of personIds) {
      if (!people.some((p) => p.id === id && writesFor(p, serviceId))) missing.push(`person ${id}`);
    }
    for (const id of deskIds) {
      if (!desks.some((d) => d.id === id && d.serviceId === serviceId)) missing.push(`desk ${id}`);
    }
    for (const code of content.agencies) {
      if (!agencies.some((a) => a.code === code)) missing.push(`agency ${code}`);
    }
    if (!sections.some((s) => s.slug === content.section))
      missing.push(`section ${content.section}`);
    for (const slug of content.topics) {
      if (!topics.some((t) => t.slug === slug)) missing.push(`topic ${slug}`);
    }
    const mediaIds = figureMediaIds(content);
    const media = await this.#deps.media.findMany(mediaIds);
    for (const id of mediaIds) {
      if (!media.some((m) => m.id === id)) missing.push(`image ${id}`);
    }
    missing.push(...(await unseenEmbeds(content.body, before, (id) => this.viewable(actor, id))));
    if (missing.length > 0) {
      throw new NewsdeskError("UNKNOWN_REFERENCE", {
        detail: `Unknown references: ${missing.join(", ")}.`,
        details: { missing },
      });
    }
    return content;
  }

  #now(): string {
    return this.#deps.clock.now().toISOString();
  }
}

/** A dashboard row with its lead image's smallest rendition. */
export interface ListedStory extends NewsroomListRow {
  readonly thumbnail: RenditionInfo | null;
}

export const bulkActions = ["assign-section", "submit", "trash"] as const;
export type BulkAction = (typeof bulkActions)[number];
interface BulkRefusal {
  readonly storyId: string;
  readonly code: string;
  readonly detail: string;
}
export interface BulkResult {
  readonly done: string[];
  readonly refused: BulkRefusal[];
}

function requireOutOfTrash(story: Story): void {
  if (story.trashedAt) throw new NewsdeskError("STORY_IN_TRASH");
}

function staleHead(): NewsdeskError {
  return new NewsdeskError("REVISION_CONFLICT", {
    detail: "The story changed while the action was in progress; reload and try again.",
  });
}

/**
 * The narrowest rendition, preferring the 16:9 crop (every row the same shape), then JPEG,
 * which every browser shows.
 */
function smallest(renditions: readonly RenditionInfo[]): RenditionInfo | null {
  const preferred = [
    renditions.filter((r) => r.shape === "16x9" && r.format === "jpeg"),
    renditions.filter((r) => r.format === "jpeg"),
    renditions,
  ];
  const pool = preferred.find((list) => list.length > 0) ?? [];
  return pool.reduce<RenditionInfo | null>(
    (a, r) => (a === null || r.width < a.width ? r : a),
    null,
  );
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export function factsOf(
  story: Pick<Story, "id" | "familyId" | "status" | "createdBy">,
): StoryFacts {
  return {
    createdBy: story.createdBy,
    unpublished: story.status === "draft" || story.status === "in_review",
    isTranslation: story.familyId !== story.id,
    published: story.status === "published",
  };
}

export function figureMediaIds(content: StoryContent): string[] {
  const ids = content.body.flatMap((block) => (block.type === "figure" ? [block.mediaId] : []));
  if (content.leadFigure) ids.unshift(content.leadFigure.mediaId);
  // The social image is checked and resolved like a figure, though readers never see it.
  if (content.seo?.socialImageId) ids.push(content.seo.socialImageId);
  return [...new Set(ids)];
}

export function projectionOf(content: StoryContent): PublishedProjection {
  return {
    headline: content.headline,
    standfirst: content.standfirst,
    slug: content.slug,
    section: content.section,
    topics: content.topics,
    leadMediaId: content.leadFigure?.mediaId ?? null,
    personIds: content.bylines.flatMap((b) => (b.kind === "person" ? [b.personId] : [])),
    deskIds: content.bylines.flatMap((b) => (b.kind === "desk" ? [b.deskId] : [])),
    searchText: [content.headline, content.standfirst, bodyPlainText(content.body)].join("\n"),
  };
}

/** Text is stored as entered but NFC-normalized (Unicode UAX #15), so search and diffs agree. */
function normalizeStrings<T>(value: T): T {
  if (typeof value === "string") return value.normalize("NFC") as T;
  if (Array.isArray(value)) return value.map((item) => normalizeStrings(item)) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, normalizeStrings(item)]),
    ) as T;
  }
  return value;
}
