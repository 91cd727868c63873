import { useEffect, useId, useState } from "preact/hooks";
import { type CuratedItem, findCandidates } from "../curation/curation-api.js";
import { useUiText } from "../i18n/ui-language.js";
import { errorMessage } from "./api-client.js";
import { useApp } from "./app-context.js";
import { Dialog } from "./Dialog.js";
import { ErrorMessage } from "./Notice.js";

/** Typing pauses this long before the search runs, as in the curation search. */
const searchDelayMs = 250;

/**
 * Picks a story to embed in a post or a story body (issue 15): the curation search of
 * published stories the user may see (GET /curation/candidates), in the service first or
 * in every service the user works in. The server checks the pick again on save.
 */
export function StoryEmbedDialog(props: {
  readonly open: boolean;
  readonly serviceId: string;
  readonly onClose: () => void;
  readonly onPick: (item: CuratedItem) => void;
}) {
  const { api, services } = useApp();
  const { t } = useUiText();
  const id = useId();
  const [query, setQuery] = useState("");
  const [anyService, setAnyService] = useState(false);
  const [results, setResults] = useState<CuratedItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!props.open) return;
    let live = true;
    const timer = setTimeout(() => {
      findCandidates(api, { serviceId: props.serviceId, q: query.trim(), anyService })
        .then((found) => {
          if (!live) return;
          setError(null);
          setResults(found);
        })
        .catch((failure: unknown) => {
          if (live) setError(t("live.embed.searchFailed", { error: errorMessage(failure) }));
        });
    }, searchDelayMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, props.open, props.serviceId, query, anyService]);

  const langOf = (item: CuratedItem) => {
    const service = services.find((s) => s.id === item.serviceId);
    return service ? { lang: service.locale, dir: service.dir } : {};
  };

  return (
    <Dialog title={t("live.embed.dialogTitle")} open={props.open} onClose={props.onClose}>
      <div class="nr-field">
        <label for={`${id}-q`}>{t("live.embed.search")}</label>
        <input
          id={`${id}-q`}
          type="search"
          maxLength={200}
          value={query}
          aria-describedby={`${id}-q-hint`}
          onInput={(event) => setQuery(event.currentTarget.value)}
        />
        <p id={`${id}-q-hint`} class="nr-help">
          {t("live.embed.searchHint")}
        </p>
      </div>
      <div class="nr-check">
        <input
          id={`${id}-any`}
          type="checkbox"
          checked={anyService}
          onChange={(event) => setAnyService(event.currentTarget.checked)}
        />
        <label for={`${id}-any`}>{t("live.embed.anyService")}</label>
      </div>
      <ErrorMessage message={error} />
      {results && results.length === 0 ? <p role="status">{t("live.embed.none")}</p> : null}
      {results && results.length > 0 ? (
        <ul class="nr-candidates" aria-label={t("live.embed.results")}>
          {results.map((item) => (
            <li key={item.id}>
              {/* The headline is the button's name: "Embed" alone would not say which. */}
              <button
                type="button"
                class="nr-embed-choice"
                data-story={item.id}
                onClick={() => props.onPick(item)}
              >
                <span {...langOf(item)}>{item.headline}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div class="nr-button-row">
        <button type="button" onClick={props.onClose}>
          {t("live.embed.cancel")}
        </button>
      </div>
    </Dialog>
  );
}
