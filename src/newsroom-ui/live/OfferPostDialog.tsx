import { useEffect, useState } from "preact/hooks";
import { useUiText } from "../i18n/ui-language.js";
import { errorMessage, isApiError } from "../shared/api-client.js";
import { useApp } from "../shared/app-context.js";
import { Dialog } from "../shared/Dialog.js";
import { ServiceName } from "../shared/Message.js";
import { ErrorMessage } from "../shared/Notice.js";
import { serviceFor } from "../shared/service-info.js";
import { type LivePost, offerPost } from "./live-api.js";

/** A live page of the same story in another service, where a post may be offered. */
export interface OfferTarget {
  readonly storyId: string;
  readonly serviceId: string;
}

/**
 * Offers one post to the story's live pages in other services (issue 15, across services):
 * each chosen service gets a draft copy for its translators and editors to translate and
 * publish. Each service's outcome is listed, in that service's own name.
 */
export function OfferPostDialog(props: {
  readonly post: LivePost | null;
  readonly targets: readonly OfferTarget[];
  readonly onClose: () => void;
  readonly onAnnounce: (message: string) => void;
}) {
  const { api, services } = useApp();
  const { t } = useUiText();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [outcomes, setOutcomes] = useState<readonly { serviceId: string; text: string }[]>([]);
  const [error, setError] = useState<string | null>(null);
  const { post } = props;

  useEffect(() => {
    setChosen(new Set());
    setOutcomes([]);
    setError(null);
  }, [post]);

  const offer = async () => {
    if (!post) return;
    if (chosen.size === 0) {
      setError(t("live.offer.chooseFirst"));
      return;
    }
    setBusy(true);
    setError(null);
    const results: { serviceId: string; text: string }[] = [];
    for (const target of props.targets.filter((item) => chosen.has(item.storyId))) {
      try {
        await offerPost(api, post.id, target.storyId);
        results.push({ serviceId: target.serviceId, text: t("live.offer.done") });
      } catch (failure) {
        results.push({
          serviceId: target.serviceId,
          text:
            isApiError(failure) && failure.code === "LIVE_POST_ALREADY_OFFERED"
              ? t("live.offer.already")
              : t("live.offer.failed", { error: errorMessage(failure) }),
        });
      }
    }
    setOutcomes(results);
    setBusy(false);
    props.onAnnounce(t("live.offer.finished", { count: results.length }));
  };

  return (
    <Dialog title={t("live.offer.title")} open={post !== null} onClose={props.onClose}>
      <fieldset class="nr-plain-fieldset">
        <legend>{t("live.offer.legend")}</legend>
        <ul class="nr-plain-list">
          {props.targets.map((target) => {
            const service = serviceFor(target.serviceId, services);
            return (
              <li key={target.storyId} class="nr-check">
                <input
                  id={`offer-${target.storyId}`}
                  type="checkbox"
                  checked={chosen.has(target.storyId)}
                  onChange={(event) => {
                    const next = new Set(chosen);
                    if (event.currentTarget.checked) next.add(target.storyId);
                    else next.delete(target.storyId);
                    setChosen(next);
                  }}
                />
                <label for={`offer-${target.storyId}`}>
                  <ServiceName service={service} />
                </label>
              </li>
            );
          })}
        </ul>
      </fieldset>
      {/* The region stays in place so each service's outcome is announced when it appears. */}
      <div role="status">
        {outcomes.length > 0 ? (
          <ul>
            {outcomes.map((outcome) => (
              <li key={outcome.serviceId}>
                <ServiceName service={serviceFor(outcome.serviceId, services)} />
                {`: ${outcome.text}`}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <ErrorMessage message={error} />
      <div class="nr-dialog-actions">
        <button type="button" class="nr-primary" disabled={busy} onClick={() => void offer()}>
          {t("live.offer.confirm")}
        </button>
        <button type="button" onClick={props.onClose}>
          {t("live.history.close")}
        </button>
      </div>
    </Dialog>
  );
}
