import { useCallback, useEffect, useId, useState } from "preact/hooks";
import type { MessageKey } from "../i18n/en.js";
import { useUiText } from "../i18n/ui-language.js";
import { MediaPicker } from "../media/MediaPicker.js";
import type { ServiceInfo } from "../shared/api-schemas.js";
import { useApp } from "../shared/app-context.js";
import { ConfirmDialog, Dialog } from "../shared/Dialog.js";
import { ErrorMessage, StatusMessage } from "../shared/Notice.js";
import { capabilitiesFor } from "../shared/permissions.js";
import { type CatalogKind, catalogKinds, routeHref } from "../shared/router.js";
import { useScreenTitle } from "../shared/screen-title.js";
import { ServiceTabs, Tabs } from "../shared/Tabs.js";
import { TextField } from "../shared/TextField.js";
import {
  type CatalogAgency,
  type CatalogDesk,
  type CatalogPerson,
  type CatalogSection,
  type CatalogTopic,
  catalogApi,
  catalogErrorText,
} from "./catalog-api.js";

const kindTitle: Record<CatalogKind, MessageKey> = {
  people: "catalog.people",
  desks: "catalog.desks",
  topics: "catalog.topics",
  sections: "catalog.sections",
  agencies: "catalog.agencies",
};

/** What the signed-in user may change here (a hint: the server checks every change). */
interface Rights {
  /** Editors: add and edit people, desks and topics, merge topics. */
  readonly edit: boolean;
  /** Service admins: remove, change topic slugs, sections. */
  readonly manage: boolean;
  /** Administrators: agencies. */
  readonly admin: boolean;
}

/** Shared by every list: the service, the user's rights there, and how to report. */
interface PanelProps {
  readonly service: ServiceInfo;
  readonly rights: Rights;
  readonly onStatus: (text: string) => void;
}

/**
 * People, desks, topics, sections and agencies of a service: list, search, add, edit,
 * remove, and merge duplicate topics. Everyone with a role reads; editors add and edit
 * people, desks and topics; service admins also remove them, change slugs and manage
 * sections; administrators manage agencies.
 */
export function CatalogAdmin(props: {
  readonly kind: CatalogKind;
  readonly serviceId: string | null;
}) {
  const { services, session } = useApp();
  const { t } = useUiText();
  useScreenTitle(t(kindTitle[props.kind]));
  const [status, setStatus] = useState("");
  const service = services.find((s) => s.id === props.serviceId) ?? services[0];
  if (!service) return <p>{t("catalog.noService")}</p>;
  const caps = capabilitiesFor(session, service.id);
  const rights: Rights = {
    edit: caps.canPublish,
    manage: caps.canManageUsers,
    admin: session.user.isAdmin,
  };
  const panel = { service, rights, onStatus: setStatus };
  return (
    <>
      <h1 tabIndex={-1}>{t("catalog.title")}</h1>
      <Tabs
        label={t("catalog.lists")}
        tabs={catalogKinds.map((kind) => ({
          href: routeHref({ screen: "catalog", kind, serviceId: props.serviceId }),
          label: t(kindTitle[kind]),
          current: kind === props.kind,
        }))}
      />
      {props.kind === "agencies" ? null : (
        <ServiceTabs
          currentId={service.id}
          hrefFor={(serviceId) => routeHref({ screen: "catalog", kind: props.kind, serviceId })}
        />
      )}
      <p class="nr-help">{t(rightsHelp(rights))}</p>
      <StatusMessage>{status}</StatusMessage>
      {props.kind === "people" ? <PeoplePanel key={service.id} {...panel} /> : null}
      {props.kind === "desks" ? <DesksPanel key={service.id} {...panel} /> : null}
      {props.kind === "topics" ? <TopicsPanel key={service.id} {...panel} /> : null}
      {props.kind === "sections" ? <SectionsPanel key={service.id} {...panel} /> : null}
      {props.kind === "agencies" ? <AgenciesPanel {...panel} /> : null}
    </>
  );
}

function rightsHelp(rights: Rights): MessageKey {
  if (rights.admin) return "catalog.rights.admin";
  if (rights.manage) return "catalog.rights.manage";
  if (rights.edit) return "catalog.rights.edit";
  return "catalog.rights.read";
}

/** A list's loading, search and error state. */
function useList<T>(load: (q: string) => Promise<T[]>) {
  const { lang } = useUiText();
  const [items, setItems] = useState<T[] | null>(null);
  const [q, setQ] = useState("");
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (query: string) => {
      try {
        setItems(await load(query));
        setError(null);
      } catch (failure) {
        setError(catalogErrorText(failure, lang));
      }
    },
    [load, lang],
  );
  useEffect(() => {
    void run(q);
  }, [run, q]);
  const reload = useCallback(() => run(q), [run, q]);
  return { items, q, setQ, error, reload };
}

function SearchField(props: { readonly value: string; readonly onSearch: (q: string) => void }) {
  const { t } = useUiText();
  const id = useId();
  const [value, setValue] = useState(props.value);
  return (
    <form
      class="nr-inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        props.onSearch(value);
      }}
    >
      <div class="nr-field">
        <label for={id}>{t("catalog.search")}</label>
        <input
          id={id}
          type="search"
          dir="auto"
          maxLength={200}
          value={value}
          onInput={(event) => setValue(event.currentTarget.value)}
        />
      </div>
      <button type="submit">{t("catalog.searchButton")}</button>
    </form>
  );
}

/** Remove, after a confirmation naming what goes. */
function useRemoval(onRemove: (key: string) => Promise<void>, onDone: (name: string) => void) {
  const { lang } = useUiText();
  const [pending, setPending] = useState<{ key: string; name: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    if (!pending) return;
    const { key, name } = pending;
    setPending(null);
    try {
      await onRemove(key);
      setError(null);
      onDone(name);
    } catch (failure) {
      setError(catalogErrorText(failure, lang));
    }
  };
  return { pending, setPending, error, confirm };
}

function RemoveDialog(props: {
  readonly pending: { name: string } | null;
  readonly onCancel: () => void;
  readonly onConfirm: () => void;
}) {
  const { t } = useUiText();
  return (
    <ConfirmDialog
      title={t("catalog.removeTitle")}
      open={props.pending !== null}
      onCancel={props.onCancel}
      onConfirm={props.onConfirm}
      confirmLabel={t("catalog.remove")}
      cancelLabel={t("common.cancel")}
      tone="danger"
    >
      <p>{props.pending ? t("catalog.removeBody", { name: props.pending.name }) : null}</p>
    </ConfirmDialog>
  );
}

// People -------------------------------------------------------------------------------

function PeoplePanel(props: PanelProps) {
  const { api } = useApp();
  const { t } = useUiText();
  const id = useId();
  const { service, rights } = props;
  const list = useList(
    useCallback((q: string) => catalogApi.people(api, service.id, q), [api, service.id]),
  );
  const [editing, setEditing] = useState<CatalogPerson | "new" | null>(null);
  const [merging, setMerging] = useState<CatalogPerson | null>(null);
  const removal = useRemoval(
    (personId) => catalogApi.removePerson(api, personId),
    (name) => {
      props.onStatus(t("catalog.removed", { name }));
      void list.reload();
    },
  );
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t("catalog.people")}</h2>
      <SearchField value={list.q} onSearch={list.setQ} />
      {rights.edit ? (
        <button type="button" onClick={() => setEditing("new")}>
          {t("catalog.person.add")}
        </button>
      ) : null}
      <ErrorMessage message={list.error ?? removal.error} />
      {list.items === null ? (
        <p>{t("catalog.loading")}</p>
      ) : list.items.length === 0 ? (
        <p>{t("catalog.empty")}</p>
      ) : (
        <table class="nr-table">
          <thead>
            <tr>
              <th scope="col">{t("catalog.col.name")}</th>
              <th scope="col">{t("catalog.col.title")}</th>
              <th scope="col">{t("catalog.col.photo")}</th>
              <th scope="col">{t("catalog.col.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((person) => (
              <tr key={person.id}>
                <th scope="row">
                  <bdi lang={service.locale}>{person.name}</bdi>
                </th>
                <td>
                  <bdi>{person.title}</bdi>
                </td>
                <td>
                  {person.photoMediaId ? t("catalog.person.hasPhoto") : t("catalog.person.noPhoto")}
                </td>
                <td>
                  <div class="nr-button-row">
                    {rights.edit ? (
                      <button
                        type="button"
                        aria-label={t("catalog.editOf", { name: person.name })}
                        onClick={() => setEditing(person)}
                      >
                        {t("catalog.edit")}
                      </button>
                    ) : null}
                    {rights.manage ? (
                      <button
                        type="button"
                        aria-label={t("catalog.person.mergeOf", { name: person.name })}
                        onClick={() => setMerging(person)}
                      >
                        {t("catalog.person.merge")}
                      </button>
                    ) : null}
                    {rights.manage ? (
                      <button
                        type="button"
                        class="nr-danger"
                        aria-label={t("catalog.removeOf", { name: person.name })}
                        onClick={() => removal.setPending({ key: person.id, name: person.name })}
                      >
                        {t("catalog.remove")}
                      </button>
                    ) : null}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {merging !== null ? (
        <MergePersonDialog
          service={service}
          person={merging}
          onClose={() => setMerging(null)}
          onMerged={(into) => {
            props.onStatus(t("catalog.merged", { from: merging.name, into: into.name }));
            setMerging(null);
            void list.reload();
          }}
        />
      ) : null}
      {editing !== null ? (
        <PersonDialog
          service={service}
          person={editing === "new" ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(person) => {
            setEditing(null);
            props.onStatus(t("catalog.saved", { name: person.name }));
            void list.reload();
          }}
        />
      ) : null}
      <RemoveDialog
        pending={removal.pending}
        onCancel={() => removal.setPending(null)}
        onConfirm={() => void removal.confirm()}
      />
    </section>
  );
}

function MergePersonDialog(props: {
  readonly service: ServiceInfo;
  readonly person: CatalogPerson;
  readonly onClose: () => void;
  readonly onMerged: (into: CatalogPerson) => void;
}) {
  const { api } = useApp();
  const { t, lang } = useUiText();
  const id = useId();
  const { person, service } = props;
  const [others, setOthers] = useState<CatalogPerson[]>([]);
  const [into, setInto] = useState("");
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    catalogApi.people(api, person.serviceId).then(
      (people) => setOthers(people.filter((p) => p.id !== person.id)),
      (failure: unknown) => setError(catalogErrorText(failure, lang)),
    );
  }, [api, person, lang]);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (into === "") return;
    try {
      props.onMerged(await catalogApi.mergePerson(api, person.id, into));
    } catch (failure) {
      setError(catalogErrorText(failure, lang));
    }
  };
  return (
    <Dialog title={t("catalog.person.mergeTitle")} open onClose={props.onClose}>
      <form class="nr-form" onSubmit={submit}>
        <p>{t("catalog.person.mergeBody", { name: person.name })}</p>
        <div class="nr-field">
          <label for={`${id}-into`}>{t("catalog.person.mergeInto")}</label>
          <select
            id={`${id}-into`}
            value={into}
            required
            onChange={(e) => setInto(e.currentTarget.value)}
          >
            <option value="">{t("catalog.person.chooseSurvivor")}</option>
            {others.map((other) => (
              <option key={other.id} value={other.id} lang={service.locale}>
                {other.title ? `${other.name} — ${other.title}` : other.name}
              </option>
            ))}
          </select>
        </div>
        <ErrorMessage message={error} />
        <div class="nr-dialog-actions">
          <button type="submit" class="nr-danger">
            {t("catalog.person.merge")}
          </button>
          <button type="button" onClick={props.onClose}>
            {t("common.cancel")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function PersonDialog(props: {
  readonly service: ServiceInfo;
  readonly person: CatalogPerson | null;
  readonly onClose: () => void;
  readonly onSaved: (person: CatalogPerson) => void;
}) {
  const { api, services, session } = useApp();
  const { t, lang } = useUiText();
  const id = useId();
  const { person, service } = props;
  const [name, setName] = useState(person?.name ?? "");
  const [title, setTitle] = useState(person?.title ?? "");
  const [bio, setBio] = useState(person?.bio ?? "");
  const [photo, setPhoto] = useState<{ id: string; alt: string } | null>(
    person?.photoMediaId ? { id: person.photoMediaId, alt: "" } : null,
  );
  const [thumbnail, setThumbnail] = useState<string | null>(null);
  const [also, setAlso] = useState<string[]>(person?.alsoWritesFor ?? []);
  const [picking, setPicking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const home = person?.serviceId ?? service.id;
  // Other services the user edits in (the server also checks each one added or dropped).
  const otherServices = services.filter(
    (s) => s.id !== home && (capabilitiesFor(session, s.id).canPublish || also.includes(s.id)),
  );

  const submit = async (event: Event) => {
    event.preventDefault();
    setError(null);
    try {
      const saved = await catalogApi.savePerson(
        api,
        person ? { id: person.id } : { serviceId: service.id },
        {
          name: name.normalize("NFC").trim(),
          title: title.normalize("NFC").trim(),
          bio: bio.normalize("NFC").trim(),
          photoMediaId: photo?.id ?? null,
          alsoWritesFor: also,
        },
      );
      props.onSaved(saved);
    } catch (failure) {
      setError(catalogErrorText(failure, lang));
    }
  };

  return (
    <Dialog
      title={person ? t("catalog.person.edit") : t("catalog.person.add")}
      open
      onClose={props.onClose}
      wide
    >
      <form class="nr-form" onSubmit={submit}>
        <TextField
          id={`${id}-name`}
          label={t("catalog.person.name")}
          help={t("catalog.person.nameHelp")}
          value={name}
          onInput={setName}
          required
          maxLength={200}
          lang={service.locale}
        />
        <TextField
          id={`${id}-title`}
          label={t("catalog.person.title")}
          value={title}
          onInput={setTitle}
          maxLength={200}
          lang={service.locale}
        />
        <TextField
          id={`${id}-bio`}
          label={t("catalog.person.bio")}
          value={bio}
          onInput={setBio}
          multiline
          maxLength={2000}
          lang={service.locale}
        />
        <fieldset class="nr-form">
          <legend>{t("catalog.person.photo")}</legend>
          {photo ? (
            <p>
              {thumbnail ? <img src={thumbnail} alt={photo.alt} width={96} /> : null}{" "}
              {t("catalog.person.photoChosen")}
            </p>
          ) : (
            <p>{t("catalog.person.noPhoto")}</p>
          )}
          <div class="nr-button-row">
            <button type="button" onClick={() => setPicking(true)}>
              {photo ? t("catalog.person.changePhoto") : t("catalog.person.choosePhoto")}
            </button>
            {photo ? (
              <button type="button" onClick={() => setPhoto(null)}>
                {t("catalog.person.removePhoto")}
              </button>
            ) : null}
          </div>
        </fieldset>
        {otherServices.length > 0 ? (
          <fieldset class="nr-form">
            <legend>{t("catalog.person.alsoWritesFor")}</legend>
            {otherServices.map((other) => (
              <div class="nr-check" key={other.id}>
                <input
                  id={`${id}-also-${other.id}`}
                  type="checkbox"
                  checked={also.includes(other.id)}
                  onChange={(event) =>
                    setAlso((current) =>
                      event.currentTarget.checked
                        ? [...current, other.id]
                        : current.filter((s) => s !== other.id),
                    )
                  }
                />
                <label for={`${id}-also-${other.id}`}>
                  <span lang={other.locale} dir={other.dir}>
                    {other.name}
                  </span>
                </label>
              </div>
            ))}
          </fieldset>
        ) : null}
        <ErrorMessage message={error} />
        <div class="nr-dialog-actions">
          <button type="submit" class="nr-primary">
            {t("catalog.save")}
          </button>
          <button type="button" onClick={props.onClose}>
            {t("common.cancel")}
          </button>
        </div>
      </form>
      <MediaPicker
        open={picking}
        title={t("catalog.person.choosePhoto")}
        onClose={() => setPicking(false)}
        onPick={(asset, thumbnailUrl) => {
          setPhoto({ id: asset.id, alt: asset.alt });
          setThumbnail(thumbnailUrl);
          setPicking(false);
        }}
      />
    </Dialog>
  );
}

// Desks --------------------------------------------------------------------------------

function DesksPanel(props: PanelProps) {
  const { api } = useApp();
  const { t } = useUiText();
  const id = useId();
  const { service, rights } = props;
  const list = useList(
    useCallback((q: string) => catalogApi.desks(api, service.id, q), [api, service.id]),
  );
  const [people, setPeople] = useState<CatalogPerson[]>([]);
  const [editing, setEditing] = useState<CatalogDesk | "new" | null>(null);
  useEffect(() => {
    catalogApi.people(api, service.id).then(setPeople, () => setPeople([]));
  }, [api, service.id]);
  const removal = useRemoval(
    (deskId) => catalogApi.removeDesk(api, deskId),
    (name) => {
      props.onStatus(t("catalog.removed", { name }));
      void list.reload();
    },
  );
  const nameOf = (personId: string) => people.find((p) => p.id === personId)?.name ?? personId;
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t("catalog.desks")}</h2>
      <SearchField value={list.q} onSearch={list.setQ} />
      {rights.edit ? (
        <button type="button" onClick={() => setEditing("new")}>
          {t("catalog.desk.add")}
        </button>
      ) : null}
      <ErrorMessage message={list.error ?? removal.error} />
      {list.items === null ? (
        <p>{t("catalog.loading")}</p>
      ) : list.items.length === 0 ? (
        <p>{t("catalog.empty")}</p>
      ) : (
        <table class="nr-table">
          <thead>
            <tr>
              <th scope="col">{t("catalog.col.name")}</th>
              <th scope="col">{t("catalog.col.members")}</th>
              <th scope="col">{t("catalog.col.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((desk) => (
              <tr key={desk.id}>
                <th scope="row">
                  <bdi lang={service.locale}>{desk.name}</bdi>
                </th>
                <td>
                  <bdi lang={service.locale}>
                    {desk.members.map(nameOf).join(t("catalog.separator"))}
                  </bdi>
                </td>
                <td>
                  <div class="nr-button-row">
                    {rights.edit ? (
                      <button
                        type="button"
                        aria-label={t("catalog.editOf", { name: desk.name })}
                        onClick={() => setEditing(desk)}
                      >
                        {t("catalog.edit")}
                      </button>
                    ) : null}
                    {rights.manage ? (
                      <button
                        type="button"
                        class="nr-danger"
                        aria-label={t("catalog.removeOf", { name: desk.name })}
                        onClick={() => removal.setPending({ key: desk.id, name: desk.name })}
                      >
                        {t("catalog.remove")}
                      </button>
                    ) : null}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing !== null ? (
        <DeskDialog
          service={service}
          desk={editing === "new" ? null : editing}
          people={people}
          onClose={() => setEditing(null)}
          onSaved={(desk) => {
            setEditing(null);
            props.onStatus(t("catalog.saved", { name: desk.name }));
            void list.reload();
          }}
        />
      ) : null}
      <RemoveDialog
        pending={removal.pending}
        onCancel={() => removal.setPending(null)}
        onConfirm={() => void removal.confirm()}
      />
    </section>
  );
}

function DeskDialog(props: {
  readonly service: ServiceInfo;
  readonly desk: CatalogDesk | null;
  readonly people: readonly CatalogPerson[];
  readonly onClose: () => void;
  readonly onSaved: (desk: CatalogDesk) => void;
}) {
  const { api } = useApp();
  const { t, lang } = useUiText();
  const id = useId();
  const { desk, service } = props;
  const [name, setName] = useState(desk?.name ?? "");
  const [description, setDescription] = useState(desk?.description ?? "");
  const [members, setMembers] = useState<string[]>(desk?.members ?? []);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    setError(null);
    try {
      props.onSaved(
        await catalogApi.saveDesk(api, desk ? { id: desk.id } : { serviceId: service.id }, {
          name: name.normalize("NFC").trim(),
          description: description.normalize("NFC").trim(),
          members,
        }),
      );
    } catch (failure) {
      setError(catalogErrorText(failure, lang));
    }
  };
  return (
    <Dialog
      title={desk ? t("catalog.desk.edit") : t("catalog.desk.add")}
      open
      onClose={props.onClose}
      wide
    >
      <form class="nr-form" onSubmit={submit}>
        <TextField
          id={`${id}-name`}
          label={t("catalog.desk.name")}
          value={name}
          onInput={setName}
          required
          maxLength={200}
          lang={service.locale}
        />
        <TextField
          id={`${id}-description`}
          label={t("catalog.desk.description")}
          value={description}
          onInput={setDescription}
          multiline
          maxLength={2000}
          lang={service.locale}
        />
        <fieldset class="nr-form">
          <legend>{t("catalog.desk.members")}</legend>
          {props.people.map((person) => (
            <div class="nr-check" key={person.id}>
              <input
                id={`${id}-member-${person.id}`}
                type="checkbox"
                checked={members.includes(person.id)}
                onChange={(event) =>
                  setMembers((current) =>
                    event.currentTarget.checked
                      ? [...current, person.id]
                      : current.filter((m) => m !== person.id),
                  )
                }
              />
              <label for={`${id}-member-${person.id}`}>
                <bdi lang={service.locale}>{person.name}</bdi>
              </label>
            </div>
          ))}
        </fieldset>
        <ErrorMessage message={error} />
        <div class="nr-dialog-actions">
          <button type="submit" class="nr-primary">
            {t("catalog.save")}
          </button>
          <button type="button" onClick={props.onClose}>
            {t("common.cancel")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

// Topics -------------------------------------------------------------------------------

function TopicsPanel(props: PanelProps) {
  const { api } = useApp();
  const { t, lang } = useUiText();
  const id = useId();
  const { service, rights } = props;
  const list = useList(
    useCallback((q: string) => catalogApi.topics(api, service.id, q), [api, service.id]),
  );
  const [editing, setEditing] = useState<CatalogTopic | "new" | null>(null);
  const [merging, setMerging] = useState<CatalogTopic | null>(null);
  const [all, setAll] = useState<CatalogTopic[]>([]);
  const [into, setInto] = useState("");
  const [mergeError, setMergeError] = useState<string | null>(null);
  const removal = useRemoval(
    (slug) => catalogApi.removeTopic(api, service.id, slug),
    (name) => {
      props.onStatus(t("catalog.removed", { name }));
      void list.reload();
    },
  );
  const openMerge = async (topic: CatalogTopic) => {
    setMergeError(null);
    setInto("");
    setMerging(topic);
    try {
      setAll(await catalogApi.topics(api, service.id));
    } catch (failure) {
      setMergeError(catalogErrorText(failure, lang));
    }
  };
  const merge = async (event: Event) => {
    event.preventDefault();
    if (!merging || into === "") return;
    try {
      const survivor = await catalogApi.mergeTopic(api, service.id, merging.slug, into);
      props.onStatus(t("catalog.merged", { from: merging.name, into: survivor.name }));
      setMerging(null);
      void list.reload();
    } catch (failure) {
      setMergeError(catalogErrorText(failure, lang));
    }
  };
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t("catalog.topics")}</h2>
      <SearchField value={list.q} onSearch={list.setQ} />
      {rights.edit ? (
        <button type="button" onClick={() => setEditing("new")}>
          {t("catalog.topic.add")}
        </button>
      ) : null}
      <ErrorMessage message={list.error ?? removal.error} />
      {list.items === null ? (
        <p>{t("catalog.loading")}</p>
      ) : list.items.length === 0 ? (
        <p>{t("catalog.empty")}</p>
      ) : (
        <table class="nr-table">
          <thead>
            <tr>
              <th scope="col">{t("catalog.col.name")}</th>
              <th scope="col">{t("catalog.col.slug")}</th>
              <th scope="col">{t("catalog.col.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((topic) => (
              <tr key={topic.slug}>
                <th scope="row">
                  <bdi lang={service.locale}>{topic.name}</bdi>
                </th>
                <td>
                  <bdi dir="auto">{topic.slug}</bdi>
                </td>
                <td>
                  <div class="nr-button-row">
                    {rights.edit ? (
                      <>
                        <button
                          type="button"
                          aria-label={t("catalog.editOf", { name: topic.name })}
                          onClick={() => setEditing(topic)}
                        >
                          {t("catalog.edit")}
                        </button>
                        <button
                          type="button"
                          aria-label={t("catalog.topic.mergeOf", { name: topic.name })}
                          onClick={() => void openMerge(topic)}
                        >
                          {t("catalog.topic.merge")}
                        </button>
                      </>
                    ) : null}
                    {rights.manage ? (
                      <button
                        type="button"
                        class="nr-danger"
                        aria-label={t("catalog.removeOf", { name: topic.name })}
                        onClick={() => removal.setPending({ key: topic.slug, name: topic.name })}
                      >
                        {t("catalog.remove")}
                      </button>
                    ) : null}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing !== null ? (
        <KeyedDialog
          kind="topic"
          service={service}
          existing={
            editing === "new"
              ? null
              : { slug: editing.slug, name: editing.name, extra: editing.description }
          }
          canChangeSlug={editing === "new" || rights.manage}
          onClose={() => setEditing(null)}
          save={(slug, value) =>
            catalogApi.saveTopic(api, service.id, slug, {
              slug: value.slug,
              name: value.name,
              description: value.extra,
            })
          }
          onSaved={(name) => {
            setEditing(null);
            props.onStatus(t("catalog.saved", { name }));
            void list.reload();
          }}
        />
      ) : null}
      <Dialog
        title={t("catalog.topic.mergeTitle")}
        open={merging !== null}
        onClose={() => setMerging(null)}
      >
        {merging ? (
          <form class="nr-form" onSubmit={merge}>
            <p>{t("catalog.topic.mergeBody", { name: merging.name })}</p>
            <div class="nr-field">
              <label for={`${id}-into`}>{t("catalog.topic.mergeInto")}</label>
              <select
                id={`${id}-into`}
                value={into}
                required
                onChange={(e) => setInto(e.currentTarget.value)}
              >
                <option value="">{t("catalog.topic.chooseSurvivor")}</option>
                {all
                  .filter((topic) => topic.slug !== merging.slug)
                  .map((topic) => (
                    <option key={topic.slug} value={topic.slug} lang={service.locale}>
                      {topic.name}
                    </option>
                  ))}
              </select>
            </div>
            <ErrorMessage message={mergeError} />
            <div class="nr-dialog-actions">
              <button type="submit" class="nr-danger">
                {t("catalog.topic.merge")}
              </button>
              <button type="button" onClick={() => setMerging(null)}>
                {t("common.cancel")}
              </button>
            </div>
          </form>
        ) : null}
      </Dialog>
      <RemoveDialog
        pending={removal.pending}
        onCancel={() => removal.setPending(null)}
        onConfirm={() => void removal.confirm()}
      />
    </section>
  );
}

/** A topic's or section's form: slug, name, and a description (topics) or order (sections). */
function KeyedDialog(props: {
  readonly kind: "topic" | "section";
  readonly service: ServiceInfo;
  readonly existing: { slug: string; name: string; extra: string } | null;
  readonly canChangeSlug: boolean;
  readonly onClose: () => void;
  readonly save: (
    slug: string | null,
    value: { slug: string; name: string; extra: string },
  ) => Promise<{ name: string }>;
  readonly onSaved: (name: string) => void;
}) {
  const { t, lang } = useUiText();
  const id = useId();
  const { existing, service } = props;
  const initialExtra = existing?.extra ?? (props.kind === "section" ? "0" : "");
  const [slug, setSlug] = useState(existing?.slug ?? "");
  const [name, setName] = useState(existing?.name ?? "");
  const [extra, setExtra] = useState(initialExtra);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    setError(null);
    try {
      const saved = await props.save(existing?.slug ?? null, {
        slug: slug.normalize("NFC").trim(),
        name: name.normalize("NFC").trim(),
        extra: extra.normalize("NFC").trim(),
      });
      props.onSaved(saved.name);
    } catch (failure) {
      setError(catalogErrorText(failure, lang));
    }
  };
  const words =
    props.kind === "topic"
      ? { add: "catalog.topic.add", edit: "catalog.topic.edit" }
      : { add: "catalog.section.add", edit: "catalog.section.edit" };
  return (
    <Dialog
      title={t((existing ? words.edit : words.add) as MessageKey)}
      open
      onClose={props.onClose}
    >
      <form class="nr-form" onSubmit={submit}>
        <TextField
          id={`${id}-name`}
          label={t("catalog.col.name")}
          value={name}
          onInput={setName}
          required
          maxLength={100}
          lang={service.locale}
        />
        <div class="nr-field">
          <label for={`${id}-slug`}>{t("catalog.col.slug")}</label>
          <input
            id={`${id}-slug`}
            dir="auto"
            required
            maxLength={120}
            value={slug}
            disabled={!props.canChangeSlug}
            aria-describedby={`${id}-slug-help`}
            onInput={(event) => setSlug(event.currentTarget.value)}
          />
          <p id={`${id}-slug-help`} class="nr-help">
            {props.canChangeSlug
              ? existing
                ? t("catalog.slugChangeHelp")
                : t("catalog.slugHelp")
              : t("catalog.slugLocked")}
          </p>
        </div>
        {props.kind === "topic" ? (
          <TextField
            id={`${id}-description`}
            label={t("catalog.topic.description")}
            value={extra}
            onInput={setExtra}
            multiline
            maxLength={2000}
            lang={service.locale}
          />
        ) : (
          <div class="nr-field">
            <label for={`${id}-position`}>{t("catalog.section.position")}</label>
            <input
              id={`${id}-position`}
              type="number"
              min={0}
              max={10000}
              step={1}
              required
              value={extra}
              onInput={(event) => setExtra(event.currentTarget.value)}
            />
          </div>
        )}
        <ErrorMessage message={error} />
        <div class="nr-dialog-actions">
          <button type="submit" class="nr-primary">
            {t("catalog.save")}
          </button>
          <button type="button" onClick={props.onClose}>
            {t("common.cancel")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

// Sections -----------------------------------------------------------------------------

function SectionsPanel(props: PanelProps) {
  const { api } = useApp();
  const { t } = useUiText();
  const id = useId();
  const { service, rights } = props;
  const list = useList(useCallback(() => catalogApi.sections(api, service.id), [api, service.id]));
  const [editing, setEditing] = useState<CatalogSection | "new" | null>(null);
  const removal = useRemoval(
    (slug) => catalogApi.removeSection(api, service.id, slug),
    (name) => {
      props.onStatus(t("catalog.removed", { name }));
      void list.reload();
    },
  );
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t("catalog.sections")}</h2>
      {rights.manage ? (
        <button type="button" onClick={() => setEditing("new")}>
          {t("catalog.section.add")}
        </button>
      ) : null}
      <ErrorMessage message={list.error ?? removal.error} />
      {list.items === null ? (
        <p>{t("catalog.loading")}</p>
      ) : (
        <table class="nr-table">
          <thead>
            <tr>
              <th scope="col">{t("catalog.section.position")}</th>
              <th scope="col">{t("catalog.col.name")}</th>
              <th scope="col">{t("catalog.col.slug")}</th>
              <th scope="col">{t("catalog.col.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((section) => (
              <tr key={section.slug}>
                <td>{section.position}</td>
                <th scope="row">
                  <bdi lang={service.locale}>{section.name}</bdi>
                </th>
                <td>
                  <bdi dir="auto">{section.slug}</bdi>
                </td>
                <td>
                  {rights.manage ? (
                    <div class="nr-button-row">
                      <button
                        type="button"
                        aria-label={t("catalog.editOf", { name: section.name })}
                        onClick={() => setEditing(section)}
                      >
                        {t("catalog.edit")}
                      </button>
                      <button
                        type="button"
                        class="nr-danger"
                        aria-label={t("catalog.removeOf", { name: section.name })}
                        onClick={() =>
                          removal.setPending({ key: section.slug, name: section.name })
                        }
                      >
                        {t("catalog.remove")}
                      </button>
                    </div>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing !== null ? (
        <KeyedDialog
          kind="section"
          service={service}
          existing={
            editing === "new"
              ? null
              : { slug: editing.slug, name: editing.name, extra: String(editing.position) }
          }
          canChangeSlug
          onClose={() => setEditing(null)}
          save={(slug, value) =>
            catalogApi.saveSection(api, service.id, slug, {
              slug: value.slug,
              name: value.name,
              position: Number(value.extra),
            })
          }
          onSaved={(name) => {
            setEditing(null);
            props.onStatus(t("catalog.saved", { name }));
            void list.reload();
          }}
        />
      ) : null}
      <RemoveDialog
        pending={removal.pending}
        onCancel={() => removal.setPending(null)}
        onConfirm={() => void removal.confirm()}
      />
    </section>
  );
}

// Agencies -----------------------------------------------------------------------------

function AgenciesPanel(props: PanelProps) {
  const { api } = useApp();
  const { t } = useUiText();
  const id = useId();
  const { rights } = props;
  const list = useList(useCallback((q: string) => catalogApi.agencies(api, q), [api]));
  const [editing, setEditing] = useState<CatalogAgency | "new" | null>(null);
  const removal = useRemoval(
    (code) => catalogApi.removeAgency(api, code),
    (name) => {
      props.onStatus(t("catalog.removed", { name }));
      void list.reload();
    },
  );
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t("catalog.agencies")}</h2>
      <SearchField value={list.q} onSearch={list.setQ} />
      {rights.admin ? (
        <button type="button" onClick={() => setEditing("new")}>
          {t("catalog.agency.add")}
        </button>
      ) : null}
      <ErrorMessage message={list.error ?? removal.error} />
      {list.items === null ? (
        <p>{t("catalog.loading")}</p>
      ) : (
        <table class="nr-table">
          <thead>
            <tr>
              <th scope="col">{t("catalog.agency.code")}</th>
              <th scope="col">{t("catalog.col.name")}</th>
              <th scope="col">{t("catalog.agency.credit")}</th>
              <th scope="col">{t("catalog.col.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((agency) => (
              <tr key={agency.code}>
                <td>
                  <bdi dir="ltr">{agency.code}</bdi>
                </td>
                <th scope="row">
                  <bdi>{agency.name}</bdi>
                </th>
                <td>
                  <bdi>{agency.creditLine}</bdi>
                </td>
                <td>
                  {rights.admin ? (
                    <div class="nr-button-row">
                      <button
                        type="button"
                        aria-label={t("catalog.editOf", { name: agency.name })}
                        onClick={() => setEditing(agency)}
                      >
                        {t("catalog.edit")}
                      </button>
                      <button
                        type="button"
                        class="nr-danger"
                        aria-label={t("catalog.removeOf", { name: agency.name })}
                        onClick={() => removal.setPending({ key: agency.code, name: agency.name })}
                      >
                        {t("catalog.remove")}
                      </button>
                    </div>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing !== null ? (
        <AgencyDialog
          agency={editing === "new" ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(name) => {
            setEditing(null);
            props.onStatus(t("catalog.saved", { name }));
            void list.reload();
          }}
        />
      ) : null}
      <RemoveDialog
        pending={removal.pending}
        onCancel={() => removal.setPending(null)}
        onConfirm={() => void removal.confirm()}
      />
    </section>
  );
}

function AgencyDialog(props: {
  readonly agency: CatalogAgency | null;
  readonly onClose: () => void;
  readonly onSaved: (name: string) => void;
}) {
  const { api } = useApp();
  const { t, lang } = useUiText();
  const id = useId();
  const { agency } = props;
  const [code, setCode] = useState(agency?.code ?? "");
  const [name, setName] = useState(agency?.name ?? "");
  const [credit, setCredit] = useState(agency?.creditLine ?? "");
  const [link, setLink] = useState(agency?.link ?? "");
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    setError(null);
    try {
      const saved = await catalogApi.saveAgency(api, agency?.code ?? null, {
        code: code.trim(),
        name: name.normalize("NFC").trim(),
        creditLine: credit.normalize("NFC").trim(),
        link: link.trim() === "" ? null : link.trim(),
      });
      props.onSaved(saved.name);
    } catch (failure) {
      setError(catalogErrorText(failure, lang));
    }
  };
  return (
    <Dialog
      title={agency ? t("catalog.agency.edit") : t("catalog.agency.add")}
      open
      onClose={props.onClose}
    >
      <form class="nr-form" onSubmit={submit}>
        <div class="nr-field">
          <label for={`${id}-code`}>{t("catalog.agency.code")}</label>
          <input
            id={`${id}-code`}
            dir="ltr"
            required
            maxLength={32}
            pattern="[A-Z0-9_\-]+"
            value={code}
            disabled={agency !== null}
            aria-describedby={`${id}-code-help`}
            onInput={(event) => setCode(event.currentTarget.value)}
          />
          <p id={`${id}-code-help`} class="nr-help">
            {t("catalog.agency.codeHelp")}
          </p>
        </div>
        <TextField
          id={`${id}-name`}
          label={t("catalog.col.name")}
          value={name}
          onInput={setName}
          required
          maxLength={100}
        />
        <TextField
          id={`${id}-credit`}
          label={t("catalog.agency.credit")}
          value={credit}
          onInput={setCredit}
          maxLength={200}
        />
        <div class="nr-field">
          <label for={`${id}-link`}>{t("catalog.agency.link")}</label>
          <input
            id={`${id}-link`}
            type="url"
            dir="ltr"
            maxLength={500}
            value={link}
            onInput={(event) => setLink(event.currentTarget.value)}
          />
        </div>
        <ErrorMessage message={error} />
        <div class="nr-dialog-actions">
          <button type="submit" class="nr-primary">
            {t("catalog.save")}
          </button>
          <button type="button" onClick={props.onClose}>
            {t("common.cancel")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
