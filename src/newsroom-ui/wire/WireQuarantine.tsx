import { useEffect, useId, useState } from "preact/hooks";
import { useUiText } from "../i18n/ui-language.js";
import { errorMessage } from "../shared/api-client.js";
import { useApp } from "../shared/app-context.js";
import { ErrorMessage } from "../shared/Notice.js";
import { useScreenTitle } from "../shared/screen-title.js";
import { WireTabs } from "./WireTabs.js";
import { listQuarantine, listSources, type QuarantineEntry } from "./wire-api.js";

/** Files and items the ingest refused, each with its stable code and the reason in words. */
export function WireQuarantine() {
  const { api } = useApp();
  const { t, dateTime } = useUiText();
  const id = useId();
  useScreenTitle(t("wire.quarantine.title"));
  const [entries, setEntries] = useState<QuarantineEntry[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [sourceNames, setSourceNames] = useState<ReadonlyMap<string, string>>(new Map());
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    listQuarantine(api, null)
      .then((page) => {
        if (!live) return;
        setEntries(page.entries);
        setCursor(page.nextCursor);
      })
      .catch((failure: unknown) => live && setError(errorMessage(failure)));
    listSources(api)
      .then((sources) => live && setSourceNames(new Map(sources.map((s) => [s.id, s.name]))))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [api]);

  const more = async () => {
    if (!cursor) return;
    try {
      const page = await listQuarantine(api, cursor);
      setEntries((current) => [...(current ?? []), ...page.entries]);
      setCursor(page.nextCursor);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  return (
    <>
      <h1 tabIndex={-1}>{t("wire.quarantine.title")}</h1>
      <WireTabs current="wire-quarantine" />
      <p>{t("wire.quarantine.intro")}</p>
      <ErrorMessage message={error} />
      {entries === null && !error ? <p role="status">{t("wire.quarantine.loading")}</p> : null}
      {entries !== null && entries.length === 0 ? <p>{t("wire.quarantine.empty")}</p> : null}
      {entries !== null && entries.length > 0 ? (
        <table class="nr-table" aria-describedby={`${id}-caption`}>
          <caption id={`${id}-caption`} class="nr-visually-hidden">
            {t("wire.quarantine.title")}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("wire.quarantine.time")}</th>
              <th scope="col">{t("wire.quarantine.code")}</th>
              <th scope="col">{t("wire.quarantine.reason")}</th>
              <th scope="col">{t("wire.quarantine.file")}</th>
              <th scope="col">{t("wire.quarantine.source")}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td>{dateTime(entry.receivedAt)}</td>
                <td>
                  <code dir="ltr">{entry.code}</code>
                </td>
                <td lang="en" dir="ltr">
                  {entry.reason}
                </td>
                <td>
                  <bdi>{entry.filename ?? ""}</bdi>
                </td>
                <td>
                  <bdi>
                    {entry.sourceId ? (sourceNames.get(entry.sourceId) ?? entry.sourceId) : ""}
                  </bdi>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {cursor ? (
        <button type="button" onClick={() => void more()}>
          {t("wire.quarantine.more")}
        </button>
      ) : null}
    </>
  );
}
