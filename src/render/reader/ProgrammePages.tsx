import type { PublishedEpisode } from "../../domain/episodes/episode-reader.js";
import type { Person } from "../../domain/people/people-schema.js";
import type { Broadcast, OnAir, ScheduleWeek } from "../../domain/programmes/programme-reader.js";
import type { Programme, ScheduleSlot } from "../../domain/programmes/programme-schema.js";
import { addDays, isoWeekday } from "../../domain/programmes/schedule.js";
import type { PageChrome } from "../../domain/reader/reader-models.js";
import {
  personUrl,
  podcastFeedUrl,
  programmesUrl,
  programmeUrl,
  scheduleCalendarUrl,
  scheduleUrl,
  storyUrl,
} from "../reader-urls.js";
import { Layout } from "./Layout.js";
import { Pager } from "./Pager.js";
import type { RenderContext } from "./render-context.js";
import { TimeTag } from "./TimeTag.js";

/** Noon UTC of a local date: a moment that is that date in every service's zone. */
const noonOf = (date: string) => new Date(`${date}T12:00:00Z`);

function BroadcastTime({ ctx, broadcast }: { ctx: RenderContext; broadcast: Broadcast }) {
  const { start, end } = broadcast.occurrence;
  return (
    <span class="airtime">
      <time dateTime={start.toISOString()}>{ctx.dates.time(start)}</time>
      {"–"}
      <time dateTime={end.toISOString()}>{ctx.dates.time(end)}</time>
    </span>
  );
}

/**
 * "On now" and "Next": on the home page and around the schedule. Plain text and links, so
 * it works without JavaScript; the page is cached only until the answer changes.
 */
export function OnAirNow({ ctx, onAir }: { ctx: RenderContext; onAir: OnAir }) {
  if (!onAir.onNow && !onAir.next) return null;
  const { t, service } = ctx;
  const line = (label: string, broadcast: Broadcast) => (
    <li>
      <strong>{label}</strong> <BroadcastTime ctx={ctx} broadcast={broadcast} />{" "}
      <a href={programmeUrl(service, broadcast.programme.slug)}>{broadcast.programme.title}</a>
      {label === t.t("schedule.onNow") && streamOf(broadcast) ? (
        <>
          {" "}
          <a href={streamOf(broadcast) ?? ""}>{t.t("schedule.live")}</a>
        </>
      ) : null}
    </li>
  );
  return (
    <section class="on-air" aria-labelledby="on-air-h">
      <h2 id="on-air-h">
        <a href={scheduleUrl(service)}>{t.t("schedule.title")}</a>
      </h2>
      <ul>
        {onAir.onNow ? line(t.t("schedule.onNow"), onAir.onNow) : null}
        {onAir.next ? line(t.t("schedule.next"), onAir.next) : null}
      </ul>
    </section>
  );
}

const streamOf = (b: Broadcast) => b.occurrence.streamUrl ?? b.programme.liveStreamUrl;

export function SchedulePage(props: {
  ctx: RenderContext;
  chrome: PageChrome;
  week: ScheduleWeek;
}) {
  const { ctx, week } = props;
  const { t, service } = ctx;
  const title = t.t("schedule.title");
  const previous = addDays(week.week, -7);
  const next = addDays(week.week, 7);
  const isOnNow = (b: Broadcast) =>
    week.onNow?.occurrence.slotId === b.occurrence.slotId &&
    week.onNow.occurrence.localDate === b.occurrence.localDate;
  return (
    <Layout
      ctx={ctx}
      title={title}
      canonicalPath={scheduleUrl(service, week.week === week.thisWeek ? undefined : week.week)}
      sections={props.chrome.sections}
      banner={props.chrome.banner}
      head={
        <>
          <link
            rel="alternate"
            type="text/calendar"
            href={scheduleCalendarUrl(service)}
            title={t.t("schedule.calendar")}
          />
        </>
      }
    >
      <h1>{title}</h1>
      <OnAirNow ctx={ctx} onAir={week} />
      {week.days.every((d) => d.broadcasts.length === 0) ? (
        <p class="notice">{t.t("schedule.empty")}</p>
      ) : (
        week.days.map((day) =>
          day.broadcasts.length === 0 ? null : (
            <section class="schedule-day" key={day.date} aria-labelledby={`day-${day.date}`}>
              <h2 id={`day-${day.date}`}>
                {ctx.dates.weekday(isoWeekday(day.date))}{" "}
                <time dateTime={day.date}>{ctx.dates.date(noonOf(day.date))}</time>
              </h2>
              <ul class="schedule">
                {day.broadcasts.map((broadcast) => (
                  <li
                    key={`${broadcast.occurrence.slotId}-${day.date}`}
                    class={isOnNow(broadcast) ? "now" : undefined}
                    aria-current={isOnNow(broadcast) ? "time" : undefined}
                  >
                    <BroadcastTime ctx={ctx} broadcast={broadcast} />{" "}
                    <a href={programmeUrl(service, broadcast.programme.slug)}>
                      {broadcast.programme.title}
                    </a>
                    {isOnNow(broadcast) ? (
                      <>
                        {" "}
                        <strong class="tag-live">{t.t("schedule.onNow")}</strong>
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            </section>
          ),
        )
      )}
      <nav class="pager" aria-label={title}>
        <ul>
          <li>
            <a href={scheduleUrl(service, previous)}>{t.t("schedule.previousWeek")}</a>
          </li>
          <li>
            <a href={scheduleCalendarUrl(service)}>{t.t("schedule.calendar")}</a>
          </li>
          <li>
            <a href={scheduleUrl(service, next)}>{t.t("schedule.nextWeek")}</a>
          </li>
        </ul>
      </nav>
    </Layout>
  );
}

export function ProgrammeListPage(props: {
  ctx: RenderContext;
  chrome: PageChrome;
  programmes: readonly Programme[];
}) {
  const { ctx } = props;
  const { t, service } = ctx;
  const title = t.t("programmes.title");
  return (
    <Layout
      ctx={ctx}
      title={title}
      canonicalPath={programmesUrl(service)}
      sections={props.chrome.sections}
      banner={props.chrome.banner}
    >
      <h1>{title}</h1>
      {props.programmes.length === 0 ? (
        <p class="notice">{t.t("programmes.empty")}</p>
      ) : (
        <ul class="cards">
          {props.programmes.map((programme) => (
            <li class="card" key={programme.id}>
              <h2>
                <a href={programmeUrl(service, programme.slug)}>{programme.title}</a>
              </h2>
              <p>{programme.description}</p>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href={scheduleUrl(service)}>{t.t("schedule.title")}</a>
      </p>
    </Layout>
  );
}

export function ProgrammePage(props: {
  ctx: RenderContext;
  chrome: PageChrome;
  programme: Programme;
  presenters: readonly Person[];
  slots: readonly ScheduleSlot[];
  onAir: OnAir;
  /** The programme's published episodes, newest first, one page of them (issue 17). */
  episodes?: { items: readonly PublishedEpisode[]; page: number; hasMore: boolean };
}) {
  const { ctx, programme } = props;
  const { t, service } = ctx;
  const onNow = props.onAir.onNow?.programme.id === programme.id ? props.onAir.onNow : null;
  const stream = onNow ? streamOf(onNow) : programme.liveStreamUrl;
  return (
    <Layout
      ctx={ctx}
      title={programme.title}
      description={programme.description}
      canonicalPath={programmeUrl(service, programme.slug)}
      sections={props.chrome.sections}
      banner={props.chrome.banner}
      head={
        <>
          {props.episodes ? (
            <link
              rel="alternate"
              type="application/rss+xml"
              title={programme.title}
              href={podcastFeedUrl(service, programme.slug)}
            />
          ) : null}
        </>
      }
    >
      <p class="kicker">
        <a href={programmesUrl(service)}>{t.t("programmes.title")}</a>
      </p>
      <h1>{programme.title}</h1>
      {programme.description ? <p class="standfirst">{programme.description}</p> : null}
      {props.presenters.length > 0 ? (
        <p class="byline">
          {t.t("programmes.presenters", {
            names: t.list(props.presenters.map((p) => p.name)),
          })}
        </p>
      ) : null}
      {onNow ? (
        <p class="on-now">
          <strong class="tag-live">{t.t("schedule.onNow")}</strong>{" "}
          <BroadcastTime ctx={ctx} broadcast={onNow} />
        </p>
      ) : null}
      {stream ? (
        <p>
          <a href={stream}>{t.t("schedule.live")}</a>
        </p>
      ) : null}
      {props.slots.length > 0 ? (
        <section aria-labelledby="airs-h">
          <h2 id="airs-h">{t.t("schedule.title")}</h2>
          <ul>
            {props.slots.map((slot) => (
              <li key={slot.id}>
                {t.list(slot.weekdays.map((d) => ctx.dates.weekday(d)))}{" "}
                {ctx.dates.wallTime(slot.start)}
              </li>
            ))}
          </ul>
          <p>
            <a href={scheduleUrl(service)}>{t.t("schedule.title")}</a>
          </p>
        </section>
      ) : null}
      {props.episodes && (props.episodes.items.length > 0 || props.episodes.page > 1) ? (
        <section aria-labelledby="episodes-h">
          <h2 id="episodes-h">{t.t("episodes.title")}</h2>
          <ul class="episodes">
            {props.episodes.items.map((item) => (
              <li key={item.episode.storyId}>
                <a
                  href={storyUrl(service, {
                    id: item.episode.storyId,
                    slug: item.slug,
                    section: item.section,
                  })}
                >
                  {item.headline}
                </a>{" "}
                <TimeTag ctx={ctx} iso={item.firstPublishedAt} />
                {item.standfirst ? <p>{item.standfirst}</p> : null}
              </li>
            ))}
          </ul>
          <Pager
            ctx={ctx}
            basePath={programmeUrl(service, programme.slug)}
            page={props.episodes.page}
            hasMore={props.episodes.hasMore}
          />
          <p>
            <a href={podcastFeedUrl(service, programme.slug)} type="application/rss+xml">
              {t.t("episodes.podcast")}
            </a>
          </p>
        </section>
      ) : null}
      {programme.links.length > 0 ? (
        <section aria-labelledby="listen-h">
          <h2 id="listen-h">{t.t("programmes.listenOn")}</h2>
          <ul class="platforms">
            {programme.links.map((link) => (
              <li key={link.url}>
                <a href={link.url} rel="noopener">
                  {link.label}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {props.presenters.length > 0 ? (
        <ul class="contributors">
          {props.presenters.map((p) => (
            <li key={p.id}>
              <a href={personUrl(service, p.id)}>{p.name}</a>
            </li>
          ))}
        </ul>
      ) : null}
    </Layout>
  );
}
