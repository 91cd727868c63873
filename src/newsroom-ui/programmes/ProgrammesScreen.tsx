import { useEffect, useId, useState } from "preact/hooks";
import {
  isServiceId,
  services as serviceRegistry,
} from "../../domain/services/service-registry.js";
import { useUiText } from "../i18n/ui-language.js";
import { errorMessage } from "../shared/api-client.js";
import type { Catalog } from "../shared/api-schemas.js";
import { useApp } from "../shared/app-context.js";
import { ConfirmDialog } from "../shared/Dialog.js";
import { ErrorMessage, StatusMessage } from "../shared/Notice.js";
import { capabilitiesFor } from "../shared/permissions.js";
import { routeHref } from "../shared/router.js";
import { useScreenTitle } from "../shared/screen-title.js";
import { ServiceTabs } from "../shared/Tabs.js";
import { ProgrammeForm } from "./ProgrammeForm.js";
import { type ProgrammeView, programmesApi, type ScheduleView } from "./programmes-api.js";
import { ScheduleEditor } from "./ScheduleEditor.js";

/**
 * A service's programmes (shows, podcasts, their platform links and live streams) and its
 * weekly broadcast schedule. Everyone in the service reads; editors change them. Platform
 * links are data: a new podcast platform needs no release.
 */
export function ProgrammesScreen(props: { readonly serviceId: string | null }) {
  const { api, services, session } = useApp();
  const { t } = useUiText();
  const id = useId();
  const service = services.find((s) => s.id === props.serviceId) ?? services[0];
  const [programmes, setProgrammes] = useState<ProgrammeView[] | null>(null);
  const [schedule, setSchedule] = useState<ScheduleView | null>(null);
  const [catalog, setCatalog] = useState<Catalog | null>(null);
  const [editing, setEditing] = useState<ProgrammeView | "new" | null>(null);
  const [removing, setRemoving] = useState<ProgrammeView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);
  const [reloads, setReloads] = useState(0);
  useScreenTitle(t("programmes.title"));

  useEffect(() => {
    if (!service) return;
    let live = true;
    setProgrammes(null);
    setSchedule(null);
    Promise.all([
      programmesApi.list(api, service.id),
      programmesApi.schedule(api, service.id),
      api.catalog(service.id),
    ]).then(
      ([list, week, people]) => {
        if (!live) return;
        setProgrammes(list);
        setSchedule(week);
        setCatalog(people);
      },
      (failure: unknown) => live && setError(errorMessage(failure)),
    );
    return () => {
      live = false;
    };
  }, [api, service?.id, reloads]);

  if (!service) return <h1 tabIndex={-1}>{t("programmes.title")}</h1>;
  const canEdit = capabilitiesFor(session, service.id).canPublish;
  const zone = isServiceId(service.id) ? serviceRegistry[service.id].timeZone : "UTC";

  const remove = async () => {
    if (!removing) return;
    setBusy(true);
    setError(null);
    try {
      await programmesApi.remove(api, removing.id);
      setProgrammes((list) => list?.filter((p) => p.id !== removing.id) ?? null);
      setStatus(t("programmes.deleted", { title: removing.title }));
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
      setRemoving(null);
    }
  };

  return (
    <>
      <h1 tabIndex={-1}>{t("programmes.title")}</h1>
      <p>{t("programmes.intro", { zone })}</p>
      <ServiceTabs
        currentId={service.id}
        hrefFor={(serviceId) => routeHref({ screen: "programmes", serviceId })}
      />
      <StatusMessage>{status}</StatusMessage>
      <ErrorMessage message={error} />
      {canEdit ? null : <p class="nr-note">{t("programmes.readOnly")}</p>}
      {programmes === null || schedule === null || catalog === null ? (
        error ? null : (
          <p>{t("programmes.loading")}</p>
        )
      ) : (
        <>
          <section aria-labelledby={`${id}-list`}>
            <h2 id={`${id}-list`}>{t("programmes.list")}</h2>
            {programmes.length === 0 ? (
              <p>{t("programmes.none")}</p>
            ) : (
              <table class="nr-table">
                <thead>
                  <tr>
                    <th scope="col">{t("programmes.field.title")}</th>
                    <th scope="col">{t("programmes.field.kind")}</th>
                    <th scope="col">{t("programmes.field.slug")}</th>
                    {canEdit ? (
                      <th scope="col">
                        <span class="nr-visually-hidden">{t("programmes.actions")}</span>
                      </th>
                    ) : null}
                  </tr>
                </thead>
                <tbody>
                  {programmes.map((programme) => (
                    <tr key={programme.id}>
                      <td lang={service.locale} dir={service.dir}>
                        {programme.title}
                      </td>
                      <td>{t(`programmes.kind.${programme.kind}`)}</td>
                      <td dir="ltr">{programme.slug}</td>
                      {canEdit ? (
                        <td class="nr-row-actions">
                          <button type="button" onClick={() => setEditing(programme)}>
                            {t("programmes.edit")}
                            <span class="nr-visually-hidden"> {programme.title}</span>
                          </button>
                          <button type="button" onClick={() => setRemoving(programme)}>
                            {t("programmes.delete")}
                            <span class="nr-visually-hidden"> {programme.title}</span>
                          </button>
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {canEdit && editing === null ? (
              <button type="button" onClick={() => setEditing("new")}>
                {t("programmes.new")}
              </button>
            ) : null}
            {editing !== null ? (
              <ProgrammeForm
                key={editing === "new" ? "new" : editing.id}
                service={service}
                programme={editing === "new" ? null : editing}
                people={catalog.people}
                onCancel={() => setEditing(null)}
                onSaved={(saved) => {
                  setProgrammes((list) => {
                    const others = (list ?? []).filter((p) => p.id !== saved.id);
                    return [...others, saved].sort((a, b) => a.title.localeCompare(b.title));
                  });
                  setEditing(null);
                  setStatus(t("programmes.saved", { title: saved.title }));
                }}
              />
            ) : null}
          </section>
          <ScheduleEditor
            service={service}
            schedule={schedule}
            programmes={programmes}
            canEdit={canEdit}
            onSaved={(saved) => {
              setSchedule(saved);
              setStatus(t("schedule.saved", { version: saved.version }));
            }}
            onReload={() => setReloads((n) => n + 1)}
          />
        </>
      )}
      <ConfirmDialog
        title={t("programmes.delete")}
        open={removing !== null}
        onCancel={() => setRemoving(null)}
        onConfirm={remove}
        confirmLabel={t("programmes.delete")}
        cancelLabel={t("programmes.cancel")}
        tone="danger"
        busy={busy}
      >
        <p>{t("programmes.confirmDelete", { title: removing?.title ?? "" })}</p>
      </ConfirmDialog>
    </>
  );
}
