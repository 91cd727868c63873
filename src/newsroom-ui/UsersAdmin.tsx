import { useCallback, useEffect, useId, useState } from "preact/hooks";
import { errorMessage } from "./api-client.js";
import { type Grant, type Role, roles, type UserWithGrants } from "./api-schemas.js";
import { useApp } from "./app-context.js";
import { Dialog } from "./Dialog.js";
import type { MessageKey } from "./i18n/en.js";
import { useUiText } from "./i18n/ui-language.js";
import { ErrorMessage, StatusMessage } from "./Notice.js";
import { useScreenTitle } from "./screen-title.js";

type RoleChoice = Role | "";

const roleKeys: Record<Role, MessageKey> = {
  reporter: "role.reporter",
  editor: "role.editor",
  translator: "role.translator",
  service_admin: "role.service_admin",
};

/** Users for administrators: list, create, roles per service, password reset. */
export function UsersAdmin() {
  const { api, services } = useApp();
  const { t } = useUiText();
  useScreenTitle(t("users.title"));
  const id = useId();
  const [users, setUsers] = useState<UserWithGrants[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const [editing, setEditing] = useState<UserWithGrants | null>(null);
  const [resetting, setResetting] = useState<UserWithGrants | null>(null);

  const load = useCallback(async () => {
    try {
      setUsers(await api.users());
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }, [api]);
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
                <th scope="col">{t("users.col.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((entry) => (
                <tr key={entry.user.id}>
                  <td>
                    <bdi>{entry.user.displayName}</bdi>
                  </td>
                  <td>{entry.user.email}</td>
                  <td>
                    {entry.user.isAdmin ? `${t("users.administrator")} ` : ""}
                    {grantsText(entry.grants)}
                  </td>
                  <td class="nr-button-row">
                    <button
                      type="button"
                      aria-label={t("users.editRolesOf", { name: entry.user.displayName })}
                      onClick={() => setEditing(entry)}
                    >
                      {t("users.editRoles")}
                    </button>
                    <button
                      type="button"
                      aria-label={t("users.resetPasswordOf", { name: entry.user.displayName })}
                      onClick={() => setResetting(entry)}
                    >
                      {t("users.resetPassword")}
                    </button>
                  </td>
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
      <ResetPasswordDialog
        entry={resetting}
        onClose={() => setResetting(null)}
        onDone={(name) => {
          setResetting(null);
          setStatus(t("users.passwordReset", { name }));
        }}
      />
    </>
  );
}

function RoleSelects(props: {
  readonly idPrefix: string;
  readonly value: Record<string, RoleChoice>;
  readonly onChange: (serviceId: string, role: RoleChoice) => void;
}) {
  const { services } = useApp();
  const { t } = useUiText();
  return (
    <fieldset class="nr-form">
      <legend>{t("users.roleInService")}</legend>
      {services.map((service) => (
        <div class="nr-field" key={service.id}>
          <label for={`${props.idPrefix}-${service.id}`}>
            <span lang={service.locale} dir={service.dir}>
              {service.name}
            </span>
          </label>
          <select
            id={`${props.idPrefix}-${service.id}`}
            value={props.value[service.id] ?? ""}
            onChange={(event) =>
              props.onChange(service.id, event.currentTarget.value as RoleChoice)
            }
          >
            <option value="">{t("users.noRole")}</option>
            {roles.map((role) => (
              <option key={role} value={role}>
                {t(roleKeys[role])}
              </option>
            ))}
          </select>
        </div>
      ))}
    </fieldset>
  );
}

function toGrants(choices: Record<string, RoleChoice>): Grant[] {
  return Object.entries(choices)
    .filter((entry): entry is [string, Role] => entry[1] !== "")
    .map(([serviceId, role]) => ({ serviceId, role }));
}

function CreateUserForm(props: { readonly onCreated: (name: string) => void }) {
  const { api } = useApp();
  const { t } = useUiText();
  const id = useId();
  const [email, setEmail] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [password, setPassword] = useState("");
  const [isAdmin, setIsAdmin] = useState(false);
  const [choices, setChoices] = useState<Record<string, RoleChoice>>({});
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    setError(null);
    try {
      const user = await api.createUser({
        email: email.trim(),
        displayName: displayName.normalize("NFC").trim(),
        password,
        isAdmin,
        grants: toGrants(choices),
      });
      setEmail("");
      setDisplayName("");
      setPassword("");
      setIsAdmin(false);
      setChoices({});
      props.onCreated(user.displayName);
    } catch (failure) {
      setError(errorMessage(failure));
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
        <div class="nr-check">
          <input
            id={`${id}-admin`}
            type="checkbox"
            checked={isAdmin}
            onChange={(e) => setIsAdmin(e.currentTarget.checked)}
          />
          <label for={`${id}-admin`}>{t("users.isAdmin")}</label>
        </div>
        <RoleSelects
          idPrefix={`${id}-role`}
          value={choices}
          onChange={(serviceId, role) => setChoices({ ...choices, [serviceId]: role })}
        />
        <ErrorMessage message={error} />
        <button type="submit" class="nr-primary">
          {t("users.create")}
        </button>
      </form>
    </section>
  );
}

function GrantsDialog(props: {
  readonly entry: UserWithGrants | null;
  readonly onClose: () => void;
  readonly onSaved: (name: string) => void;
}) {
  const { api } = useApp();
  const { t } = useUiText();
  const id = useId();
  const [choices, setChoices] = useState<Record<string, RoleChoice>>({});
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
      await api.setGrants(entry.user.id, toGrants(choices));
      props.onSaved(entry.user.displayName);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  return (
    <Dialog
      title={entry ? t("users.rolesOf", { name: entry.user.displayName }) : t("users.rolesTitle")}
      open={entry !== null}
      onClose={props.onClose}
    >
      <form onSubmit={save}>
        <RoleSelects
          idPrefix={`${id}-grant`}
          value={choices}
          onChange={(serviceId, role) => setChoices({ ...choices, [serviceId]: role })}
        />
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
  readonly entry: UserWithGrants | null;
  readonly onClose: () => void;
  readonly onDone: (name: string) => void;
}) {
  const { api } = useApp();
  const { t } = useUiText();
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
      await api.resetPassword(entry.user.id, password);
      props.onDone(entry.user.displayName);
    } catch (failure) {
      setError(errorMessage(failure));
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
