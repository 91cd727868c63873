import { useCallback, useId, useState } from "preact/hooks";
import { type MirrorKind, mirrorKinds } from "../../domain/mirrors/mirror-schema.js";
import { useUiText } from "../i18n/ui-language.js";
import { errorMessage } from "../shared/api-client.js";
import { useApp } from "../shared/app-context.js";
import { CredentialScreen, useCredentialList } from "../shared/CredentialScreen.js";
import { StatusMessage } from "../shared/Notice.js";
import { routeHref } from "../shared/router.js";
import { useScreenTitle } from "../shared/screen-title.js";
import { ServiceTabs } from "../shared/Tabs.js";
import { addMirror, listMirrors, type MirrorView, removeMirror } from "./mirrors-api.js";

const kindLabels = {
  https: "mirrors.kind.https",
  onion: "mirrors.kind.onion",
  static: "mirrors.kind.static",
} as const satisfies Record<MirrorKind, string>;

/**
 * A service's mirrors, for administrators (issue 16): the other addresses readers can use
 * where the service's domain is blocked. Lists them, adds one (the server checks the
 * address: https on a public host, or a Tor v3 onion address) and removes one after
 * confirmation.
 */
export function MirrorsScreen(props: { readonly serviceId: string | null }) {
  const { api, services } = useApp();
  const { t, dateTime } = useUiText();
  const id = useId();
  useScreenTitle(t("mirrors.title"));
  const service = services.find((s) => s.id === props.serviceId) ?? services[0];
  const serviceId = service?.id ?? "";
  const [kind, setKind] = useState<MirrorKind>("https");
  const [url, setUrl] = useState("");
  const [note, setNote] = useState("");
  const [formError, setFormError] = useState<string | null>(null);
  const [added, setAdded] = useState("");
  const mirrors = useCredentialList<MirrorView>({
    list: useCallback(() => listMirrors(api, serviceId), [api, serviceId]),
    revoke: (mirror) => removeMirror(api, serviceId, mirror.id),
    revokedStatus: (mirror) => t("mirrors.removedStatus", { url: mirror.url }),
    onRevoked: () => setAdded(""),
  });

  const add = async (event: Event) => {
    event.preventDefault();
    setFormError(null);
    try {
      const mirror = await addMirror(api, serviceId, { kind, url: url.trim(), note: note.trim() });
      setAdded(t("mirrors.addedStatus", { url: mirror.url }));
      setUrl("");
      setNote("");
      await mirrors.reload();
    } catch (failure) {
      setFormError(errorMessage(failure));
    }
  };

  if (!service) return null;
  return (
    <CredentialScreen
      title={t("mirrors.title")}
      tabs={
        <ServiceTabs
          currentId={service.id}
          hrefFor={(next) => routeHref({ screen: "mirrors", serviceId: next })}
        />
      }
      intro={t("mirrors.intro")}
      secret={null}
      beforeForm={<StatusMessage>{added}</StatusMessage>}
      createHeading={t("mirrors.addHeading")}
      createLabel={t("mirrors.add")}
      onCreate={add}
      formError={formError}
      fields={
        <>
          <div class="nr-field">
            <label for={`${id}-kind`}>{t("mirrors.kind")}</label>
            <select
              id={`${id}-kind`}
              value={kind}
              onChange={(event) => setKind(event.currentTarget.value as MirrorKind)}
            >
              {mirrorKinds.map((k) => (
                <option key={k} value={k}>
                  {t(kindLabels[k])}
                </option>
              ))}
            </select>
          </div>
          <div class="nr-field">
            <label for={`${id}-url`}>{t("mirrors.url")}</label>
            <input
              id={`${id}-url`}
              type="url"
              required
              maxLength={300}
              dir="ltr"
              spellcheck={false}
              aria-describedby={`${id}-url-help`}
              value={url}
              onInput={(event) => setUrl(event.currentTarget.value)}
            />
            <p id={`${id}-url-help`} class="nr-help">
              {t("mirrors.urlHelp")}
            </p>
          </div>
          <div class="nr-field">
            <label for={`${id}-note`}>{t("mirrors.note")}</label>
            <input
              id={`${id}-note`}
              maxLength={200}
              dir="auto"
              aria-describedby={`${id}-note-help`}
              value={note}
              onInput={(event) => setNote(event.currentTarget.value)}
            />
            <p id={`${id}-note-help`} class="nr-help">
              {t("mirrors.noteHelp")}
            </p>
          </div>
        </>
      }
      listHeading={t("mirrors.listHeading", { service: service.name })}
      loadingText={t("mirrors.loading")}
      emptyText={t("mirrors.empty")}
      columns={[
        t("mirrors.url"),
        t("mirrors.kind"),
        t("mirrors.note"),
        t("mirrors.added"),
        t("mirrors.actions"),
      ]}
      row={(mirror) => (
        <tr>
          <th scope="row" id={`${id}-row-${mirror.id}`} dir="ltr">
            {mirror.url}
          </th>
          <td>{t(kindLabels[mirror.kind])}</td>
          <td>
            <bdi>{mirror.note}</bdi>
          </td>
          <td>{dateTime(mirror.createdAt)}</td>
          <td>
            <button
              type="button"
              class="nr-danger"
              aria-describedby={`${id}-row-${mirror.id}`}
              onClick={() => mirrors.askRevoke(mirror)}
            >
              {t("mirrors.remove")}
            </button>
          </td>
        </tr>
      )}
      list={mirrors}
      revokeTitle={t("mirrors.removeTitle")}
      revokeConfirm={t("mirrors.remove")}
      revokeBody={(mirror) => t("mirrors.removeBody", { url: mirror?.url ?? "" })}
    />
  );
}
