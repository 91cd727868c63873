import { useEffect, useId, useState } from "preact/hooks";
import { AppLink } from "./AppLink.js";
import { errorMessage } from "./api-client.js";
import type { Banner } from "./api-schemas.js";
import { useApp } from "./app-context.js";
import { Dialog } from "./Dialog.js";
import { isAllowedHref } from "./editor/link-rules.js";
import { contentDirection, formatDateTime } from "./format.js";
import { ErrorMessage, StatusMessage } from "./Notice.js";
import { capabilitiesFor } from "./permissions.js";
import { routeHref } from "./router.js";
import { useScreenTitle } from "./screen-title.js";
import { isoToLocalInput, localInputToIso } from "./story-draft.js";

/** The breaking-news banner of one service: text, link and expiry; raise or clear. */
export function BannerControl(props: { readonly serviceId: string | null }) {
  const { api, services, session } = useApp();
  const id = useId();
  const service = services.find((s) => s.id === props.serviceId) ?? services[0];
  useScreenTitle(service ? `Breaking news · ${service.name}` : "Breaking news");
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
    return <h1 tabIndex={-1}>Breaking news</h1>;
  }
  const dir = contentDirection(service);
  const can = capabilitiesFor(session, service.id);
  const expiresIso = localInputToIso(expires);

  const check = (event: Event) => {
    event.preventDefault();
    if (text.trim() === "") return setError("Write the banner text.");
    if (url.trim() !== "" && !isAllowedHref(url.trim())) {
      return setError(
        "The link must start with https://, http:// or a single / for a page on this site.",
      );
    }
    if (!expiresIso || Date.parse(expiresIso) <= Date.now()) {
      return setError("Choose an expiry time in the future.");
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
      setStatus("The banner is live.");
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
      setStatus("The banner was cleared.");
      setConfirm(null);
    } catch (failure) {
      setError(errorMessage(failure));
      setConfirm(null);
    }
  };

  return (
    <>
      <h1 tabIndex={-1}>
        Breaking news in{" "}
        <span lang={dir.lang} dir={dir.dir}>
          {service.name}
        </span>
      </h1>
      {services.length > 1 ? (
        <nav aria-label="Language services" class="nr-tabs">
          <ul>
            {services.map((s) => (
              <li key={s.id}>
                <AppLink
                  href={routeHref({ screen: "banners", serviceId: s.id })}
                  current={s.id === service.id}
                  lang={s.locale}
                  dir={s.dir}
                >
                  {s.name}
                </AppLink>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <StatusMessage>{status}</StatusMessage>
      <ErrorMessage message={error} />
      <section aria-labelledby={`${id}-current`}>
        <h2 id={`${id}-current`}>Current banner</h2>
        {!loaded ? <p>Loading…</p> : null}
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
            <p>Shown until {formatDateTime(banner.expiresAt)}.</p>
            {can.canSetBanner ? (
              <button type="button" class="nr-danger" onClick={() => setConfirm("clear")}>
                Clear banner
              </button>
            ) : null}
          </div>
        ) : null}
        {loaded && !banner ? <p>No banner is showing.</p> : null}
      </section>
      {can.canSetBanner ? (
        <section aria-labelledby={`${id}-raise`}>
          <h2 id={`${id}-raise`}>Raise a banner</h2>
          <form class="nr-form" onSubmit={check}>
            <div class="nr-field">
              <label for={`${id}-text`}>Banner text</label>
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
              <label for={`${id}-url`}>Link (optional)</label>
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
              <label for={`${id}-expires`}>Expires at (your time zone)</label>
              <input
                id={`${id}-expires`}
                type="datetime-local"
                required
                value={expires}
                onInput={(e) => setExpires(e.currentTarget.value)}
              />
            </div>
            <button type="submit" class="nr-primary">
              Raise banner
            </button>
          </form>
        </section>
      ) : (
        <p class="nr-note">Raising a banner needs the editor role in {service.name}.</p>
      )}
      <Dialog
        title={confirm === "clear" ? "Clear the banner?" : "Raise this banner?"}
        open={confirm !== null}
        onClose={() => setConfirm(null)}
      >
        {confirm === "raise" ? (
          <p>
            Every page of {service.name} shows “
            <span lang={dir.lang} dir={dir.dir}>
              {text.trim()}
            </span>
            ” at the top from now until {expiresIso ? formatDateTime(expiresIso) : ""}, or until
            someone clears it.
            {banner ? " It replaces the current banner." : ""}
          </p>
        ) : (
          <p>The banner disappears from every page of {service.name} now.</p>
        )}
        <div class="nr-dialog-actions">
          <button
            type="button"
            class={confirm === "clear" ? "nr-danger" : "nr-primary"}
            onClick={() => void (confirm === "clear" ? clear() : raise())}
          >
            {confirm === "clear" ? "Clear banner" : "Raise banner"}
          </button>
          <button type="button" onClick={() => setConfirm(null)}>
            Cancel
          </button>
        </div>
      </Dialog>
    </>
  );
}
