import { useEffect, useId, useState } from "preact/hooks";
import { isAllowedHref } from "../editor/link-rules.js";
import { useUiText } from "../i18n/ui-language.js";
import { errorMessage } from "../shared/api-client.js";
import type { Banner } from "../shared/api-schemas.js";
import { useApp } from "../shared/app-context.js";
import { Dialog } from "../shared/Dialog.js";
import { contentDirection } from "../shared/format.js";
import { Message, ServiceName } from "../shared/Message.js";
import { ErrorMessage, StatusMessage } from "../shared/Notice.js";
import { capabilitiesFor } from "../shared/permissions.js";
import { routeHref } from "../shared/router.js";
import { useScreenTitle } from "../shared/screen-title.js";
import { ServiceTabs } from "../shared/Tabs.js";
import { isoToLocalInput, localInputToIso } from "../stories/story-draft.js";

/** The breaking-news banner of one service: text, link and expiry; raise or clear. */
export function BannerControl(props: { readonly serviceId: string | null }) {
  const { api, services, session } = useApp();
  const { t, dateTime } = useUiText();
  const id = useId();
  const service = services.find((s) => s.id === props.serviceId) ?? services[0];
  useScreenTitle(
    service ? t("banner.documentTitle", { service: service.name }) : t("banner.title"),
  );
  const [banner, setBanner] = useState<Banner | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [text, setText] = useState("");
  const [url, setUrl] = useState("");
  const [expires, setExpires] = useState(() =>
    isoToLocalInput(new Date(Date.now() + 2 * 3600_000).toISOString()),
  );
  const [confirm, setConfirm] = useState<"raise" | "clear" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");

  useEffect(() => {
    if (!service) return;
    let live = true;
    setLoaded(false);
    api
      .banner(service.id)
      .then((current) => {
        if (!live) return;
        setBanner(current);
        setLoaded(true);
      })
      .catch((failure: unknown) => live && setError(errorMessage(failure)));
    return () => {
      live = false;
    };
  }, [api, service]);

  if (!service) {
    return <h1 tabIndex={-1}>{t("banner.title")}</h1>;
  }
  const dir = contentDirection(service);
  const can = capabilitiesFor(session, service.id);
  const expiresIso = localInputToIso(expires);

  const check = (event: Event) => {
    event.preventDefault();
    if (text.trim() === "") return setError(t("banner.errorText"));
    if (url.trim() !== "" && !isAllowedHref(url.trim())) {
      return setError(t("banner.errorLink"));
    }
    if (!expiresIso || Date.parse(expiresIso) <= Date.now()) {
      return setError(t("banner.errorExpiry"));
    }
    setError(null);
    setConfirm("raise");
  };

  const raise = async () => {
    if (!expiresIso) return;
    try {
      const saved = await api.setBanner(service.id, {
        text: text.normalize("NFC").trim(),
        url: url.trim() === "" ? null : url.trim(),
        expiresAt: expiresIso,
      });
      setBanner(saved);
      setStatus(t("banner.raised"));
      setConfirm(null);
    } catch (failure) {
      setError(errorMessage(failure));
      setConfirm(null);
    }
  };

  const clear = async () => {
    try {
      await api.clearBanner(service.id);
      setBanner(null);
      setStatus(t("banner.cleared"));
      setConfirm(null);
    } catch (failure) {
      setError(errorMessage(failure));
      setConfirm(null);
    }
  };

  return (
    <>
      <h1 tabIndex={-1}>
        <Message
          text={t("banner.heading")}
          parts={{ service: <ServiceName service={service} /> }}
        />
      </h1>
      <ServiceTabs
        currentId={service.id}
        hrefFor={(serviceId) => routeHref({ screen: "banners", serviceId })}
      />
      <StatusMessage>{status}</StatusMessage>
      <ErrorMessage message={error} />
      <section aria-labelledby={`${id}-current`}>
        <h2 id={`${id}-current`}>{t("banner.current")}</h2>
        {!loaded ? <p>{t("banner.loading")}</p> : null}
        {loaded && banner ? (
          <div class="nr-banner-preview">
            <p lang={dir.lang} dir={dir.dir}>
              <strong>{banner.text}</strong>
              {banner.url ? (
                <>
                  {" "}
                  — <bdi>{banner.url}</bdi>
                </>
              ) : null}
            </p>
            <p>{t("banner.shownUntil", { until: dateTime(banner.expiresAt) })}</p>
            {can.canSetBanner ? (
              <button type="button" class="nr-danger" onClick={() => setConfirm("clear")}>
                {t("banner.clear")}
              </button>
            ) : null}
          </div>
        ) : null}
        {loaded && !banner ? <p>{t("banner.none")}</p> : null}
      </section>
      {can.canSetBanner ? (
        <section aria-labelledby={`${id}-raise`}>
          <h2 id={`${id}-raise`}>{t("banner.raiseHeading")}</h2>
          <form class="nr-form" onSubmit={check}>
            <div class="nr-field">
              <label for={`${id}-text`}>{t("banner.text")}</label>
              <input
                id={`${id}-text`}
                required
                maxLength={300}
                lang={dir.lang}
                dir={dir.dir}
                value={text}
                onInput={(e) => setText(e.currentTarget.value)}
              />
            </div>
            <div class="nr-field">
              <label for={`${id}-url`}>{t("banner.link")}</label>
              <input
                id={`${id}-url`}
                dir="ltr"
                inputMode="url"
                maxLength={2048}
                value={url}
                onInput={(e) => setUrl(e.currentTarget.value)}
              />
            </div>
            <div class="nr-field">
              <label for={`${id}-expires`}>{t("banner.expires")}</label>
              <input
                id={`${id}-expires`}
                type="datetime-local"
                required
                value={expires}
                onInput={(e) => setExpires(e.currentTarget.value)}
              />
            </div>
            <button type="submit" class="nr-primary">
              {t("banner.raise")}
            </button>
          </form>
        </section>
      ) : (
        <p class="nr-note">
          <Message
            text={t("banner.needsEditor")}
            parts={{ service: <ServiceName service={service} /> }}
          />
        </p>
      )}
      <Dialog
        title={confirm === "clear" ? t("banner.confirmClear") : t("banner.confirmRaise")}
        open={confirm !== null}
        onClose={() => setConfirm(null)}
      >
        {confirm === "raise" ? (
          <p>
            <Message
              text={t("banner.raiseBody")}
              parts={{
                service: <ServiceName service={service} />,
                text: (
                  <span lang={dir.lang} dir={dir.dir}>
                    {text.trim()}
                  </span>
                ),
                until: dateTime(expiresIso),
              }}
            />
            {banner ? ` ${t("banner.replaces")}` : ""}
          </p>
        ) : (
          <p>
            <Message
              text={t("banner.clearBody")}
              parts={{ service: <ServiceName service={service} /> }}
            />
          </p>
        )}
        <div class="nr-dialog-actions">
          <button
            type="button"
            class={confirm === "clear" ? "nr-danger" : "nr-primary"}
            onClick={() => void (confirm === "clear" ? clear() : raise())}
          >
            {confirm === "clear" ? t("banner.clear") : t("banner.raise")}
          </button>
          <button type="button" onClick={() => setConfirm(null)}>
            {t("common.cancel")}
          </button>
        </div>
      </Dialog>
    </>
  );
}
