import type { ComponentChildren } from "preact";
import { Fragment } from "preact";
import { useCallback, useEffect, useId, useState } from "preact/hooks";
import { useUiText } from "../i18n/ui-language.js";
import { errorMessage } from "./api-client.js";
import { ConfirmDialog } from "./Dialog.js";
import { ErrorMessage, StatusMessage } from "./Notice.js";
import { SecretOnce } from "./SecretOnce.js";

/** What a list of credentials is doing: loaded items, the last outcome, the one to revoke. */
interface CredentialList<Item> {
  readonly items: readonly Item[] | null;
  readonly error: string | null;
  readonly status: string;
  readonly revoking: Item | null;
  readonly reload: () => Promise<void>;
  readonly askRevoke: (item: Item) => void;
  readonly cancelRevoke: () => void;
  readonly confirmRevoke: () => Promise<void>;
}

/**
 * Loads a list of credentials (API tokens, content-API keys, webhook subscriptions) and
 * revokes one after confirmation, then says so in a status message and loads the list again.
 * `list` is loaded again whenever it changes, so it must be stable (useCallback).
 */
export function useCredentialList<Item>(options: {
  readonly list: () => Promise<Item[]>;
  readonly revoke: (item: Item) => Promise<void>;
  readonly revokedStatus: (item: Item) => string;
  readonly onRevoked?: () => void;
}): CredentialList<Item> {
  const { list, revoke, revokedStatus, onRevoked } = options;
  const [items, setItems] = useState<Item[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const [revoking, setRevoking] = useState<Item | null>(null);

  const reload = useCallback(async () => {
    try {
      setItems(await list());
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }, [list]);
  useEffect(() => {
    void reload();
  }, [reload]);

  const confirmRevoke = async () => {
    if (!revoking) return;
    const item = revoking;
    try {
      await revoke(item);
      setRevoking(null);
      onRevoked?.();
      setStatus(revokedStatus(item));
      await reload();
    } catch (failure) {
      setRevoking(null);
      setError(errorMessage(failure));
    }
  };

  return {
    items,
    error,
    status,
    revoking,
    reload,
    askRevoke: setRevoking,
    cancelRevoke: () => setRevoking(null),
    confirmRevoke,
  };
}

/**
 * The shape every credential screen shares: a creation form, the new secret shown once
 * (focused, so it is read first), the list as a table, and revocation behind a confirmation.
 */
export function CredentialScreen<Item extends { readonly id: string }>(props: {
  readonly title: string;
  /** Links to sibling screens, under the heading. */
  readonly tabs?: ComponentChildren;
  readonly intro: string;
  /** The secret just created: shown once, the server keeps only its hash. */
  readonly secret: {
    readonly heading: string;
    readonly value: string;
    readonly note: string;
  } | null;
  /** Shown between the secret and the form (a password prompt, for one). */
  readonly beforeForm?: ComponentChildren;
  readonly createHeading: string;
  readonly createLabel: string;
  readonly onCreate: (event: Event) => void;
  readonly formError: string | null;
  readonly fields: ComponentChildren;
  readonly listHeading: string;
  readonly loadingText: string;
  readonly emptyText: string;
  readonly columns: readonly string[];
  readonly row: (item: Item) => ComponentChildren;
  readonly list: CredentialList<Item>;
  readonly revokeTitle: string;
  readonly revokeConfirm: string;
  readonly revokeBody: (item: Item | null) => string;
}) {
  const { t } = useUiText();
  const id = useId();
  const { list } = props;
  const secret = props.secret?.value;
  useEffect(() => {
    if (secret) document.getElementById(`${id}-secret-heading`)?.focus();
  }, [secret, id]);

  return (
    <>
      <h1 tabIndex={-1}>{props.title}</h1>
      {props.tabs}
      <p>{props.intro}</p>
      {props.secret ? (
        <SecretOnce
          id={`${id}-secret`}
          heading={props.secret.heading}
          secret={props.secret.value}
          note={props.secret.note}
        />
      ) : null}
      {props.beforeForm}

      <section aria-labelledby={`${id}-create`} class="nr-panel">
        <h2 id={`${id}-create`}>{props.createHeading}</h2>
        <form class="nr-form" onSubmit={props.onCreate}>
          {props.fields}
          <ErrorMessage message={props.formError} />
          <button type="submit" class="nr-primary">
            {props.createLabel}
          </button>
        </form>
      </section>

      <section aria-labelledby={`${id}-list`}>
        <h2 id={`${id}-list`}>{props.listHeading}</h2>
        <StatusMessage>{list.status}</StatusMessage>
        <ErrorMessage message={list.error} />
        {list.items === null && !list.error ? <p>{props.loadingText}</p> : null}
        {list.items !== null && list.items.length === 0 ? <p>{props.emptyText}</p> : null}
        {list.items !== null && list.items.length > 0 ? (
          <table class="nr-table">
            <caption class="nr-visually-hidden">{props.listHeading}</caption>
            <thead>
              <tr>
                {props.columns.map((column) => (
                  <th key={column} scope="col">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {list.items.map((item) => (
                <Fragment key={item.id}>{props.row(item)}</Fragment>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>

      <ConfirmDialog
        title={props.revokeTitle}
        open={list.revoking !== null}
        onCancel={list.cancelRevoke}
        onConfirm={() => void list.confirmRevoke()}
        confirmLabel={props.revokeConfirm}
        cancelLabel={t("common.cancel")}
        tone="danger"
      >
        <p>{props.revokeBody(list.revoking)}</p>
      </ConfirmDialog>
    </>
  );
}
