import { useEffect, useId, useState } from "preact/hooks";
import { isServiceId } from "../../domain/services/service-registry.js";
import { useUiText } from "../i18n/ui-language.js";
import { errorMessage } from "../shared/api-client.js";
import type { Catalog } from "../shared/api-schemas.js";
import { useApp } from "../shared/app-context.js";
import { ErrorMessage } from "../shared/Notice.js";
import { SecretOnce } from "../shared/SecretOnce.js";
import { useScreenTitle } from "../shared/screen-title.js";
import { WireTabs } from "./WireTabs.js";
import {
  addSource,
  listSources,
  rotatePushToken,
  updateSource,
  type WireSource,
  type WireSourceInput,
  wireSourceKinds,
} from "./wire-api.js";

type Kind = (typeof wireSourceKinds)[number];

interface SourceForm {
  kind: Kind;
  name: string;
  agencyCode: string;
  agencyName: string;
  serviceId: string;
  language: string;
  url: string;
  directory: string;
  intervalSeconds: string;
  enabled: boolean;
  mappings: { subject: string; section: string }[];
}

function emptyForm(serviceId: string): SourceForm {
  return {
    kind: "push",
    name: "",
    agencyCode: "",
    agencyName: "",
    serviceId,
    language: "",
    url: "",
    directory: "",
    intervalSeconds: "",
    enabled: true,
    mappings: [],
  };
}

function formOf(source: WireSource): SourceForm {
  return {
    kind: source.kind,
    name: source.name,
    agencyCode: source.agencyCode,
    agencyName: source.agencyName,
    serviceId: source.serviceId,
    language: source.language ?? "",
    url: source.url ?? "",
    directory: source.directory ?? "",
    intervalSeconds: source.intervalSeconds === undefined ? "" : String(source.intervalSeconds),
    enabled: source.enabled,
    mappings: Object.entries(source.subjectSections).map(([subject, section]) => ({
      subject,
      section,
    })),
  };
}

/** The form as the API's source configuration; only the kind's own fields are sent. */
function sourceInput(form: SourceForm): WireSourceInput {
  if (!isServiceId(form.serviceId)) throw new Error(`Unknown service ${form.serviceId}.`);
  const interval = form.intervalSeconds.trim() === "" ? undefined : Number(form.intervalSeconds);
  const subjectSections: Record<string, string> = {};
  for (const { subject, section } of form.mappings) {
    if (subject.trim() !== "" && section !== "") subjectSections[subject.trim()] = section;
  }
  return {
    kind: form.kind,
    name: form.name.trim(),
    agencyCode: form.agencyCode.trim().toUpperCase(),
    agencyName: form.agencyName.trim(),
    serviceId: form.serviceId,
    ...(form.language.trim() === "" ? {} : { language: form.language.trim() }),
    subjectSections,
    enabled: form.enabled,
    ...(form.kind === "http-pull" ? { url: form.url.trim() } : {}),
    ...(form.kind === "drop-directory" ? { directory: form.directory.trim() } : {}),
    ...(form.kind !== "push" && interval !== undefined ? { intervalSeconds: interval } : {}),
  };
}

/**
 * Wire sources: what each one pulls or receives, for which agency and service, how subjects
 * map to sections, and its health. Push tokens are shown once, after creation or rotation.
 */
export function WireSources() {
  const { api, services, session } = useApp();
  const { t, dateTime } = useUiText();
  const id = useId();
  useScreenTitle(t("wire.sources.title"));
  const adminServices = services.filter(
    (s) => session.user.isAdmin || s.roles.includes("service_admin"),
  );
  const [sources, setSources] = useState<WireSource[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [form, setForm] = useState<SourceForm>(() => emptyForm(adminServices[0]?.id ?? "en"));
  const [catalog, setCatalog] = useState<Catalog | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState("");
  const [secret, setSecret] = useState<{ name: string; token: string; sourceId: string } | null>(
    null,
  );

  const reload = async () => {
    try {
      setSources(await listSources(api));
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  useEffect(() => {
    void reload();
  }, [api]);

  useEffect(() => {
    let live = true;
    setCatalog(null);
    api
      .catalog(form.serviceId)
      .then((loaded) => live && setCatalog(loaded))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [api, form.serviceId]);

  useEffect(() => {
    if (secret) document.getElementById(`${id}-secret-heading`)?.focus();
  }, [secret, id]);

  const set = <K extends keyof SourceForm>(key: K, value: SourceForm[K]) =>
    setForm((current) => ({ ...current, [key]: value }));

  const submit = async (event: Event) => {
    event.preventDefault();
    setFormError(null);
    setSaved("");
    try {
      const input = sourceInput(form);
      if (editing) {
        const updated = await updateSource(api, editing, input);
        setSaved(t("wire.sources.saved", { name: updated.name }));
      } else {
        const created = await addSource(api, input);
        setSaved(t("wire.sources.added", { name: created.source.name }));
        if (created.pushToken) {
          setSecret({
            name: created.source.name,
            token: created.pushToken,
            sourceId: created.source.id,
          });
        }
      }
      setEditing(null);
      setForm(emptyForm(adminServices[0]?.id ?? "en"));
      await reload();
    } catch (failure) {
      setFormError(errorMessage(failure));
    }
  };

  const rotate = async (source: WireSource) => {
    setError(null);
    try {
      const token = await rotatePushToken(api, source.id);
      setSecret({ name: source.name, token, sourceId: source.id });
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  const pushUrl = (sourceId: string) =>
    `${location.origin}/ingest/push/${encodeURIComponent(sourceId)}`;

  return (
    <>
      <h1 tabIndex={-1}>{t("wire.sources.title")}</h1>
      <WireTabs current="wire-sources" />
      {secret ? (
        <SecretOnce
          id={`${id}-secret`}
          heading={t("wire.sources.tokenHeading", { name: secret.name })}
          secret={secret.token}
          note={t("wire.sources.pushUrl", { url: pushUrl(secret.sourceId) })}
        />
      ) : null}
      <ErrorMessage message={error} />
      {sources === null && !error ? <p role="status">{t("wire.sources.loading")}</p> : null}
      {sources !== null && sources.length === 0 ? <p>{t("wire.sources.empty")}</p> : null}
      {sources !== null && sources.length > 0 ? (
        <table class="nr-table">
          <caption class="nr-visually-hidden">{t("wire.sources.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("wire.sources.name")}</th>
              <th scope="col">{t("wire.sources.kind")}</th>
              <th scope="col">{t("wire.sources.agency")}</th>
              <th scope="col">{t("wire.sources.service")}</th>
              <th scope="col">{t("wire.sources.health")}</th>
              <th scope="col">{t("wire.sources.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {sources.map((source) => {
              const service = services.find((s) => s.id === source.serviceId);
              const mayEdit = adminServices.some((s) => s.id === source.serviceId);
              return (
                <tr key={source.id}>
                  <th scope="row">
                    <bdi>{source.name}</bdi>
                  </th>
                  <td>{t(`wire.kind.${source.kind}`)}</td>
                  <td>
                    <bdi>{source.agencyName}</bdi> (<bdi>{source.agencyCode}</bdi>)
                  </td>
                  <td>
                    <span lang={service?.locale} dir={service?.dir}>
                      {service?.name ?? source.serviceId}
                    </span>
                  </td>
                  <td>
                    <SourceHealth source={source} dateTime={dateTime} />
                  </td>
                  <td>
                    {mayEdit ? (
                      <div class="nr-button-row">
                        <button
                          type="button"
                          onClick={() => {
                            setEditing(source.id);
                            setForm(formOf(source));
                            setSaved("");
                            document.getElementById(`${id}-form-heading`)?.focus();
                          }}
                        >
                          {t("wire.sources.edit", { name: source.name })}
                        </button>
                        {source.kind === "push" ? (
                          <button type="button" onClick={() => void rotate(source)}>
                            {t("wire.sources.rotate", { name: source.name })}
                          </button>
                        ) : null}
                      </div>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}

      {adminServices.length > 0 ? (
        <section aria-labelledby={`${id}-form-heading`} class="nr-panel">
          <h2 id={`${id}-form-heading`} tabIndex={-1}>
            {editing ? t("wire.sources.editHeading") : t("wire.sources.addHeading")}
          </h2>
          <form class="nr-form" onSubmit={submit}>
            <div class="nr-field-row">
              <div class="nr-field">
                <label for={`${id}-kind`}>{t("wire.sources.kind")}</label>
                <select
                  id={`${id}-kind`}
                  value={form.kind}
                  onChange={(event) => set("kind", event.currentTarget.value as Kind)}
                >
                  {wireSourceKinds.map((kind) => (
                    <option key={kind} value={kind}>
                      {t(`wire.kind.${kind}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div class="nr-field">
                <label for={`${id}-name`}>{t("wire.sources.name")}</label>
                <input
                  id={`${id}-name`}
                  required
                  maxLength={200}
                  dir="auto"
                  value={form.name}
                  onInput={(event) => set("name", event.currentTarget.value)}
                />
              </div>
            </div>
            <div class="nr-field-row">
              <div class="nr-field">
                <label for={`${id}-agency-code`}>{t("wire.sources.agencyCode")}</label>
                <input
                  id={`${id}-agency-code`}
                  required
                  maxLength={32}
                  dir="ltr"
                  pattern="[A-Za-z0-9_\-]+"
                  aria-describedby={`${id}-agency-code-help`}
                  value={form.agencyCode}
                  onInput={(event) => set("agencyCode", event.currentTarget.value)}
                />
                <p id={`${id}-agency-code-help`} class="nr-help">
                  {t("wire.sources.agencyCodeHelp")}
                </p>
              </div>
              <div class="nr-field">
                <label for={`${id}-agency-name`}>{t("wire.sources.agencyName")}</label>
                <input
                  id={`${id}-agency-name`}
                  required
                  maxLength={100}
                  dir="auto"
                  aria-describedby={`${id}-agency-name-help`}
                  value={form.agencyName}
                  onInput={(event) => set("agencyName", event.currentTarget.value)}
                />
                <p id={`${id}-agency-name-help`} class="nr-help">
                  {t("wire.sources.agencyNameHelp")}
                </p>
              </div>
            </div>
            <div class="nr-field-row">
              <div class="nr-field">
                <label for={`${id}-service`}>{t("wire.sources.defaultService")}</label>
                <select
                  id={`${id}-service`}
                  value={form.serviceId}
                  onChange={(event) => set("serviceId", event.currentTarget.value)}
                >
                  {adminServices.map((s) => (
                    <option key={s.id} value={s.id} lang={s.locale}>
                      {s.name}
                    </option>
                  ))}
                </select>
              </div>
              <div class="nr-field">
                <label for={`${id}-language`}>{t("wire.sources.defaultLanguage")}</label>
                <input
                  id={`${id}-language`}
                  maxLength={35}
                  dir="ltr"
                  pattern="[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*"
                  value={form.language}
                  onInput={(event) => set("language", event.currentTarget.value)}
                />
              </div>
            </div>
            {form.kind === "http-pull" ? (
              <div class="nr-field">
                <label for={`${id}-url`}>{t("wire.sources.url")}</label>
                <input
                  id={`${id}-url`}
                  type="url"
                  required
                  dir="ltr"
                  value={form.url}
                  onInput={(event) => set("url", event.currentTarget.value)}
                />
              </div>
            ) : null}
            {form.kind === "drop-directory" ? (
              <div class="nr-field">
                <label for={`${id}-directory`}>{t("wire.sources.directory")}</label>
                <input
                  id={`${id}-directory`}
                  required
                  dir="ltr"
                  value={form.directory}
                  onInput={(event) => set("directory", event.currentTarget.value)}
                />
              </div>
            ) : null}
            {form.kind !== "push" ? (
              <div class="nr-field">
                <label for={`${id}-interval`}>{t("wire.sources.interval")}</label>
                <input
                  id={`${id}-interval`}
                  type="number"
                  min={1}
                  max={86400}
                  value={form.intervalSeconds}
                  onInput={(event) => set("intervalSeconds", event.currentTarget.value)}
                />
              </div>
            ) : null}
            <div class="nr-check">
              <input
                id={`${id}-enabled`}
                type="checkbox"
                checked={form.enabled}
                onChange={(event) => set("enabled", event.currentTarget.checked)}
              />
              <label for={`${id}-enabled`}>{t("wire.sources.enabled")}</label>
            </div>
            <fieldset class="nr-mappings">
              <legend>{t("wire.sources.mappings")}</legend>
              <p class="nr-help">{t("wire.sources.mappingsHelp")}</p>
              {form.mappings.map((mapping, index) => (
                <div class="nr-inline-form" key={index}>
                  <label for={`${id}-subject-${index}`}>
                    {t("wire.sources.subject", { number: index + 1 })}
                  </label>
                  <input
                    id={`${id}-subject-${index}`}
                    dir="auto"
                    maxLength={300}
                    value={mapping.subject}
                    onInput={(event) => {
                      const subject = event.currentTarget.value;
                      set(
                        "mappings",
                        form.mappings.map((m, i) => (i === index ? { ...m, subject } : m)),
                      );
                    }}
                  />
                  <label for={`${id}-section-${index}`}>
                    {t("wire.sources.section", { number: index + 1 })}
                  </label>
                  <select
                    id={`${id}-section-${index}`}
                    value={mapping.section}
                    onChange={(event) => {
                      const section = event.currentTarget.value;
                      set(
                        "mappings",
                        form.mappings.map((m, i) => (i === index ? { ...m, section } : m)),
                      );
                    }}
                  >
                    <option value="">{t("wire.sources.chooseSection")}</option>
                    {catalog &&
                    !catalog.sections.some((s) => s.slug === mapping.section) &&
                    mapping.section ? (
                      <option value={mapping.section}>{mapping.section}</option>
                    ) : null}
                    {catalog?.sections.map((section) => (
                      <option key={section.slug} value={section.slug}>
                        {section.name}
                      </option>
                    ))}
                  </select>
                  <button
                    type="button"
                    onClick={() =>
                      set(
                        "mappings",
                        form.mappings.filter((_, i) => i !== index),
                      )
                    }
                  >
                    {t("wire.sources.removeMapping", { number: index + 1 })}
                  </button>
                </div>
              ))}
              <button
                type="button"
                onClick={() => set("mappings", [...form.mappings, { subject: "", section: "" }])}
              >
                {t("wire.sources.addMapping")}
              </button>
            </fieldset>
            <ErrorMessage message={formError} />
            <p role="status" class="nr-status">
              {saved}
            </p>
            <div class="nr-button-row">
              <button type="submit" class="nr-primary">
                {editing ? t("wire.sources.save") : t("wire.sources.add")}
              </button>
              {editing ? (
                <button
                  type="button"
                  onClick={() => {
                    setEditing(null);
                    setForm(emptyForm(adminServices[0]?.id ?? "en"));
                  }}
                >
                  {t("common.cancel")}
                </button>
              ) : null}
            </div>
          </form>
        </section>
      ) : (
        <p>{t("wire.sources.readOnly")}</p>
      )}
    </>
  );
}

function SourceHealth(props: {
  readonly source: WireSource;
  readonly dateTime: (iso: string | null | undefined) => string;
}) {
  const { t } = useUiText();
  const { source, dateTime } = props;
  const { state } = source;
  const lines: string[] = [];
  if (!source.enabled) lines.push(t("wire.health.disabled"));
  if (source.kind === "push") lines.push(t("wire.health.push"));
  else {
    if (state.lastSuccessAt)
      lines.push(t("wire.health.lastSuccess", { time: dateTime(state.lastSuccessAt) }));
    if (state.nextPollAt && source.enabled)
      lines.push(t("wire.health.nextPoll", { time: dateTime(state.nextPollAt) }));
  }
  if (state.failures > 0) lines.push(t("wire.health.failures", { count: state.failures }));
  return (
    <>
      {lines.map((line) => (
        <span key={line} class="nr-health-line">
          {line}
        </span>
      ))}
      {state.lastError ? (
        <span class="nr-health-line nr-error-text">
          {t("wire.health.lastError")}{" "}
          <span lang="en" dir="ltr">
            {state.lastError}
          </span>
        </span>
      ) : null}
      {state.failures === 0 && !state.lastError ? (
        <span class="nr-health-line">{t("wire.health.ok")}</span>
      ) : null}
    </>
  );
}
