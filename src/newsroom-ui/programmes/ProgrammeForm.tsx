import { useId, useState } from "preact/hooks";
import { useUiText } from "../i18n/ui-language.js";
import { errorMessage } from "../shared/api-client.js";
import type { ServiceInfo } from "../shared/api-schemas.js";
import { useApp } from "../shared/app-context.js";
import { ErrorMessage } from "../shared/Notice.js";
import { type ProgrammeDraft, type ProgrammeView, programmesApi } from "./programmes-api.js";

const kinds = ["radio", "tv", "podcast"] as const;

/** Creates or edits one programme: its words in the service's language, links and stream. */
export function ProgrammeForm(props: {
  readonly service: ServiceInfo;
  readonly programme: ProgrammeView | null;
  readonly people: readonly { readonly id: string; readonly name: string }[];
  readonly onSaved: (programme: ProgrammeView) => void;
  readonly onCancel: () => void;
}) {
  const { api } = useApp();
  const { t } = useUiText();
  const id = useId();
  const { service } = props;
  const [draft, setDraft] = useState<ProgrammeDraft>(
    (props.programme && {
      slug: props.programme.slug,
      title: props.programme.title,
      description: props.programme.description,
      kind: props.programme.kind,
      artworkMediaId: props.programme.artworkMediaId,
      presenterIds: props.programme.presenterIds,
      links: props.programme.links,
      liveStreamUrl: props.programme.liveStreamUrl,
      ownerName: props.programme.ownerName ?? null,
      ownerEmail: props.programme.ownerEmail ?? null,
    }) ?? {
      slug: "",
      title: "",
      description: "",
      kind: "radio",
      artworkMediaId: null,
      presenterIds: [],
      links: [],
      liveStreamUrl: null,
      ownerName: null,
      ownerEmail: null,
    },
  );
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<ProgrammeDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const content = { lang: service.locale, dir: service.dir } as const;

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const links = draft.links.filter((l) => l.label.trim() !== "" || l.url.trim() !== "");
      const saved = await programmesApi.save(api, service.id, props.programme?.id ?? null, {
        ...draft,
        links,
        ...(props.programme ? { version: props.programme.version } : {}),
      });
      props.onSaved(saved);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  const heading = props.programme
    ? t("programmes.editing", { title: props.programme.title })
    : t("programmes.new");
  return (
    <form class="nr-form" onSubmit={submit} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{heading}</h3>
      <ErrorMessage message={error} />
      <fieldset disabled={busy} class="nr-plain-fieldset">
        <legend class="nr-visually-hidden">{heading}</legend>
        <div class="nr-field">
          <label for={`${id}-title`}>{t("programmes.field.title")}</label>
          <input
            id={`${id}-title`}
            required
            maxLength={200}
            value={draft.title}
            {...content}
            onInput={(e) => set({ title: e.currentTarget.value })}
          />
        </div>
        <div class="nr-field">
          <label for={`${id}-slug`}>{t("programmes.field.slug")}</label>
          <input
            id={`${id}-slug`}
            required
            maxLength={120}
            dir="ltr"
            value={draft.slug}
            onInput={(e) => set({ slug: e.currentTarget.value })}
          />
        </div>
        <div class="nr-field">
          <label for={`${id}-description`}>{t("programmes.field.description")}</label>
          <textarea
            id={`${id}-description`}
            maxLength={2000}
            rows={3}
            value={draft.description}
            {...content}
            onInput={(e) => set({ description: e.currentTarget.value })}
          />
        </div>
        <div class="nr-field">
          <label for={`${id}-kind`}>{t("programmes.field.kind")}</label>
          <select
            id={`${id}-kind`}
            value={draft.kind}
            onChange={(e) => set({ kind: e.currentTarget.value as ProgrammeDraft["kind"] })}
          >
            {kinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`programmes.kind.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        <fieldset>
          <legend>{t("programmes.field.presenters")}</legend>
          {props.people.length === 0 ? <p class="nr-note">{t("programmes.noPeople")}</p> : null}
          {props.people.map((person) => (
            <label key={person.id} class="nr-check">
              <input
                type="checkbox"
                checked={draft.presenterIds.includes(person.id)}
                onChange={(e) =>
                  set({
                    presenterIds: e.currentTarget.checked
                      ? [...draft.presenterIds, person.id]
                      : draft.presenterIds.filter((p) => p !== person.id),
                  })
                }
              />{" "}
              <span {...content}>{person.name}</span>
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t("programmes.field.links")}</legend>
          {draft.links.map((link, index) => (
            <div class="nr-field-row" key={index}>
              <div class="nr-field">
                <label for={`${id}-link-label-${index}`}>{t("programmes.link.label")}</label>
                <input
                  id={`${id}-link-label-${index}`}
                  maxLength={60}
                  value={link.label}
                  onInput={(e) =>
                    set({
                      links: draft.links.map((l, i) =>
                        i === index ? { ...l, label: e.currentTarget.value } : l,
                      ),
                    })
                  }
                />
              </div>
              <div class="nr-field">
                <label for={`${id}-link-url-${index}`}>{t("programmes.link.url")}</label>
                <input
                  id={`${id}-link-url-${index}`}
                  type="url"
                  dir="ltr"
                  maxLength={2048}
                  value={link.url}
                  onInput={(e) =>
                    set({
                      links: draft.links.map((l, i) =>
                        i === index ? { ...l, url: e.currentTarget.value } : l,
                      ),
                    })
                  }
                />
              </div>
              <button
                type="button"
                onClick={() => set({ links: draft.links.filter((_, i) => i !== index) })}
              >
                {t("programmes.link.remove")}
              </button>
            </div>
          ))}
          {draft.links.length < 12 ? (
            <button
              type="button"
              onClick={() => set({ links: [...draft.links, { label: "", url: "" }] })}
            >
              {t("programmes.link.add")}
            </button>
          ) : null}
        </fieldset>
        <div class="nr-field">
          <label for={`${id}-stream`}>{t("programmes.field.stream")}</label>
          <input
            id={`${id}-stream`}
            type="url"
            dir="ltr"
            maxLength={2048}
            value={draft.liveStreamUrl ?? ""}
            onInput={(e) => set({ liveStreamUrl: e.currentTarget.value.trim() || null })}
          />
        </div>
        <div class="nr-field">
          <label for={`${id}-owner-name`}>{t("programmes.field.ownerName")}</label>
          <input
            id={`${id}-owner-name`}
            maxLength={200}
            value={draft.ownerName ?? ""}
            {...content}
            onInput={(e) => set({ ownerName: e.currentTarget.value.trim() || null })}
          />
        </div>
        <div class="nr-field">
          <label for={`${id}-owner-email`}>{t("programmes.field.ownerEmail")}</label>
          <input
            id={`${id}-owner-email`}
            type="email"
            dir="ltr"
            maxLength={254}
            value={draft.ownerEmail ?? ""}
            onInput={(e) => set({ ownerEmail: e.currentTarget.value.trim() || null })}
          />
        </div>
        <div class="nr-form-actions">
          <button type="submit" class="nr-primary">
            {t("programmes.save")}
          </button>
          <button type="button" onClick={props.onCancel}>
            {t("programmes.cancel")}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
