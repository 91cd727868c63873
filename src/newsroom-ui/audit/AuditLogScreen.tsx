import { useEffect, useId, useState } from "preact/hooks";
import { listUsers, type UserEntry } from "../admin/users-api.js";
import { useUiText } from "../i18n/ui-language.js";
import { AppLink } from "../shared/AppLink.js";
import { errorMessage } from "../shared/api-client.js";
import { useApp } from "../shared/app-context.js";
import { ListPager } from "../shared/ListPager.js";
import { Message, ServiceName } from "../shared/Message.js";
import { ErrorMessage, StatusMessage } from "../shared/Notice.js";
import { routeHref } from "../shared/router.js";
import { useScreenTitle } from "../shared/screen-title.js";
import { serviceFor } from "../shared/service-info.js";
import { AuditActionName } from "./AuditActionName.js";
import {
  type AuditEntry,
  type AuditFilters,
  type AuditPage,
  auditPageSize,
  listAuditEntries,
} from "./audit-api.js";
import { auditActionKey, auditActionList } from "./audit-labels.js";

/**
 * The newsroom's audit log for administrators (every service) and service admins (the
 * services they administer): who did what, when and where, filtered by user, action,
 * service and period. The filters live in the address, so a filtered view survives a reload
 * and can be sent to a colleague; the server applies the scope whatever the address says.
 */
export function AuditLogScreen(props: { readonly filters: AuditFilters }) {
  const { api, services, session, navigate } = useApp();
  const { t, dateTime } = useUiText();
  useScreenTitle(t("audit.title"));
  const id = useId();
  const { filters } = props;
  const [page, setPage] = useState<AuditPage | null>(null);
  const [users, setUsers] = useState<readonly UserEntry[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [draft, setDraft] = useState<AuditFilters>(filters);
  const scopeServices = session.user.isAdmin
    ? services
    : services.filter((service) => service.roles.includes("service_admin"));

  useEffect(() => setDraft(filters), [filters]);
  useEffect(() => {
    let current = true;
    setPage(null);
    setError(null);
    listAuditEntries(api, filters)
      .then((result) => {
        if (current) setPage(result);
      })
      .catch((failure: unknown) => {
        if (current) setError(errorMessage(failure));
      });
    return () => {
      current = false;
    };
  }, [api, filters]);
  useEffect(() => {
    // Names for the user filter and for the accounts that user-management entries concern.
    listUsers(api)
      .then(setUsers)
      .catch(() => setUsers([]));
  }, [api]);

  const href = (next: AuditFilters) => routeHref({ screen: "audit", ...next });
  const nameOf = (userId: unknown) =>
    typeof userId === "string"
      ? (users.find((entry) => entry.user.id === userId)?.user.displayName ?? null)
      : null;

  const concerning = (entry: AuditEntry) => {
    const parts = [];
    if (entry.storyId) {
      parts.push(
        <AppLink key="story" href={routeHref({ screen: "story", storyId: entry.storyId })}>
          {t("audit.openStory")}
        </AppLink>,
      );
    }
    const account = nameOf(entry.details.userId);
    if (account) {
      parts.push(
        <span key="account">
          <Message text={t("audit.account")} parts={{ name: <bdi>{account}</bdi> }} />
        </span>,
      );
    }
    if (typeof entry.details.note === "string" && entry.details.note !== "") {
      parts.push(
        <span key="note">
          <Message
            text={t("audit.note")}
            parts={{ note: <bdi dir="auto">{entry.details.note}</bdi> }}
          />
        </span>,
      );
    }
    return parts.length === 0 ? null : (
      <ul class="nr-plain-list">
        {parts.map((part) => (
          <li key={part.key}>{part}</li>
        ))}
      </ul>
    );
  };

  return (
    <>
      <h1 tabIndex={-1}>{t("audit.title")}</h1>
      <p class="nr-help">{session.user.isAdmin ? t("audit.scopeAll") : t("audit.scopeServices")}</p>
      <search>
        <form
          class="nr-form"
          aria-labelledby={`${id}-filters`}
          onSubmit={(event) => {
            event.preventDefault();
            navigate(href({ ...draft, page: 1 }));
          }}
        >
          <h2 id={`${id}-filters`}>{t("audit.filters")}</h2>
          <div class="nr-field-row">
            <div class="nr-field">
              <label for={`${id}-user`}>{t("audit.filter.user")}</label>
              <select
                id={`${id}-user`}
                value={draft.userId ?? ""}
                onChange={(event) =>
                  setDraft({ ...draft, userId: event.currentTarget.value || null })
                }
              >
                <option value="">{t("audit.filter.anyUser")}</option>
                {users.map((entry) => (
                  <option key={entry.user.id} value={entry.user.id}>
                    {entry.user.displayName}
                  </option>
                ))}
              </select>
            </div>
            <div class="nr-field">
              <label for={`${id}-action`}>{t("audit.filter.action")}</label>
              <select
                id={`${id}-action`}
                value={draft.action ?? ""}
                onChange={(event) =>
                  setDraft({ ...draft, action: event.currentTarget.value || null })
                }
              >
                <option value="">{t("audit.filter.anyAction")}</option>
                {auditActionList.map((action) => {
                  const key = auditActionKey(action);
                  return (
                    <option key={action} value={action}>
                      {key ? t(key) : action}
                    </option>
                  );
                })}
              </select>
            </div>
            <div class="nr-field">
              <label for={`${id}-service`}>{t("audit.filter.service")}</label>
              <select
                id={`${id}-service`}
                value={draft.serviceId ?? ""}
                onChange={(event) =>
                  setDraft({ ...draft, serviceId: event.currentTarget.value || null })
                }
              >
                <option value="">{t("audit.filter.anyService")}</option>
                {scopeServices.map((service) => (
                  <option
                    key={service.id}
                    value={service.id}
                    lang={service.locale}
                    dir={service.dir}
                  >
                    {service.name}
                  </option>
                ))}
              </select>
            </div>
            <div class="nr-field">
              <label for={`${id}-from`}>{t("audit.filter.from")}</label>
              <input
                id={`${id}-from`}
                type="date"
                value={draft.from ?? ""}
                max={draft.to ?? undefined}
                onInput={(event) => setDraft({ ...draft, from: event.currentTarget.value || null })}
              />
            </div>
            <div class="nr-field">
              <label for={`${id}-to`}>{t("audit.filter.to")}</label>
              <input
                id={`${id}-to`}
                type="date"
                value={draft.to ?? ""}
                min={draft.from ?? undefined}
                onInput={(event) => setDraft({ ...draft, to: event.currentTarget.value || null })}
              />
            </div>
          </div>
          <div class="nr-button-row">
            <button type="submit" class="nr-primary">
              {t("audit.filter.apply")}
            </button>
            <AppLink
              href={href({
                userId: null,
                action: null,
                serviceId: null,
                from: null,
                to: null,
                page: 1,
              })}
            >
              {t("audit.filter.clear")}
            </AppLink>
          </div>
        </form>
      </search>

      <section aria-labelledby={`${id}-entries`}>
        <h2 id={`${id}-entries`}>
          {page === null
            ? t("audit.title")
            : page.total === 1
              ? t("audit.countOne")
              : t("audit.count", { count: page.total })}
        </h2>
        <ErrorMessage message={error} />
        {page === null && !error ? <StatusMessage>{t("audit.loading")}</StatusMessage> : null}
        {page !== null && page.entries.length === 0 ? <p>{t("audit.empty")}</p> : null}
        {page !== null && page.entries.length > 0 ? (
          <table class="nr-table">
            <thead>
              <tr>
                <th scope="col">{t("audit.col.when")}</th>
                <th scope="col">{t("audit.col.who")}</th>
                <th scope="col">{t("audit.col.action")}</th>
                <th scope="col">{t("audit.col.service")}</th>
                <th scope="col">{t("audit.col.concerning")}</th>
              </tr>
            </thead>
            <tbody>
              {page.entries.map((entry) => (
                <tr key={entry.id}>
                  <td>
                    <time dateTime={entry.at}>{dateTime(entry.at)}</time>
                  </td>
                  <td>
                    <bdi>
                      {entry.actorName ??
                        (entry.actorId ? t("history.formerUser") : t("history.system"))}
                    </bdi>
                  </td>
                  <td>
                    <AuditActionName action={entry.action} />
                  </td>
                  <td>
                    {entry.serviceId ? (
                      <ServiceName service={serviceFor(entry.serviceId, services)} />
                    ) : (
                      t("audit.noService")
                    )}
                  </td>
                  <td>{concerning(entry)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {page !== null && page.total > auditPageSize ? (
          <ListPager
            page={filters.page}
            pages={Math.ceil(page.total / auditPageSize)}
            hrefFor={(n) => href({ ...filters, page: n })}
          />
        ) : null}
      </section>
    </>
  );
}
