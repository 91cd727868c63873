import type { Clock } from "../clock.js";
import type { MediaRepository } from "../media/media-repository.js";
import type { CatalogRepository } from "../people/catalog-repository.js";
import type { Person } from "../people/people-schema.js";
import type { ServiceConfig } from "../services/service-registry.js";
import type { ProgrammeRepository } from "./programme-repository.js";
import {
  isPodcastArtwork,
  type Programme,
  podcastArtworkPath,
  type ScheduleSlot,
} from "./programme-schema.js";
import {
  addDays,
  expandSchedule,
  localDateOf,
  type Occurrence,
  onNowAndNext,
  weekStart,
} from "./schedule.js";

export interface Broadcast {
  readonly occurrence: Occurrence;
  readonly programme: Programme;
}

export interface OnAir {
  readonly onNow: Broadcast | null;
  readonly next: Broadcast | null;
  /**
   * When this answer changes by itself (the current broadcast ends or the next starts): pages
   * showing it are cached until then, not longer. Null when nothing is scheduled ahead.
   */
  readonly changesAt: Date | null;
}

export interface ScheduleWeek extends OnAir {
  /** Monday of the week shown, YYYY-MM-DD in the service's zone. */
  readonly week: string;
  readonly thisWeek: string;
  readonly days: readonly { readonly date: string; readonly broadcasts: readonly Broadcast[] }[];
}

/** Readers may page through the schedule this many weeks either side of this week. */
const scheduleWeeksAround = 8;

/** What the reader pages show of programmes and the broadcast schedule. */
export class ProgrammeReader {
  readonly #repository: ProgrammeRepository;
  readonly #catalog: CatalogRepository;
  readonly #clock: Clock;
  readonly #media: Pick<MediaRepository, "find">;

  constructor(deps: {
    programmes: ProgrammeRepository;
    catalog: CatalogRepository;
    clock: Clock;
    media: Pick<MediaRepository, "find">;
  }) {
    this.#repository = deps.programmes;
    this.#catalog = deps.catalog;
    this.#clock = deps.clock;
    this.#media = deps.media;
  }

  /**
   * The path of a programme's podcast artwork, or null without usable artwork: none chosen,
   * the image gone from the library, or artwork saved before saves checked its size.
   */
  async podcastArtwork(programme: Programme): Promise<string | null> {
    if (programme.artworkMediaId === null) return null;
    const image = await this.#media.find(programme.artworkMediaId);
    return image && isPodcastArtwork(image) ? podcastArtworkPath(image.id) : null;
  }

  list(service: ServiceConfig): Promise<Programme[]> {
    return this.#repository.list(service.id);
  }

  /** A programme's page: the programme, its presenters and the weekly slots it airs in. */
  async programme(
    service: ServiceConfig,
    slug: string,
  ): Promise<
    { programme: Programme; presenters: Person[]; slots: ScheduleSlot[]; onAir: OnAir } | undefined
  > {
    const programme = await this.#repository.findBySlug(service.id, slug);
    if (!programme) return undefined;
    const [people, schedule] = await Promise.all([
      this.#catalog.findPeople(programme.presenterIds),
      this.#repository.findSchedule(service.id),
    ]);
    const byId = new Map(people.map((p) => [p.id, p]));
    const today = localDateOf(this.#clock.now(), service.timeZone);
    const slots = (schedule?.slots ?? []).filter(
      (s) => s.programmeId === programme.id && (s.validUntil === null || s.validUntil >= today),
    );
    return {
      programme,
      presenters: programme.presenterIds.flatMap((id) => byId.get(id) ?? []),
      slots,
      onAir: await this.onAir(service),
    };
  }

  /** What is on now and next (the home page's line, the live stream's surroundings). */
  async onAir(service: ServiceConfig): Promise<OnAir> {
    const now = this.#clock.now();
    const today = localDateOf(now, service.timeZone);
    // Yesterday's late broadcast may still be on; a week ahead finds the next one.
    const within = await this.#broadcasts(service);
    return onAirOf(within(addDays(today, -1), addDays(today, 8)), now);
  }

  /** The schedule of the week holding `date` (default: this week), or undefined out of range. */
  async week(service: ServiceConfig, date?: string): Promise<ScheduleWeek | undefined> {
    const now = this.#clock.now();
    const today = localDateOf(now, service.timeZone);
    const thisWeek = weekStart(today);
    const week = weekStart(date ?? thisWeek);
    const first = addDays(thisWeek, -7 * scheduleWeeksAround);
    const last = addDays(thisWeek, 7 * scheduleWeeksAround);
    if (week < first || week > last) return undefined;
    const within = await this.#broadcasts(service);
    const shown = within(week, addDays(week, 7));
    const days = Array.from({ length: 7 }, (_, i) => {
      const day = addDays(week, i);
      return { date: day, broadcasts: shown.filter((b) => b.occurrence.localDate === day) };
    });
    const around = onAirOf(within(addDays(today, -1), addDays(today, 8)), now);
    return { week, thisWeek, days, ...around };
  }

  /** Broadcasts not yet over in the coming `weeks`, for the iCalendar export. */
  async upcoming(service: ServiceConfig, weeks: number): Promise<Broadcast[]> {
    const now = this.#clock.now();
    const today = localDateOf(now, service.timeZone);
    const within = await this.#broadcasts(service);
    return within(addDays(today, -1), addDays(today, weeks * 7)).filter(
      (b) => b.occurrence.end > now,
    );
  }

  /**
   * Reads the service's schedule and programmes once, and answers the broadcasts starting
   * on local dates in [from, to), each with its programme (a slot whose programme is gone
   * is skipped).
   */
  async #broadcasts(service: ServiceConfig): Promise<(from: string, to: string) => Broadcast[]> {
    const [schedule, programmes] = await Promise.all([
      this.#repository.findSchedule(service.id),
      this.#repository.list(service.id),
    ]);
    const byId = new Map(programmes.map((p) => [p.id, p]));
    return (from, to) =>
      expandSchedule(
        schedule?.slots ?? [],
        schedule?.exceptions ?? [],
        service.timeZone,
        from,
        to,
      ).flatMap((occurrence) => {
        const programme = byId.get(occurrence.programmeId);
        return programme ? [{ occurrence, programme }] : [];
      });
  }
}

function onAirOf(broadcasts: readonly Broadcast[], now: Date): OnAir {
  const { onNow, next } = onNowAndNext(
    broadcasts.map((b) => b.occurrence),
    now,
  );
  const find = (o: Occurrence | null) =>
    o ? (broadcasts.find((b) => b.occurrence === o) ?? null) : null;
  const ends = [onNow?.end, next?.start].filter((d): d is Date => d !== undefined);
  return {
    onNow: find(onNow),
    next: find(next),
    changesAt: ends.length > 0 ? new Date(Math.min(...ends.map((d) => d.getTime()))) : null,
  };
}
