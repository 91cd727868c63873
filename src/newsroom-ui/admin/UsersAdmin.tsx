import { useCallback, useEffect, useId, useRef, useState } from "preact/hooks";
import type { MessageKey } from "../i18n/en.js";
import { useUiText } from "../i18n/ui-language.js";
import type { Grant, ServiceInfo } from "../shared/api-schemas.js";
import { useApp } from "../shared/app-context.js";
import { ConfirmDialog, Dialog } from "../shared/Dialog.js";
import { Message, ServiceName } from "../shared/Message.js";
import { ErrorMessage, StatusMessage } from "../shared/Notice.js";
import { useScreenTitle } from "../shared/screen-title.js";
import { serviceFor } from "../shared/service-info.js";
import { type RoleChoices, RoleGrants, roleKeys } from "./RoleGrants.js";
import {
  accountState,
  createUser,
  disableUser,
  enableUser,
  endUserSessions,
  type ListedUser,
  listUsers,
  resetPassword,
  setGrants,
  setPerson,
  type UserEntry,
  userErrorText,
} from "./users-api.js";

/** The three account actions that only need a confirmation. */
type AccountAction = "disable" | "enable" | "endSessions";

const actionText: Record<
  AccountAction,
  { title: MessageKey; body: MessageKey; confirm: MessageKey; danger: boolean }
> = {
  disable: {
    title: "users.disableTitle",
    body: "users.disableBody",
    confirm: "users.disableConfirm",
    danger: true,
  },
  enable: {
    title: "users.enableTitle",
    body: "users.enableBody",
    confirm: "users.enableConfirm",
    danger: false,
  },
  endSessions: {
    title: "users.endSessionsTitle",
    body: "users.endSessionsBody",
    confirm: "users.endSessionsConfirm",
    danger: true,
  },
};

/**
 * People for administrators and service admins: list with each account's state, create,
 * roles per service, password reset, disable / enable, and ending someone's sessions and
 * tokens. Actions are offered only on accounts the server says the caller may manage; the
 * server checks each one again.
 */
export function UsersAdmin() {
  const { api, services, session } = useApp();
  const { t, lang, dateTime } = useUiText();
  useScreenTitle(t("users.title"));
  const id = useId();
  const [users, setUsers] = useState<UserEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const [editing, setEditing] = useState<UserEntry | null>(null);
  const [resetting, setResetting] = useState<UserEntry | null>(null);
  const [linking, setLinking] = useState<UserEntry | null>(null);
  const [pending, setPending] = useState<{ action: AccountAction; entry: UserEntry } | null>(null);
  /** A confirmed action still waiting for the server: a second click does nothing. */
  const busy = useRef(false);
  /** What the confirmation shows while it closes, so its heading never goes blank. */
  const lastPending = useRef<{ action: AccountAction; entry: UserEntry } | null>(null);
  if (pending) lastPending.current = pending;
  const shown = pending ?? lastPending.current;
  /** The account whose Disable/Enable control gets focus after the list reloads. */
  const [focusToggle, setFocusToggle] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setUsers(await listUsers(api));
    } catch (failure) {
      setError(userErrorText(failure, lang));
    }
  }, [api, lang]);
  useEffect(() => {
    void load();
  }, [load]);

  const grantsText = (grants: readonly Grant[]) =>
    grants.length === 0
      ? t("users.noRoles")
      : grants
          .map((g) =>
            t("users.grant", {
              role: t(roleKeys[g.role]),
              service: services.find((s) => s.id === g.serviceId)?.name ?? g.serviceId,
            }),
          )
          .join(t("users.grantSeparator"));

  const personText = (entry: UserEntry) => {
    if (!entry.person) return t("users.personNone");
    const service = serviceFor(entry.person.serviceId, services);
    return (
      <Message
        text={t("users.personOf")}
        parts={{
          name: (
            <bdi lang={service.locale} dir={service.dir}>
              {entry.person.name}
            </bdi>
          ),
          service: <ServiceName service={service} />,
        }}
      />
    );
  };

  const toggleId = (userId: string) => `${id}-toggle-${userId}`;

  const perform = async () => {
    if (!pending || busy.current) return;
    busy.current = true;
    const { action, entry } = pending;
    const name = entry.user.displayName;
    setError(null);
    setStatus("");
    try {
      if (action === "disable") {
        await disableUser(api, entry.user.id);
        setStatus(t("users.disabled", { name }));
      } else if (action === "enable") {
        await enableUser(api, entry.user.id);
        setStatus(t("users.enabled", { name }));
      } else {
        const ended = await endUserSessions(api, entry.user.id);
        setStatus(t("users.sessionsEnded", { name, ...ended }));
      }
    } catch (failure) {
      setError(userErrorText(failure, lang));
    } finally {
      busy.current = false;
      setPending(null);
    }
    await load();
    // Set after the reload, so the effect below runs on a render that shows the new list.
    if (action !== "endSessions") setFocusToggle(entry.user.id);
  };
  // Disable and Enable replace each other in the row: once the reloaded list is on the page,
  // focus goes to the control that took the place of the one used (WCAG 2.2 SC 2.4.3).
  useEffect(() => {
    if (focusToggle === null || users === null) return;
    document.getElementById(toggleId(focusToggle))?.focus();
    setFocusToggle(null);
  }, [users, focusToggle, id]);

  const actionsOf = (entry: UserEntry) => {
    const { user } = entry;
    if (user.id === session.user.id) return <p class="nr-help">{t("users.ownAccount")}</p>;
    if (!entry.manageable) return <p class="nr-help">{t("users.notManageable")}</p>;
    const disabled = accountState(user) === "disabled";
    return (
      <div class="nr-button-row">
        <button
          type="button"
          aria-label={t("users.editRolesOf", { name: user.displayName })}
          onClick={() => setEditing(entry)}
        >
          {t("users.editRoles")}
        </button>
        <button
          type="button"
          aria-label={t("users.choosePersonOf", { name: user.displayName })}
          onClick={() => setLinking(entry)}
        >
          {t("users.choosePerson")}
        </button>
        <button
          type="button"
          aria-label={t("users.resetPasswordOf", { name: user.displayName })}
          onClick={() => setResetting(entry)}
        >
          {t("users.resetPassword")}
        </button>
        {disabled ? (
          <button
            id={toggleId(user.id)}
            type="button"
            aria-label={t("users.enableOf", { name: user.displayName })}
            onClick={() => setPending({ action: "enable", entry })}
          >
            {t("users.enable")}
          </button>
        ) : (
          <>
            <button
              id={toggleId(user.id)}
              type="button"
              class="nr-danger"
              aria-label={t("users.disableOf", { name: user.displayName })}
              onClick={() => setPending({ action: "disable", entry })}
            >
              {t("users.disable")}
            </button>
            <button
              type="button"
              class="nr-danger"
              aria-label={t("users.endSessionsOf", { name: user.displayName })}
              onClick={() => setPending({ action: "endSessions", entry })}
            >
              {t("users.endSessions")}
            </button>
          </>
        )}
      </div>
    );
  };

  const stateOf = (user: ListedUser) =>
    user.disabledAt === null ? (
      <span class="nr-badges">
        <span class="nr-tag nr-tag-ok">{t("users.state.active")}</span>
      </span>
    ) : (
      <span class="nr-badges">
        <span class="nr-tag nr-tag-danger">
          <Message
            text={t("users.state.disabled")}
            parts={{ time: <time dateTime={user.disabledAt}>{dateTime(user.disabledAt)}</time> }}
          />
        </span>
      </span>
    );

  const confirming = shown ? actionText[shown.action] : null;

  return (
    <>
      <h1 tabIndex={-1}>{t("users.title")}</h1>
      <StatusMessage>{status}</StatusMessage>
      <ErrorMessage message={error} />
      <section aria-labelledby={`${id}-list`}>
        <h2 id={`${id}-list`}>{t("users.accounts")}</h2>
        {users === null && !error ? <p>{t("users.loading")}</p> : null}
        {users !== null ? (
          <table class="nr-table">
            <thead>
              <tr>
                <th scope="col">{t("users.col.name")}</th>
                <th scope="col">{t("users.col.email")}</th>
                <th scope="col">{t("users.col.roles")}</th>
                <th scope="col">{t("users.col.person")}</th>
                <th scope="col">{t("users.col.state")}</th>
                <th scope="col">{t("users.col.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((entry) => (
                <tr key={entry.user.id}>
                  <th scope="row">
                    <bdi>{entry.user.displayName}</bdi>
                    {entry.user.id === session.user.id ? ` ${t("users.you")}` : null}
                  </th>
                  <td>
                    <bdi dir="ltr">{entry.user.email}</bdi>
                  </td>
                  <td>
                    {entry.user.isAdmin ? `${t("users.administrator")} ` : ""}
                    {grantsText(entry.grants)}
                  </td>
                  <td>{personText(entry)}</td>
                  <td>{stateOf(entry.user)}</td>
                  <td>{actionsOf(entry)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
      <CreateUserForm
        onCreated={(name) => {
          setStatus(t("users.created", { name }));
          void load();
        }}
      />
      <GrantsDialog
        entry={editing}
        onClose={() => setEditing(null)}
        onSaved={(name) => {
          setEditing(null);
          setStatus(t("users.rolesSaved", { name }));
          void load();
        }}
      />
      <PersonDialog
        entry={linking}
        onClose={() => setLinking(null)}
        onSaved={(name) => {
          setLinking(null);
          setStatus(t("users.personSaved", { name }));
          void load();
        }}
      />
      <ResetPasswordDialog
        entry={resetting}
        onClose={() => setResetting(null)}
        onDone={(name) => {
          setResetting(null);
          setStatus(t("users.passwordReset", { name }));
        }}
      />
      <ConfirmDialog
        title={confirming ? t(confirming.title) : ""}
        open={pending !== null}
        onCancel={() => setPending(null)}
        onConfirm={() => void perform()}
        confirmLabel={confirming ? t(confirming.confirm) : ""}
        cancelLabel={t("common.cancel")}
        tone={confirming?.danger ? "danger" : undefined}
      >
        {shown && confirming ? (
          <p>
            <Message
              text={t(confirming.body)}
              parts={{ name: <bdi>{shown.entry.user.displayName}</bdi> }}
            />
          </p>
        ) : null}
      </ConfirmDialog>
    </>
  );
}

/**
 * The services the caller may give roles in: every service for an administrator, only the
 * ones they administer for a service admin (the server refuses any other grant).
 */
function useGrantableServices(): readonly ServiceInfo[] {
  const { services, session } = useApp();
  return session.user.isAdmin
    ? services
    : services.filter((service) => service.roles.includes("service_admin"));
}

function Roles(props: {
  readonly value: RoleChoices;
  readonly onChange: (value: RoleChoices) => void;
  readonly autoFocus?: boolean;
}) {
  const services = useGrantableServices();
  return (
    <RoleGrants
      services={services}
      value={props.value}
      onChange={props.onChange}
      autoFocus={props.autoFocus}
    />
  );
}

function toGrants(choices: RoleChoices): Grant[] {
  return Object.entries(choices).map(([serviceId, role]) => ({ serviceId, role }));
}

function CreateUserForm(props: { readonly onCreated: (name: string) => void }) {
  const { api, session } = useApp();
  const { t, lang } = useUiText();
  const id = useId();
  const [email, setEmail] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [password, setPassword] = useState("");
  const [isAdmin, setIsAdmin] = useState(false);
  const [choices, setChoices] = useState<RoleChoices>({});
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    setError(null);
    try {
      const user = await createUser(api, {
        email: email.trim(),
        displayName: displayName.normalize("NFC").trim(),
        password,
        isAdmin: session.user.isAdmin && isAdmin,
        grants: toGrants(choices),
      });
      setEmail("");
      setDisplayName("");
      setPassword("");
      setIsAdmin(false);
      setChoices({});
      props.onCreated(user.displayName);
    } catch (failure) {
      setError(userErrorText(failure, lang));
    }
  };

  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t("users.newAccount")}</h2>
      <form class="nr-form" onSubmit={submit}>
        <div class="nr-field">
          <label for={`${id}-email`}>{t("users.email")}</label>
          <input
            id={`${id}-email`}
            type="email"
            autocomplete="off"
            required
            value={email}
            onInput={(e) => setEmail(e.currentTarget.value)}
          />
        </div>
        <div class="nr-field">
          <label for={`${id}-name`}>{t("users.displayName")}</label>
          <input
            id={`${id}-name`}
            dir="auto"
            required
            value={displayName}
            onInput={(e) => setDisplayName(e.currentTarget.value)}
          />
        </div>
        <div class="nr-field">
          <label for={`${id}-password`}>{t("users.firstPassword")}</label>
          <input
            id={`${id}-password`}
            type="password"
            autocomplete="new-password"
            required
            minLength={12}
            value={password}
            aria-describedby={`${id}-password-help`}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
          <p id={`${id}-password-help`} class="nr-help">
            {t("users.passwordHelp")}
          </p>
        </div>
        {/* Only administrators make administrators. */}
        {session.user.isAdmin ? (
          <div class="nr-check">
            <input
              id={`${id}-admin`}
              type="checkbox"
              checked={isAdmin}
              onChange={(e) => setIsAdmin(e.currentTarget.checked)}
            />
            <label for={`${id}-admin`}>{t("users.isAdmin")}</label>
          </div>
        ) : null}
        <Roles value={choices} onChange={setChoices} />
        <ErrorMessage message={error} />
        <button type="submit" class="nr-primary">
          {t("users.create")}
        </button>
      </form>
    </section>
  );
}

function GrantsDialog(props: {
  readonly entry: UserEntry | null;
  readonly onClose: () => void;
  readonly onSaved: (name: string) => void;
}) {
  const { api } = useApp();
  const { t, lang } = useUiText();
  const [choices, setChoices] = useState<RoleChoices>({});
  const [error, setError] = useState<string | null>(null);
  const { entry } = props;
  useEffect(() => {
    setChoices(Object.fromEntries((entry?.grants ?? []).map((g) => [g.serviceId, g.role])));
    setError(null);
  }, [entry]);

  const save = async (event: Event) => {
    event.preventDefault();
    if (!entry) return;
    try {
      await setGrants(api, entry.user.id, toGrants(choices));
      props.onSaved(entry.user.displayName);
    } catch (failure) {
      setError(userErrorText(failure, lang));
    }
  };

  return (
    <Dialog
      title={entry ? t("users.rolesOf", { name: entry.user.displayName }) : t("users.rolesTitle")}
      open={entry !== null}
      onClose={props.onClose}
    >
      <form onSubmit={save}>
        <Roles value={choices} onChange={setChoices} autoFocus />
        <p>{t("users.rolesApply")}</p>
        <ErrorMessage message={error} />
        <div class="nr-dialog-actions">
          <button type="submit" class="nr-primary">
            {t("users.saveRoles")}
          </button>
          <button type="button" onClick={props.onClose}>
            {t("common.cancel")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function ResetPasswordDialog(props: {
  readonly entry: UserEntry | null;
  readonly onClose: () => void;
  readonly onDone: (name: string) => void;
}) {
  const { api } = useApp();
  const { t, lang } = useUiText();
  const id = useId();
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const { entry } = props;
  useEffect(() => {
    setPassword("");
    setError(null);
  }, [entry]);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!entry) return;
    try {
      await resetPassword(api, entry.user.id, password);
      props.onDone(entry.user.displayName);
    } catch (failure) {
      setError(userErrorText(failure, lang));
    }
  };

  return (
    <Dialog
      title={
        entry
          ? t("users.resetPasswordOf", { name: entry.user.displayName })
          : t("users.resetPassword")
      }
      open={entry !== null}
      onClose={props.onClose}
    >
      <form class="nr-form" onSubmit={submit}>
        <p>{t("users.resetBody")}</p>
        <div class="nr-field">
          <label for={`${id}-pw`}>{t("users.newPassword")}</label>
          <input
            id={`${id}-pw`}
            type="password"
            autocomplete="new-password"
            required
            minLength={12}
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </div>
        <ErrorMessage message={error} />
        <div class="nr-dialog-actions">
          <button type="submit" class="nr-danger">
            {t("users.resetPassword")}
          </button>
          <button type="button" onClick={props.onClose}>
            {t("common.cancel")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/**
 * The catalogue person an account writes as: a service (those the caller administers),
 * then one of its people, or nobody. People belong to services, so the byline works in
 * stories of that service.
 */
function PersonDialog(props: {
  readonly entry: UserEntry | null;
  readonly onClose: () => void;
  readonly onSaved: (name: string) => void;
}) {
  const { api } = useApp();
  const services = useGrantableServices();
  const { t, lang } = useUiText();
  const id = useId();
  const { entry } = props;
  const [serviceId, setServiceId] = useState("");
  const [personId, setPersonId] = useState("");
  const [people, setPeople] = useState<readonly { id: string; name: string; title: string }[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setServiceId(entry?.person?.serviceId ?? entry?.grants[0]?.serviceId ?? services[0]?.id ?? "");
    setPersonId(entry?.person?.id ?? "");
    setError(null);
  }, [entry, services]);

  useEffect(() => {
    if (!entry || serviceId === "") return;
    let current = true;
    setLoading(true);
    api
      .catalog(serviceId)
      .then((catalog) => {
        if (current) setPeople(catalog.people);
      })
      .catch((failure: unknown) => {
        if (current) setError(userErrorText(failure, lang));
      })
      .finally(() => {
        if (current) setLoading(false);
      });
    return () => {
      current = false;
    };
  }, [api, entry, serviceId, lang]);

  const service = services.find((s) => s.id === serviceId);
  const save = async (event: Event) => {
    event.preventDefault();
    if (!entry) return;
    try {
      await setPerson(api, entry.user.id, personId === "" ? null : personId);
      props.onSaved(entry.user.displayName);
    } catch (failure) {
      setError(userErrorText(failure, lang));
    }
  };

  return (
    <Dialog
      title={entry ? t("users.personTitle", { name: entry.user.displayName }) : ""}
      open={entry !== null}
      onClose={props.onClose}
    >
      <form class="nr-form" onSubmit={save}>
        <p id={`${id}-help`} class="nr-help">
          {t("users.personHelp")}
        </p>
        <div class="nr-field">
          <label for={`${id}-service`}>{t("users.personService")}</label>
          <select
            id={`${id}-service`}
            value={serviceId}
            onChange={(event) => {
              setServiceId(event.currentTarget.value);
              setPersonId("");
            }}
          >
            {services.map((s) => (
              <option key={s.id} value={s.id} lang={s.locale} dir={s.dir}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div class="nr-field">
          <label for={`${id}-person`}>{t("users.personPerson")}</label>
          <select
            id={`${id}-person`}
            value={personId}
            aria-describedby={`${id}-help`}
            aria-busy={loading ? "true" : undefined}
            onChange={(event) => setPersonId(event.currentTarget.value)}
          >
            <option value="">{t("users.personNoLink")}</option>
            {people.map((person) => (
              <option key={person.id} value={person.id} lang={service?.locale} dir={service?.dir}>
                {person.title ? `${person.name} — ${person.title}` : person.name}
              </option>
            ))}
          </select>
          {loading ? <p class="nr-help">{t("users.personLoading")}</p> : null}
        </div>
        <ErrorMessage message={error} />
        <div class="nr-dialog-actions">
          <button type="submit" class="nr-primary" disabled={loading}>
            {t("users.personSave")}
          </button>
          <button type="button" onClick={props.onClose}>
            {t("common.cancel")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
