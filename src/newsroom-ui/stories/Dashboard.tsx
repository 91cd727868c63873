import { useEffect, useMemo, useState } from "preact/hooks";
import type { MessageKey } from "../i18n/en.js";
import { useUiText } from "../i18n/ui-language.js";
import { AppLink } from "../shared/AppLink.js";
import { errorMessage } from "../shared/api-client.js";
import type { BulkResult, Catalog, StoryList, StoryStatus } from "../shared/api-schemas.js";
import { useApp } from "../shared/app-context.js";
import { contentDirection } from "../shared/format.js";
import { ListPager } from "../shared/ListPager.js";
import { Message, ServiceName } from "../shared/Message.js";
import { ErrorMessage, StatusMessage } from "../shared/Notice.js";
import { capabilitiesFor } from "../shared/permissions.js";
import { type DashboardFilters, routeHref } from "../shared/router.js";
import { useScreenTitle } from "../shared/screen-title.js";
import { ServiceTabs, Tabs } from "../shared/Tabs.js";
import { FlaggedStories } from "./FlaggedStories.js";
import { relativeTime } from "./relative-time.js";
import { StoryListFilters } from "./StoryListFilters.js";
import { newStoryContent } from "./story-draft.js";
import { TranslationQueue } from "./TranslationQueue.js";
import { dashboardStatuses, statusKeys } from "./workflow-actions.js";

const pageSize = 50;
const noFilters: DashboardFilters = {};

type Tab = StoryStatus | "trash";
type BulkAction = "assign-section" | "submit" | "trash";

const refusalKeys: Readonly<Record<string, MessageKey>> = {
  FORBIDDEN: "storyList.refused.forbidden",
  STORY_NOT_TRASHABLE: "storyList.refused.notTrashable",
  STORY_IN_TRASH: "storyList.refused.inTrash",
  INVALID_TRANSITION: "storyList.refused.transition",
  UNKNOWN_REFERENCE: "storyList.refused.reference",
  STORY_NOT_FOUND: "storyList.refused.notFound",
};

/**
 * Stories per service and tab (each status, and the trash) with a count on every tab;
 * search, filters and order kept in the address; bulk actions on the selected rows; the
 * starting point for a new story.
 */
export function Dashboard(props: {
  readonly serviceId: string | null;
  readonly status: string | null;
  readonly q: string;
  /** 1-based page of the list, from the address. */
  readonly page: number;
  readonly filters?: DashboardFilters | undefined;
}) {
  const { api, services, session, navigate } = useApp();
  const { t, dateTime, number, lang } = useUiText();
  const service = services.find((s) => s.id === props.serviceId) ?? services[0];
  const filters = props.filters ?? noFilters;
  const tab: Tab =
    props.status === "trash"
      ? "trash"
      : (dashboardStatuses as readonly string[]).includes(props.status ?? "")
        ? (props.status as StoryStatus)
        : "draft";
  const tabLabel = (value: Tab) =>
    value === "trash" ? t("storyList.trash") : t(statusKeys[value]);
  const statusLabel = tabLabel(tab);
  useScreenTitle(
    service
      ? t("dashboard.documentTitle", { status: statusLabel, service: service.name })
      : t("dashboard.noServiceTitle"),
  );
  const [list, setList] = useState<StoryList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  const [catalog, setCatalog] = useState<Catalog | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [bulkAction, setBulkAction] = useState<BulkAction>("submit");
  const [bulkSection, setBulkSection] = useState("");
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [refusals, setRefusals] = useState<string[]>([]);
  const [headline, setHeadline] = useState("");
  const [kind, setKind] = useState<"story" | "live" | "episode">("story");
  const [creating, setCreating] = useState(false);
  const [createError, setCreateError] = useState<string | null>(null);
  const filterKey = JSON.stringify(filters);

  useEffect(() => {
    if (!service) return;
    let live = true;
    setCatalog(null);
    api
      .catalog(service.id)
      .then((result) => live && setCatalog(result))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [api, service]);

  // `filterKey` stands for `filters`, which is a new object on every navigation.
  useEffect(() => {
    if (!service) return;
    let live = true;
    setError(null);
    setSelected(new Set());
    api
      .listStories({
        service: service.id,
        status: tab,
        q: props.q,
        ...(filters.mine ? { mine: "true" as const } : {}),
        ...(filters.section ? { section: filters.section } : {}),
        ...(filters.author ? { author: filters.author } : {}),
        ...(filters.from ? { from: filters.from } : {}),
        ...(filters.to ? { to: filters.to } : {}),
        ...(filters.sort ? { sort: filters.sort } : {}),
        ...(filters.dir ? { dir: filters.dir } : {}),
        limit: pageSize,
        offset: (props.page - 1) * pageSize,
      })
      .then((result) => live && setList(result))
      .catch((failure: unknown) => live && setError(errorMessage(failure)));
    return () => {
      live = false;
    };
  }, [api, service, tab, props.q, props.page, filterKey, reload]);

  const sectionNames = useMemo(
    () => new Map((catalog?.sections ?? []).map((s) => [s.slug, s.name])),
    [catalog],
  );

  if (!service) {
    return (
      <>
        <h1 tabIndex={-1}>{t("dashboard.noServiceTitle")}</h1>
        <p>{t("dashboard.noService")}</p>
      </>
    );
  }
  const text = contentDirection(service);
  const can = capabilitiesFor(session, service.id);
  const href = (next: {
    serviceId?: string;
    status?: Tab;
    q?: string;
    page?: number;
    filters?: DashboardFilters;
  }) =>
    routeHref({
      screen: "dashboard",
      serviceId: next.serviceId ?? service.id,
      status: next.status ?? tab,
      q: next.q ?? props.q,
      page: next.page ?? 1,
      filters: next.filters ?? filters,
    });
  const items = list?.items ?? [];
  const headlineOf = (id: string) => items.find((item) => item.id === id)?.headline ?? id;
  const allSelected = items.length > 0 && items.every((item) => selected.has(item.id));
  const toggle = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const report = (result: BulkResult) => {
    setOutcome(t("storyList.bulk.result", { done: result.done, refused: result.refused }));
    setRefusals(
      result.refusals.map((r) =>
        t("storyList.bulk.refusal", {
          headline: headlineOf(r.storyId),
          reason: t(refusalKeys[r.code] ?? "storyList.refused.other"),
        }),
      ),
    );
  };

  const runBulk = async (event: Event) => {
    event.preventDefault();
    if (selected.size === 0) {
      setOutcome(t("storyList.bulk.noneSelected"));
      setRefusals([]);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      report(
        await api.bulkStories({
          action: bulkAction,
          storyIds: [...selected],
          ...(bulkAction === "assign-section" ? { section: bulkSection } : {}),
        }),
      );
      setReload((n) => n + 1);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  const restore = async (id: string) => {
    setBusy(true);
    setError(null);
    try {
      await api.untrash(id);
      setOutcome(t("storyList.restored", { headline: headlineOf(id) }));
      setRefusals([]);
      setReload((n) => n + 1);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  const create = async (event: Event) => {
    event.preventDefault();
    setCreating(true);
    setCreateError(null);
    try {
      const catalogNow = catalog ?? (await api.catalog(service.id));
      const created = await api.createStory(
        service.id,
        newStoryContent(headline, catalogNow),
        kind,
      );
      // A new live page opens on its posting screen; its story tab holds the rest.
      navigate(
        routeHref({ screen: kind === "live" ? "live" : "story", storyId: created.story.id }),
      );
    } catch (failure) {
      setCreateError(errorMessage(failure));
      setCreating(false);
    }
  };

  const now = Date.now();
  const tabs: readonly Tab[] = [...dashboardStatuses, "trash"];
  const bulkAllowed = can.canWrite && tab !== "trash";

  return (
    <>
      <h1 tabIndex={-1}>
        <Message
          text={t("dashboard.title")}
          parts={{ service: <ServiceName service={service} /> }}
        />
      </h1>
      <ServiceTabs
        currentId={service.id}
        hrefFor={(serviceId) => {
          // Sections and people belong to one service: those filters stay behind.
          const { section: _section, author: _author, ...kept } = filters;
          return href({ serviceId, filters: kept });
        }}
      />
      <FlaggedStories />
      <TranslationQueue serviceId={service.id} />
      <Tabs
        label={t("dashboard.states")}
        tabs={tabs.map((s) => ({
          href: href({ status: s }),
          label: tabLabel(s),
          count:
            list === null
              ? undefined
              : t(list.over.includes(s) ? "storyList.tabCountOver" : "storyList.tabCount", {
                  count: (list.counts[s] ?? 0).toLocaleString(lang),
                }),
          current: s === tab,
        }))}
      />

      <StoryListFilters
        q={props.q}
        filters={filters}
        catalog={catalog}
        content={text}
        clearHref={href({ q: "", filters: noFilters })}
        onApply={(q, next) => navigate(href({ q, filters: next }))}
      />

      <section aria-labelledby="story-list-heading">
        <h2 id="story-list-heading">
          {props.q ? (
            <Message
              text={t("dashboard.matching")}
              parts={{ status: statusLabel, q: <bdi>{props.q}</bdi> }}
            />
          ) : (
            statusLabel
          )}
        </h2>
        <ErrorMessage message={error} />
        <StatusMessage>{list === null && !error ? t("dashboard.loading") : outcome}</StatusMessage>
        {refusals.length > 0 ? (
          <ul class="nr-refusals">
            {refusals.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        ) : null}

        {bulkAllowed && items.length > 0 ? (
          <form class="nr-bulk" onSubmit={runBulk}>
            <fieldset>
              <legend>
                {t("storyList.bulk.legend")}{" "}
                <span>{t("storyList.bulk.selected", { count: selected.size })}</span>
              </legend>
              <label for="bulk-action">{t("storyList.bulk.action")}</label>
              <select
                id="bulk-action"
                value={bulkAction}
                onChange={(event) => setBulkAction(event.currentTarget.value as BulkAction)}
              >
                <option value="submit">{t("storyList.bulk.submit")}</option>
                <option value="assign-section">{t("storyList.bulk.assignSection")}</option>
                <option value="trash">{t("storyList.bulk.trash")}</option>
              </select>
              {bulkAction === "assign-section" ? (
                <>
                  <label for="bulk-section">{t("storyList.bulk.section")}</label>
                  <select
                    id="bulk-section"
                    required
                    value={bulkSection}
                    onChange={(event) => setBulkSection(event.currentTarget.value)}
                  >
                    <option value="" />
                    {(catalog?.sections ?? []).map((s) => (
                      <option key={s.slug} value={s.slug} lang={text.lang}>
                        {s.name}
                      </option>
                    ))}
                  </select>
                </>
              ) : null}
              <button type="submit" disabled={busy}>
                {t("storyList.bulk.apply")}
              </button>
            </fieldset>
          </form>
        ) : null}

        {list !== null ? (
          items.length === 0 ? (
            <p>{t("dashboard.empty")}</p>
          ) : (
            <table class="nr-table nr-story-list">
              <caption class="nr-visually-hidden">
                {!list.totalExact
                  ? t("storyList.countOver", { count: list.total.toLocaleString(lang) })
                  : list.total === 1
                    ? t("dashboard.countOne")
                    : t("dashboard.count", { count: list.total })}
              </caption>
              <thead>
                <tr>
                  {bulkAllowed ? (
                    <td>
                      <input
                        type="checkbox"
                        aria-label={t("storyList.selectAll")}
                        checked={allSelected}
                        onChange={(event) =>
                          setSelected(
                            event.currentTarget.checked
                              ? new Set(items.map((item) => item.id))
                              : new Set(),
                          )
                        }
                      />
                    </td>
                  ) : null}
                  <th scope="col">{t("storyList.col.image")}</th>
                  <th scope="col">{t("dashboard.col.headline")}</th>
                  <th scope="col">{t("storyList.col.authors")}</th>
                  <th scope="col">{t("storyList.col.section")}</th>
                  <th scope="col">{t("storyList.col.words")}</th>
                  <th scope="col">{t("dashboard.col.changed")}</th>
                  <th scope="col">{t("dashboard.col.notes")}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <tr key={item.id}>
                    {bulkAllowed ? (
                      <td>
                        <input
                          type="checkbox"
                          aria-label={t("storyList.selectOne", { headline: item.headline })}
                          checked={selected.has(item.id)}
                          onChange={(event) => toggle(item.id, event.currentTarget.checked)}
                        />
                      </td>
                    ) : null}
                    <td>
                      {item.thumbnail ? (
                        <img
                          class="nr-thumb"
                          src={item.thumbnail.url}
                          alt=""
                          width={item.thumbnail.width}
                          height={item.thumbnail.height}
                          loading="lazy"
                        />
                      ) : null}
                    </td>
                    <th scope="row">
                      <AppLink
                        href={routeHref({ screen: "story", storyId: item.id })}
                        lang={text.lang}
                        dir={text.dir}
                      >
                        {item.headline}
                      </AppLink>
                      {item.kind === "live" ? (
                        <span class="nr-tag nr-live-marker"> {t("live.kind.marker")}</span>
                      ) : null}
                      {item.kind === "episode" ? (
                        <span class="nr-tag"> {t("episodes.kind.marker")}</span>
                      ) : null}
                    </th>
                    <td lang={text.lang} dir={text.dir}>
                      {item.bylines.map((b) => b.name ?? b.id).join(t("common.listSeparator"))}
                    </td>
                    <td lang={text.lang} dir={text.dir}>
                      {item.section ? (sectionNames.get(item.section) ?? item.section) : ""}
                    </td>
                    <td>{number(item.wordCount)}</td>
                    <td>
                      <time dateTime={item.lastModifiedAt} title={dateTime(item.lastModifiedAt)}>
                        {relativeTime(item.lastModifiedAt, lang, now)}
                      </time>
                    </td>
                    <td>
                      {[
                        item.trashedAt
                          ? t("storyList.trashedAt", { time: dateTime(item.trashedAt) })
                          : "",
                        item.scheduledAt
                          ? t("dashboard.note.scheduled", { time: dateTime(item.scheduledAt) })
                          : "",
                        item.embargoUntil
                          ? t("dashboard.note.embargoed", { time: dateTime(item.embargoUntil) })
                          : "",
                        item.updatedAt
                          ? t("dashboard.note.updated", { time: dateTime(item.updatedAt) })
                          : "",
                        ...item.flags,
                      ]
                        .filter((note) => note !== "")
                        .join(t("common.listSeparator"))}
                      {tab === "trash" && can.canWrite ? (
                        <button
                          type="button"
                          class="nr-row-action"
                          disabled={busy}
                          aria-label={t("storyList.restoreOne", { headline: item.headline })}
                          onClick={() => void restore(item.id)}
                        >
                          {t("storyList.restore")}
                        </button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        ) : null}
        {list !== null && list.total > pageSize ? (
          <ListPager
            page={props.page}
            pages={Math.ceil(Math.min(list.total, 100_000 + pageSize) / pageSize)}
            atLeast={!list.totalExact}
            hrefFor={(page) => href({ page })}
          />
        ) : null}
      </section>

      {can.canWrite ? (
        <section aria-labelledby="create-heading">
          <h2 id="create-heading">{t("dashboard.newStory")}</h2>
          <form class="nr-inline-form" onSubmit={create}>
            <label for="new-headline">{t("dashboard.headline")}</label>
            <input
              id="new-headline"
              required
              maxLength={300}
              lang={text.lang}
              dir={text.dir}
              value={headline}
              onInput={(event) => setHeadline(event.currentTarget.value)}
            />
            <label for="new-kind">{t("live.kind.label")}</label>
            <select
              id="new-kind"
              value={kind}
              onChange={(event) => {
                const chosen = event.currentTarget.value;
                setKind(chosen === "live" || chosen === "episode" ? chosen : "story");
              }}
            >
              <option value="story">{t("live.kind.story")}</option>
              <option value="live">{t("live.kind.live")}</option>
              <option value="episode">{t("episodes.kind.episode")}</option>
            </select>
            <button type="submit" class="nr-primary" disabled={creating}>
              {t("dashboard.create")}
            </button>
          </form>
          <ErrorMessage message={createError} />
        </section>
      ) : null}
    </>
  );
}
