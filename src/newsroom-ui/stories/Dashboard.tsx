import { useEffect, useState } from "preact/hooks";
import { useUiText } from "../i18n/ui-language.js";
import { AppLink } from "../shared/AppLink.js";
import { errorMessage } from "../shared/api-client.js";
import type { StoryList, StoryStatus } from "../shared/api-schemas.js";
import { useApp } from "../shared/app-context.js";
import { contentDirection } from "../shared/format.js";
import { ListPager } from "../shared/ListPager.js";
import { Message, ServiceName } from "../shared/Message.js";
import { ErrorMessage, StatusMessage } from "../shared/Notice.js";
import { capabilitiesFor } from "../shared/permissions.js";
import { routeHref } from "../shared/router.js";
import { useScreenTitle } from "../shared/screen-title.js";
import { ServiceTabs, Tabs } from "../shared/Tabs.js";
import { FlaggedStories } from "./FlaggedStories.js";
import { newStoryContent } from "./story-draft.js";
import { TranslationQueue } from "./TranslationQueue.js";
import { dashboardStatuses, statusKeys } from "./workflow-actions.js";

const pageSize = 50;

/** Stories per service and state, with search; the starting point for a new story. */
export function Dashboard(props: {
  readonly serviceId: string | null;
  readonly status: string | null;
  readonly q: string;
  /** 1-based page of the list, from the address. */
  readonly page: number;
}) {
  const { api, services, session, navigate } = useApp();
  const { t, dateTime, number } = useUiText();
  const service = services.find((s) => s.id === props.serviceId) ?? services[0];
  const status: StoryStatus = (dashboardStatuses as readonly string[]).includes(props.status ?? "")
    ? (props.status as StoryStatus)
    : "draft";
  const statusLabel = t(statusKeys[status]);
  useScreenTitle(
    service
      ? t("dashboard.documentTitle", { status: statusLabel, service: service.name })
      : t("dashboard.noServiceTitle"),
  );
  const [list, setList] = useState<StoryList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState(props.q);
  const [headline, setHeadline] = useState("");
  const [creating, setCreating] = useState(false);
  const [createError, setCreateError] = useState<string | null>(null);

  useEffect(() => {
    setQuery(props.q);
  }, [props.q]);

  useEffect(() => {
    if (!service) return;
    let live = true;
    setList(null);
    setError(null);
    api
      .listStories({
        service: service.id,
        status,
        q: props.q,
        limit: pageSize,
        offset: (props.page - 1) * pageSize,
      })
      .then((result) => live && setList(result))
      .catch((failure: unknown) => live && setError(errorMessage(failure)));
    return () => {
      live = false;
    };
  }, [api, service, status, props.q, props.page]);

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
  const href = (next: { serviceId?: string; status?: StoryStatus; q?: string; page?: number }) =>
    routeHref({
      screen: "dashboard",
      serviceId: next.serviceId ?? service.id,
      status: next.status ?? status,
      q: next.q ?? "",
      page: next.page ?? 1,
    });

  const create = async (event: Event) => {
    event.preventDefault();
    setCreating(true);
    setCreateError(null);
    try {
      const catalog = await api.catalog(service.id);
      const created = await api.createStory(service.id, newStoryContent(headline, catalog));
      navigate(routeHref({ screen: "story", storyId: created.story.id }));
    } catch (failure) {
      setCreateError(errorMessage(failure));
      setCreating(false);
    }
  };

  return (
    <>
      <h1 tabIndex={-1}>
        <Message
          text={t("dashboard.title")}
          parts={{ service: <ServiceName service={service} /> }}
        />
      </h1>
      <ServiceTabs currentId={service.id} hrefFor={(serviceId) => href({ serviceId, status })} />
      <FlaggedStories />
      <TranslationQueue serviceId={service.id} />
      <Tabs
        label={t("dashboard.states")}
        tabs={dashboardStatuses.map((s) => ({
          href: href({ status: s, q: props.q }),
          label: t(statusKeys[s]),
          current: s === status,
        }))}
      />

      <search>
        <form
          class="nr-inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            navigate(href({ q: query.trim() }));
          }}
        >
          <label for="story-search">{t("dashboard.search")}</label>
          <input
            id="story-search"
            type="search"
            dir="auto"
            value={query}
            onInput={(event) => setQuery(event.currentTarget.value)}
          />
          <button type="submit">{t("dashboard.searchButton")}</button>
        </form>
      </search>

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
        {list === null && !error ? <StatusMessage>{t("dashboard.loading")}</StatusMessage> : null}
        {list !== null ? (
          list.items.length === 0 ? (
            <p>{t("dashboard.empty")}</p>
          ) : (
            <table class="nr-table">
              <caption class="nr-visually-hidden">
                {list.total === 1
                  ? t("dashboard.countOne")
                  : t("dashboard.count", { count: list.total })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("dashboard.col.headline")}</th>
                  <th scope="col">{t("dashboard.col.changed")}</th>
                  <th scope="col">{t("dashboard.col.revision")}</th>
                  <th scope="col">{t("dashboard.col.notes")}</th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((item) => (
                  <tr key={item.id}>
                    <td>
                      <AppLink
                        href={routeHref({ screen: "story", storyId: item.id })}
                        lang={text.lang}
                        dir={text.dir}
                      >
                        {item.headline}
                      </AppLink>
                    </td>
                    <td>{dateTime(item.lastModifiedAt)}</td>
                    <td>{number(item.currentRevisionNumber)}</td>
                    <td>
                      {[
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
            pages={Math.ceil(list.total / pageSize)}
            hrefFor={(page) => href({ q: props.q, page })}
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
