import { useEffect, useId, useState } from "preact/hooks";
import { bodyPlainText } from "../../domain/stories/story-body-schema.js";
import { useUiText } from "../i18n/ui-language.js";
import { AppLink } from "../shared/AppLink.js";
import { errorMessage } from "../shared/api-client.js";
import type { StoryListItem } from "../shared/api-schemas.js";
import { useApp } from "../shared/app-context.js";
import { LineDiff } from "../shared/LineDiff.js";
import { ErrorMessage } from "../shared/Notice.js";
import { capabilitiesFor } from "../shared/permissions.js";
import { routeHref } from "../shared/router.js";
import { useScreenTitle } from "../shared/screen-title.js";
import { WireBadges } from "./WireBadges.js";
import { WireTabs } from "./WireTabs.js";
import {
  addToStory,
  getWireItem,
  getWireVersion,
  useInNewStory,
  type WireItemContent,
  type WireItemDetail,
} from "./wire-api.js";
import { diffWireVersions, type WireVersionDiff } from "./wire-diff.js";

/**
 * One agency item: its current text, every version with a readable diff between any two,
 * and the two ways into a story ("Use in new story", "Add to story"). The item's text keeps
 * its own language and direction; the interface around it follows the interface language.
 */
export function WireItemScreen(props: { readonly itemId: string }) {
  const { api, services, session, navigate } = useApp();
  const { t, dateTime } = useUiText();
  const id = useId();
  const [detail, setDetail] = useState<WireItemDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [diff, setDiff] = useState<WireVersionDiff | null>(null);
  const [diffError, setDiffError] = useState<string | null>(null);
  const writable = services.filter((s) => capabilitiesFor(session, s.id).canWrite);
  const [useService, setUseService] = useState("");
  const [addService, setAddService] = useState("");
  const [storyQuery, setStoryQuery] = useState("");
  const [candidates, setCandidates] = useState<StoryListItem[] | null>(null);
  const [storyId, setStoryId] = useState("");
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);

  const headline = detail?.current.item.headline ?? detail?.item.guid ?? "";
  useScreenTitle(detail ? t("wire.item.title", { headline }) : t("wire.item.loadingTitle"));

  useEffect(() => {
    let live = true;
    getWireItem(api, props.itemId)
      .then((loaded) => {
        if (!live) return;
        setDetail(loaded);
        const [newest, previous] = loaded.versions;
        setTo(newest?.id ?? "");
        setFrom(previous?.id ?? newest?.id ?? "");
        const preferred =
          writable.find((s) => s.id === loaded.item.serviceId)?.id ?? writable[0]?.id ?? "";
        setUseService(preferred);
        setAddService(preferred);
      })
      .catch((failure: unknown) => live && setError(errorMessage(failure)));
    return () => {
      live = false;
    };
    // `writable` is derived from the session, which does not change on this screen.
  }, [api, props.itemId]);

  if (error) {
    return (
      <>
        <h1 tabIndex={-1}>{t("wire.item.loadingTitle")}</h1>
        <WireTabs current="wire-item" />
        <ErrorMessage message={t("wire.item.loadFailed", { error })} />
      </>
    );
  }
  if (!detail) {
    return (
      <>
        <h1 tabIndex={-1}>{t("wire.item.loadingTitle")}</h1>
        <p role="status">{t("wire.item.loading")}</p>
      </>
    );
  }

  const { item, current } = detail;
  const content = current.item;
  const textLang = content.language ?? item.language ?? undefined;
  const textDir = content.direction ?? "auto";
  const usable = item.pubStatus === "usable";

  const compare = async (event: Event) => {
    event.preventDefault();
    setDiffError(null);
    try {
      const [a, b] = await Promise.all([
        getWireVersion(api, item.id, from),
        getWireVersion(api, item.id, to),
      ]);
      setDiff(diffWireVersions(a, b));
    } catch (failure) {
      setDiffError(errorMessage(failure));
    }
  };

  const use = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setActionError(null);
    try {
      const created = await useInNewStory(api, item.id, { serviceId: useService });
      navigate(routeHref({ screen: "story", storyId: created.story.id }));
    } catch (failure) {
      setActionError(errorMessage(failure));
      setBusy(false);
    }
  };

  const findStories = async (event: Event) => {
    event.preventDefault();
    setActionError(null);
    try {
      const list = await api.listStories({ service: addService, q: storyQuery.trim(), limit: 20 });
      setCandidates(list.items);
      setStoryId(list.items[0]?.id ?? "");
    } catch (failure) {
      setActionError(errorMessage(failure));
    }
  };

  const add = async () => {
    if (!storyId) return;
    setBusy(true);
    setActionError(null);
    try {
      await addToStory(api, item.id, { storyId });
      navigate(routeHref({ screen: "story", storyId }));
    } catch (failure) {
      setActionError(errorMessage(failure));
      setBusy(false);
    }
  };

  const serviceText = (serviceId: string) => services.find((s) => s.id === serviceId);

  return (
    <>
      <h1 tabIndex={-1}>
        {t("wire.item.heading")}{" "}
        <span lang={textLang} dir={textDir}>
          {headline}
        </span>
      </h1>
      <WireTabs current="wire-item" />
      <p class="nr-meta">
        <bdi>{item.agencyCode}</bdi> · <bdi dir="ltr">{item.guid}</bdi> ·{" "}
        {t("wire.item.received", { time: dateTime(item.receivedAt) })} <WireBadges item={item} />
      </p>
      {!usable ? (
        <div class="nr-flag" role="note">
          <p>
            {t(item.pubStatus === "withheld" ? "wire.item.withheld" : "wire.item.canceled", {
              agency: item.agencyCode,
            })}
          </p>
          {content.edNote ? (
            <p>
              {t("wire.item.edNote")} <span dir="auto">{content.edNote}</span>
            </p>
          ) : null}
        </div>
      ) : null}
      {item.embargoed ? (
        <p class="nr-note">
          {t("wire.item.embargoNote", { until: dateTime(item.embargoedUntil) })}
        </p>
      ) : null}

      <section aria-labelledby={`${id}-text`} class="nr-panel">
        <h2 id={`${id}-text`}>{t("wire.item.currentVersion", { number: current.number })}</h2>
        <WireText content={content} lang={textLang} dir={textDir} />
        {content.subjects.length > 0 ? (
          <p>
            {t("wire.item.subjects")}{" "}
            <span dir="auto">
              {content.subjects
                .map((s) => s.name ?? s.code ?? "")
                .filter((s) => s !== "")
                .join(", ")}
            </span>
          </p>
        ) : null}
        {content.rights?.usageTerms ? (
          <p>
            {t("wire.item.usageTerms")} <span dir="auto">{content.rights.usageTerms}</span>
          </p>
        ) : null}
      </section>

      {usable && writable.length > 0 ? (
        <section aria-labelledby={`${id}-use`} class="nr-panel">
          <h2 id={`${id}-use`}>{t("wire.use.heading")}</h2>
          <form class="nr-inline-form" onSubmit={use}>
            <label for={`${id}-use-service`}>{t("wire.use.service")}</label>
            <select
              id={`${id}-use-service`}
              value={useService}
              onChange={(event) => setUseService(event.currentTarget.value)}
            >
              {writable.map((s) => (
                <option key={s.id} value={s.id} lang={s.locale}>
                  {s.name}
                </option>
              ))}
            </select>
            <button type="submit" class="nr-primary" disabled={busy}>
              {t("wire.use.newStory")}
            </button>
          </form>
          <form class="nr-inline-form" onSubmit={findStories}>
            <label for={`${id}-add-service`}>{t("wire.add.service")}</label>
            <select
              id={`${id}-add-service`}
              value={addService}
              onChange={(event) => {
                setAddService(event.currentTarget.value);
                setCandidates(null);
              }}
            >
              {writable.map((s) => (
                <option key={s.id} value={s.id} lang={s.locale}>
                  {s.name}
                </option>
              ))}
            </select>
            <label for={`${id}-add-q`}>{t("wire.add.search")}</label>
            <input
              id={`${id}-add-q`}
              type="search"
              dir="auto"
              value={storyQuery}
              onInput={(event) => setStoryQuery(event.currentTarget.value)}
            />
            <button type="submit">{t("wire.add.find")}</button>
          </form>
          {candidates !== null ? (
            candidates.length === 0 ? (
              <p role="status">{t("wire.add.none")}</p>
            ) : (
              <div class="nr-inline-form">
                <label for={`${id}-add-story`}>{t("wire.add.story")}</label>
                <select
                  id={`${id}-add-story`}
                  value={storyId}
                  onChange={(event) => setStoryId(event.currentTarget.value)}
                >
                  {candidates.map((story) => (
                    <option
                      key={story.id}
                      value={story.id}
                      lang={serviceText(story.serviceId)?.locale}
                    >
                      {story.headline}
                    </option>
                  ))}
                </select>
                <button type="button" onClick={() => void add()} disabled={busy || !storyId}>
                  {t("wire.add.button")}
                </button>
              </div>
            )
          ) : null}
          <ErrorMessage message={actionError} />
        </section>
      ) : null}

      <section aria-labelledby={`${id}-versions`} class="nr-panel">
        <h2 id={`${id}-versions`}>{t("wire.versions.heading")}</h2>
        <table class="nr-table">
          <caption class="nr-visually-hidden">{t("wire.versions.heading")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("wire.versions.number")}</th>
              <th scope="col">{t("wire.versions.agencyVersion")}</th>
              <th scope="col">{t("wire.versions.created")}</th>
              <th scope="col">{t("wire.versions.received")}</th>
              <th scope="col">{t("wire.versions.status")}</th>
            </tr>
          </thead>
          <tbody>
            {detail.versions.map((version) => (
              <tr key={version.id}>
                <td>{version.number}</td>
                <td>
                  <bdi>{version.version ?? ""}</bdi>
                </td>
                <td>{dateTime(version.versionCreated)}</td>
                <td>{dateTime(version.receivedAt)}</td>
                <td>{t(`wire.status.${version.pubStatus}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {detail.versions.length > 1 ? (
          <form class="nr-inline-form" onSubmit={compare}>
            <label for={`${id}-from`}>{t("wire.versions.from")}</label>
            <select id={`${id}-from`} value={from} onChange={(e) => setFrom(e.currentTarget.value)}>
              {detail.versions.map((v) => (
                <option key={v.id} value={v.id}>
                  {t("wire.versions.option", { number: v.number })}
                </option>
              ))}
            </select>
            <label for={`${id}-to`}>{t("wire.versions.to")}</label>
            <select id={`${id}-to`} value={to} onChange={(e) => setTo(e.currentTarget.value)}>
              {detail.versions.map((v) => (
                <option key={v.id} value={v.id}>
                  {t("wire.versions.option", { number: v.number })}
                </option>
              ))}
            </select>
            <button type="submit">{t("wire.versions.compare")}</button>
          </form>
        ) : (
          <p>{t("wire.versions.only")}</p>
        )}
        <ErrorMessage message={diffError} />
        {diff ? <WireDiffView diff={diff} lang={textLang} /> : null}
      </section>

      {detail.links.length > 0 ? (
        <section aria-labelledby={`${id}-links`} class="nr-panel">
          <h2 id={`${id}-links`}>{t("wire.item.usedIn")}</h2>
          <ul>
            {detail.links.map((link) => (
              <li key={`${link.storyId}-${link.versionId}`}>
                <AppLink href={routeHref({ screen: "story", storyId: link.storyId })}>
                  {t("wire.item.storyLink", { storyId: link.storyId })}
                </AppLink>{" "}
                {t("wire.item.usedAt", { time: dateTime(link.usedAt) })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

function WireText(props: {
  readonly content: WireItemContent;
  readonly lang: string | undefined;
  readonly dir: "ltr" | "rtl" | "auto";
}) {
  const { t } = useUiText();
  const { content } = props;
  const paragraphs = bodyPlainText(content.body)
    .split("\n")
    .filter((line) => line.trim() !== "");
  return (
    <div class="nr-wire-text">
      {content.standfirst ? (
        <p class="nr-standfirst" lang={props.lang} dir={props.dir}>
          {content.standfirst}
        </p>
      ) : null}
      {content.byline || content.dateline ? (
        <p class="nr-meta" lang={props.lang} dir={props.dir}>
          {[content.byline, content.dateline].filter(Boolean).join(" · ")}
        </p>
      ) : null}
      {paragraphs.length === 0 ? <p>{t("wire.item.noBody")}</p> : null}
      {paragraphs.map((text, index) => (
        <p key={index} lang={props.lang} dir={props.dir}>
          {text}
        </p>
      ))}
    </div>
  );
}

function WireDiffView(props: {
  readonly diff: WireVersionDiff;
  readonly lang: string | undefined;
}) {
  const { t } = useUiText();
  const { diff } = props;
  const changed =
    diff.fields.length > 0 ||
    diff.tooLarge !== null ||
    diff.body.some((line) => line.op !== "same");
  return (
    <div class="nr-diff" aria-live="polite">
      <h3>{t("wire.diff.heading")}</h3>
      {!changed ? <p>{t("wire.diff.none")}</p> : null}
      {diff.fields.length > 0 ? (
        <dl>
          {diff.fields.map((field) => (
            <div key={field.field}>
              <dt>{t(`wire.field.${field.field}`)}</dt>
              <dd>
                <del dir="auto">{field.before || t("wire.diff.empty")}</del>{" "}
                <ins dir="auto">{field.after || t("wire.diff.empty")}</ins>
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      <LineDiff lines={diff.body} tooLarge={diff.tooLarge} lang={props.lang} />
    </div>
  );
}
