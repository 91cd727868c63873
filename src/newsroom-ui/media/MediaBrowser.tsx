import { useEffect, useId, useState } from "preact/hooks";
import { useUiText } from "../i18n/ui-language.js";
import { errorMessage } from "../shared/api-client.js";
import type { MediaAsset, MediaList } from "../shared/api-schemas.js";
import { useApp } from "../shared/app-context.js";
import { ErrorMessage, StatusMessage } from "../shared/Notice.js";
import { originalRendition } from "./media-files.js";

export interface MediaItem {
  readonly asset: MediaAsset;
  readonly thumbnailUrl: string | null;
}

/** Search and list the media library; each image offers one action (edit, or use). */
export function MediaBrowser(props: {
  readonly actionLabel: string;
  readonly onAction: (item: MediaItem) => void;
  /** Changes when the list must be fetched again (after an upload or an edit). */
  readonly refreshKey: number;
  readonly headingLevel?: 2 | 3;
}) {
  const { api } = useApp();
  const { t } = useUiText();
  const id = useId();
  const [q, setQ] = useState("");
  const [submitted, setSubmitted] = useState("");
  const [list, setList] = useState<MediaList | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setError(null);
    api
      .listMedia({ q: submitted, limit: 48 })
      .then((result) => live && setList(result))
      .catch((failure: unknown) => live && setError(errorMessage(failure)));
    return () => {
      live = false;
    };
  }, [api, submitted, props.refreshKey]);

  const Heading = props.headingLevel === 3 ? "h3" : "h2";
  return (
    <section aria-labelledby={`${id}-heading`}>
      <Heading id={`${id}-heading`}>{t("media.browse.heading")}</Heading>
      <search>
        <form
          class="nr-inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            setSubmitted(q.trim());
          }}
        >
          <label for={`${id}-q`}>{t("media.browse.search")}</label>
          <input
            id={`${id}-q`}
            type="search"
            dir="auto"
            value={q}
            onInput={(e) => setQ(e.currentTarget.value)}
          />
          <button type="submit">{t("media.browse.searchButton")}</button>
        </form>
      </search>
      <ErrorMessage message={error} />
      {list === null && !error ? <StatusMessage>{t("media.browse.loading")}</StatusMessage> : null}
      {list !== null && list.items.length === 0 ? <p>{t("media.browse.empty")}</p> : null}
      {list !== null && list.items.length > 0 ? (
        <ul class="nr-media-grid">
          {list.items.map((item) => (
            <li key={item.asset.id}>
              <figure>
                <img
                  src={item.thumbnailUrl ?? originalRendition(item.asset.id)}
                  alt={item.asset.alt}
                  loading="lazy"
                />
                <figcaption dir="auto">
                  {/* The caption is content, in whatever language it was written: isolated. */}
                  {item.asset.caption ? (
                    <bdi>{item.asset.caption}</bdi>
                  ) : (
                    t("media.browse.noCaption")
                  )}
                  {item.asset.credit ? (
                    <span class="nr-credit">
                      {" "}
                      — <bdi>{item.asset.credit}</bdi>
                    </span>
                  ) : null}
                </figcaption>
              </figure>
              <button
                type="button"
                onClick={() => props.onAction(item)}
                aria-label={`${props.actionLabel}: ${item.asset.caption || item.asset.alt || item.asset.id}`}
              >
                {props.actionLabel}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
