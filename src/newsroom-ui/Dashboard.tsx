import { useEffect, useState } from "preact/hooks";
import { AppLink } from "./AppLink.js";
import { errorMessage } from "./api-client.js";
import type { StoryList, StoryStatus } from "./api-schemas.js";
import { useApp } from "./app-context.js";
import { FlaggedStories } from "./FlaggedStories.js";
import { contentDirection, formatDateTime } from "./format.js";
import { ErrorMessage, StatusMessage } from "./Notice.js";
import { capabilitiesFor } from "./permissions.js";
import { routeHref } from "./router.js";
import { useScreenTitle } from "./screen-title.js";
import { newStoryContent } from "./story-draft.js";
import { TranslationQueue } from "./TranslationQueue.js";
import { dashboardStatuses, statusLabels } from "./workflow-actions.js";

const pageSize = 50;

/** Stories per service and state, with search; the starting point for a new story. */
export function Dashboard(props: {
  readonly serviceId: string | null;
  readonly status: string | null;
  readonly q: string;
}) {
  const { api, services, session, navigate } = useApp();
  const service = services.find((s) => s.id === props.serviceId) ?? services[0];
  const status: StoryStatus = (dashboardStatuses as readonly string[]).includes(props.status ?? "")
    ? (props.status as StoryStatus)
    : "draft";
  useScreenTitle(service ? `${statusLabels[status]} stories · ${service.name}` : "Stories");
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
      .listStories({ service: service.id, status, q: props.q, limit: pageSize })
      .then((result) => live && setList(result))
      .catch((failure: unknown) => live && setError(errorMessage(failure)));
    return () => {
      live = false;
    };
  }, [api, service, status, props.q]);

  if (!service) {
    return (
      <>
        <h1 tabIndex={-1}>Stories</h1>
        <p>You have no role in any language service yet. Ask an administrator for access.</p>
      </>
    );
  }
  const text = contentDirection(service);
  const can = capabilitiesFor(session, service.id);
  const href = (next: { serviceId?: string; status?: StoryStatus; q?: string }) =>
    routeHref({
      screen: "dashboard",
      serviceId: next.serviceId ?? service.id,
      status: next.status ?? status,
      q: next.q ?? "",
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
        Stories in{" "}
        <span lang={text.lang} dir={text.dir}>
          {service.name}
        </span>
      </h1>
      {services.length > 1 ? (
        <nav aria-label="Language services" class="nr-tabs">
          <ul>
            {services.map((s) => (
              <li key={s.id}>
                <AppLink
                  href={href({ serviceId: s.id, status })}
                  current={s.id === service.id}
                  lang={s.locale}
                  dir={s.dir}
                >
                  {s.name}
                </AppLink>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <FlaggedStories />
      <TranslationQueue serviceId={service.id} />
      <nav aria-label="Story states" class="nr-tabs">
        <ul>
          {dashboardStatuses.map((s) => (
            <li key={s}>
              <AppLink href={href({ status: s, q: props.q })} current={s === status}>
                {statusLabels[s]}
              </AppLink>
            </li>
          ))}
        </ul>
      </nav>

      <search>
        <form
          class="nr-inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            navigate(href({ q: query.trim() }));
          }}
        >
          <label for="story-search">Search stories</label>
          <input
            id="story-search"
            type="search"
            dir="auto"
            value={query}
            onInput={(event) => setQuery(event.currentTarget.value)}
          />
          <button type="submit">Search</button>
        </form>
      </search>

      <section aria-labelledby="story-list-heading">
        <h2 id="story-list-heading">
          {statusLabels[status]}
          {props.q ? ` matching “${props.q}”` : ""}
        </h2>
        <ErrorMessage message={error} />
        {list === null && !error ? <StatusMessage>Loading stories…</StatusMessage> : null}
        {list !== null ? (
          list.items.length === 0 ? (
            <p>No stories here.</p>
          ) : (
            <table class="nr-table">
              <caption class="nr-visually-hidden">
                {list.total} {list.total === 1 ? "story" : "stories"}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Headline</th>
                  <th scope="col">Last changed</th>
                  <th scope="col">Revision</th>
                  <th scope="col">Notes</th>
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
                    <td>{formatDateTime(item.lastModifiedAt)}</td>
                    <td>{item.currentRevisionNumber}</td>
                    <td>
                      {[
                        item.scheduledAt ? `Scheduled for ${formatDateTime(item.scheduledAt)}` : "",
                        item.embargoUntil
                          ? `Embargoed until ${formatDateTime(item.embargoUntil)}`
                          : "",
                        item.updatedAt ? `Updated ${formatDateTime(item.updatedAt)}` : "",
                        ...item.flags,
                      ]
                        .filter((note) => note !== "")
                        .join("; ")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        ) : null}
      </section>

      {can.canWrite ? (
        <section aria-labelledby="create-heading">
          <h2 id="create-heading">New story</h2>
          <form class="nr-inline-form" onSubmit={create}>
            <label for="new-headline">Headline</label>
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
              Create story
            </button>
          </form>
          <ErrorMessage message={createError} />
        </section>
      ) : null}
    </>
  );
}
