import { useCallback, useEffect, useId, useRef, useState } from "preact/hooks";
import { useUiText } from "../i18n/ui-language.js";
import { AppLink } from "../shared/AppLink.js";
import { errorMessage } from "../shared/api-client.js";
import { useApp } from "../shared/app-context.js";
import { type NewsroomEvent, useNewsroomEvents } from "../shared/live-events.js";
import { ErrorMessage } from "../shared/Notice.js";
import { routeHref } from "../shared/router.js";
import { useScreenTitle } from "../shared/screen-title.js";
import { WireBadges } from "./WireBadges.js";
import { WireTabs } from "./WireTabs.js";
import {
  listWireItems,
  type WireQueueFilters,
  type WireQueueItem,
  wirePubStatuses,
} from "./wire-api.js";

interface FilterForm {
  q: string;
  agency: string;
  language: string;
  urgency: string;
  subject: string;
  since: string;
  until: string;
  status: string;
}

const emptyForm: FilterForm = {
  q: "",
  agency: "",
  language: "",
  urgency: "",
  subject: "",
  since: "",
  until: "",
  status: "",
};

/** `datetime-local` values are local times; the API wants ISO instants. */
function instant(local: string): string | undefined {
  if (local === "") return undefined;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function toFilters(form: FilterForm): WireQueueFilters {
  const trimmed = (value: string) => (value.trim() === "" ? undefined : value.trim());
  return {
    q: trimmed(form.q),
    agency: trimmed(form.agency)?.toUpperCase(),
    language: trimmed(form.language),
    urgency: trimmed(form.urgency),
    subject: trimmed(form.subject),
    since: instant(form.since),
    until: instant(form.until),
    status: trimmed(form.status),
  };
}

/** New entries first, then the ones already shown that the fresh page did not repeat. */
function mergeQueue(
  fresh: readonly WireQueueItem[],
  shown: readonly WireQueueItem[],
): WireQueueItem[] {
  const ids = new Set(fresh.map((item) => item.id));
  return [...fresh, ...shown.filter((item) => !ids.has(item.id))];
}

/**
 * The wire queue: agency copy newest first, filtered and searched, paged by cursor, and
 * updated live from the newsroom's event stream without losing the editor's place.
 */
export function WireDesk() {
  const { api } = useApp();
  const { t, dateTime } = useUiText();
  const id = useId();
  useScreenTitle(t("wire.queue.title"));
  const [form, setForm] = useState<FilterForm>(emptyForm);
  const [filters, setFilters] = useState<WireQueueFilters>({});
  const [items, setItems] = useState<WireQueueItem[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [loadingMore, setLoadingMore] = useState(false);
  const itemsRef = useRef<WireQueueItem[] | null>(null);
  itemsRef.current = items;
  const filtersRef = useRef(filters);
  filtersRef.current = filters;

  useEffect(() => {
    let live = true;
    setItems(null);
    setError(null);
    listWireItems(api, filters, null)
      .then((page) => {
        if (!live) return;
        setItems(page.items);
        setCursor(page.nextCursor);
      })
      .catch((failure: unknown) => live && setError(errorMessage(failure)));
    return () => {
      live = false;
    };
  }, [api, filters]);

  /** Fetches the first page again and puts anything new or changed on top. */
  const refresh = useCallback(async () => {
    try {
      const page = await listWireItems(api, filtersRef.current, null);
      const shown = itemsRef.current ?? [];
      setItems(mergeQueue(page.items, shown));
      if (shown.length === 0) setCursor(page.nextCursor);
      return page.items;
    } catch (failure) {
      setError(errorMessage(failure));
      return [];
    }
  }, [api]);

  useNewsroomEvents((event: NewsroomEvent) => {
    if (event.type === "wire") {
      void refresh().then((fresh) => {
        const arrived = fresh.find((item) => item.id === event.data.itemId);
        if (arrived) {
          setAnnouncement(
            t("wire.queue.arrived", {
              agency: arrived.agencyCode,
              headline: arrived.headline ?? arrived.guid,
            }),
          );
        }
      });
    } else if (event.type === "ready" || event.type === "poll") {
      if (itemsRef.current !== null) void refresh();
    }
  });

  const loadMore = async () => {
    if (!cursor) return;
    setLoadingMore(true);
    try {
      const page = await listWireItems(api, filters, cursor);
      setItems((current) => [
        ...(current ?? []),
        ...page.items.filter((i) => !current?.some((c) => c.id === i.id)),
      ]);
      setCursor(page.nextCursor);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setLoadingMore(false);
    }
  };

  const field = (name: keyof FilterForm) => ({
    id: `${id}-${name}`,
    value: form[name],
    onInput: (event: Event) => {
      const target = event.currentTarget as HTMLInputElement | HTMLSelectElement;
      setForm((current) => ({ ...current, [name]: target.value }));
    },
  });

  return (
    <>
      <h1 tabIndex={-1}>{t("wire.queue.title")}</h1>
      <WireTabs current="wire" />
      <search>
        <form
          class="nr-wire-filters"
          aria-label={t("wire.filters.label")}
          onSubmit={(event) => {
            event.preventDefault();
            setFilters(toFilters(form));
          }}
        >
          <div class="nr-field">
            <label for={`${id}-q`}>{t("wire.filters.q")}</label>
            <input type="search" dir="auto" maxLength={500} {...field("q")} />
          </div>
          <div class="nr-field">
            <label for={`${id}-agency`}>{t("wire.filters.agency")}</label>
            <input dir="ltr" maxLength={32} {...field("agency")} />
          </div>
          <div class="nr-field">
            <label for={`${id}-language`}>{t("wire.filters.language")}</label>
            <input
              dir="ltr"
              maxLength={35}
              pattern="[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*"
              aria-describedby={`${id}-language-help`}
              {...field("language")}
            />
            <p id={`${id}-language-help`} class="nr-help">
              {t("wire.filters.languageHelp")}
            </p>
          </div>
          <div class="nr-field">
            <label for={`${id}-urgency`}>{t("wire.filters.urgency")}</label>
            <select {...field("urgency")} onChange={field("urgency").onInput}>
              <option value="">{t("wire.filters.any")}</option>
              {[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => (
                <option key={n} value={String(n)}>
                  {t("wire.filters.urgencyAtLeast", { urgency: n })}
                </option>
              ))}
            </select>
          </div>
          <div class="nr-field">
            <label for={`${id}-subject`}>{t("wire.filters.subject")}</label>
            <input dir="auto" maxLength={300} {...field("subject")} />
          </div>
          <div class="nr-field">
            <label for={`${id}-since`}>{t("wire.filters.since")}</label>
            <input type="datetime-local" {...field("since")} />
          </div>
          <div class="nr-field">
            <label for={`${id}-until`}>{t("wire.filters.until")}</label>
            <input type="datetime-local" {...field("until")} />
          </div>
          <div class="nr-field">
            <label for={`${id}-status`}>{t("wire.filters.status")}</label>
            <select {...field("status")} onChange={field("status").onInput}>
              <option value="">{t("wire.filters.any")}</option>
              {wirePubStatuses.map((status) => (
                <option key={status} value={status}>
                  {t(`wire.status.${status}`)}
                </option>
              ))}
            </select>
          </div>
          <div class="nr-button-row">
            <button type="submit" class="nr-primary">
              {t("wire.filters.apply")}
            </button>
            <button
              type="button"
              onClick={() => {
                setForm(emptyForm);
                setFilters({});
              }}
            >
              {t("wire.filters.clear")}
            </button>
          </div>
        </form>
      </search>

      <section aria-labelledby={`${id}-list`}>
        <h2 id={`${id}-list`}>{t("wire.queue.listHeading")}</h2>
        <p class="nr-status" role="status" aria-live="polite">
          {announcement}
        </p>
        <ErrorMessage message={error} />
        {items === null && !error ? <p class="nr-status">{t("wire.queue.loading")}</p> : null}
        {items !== null && items.length === 0 ? <p>{t("wire.queue.empty")}</p> : null}
        {items !== null && items.length > 0 ? (
          <table class="nr-table nr-wire-table">
            <caption class="nr-visually-hidden">{t("wire.queue.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("wire.col.received")}</th>
                <th scope="col">{t("wire.col.agency")}</th>
                <th scope="col">{t("wire.col.headline")}</th>
                <th scope="col">{t("wire.col.language")}</th>
                <th scope="col">{t("wire.col.notes")}</th>
                <th scope="col">{t("wire.col.versions")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  <td>{dateTime(item.receivedAt)}</td>
                  <td>
                    <bdi>{item.agencyCode}</bdi>
                  </td>
                  <td>
                    <AppLink
                      href={routeHref({ screen: "wire-item", itemId: item.id })}
                      lang={item.language ?? undefined}
                      dir="auto"
                    >
                      {item.headline ?? item.guid}
                    </AppLink>
                  </td>
                  <td>
                    <bdi>{item.language ?? ""}</bdi>
                  </td>
                  <td>
                    <WireBadges item={item} />
                  </td>
                  <td>{item.versionCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {cursor ? (
          <button type="button" onClick={() => void loadMore()} disabled={loadingMore}>
            {t("wire.queue.more")}
          </button>
        ) : null}
      </section>
    </>
  );
}
