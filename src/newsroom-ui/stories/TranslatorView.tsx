import { useCallback, useEffect, useId, useState } from "preact/hooks";
import type { MessageKey } from "../i18n/en.js";
import { useUiText } from "../i18n/ui-language.js";
import { AppLink } from "../shared/AppLink.js";
import { errorMessage } from "../shared/api-client.js";
import type { ServiceInfo } from "../shared/api-schemas.js";
import { useApp } from "../shared/app-context.js";
import { contentDirection } from "../shared/format.js";
import { Message, ServiceName } from "../shared/Message.js";
import { ErrorMessage, StatusMessage } from "../shared/Notice.js";
import { routeHref } from "../shared/router.js";
import { useScreenTitle } from "../shared/screen-title.js";
import { serviceFor } from "../shared/service-info.js";
import { markUpToDate, type SideBySide, sideBySide } from "./translations-api.js";

type Row = SideBySide["rows"][number];
type Field = SideBySide["fields"][number];

const fieldKeys: Record<Field["field"], MessageKey> = {
  headline: "translatorView.field.headline",
  standfirst: "translatorView.field.standfirst",
  dateline: "translatorView.field.dateline",
};

const changeKeys: Record<Exclude<Row["change"], "same">, MessageKey> = {
  changed: "translatorView.change.changed",
  added: "translatorView.change.added",
  removed: "translatorView.change.removed",
};

/**
 * The translator view: the source (read-only) and the translation side by side, block by
 * block, each in its own language and direction. Source blocks changed since the translation
 * was last brought up to date show the old and the new text inline (<del>/<ins>, marked in
 * words too, WCAG 2.2 SC 1.4.1), and the translation can be marked up to date from here.
 * A table, so each translation cell is announced with its block and its column.
 */
export function TranslatorView(props: { readonly storyId: string }) {
  const { api, services } = useApp();
  const { t, lang, dir } = useUiText();
  const id = useId();
  const [view, setView] = useState<SideBySide | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);
  const headline = view?.fields.find((f) => f.field === "headline")?.translation ?? "";
  useScreenTitle(view ? t("translatorView.title", { headline }) : t("translatorView.loadingTitle"));

  const load = useCallback(async () => {
    try {
      setView(await sideBySide(api, props.storyId));
      setLoadError(null);
    } catch (failure) {
      setLoadError(errorMessage(failure));
    }
  }, [api, props.storyId]);

  useEffect(() => {
    void load();
  }, [load]);

  if (loadError) {
    return (
      <>
        <h1 tabIndex={-1}>{t("translatorView.loadingTitle")}</h1>
        <ErrorMessage message={t("translatorView.loadFailed", { error: loadError })} />
      </>
    );
  }
  if (!view) {
    return (
      <>
        <h1 tabIndex={-1}>{t("translatorView.loadingTitle")}</h1>
        <StatusMessage>{t("translatorView.loading")}</StatusMessage>
      </>
    );
  }

  const sourceService = serviceFor(view.source.serviceId, services);
  const targetService = serviceFor(view.translation.serviceId, services);
  const source = contentDirection(sourceService);
  const target = contentDirection(targetService);
  const toReview = view.rows.filter((row) => row.change !== "same").length;
  const stale = view.link.status === "stale";

  const upToDate = async () => {
    setBusy(true);
    setError(null);
    try {
      await markUpToDate(api, props.storyId, view.source.revisionId);
      await load();
      setStatus(t("translatorView.markedUpToDate"));
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  const columns = (service: ServiceInfo, key: MessageKey) => (
    <Message text={t(key)} parts={{ service: <ServiceName service={service} /> }} />
  );
  const header = (
    <thead>
      <tr>
        <td />
        <th scope="col">{columns(sourceService, "translatorView.sourceColumn")}</th>
        <th scope="col">{columns(targetService, "translatorView.translationColumn")}</th>
      </tr>
    </thead>
  );

  return (
    <div class="nr-translator-view">
      <h1 tabIndex={-1}>
        <Message
          text={t("translatorView.title")}
          parts={{
            headline: (
              <span lang={target.lang} dir={target.dir}>
                {headline}
              </span>
            ),
          }}
        />
      </h1>
      <p>{t("translatorView.intro")}</p>
      <p class="nr-button-row">
        <AppLink href={routeHref({ screen: "story", storyId: props.storyId })}>
          {t("translatorView.edit")}
        </AppLink>
      </p>
      <p class={stale ? "nr-flag" : "nr-note"}>
        {stale
          ? t("translatorView.status.stale", { count: toReview })
          : view.link.status === "waived"
            ? t("translatorView.status.waived", { reason: view.link.waiverReason ?? "" })
            : t("translatorView.status.current")}
      </p>
      {view.tooLarge ? <p class="nr-note">{t("translatorView.tooLarge")}</p> : null}
      {stale ? (
        <p class="nr-button-row">
          <button type="button" class="nr-primary" disabled={busy} onClick={() => void upToDate()}>
            {t("translatorView.markUpToDate")}
          </button>
        </p>
      ) : null}
      <StatusMessage>{status}</StatusMessage>
      <ErrorMessage message={error} />

      <table class="nr-aligned" aria-labelledby={`${id}-fields`}>
        <caption id={`${id}-fields`}>{t("translatorView.fieldsHeading")}</caption>
        {header}
        <tbody>
          {view.fields.map((field) => (
            <tr
              key={field.field}
              class={field.previous === null ? undefined : "nr-aligned-changed"}
            >
              <th scope="row">
                {t(fieldKeys[field.field])}
                {field.previous === null ? null : (
                  <span class="nr-aligned-change">{t("translatorView.change.changed")}</span>
                )}
              </th>
              <td lang={source.lang} dir={source.dir}>
                <SourceText
                  change={field.previous === null ? "same" : "changed"}
                  text={field.source}
                  previous={field.previous}
                />
              </td>
              <td lang={target.lang} dir={target.dir}>
                <Plain text={field.translation} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <table class="nr-aligned" aria-labelledby={`${id}-body`}>
        <caption id={`${id}-body`}>{t("translatorView.bodyHeading")}</caption>
        {header}
        <tbody>
          {view.rows.map((row, index) => (
            <tr key={index} class={row.change === "same" ? undefined : "nr-aligned-changed"}>
              <th scope="row">
                {t("translatorView.block", { number: index + 1 })}
                {row.change === "same" ? null : (
                  <span class="nr-aligned-change">{t(changeKeys[row.change])}</span>
                )}
              </th>
              <td lang={source.lang} dir={source.dir}>
                <SourceText change={row.change} text={row.source} previous={row.previous} />
              </td>
              <td lang={target.lang} dir={target.dir}>
                {row.translation === null ? (
                  <span class="nr-help" lang={lang} dir={dir}>
                    {t("translatorView.notTranslated")}
                  </span>
                ) : (
                  <Plain text={row.translation} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Plain(props: { readonly text: string }) {
  const { t, lang, dir } = useUiText();
  return props.text === "" ? (
    <span class="nr-help" lang={lang} dir={dir}>
      {t("translatorView.empty")}
    </span>
  ) : (
    <span class="nr-aligned-text">{props.text}</span>
  );
}

/** A source cell: the text, or what changed in it since the translation was last synced. */
function SourceText(props: {
  readonly change: Row["change"];
  readonly text: string | null;
  readonly previous: string | null;
}) {
  const { t, lang, dir } = useUiText();
  const removed = props.previous !== null && (
    <del class="nr-aligned-text">
      <span class="nr-visually-hidden" lang={lang} dir={dir}>
        {`${t("diff.removed")} `}
      </span>
      {props.previous}
    </del>
  );
  const added = props.text !== null && (
    <ins class="nr-aligned-text">
      <span class="nr-visually-hidden" lang={lang} dir={dir}>
        {`${t("diff.added")} `}
      </span>
      {props.text}
    </ins>
  );
  switch (props.change) {
    case "same":
      return <Plain text={props.text ?? ""} />;
    case "added":
      return <div class="nr-diff">{added}</div>;
    case "removed":
      return <div class="nr-diff">{removed}</div>;
    case "changed":
      return (
        <div class="nr-diff">
          {removed}
          {added}
        </div>
      );
  }
}
