import { useCallback, useEffect, useId, useRef, useState } from "preact/hooks";
import { useUiText } from "../i18n/ui-language.js";
import { AppLink } from "../shared/AppLink.js";
import { errorMessage } from "../shared/api-client.js";
import type { Catalog, StoryDetail } from "../shared/api-schemas.js";
import { useApp } from "../shared/app-context.js";
import { contentDirection } from "../shared/format.js";
import { type NewsroomEvent, useNewsroomEvents } from "../shared/live-events.js";
import { Message, ServiceName } from "../shared/Message.js";
import { ErrorMessage, StatusMessage } from "../shared/Notice.js";
import { capabilitiesFor } from "../shared/permissions.js";
import { routeHref } from "../shared/router.js";
import { useScreenTitle } from "../shared/screen-title.js";
import { serviceFor } from "../shared/service-info.js";
import { storyFamily } from "../stories/translations-api.js";
import { DeletePostDialog } from "./DeletePostDialog.js";
import { KeptDraft } from "./KeptDraft.js";
import { LiveSettingsPanel } from "./LiveSettingsPanel.js";
import { LiveTabs } from "./LiveTabs.js";
import { type LivePage, type LivePost, listPosts, loadLivePage } from "./live-api.js";
import { postingBlock, statusKeys } from "./live-settings.js";
import {
  cursorFor,
  emptyStream,
  type LiveStream,
  newFromOthers,
  withDeleted,
  withFirstPage,
  withOlderPage,
  withPinned,
} from "./live-stream.js";
import { OfferPostDialog, type OfferTarget } from "./OfferPostDialog.js";
import { PostComposer } from "./PostComposer.js";
import { PostHistoryDialog } from "./PostHistoryDialog.js";
import { PostItem } from "./PostItem.js";
import { useScrollAnchor } from "./use-scroll-anchor.js";

const blockKeys = {
  ended: "live.blocked.ended",
  reportersClosed: "live.blocked.reportersClosed",
  noRole: "live.blocked.noRole",
} as const;

/**
 * A live page's own screen (issue 15): the posting box at the top, the settings for
 * editors, and the stream of posts, newest first, kept current by the newsroom events
 * without moving the reader's focus or scroll; "N new posts from colleagues" is announced.
 */
export function LiveScreen(props: { readonly storyId: string }) {
  const { api, session, services } = useApp();
  const { t } = useUiText();
  const { storyId } = props;
  const headingId = useId();
  const [detail, setDetail] = useState<StoryDetail | null>(null);
  const [page, setPage] = useState<LivePage | null>(null);
  const [catalog, setCatalog] = useState<Catalog | null>(null);
  const [stream, setStream] = useState<LiveStream>(emptyStream);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [olderBusy, setOlderBusy] = useState(false);
  const [olderError, setOlderError] = useState<string | null>(null);
  const [announced, setAnnounced] = useState({ text: "", count: 0 });
  // The same words twice ("Posted", "Posted") must still be announced: every message
  // changes the live region, an invisible character alternating behind the text.
  const setAnnouncement = useCallback(
    (text: string) => setAnnounced((current) => ({ text, count: current.count + 1 })),
    [],
  );
  const [deleting, setDeleting] = useState<LivePost | null>(null);
  const [history, setHistory] = useState<LivePost | null>(null);
  const [offering, setOffering] = useState<LivePost | null>(null);
  const [offerTargets, setOfferTargets] = useState<readonly OfferTarget[]>([]);
  const streamRef = useRef(stream);
  streamRef.current = stream;
  const pageRef = useRef(page);
  pageRef.current = page;
  const screenRef = useRef<HTMLDivElement>(null);
  const queued = useRef(new Set<string>());
  const draining = useRef(false);
  // Every post id the stream has held: what is new is what is not in here.
  const known = useRef(new Set<string>());
  // Until the first page has loaded, events have nothing to add to (and the posts already
  // there must not be announced as new).
  const initialised = useRef(false);

  useScreenTitle(
    detail
      ? t("live.documentTitle", { headline: detail.revision.content.headline })
      : t("live.loadingTitle"),
  );

  const moderator = page?.canModerate ?? false;

  const captureAnchor = useScrollAnchor(screenRef, stream);

  // The Delete button that opened the dialog is gone once its post is deleted, so focus
  // goes to the post itself (editors still see it, marked deleted) or, for those who no
  // longer see it, to the stream's heading (WCAG 2.2 SC 2.4.3), once the dialog has closed.
  const deletedFocus = useRef<string | null>(null);
  useEffect(() => {
    const postId = deletedFocus.current;
    if (deleting !== null || postId === null) return;
    deletedFocus.current = null;
    const timer = setTimeout(() => {
      const root = screenRef.current;
      const post = root?.querySelector<HTMLElement>(
        `[data-post-id="${CSS.escape(postId)}"] article`,
      );
      (post ?? root?.querySelector<HTMLElement>(".nr-live-stream h2"))?.focus();
    }, 0);
    return () => clearTimeout(timer);
  }, [deleting]);

  /** A stream change from the events: what the user is looking at stays where it is. */
  const applyFromEvents = useCallback(
    (change: (current: LiveStream) => LiveStream) => {
      captureAnchor();
      setStream(change);
    },
    [captureAnchor],
  );

  const loadPage = useCallback(async () => {
    const loaded = await loadLivePage(api, storyId);
    setPage(loaded);
    return loaded;
  }, [api, storyId]);

  useEffect(() => {
    let live = true;
    setLoadError(null);
    Promise.all([api.getStory(storyId), loadLivePage(api, storyId)])
      .then(async ([story, loaded]) => {
        if (!live) return;
        setDetail(story);
        setPage(loaded);
        api
          .catalog(story.story.serviceId)
          .then((result) => live && setCatalog(result))
          .catch(() => undefined);
        // The same story's live pages in other services where this person may offer posts.
        storyFamily(api, storyId)
          .then((family) => {
            if (!live) return;
            setOfferTargets(
              family
                .filter(
                  (member) =>
                    member.storyId !== storyId &&
                    member.status !== "killed" &&
                    capabilitiesFor(session, member.serviceId).canTranslate,
                )
                .map((member) => ({ storyId: member.storyId, serviceId: member.serviceId })),
            );
          })
          .catch(() => undefined);
        const first = await listPosts(api, storyId, { includeDeleted: loaded.canModerate });
        if (!live) return;
        setStream(withFirstPage(emptyStream, first));
        for (const post of first.items) known.current.add(post.id);
        initialised.current = true;
      })
      .catch((failure: unknown) => live && setLoadError(errorMessage(failure)));
    return () => {
      live = false;
    };
  }, [api, storyId, session]);

  /**
   * Loads the page of posts starting at `postId` (null: the first page) and merges it.
   * Requests queue while one is in flight and are taken together afterwards, so a burst of
   * events costs one request per distinct page, not one per event.
   */
  const refresh = useCallback(
    (postId: string | null) => {
      if (!initialised.current) return;
      queued.current.add(postId ?? "");
      if (draining.current) return;
      draining.current = true;
      const loadOne = async (key: string) => {
        const cursor = key === "" ? undefined : cursorFor(streamRef.current, key);
        if (cursor === null) return;
        const includeDeleted = pageRef.current?.canModerate ?? false;
        const loaded = await listPosts(api, storyId, { before: cursor, includeDeleted });
        const fresh = newFromOthers(known.current, loaded.items, session.user.id);
        for (const post of loaded.items) known.current.add(post.id);
        applyFromEvents((current) => withFirstPage(current, loaded));
        if (fresh.length > 0) {
          setAnnouncement(
            fresh.length === 1
              ? t("live.announce.newOne")
              : t("live.announce.newMany", { count: fresh.length }),
          );
        }
      };
      void (async () => {
        try {
          while (queued.current.size > 0) {
            const keys = [...queued.current];
            queued.current.clear();
            for (const key of keys) {
              // A missed refresh is made good by the next event or the stream's reconnection.
              await loadOne(key).catch(() => undefined);
            }
          }
        } finally {
          draining.current = false;
        }
      })();
    },
    [api, storyId, session.user.id, applyFromEvents, setAnnouncement, t],
  );

  const onEvent = useCallback(
    (event: NewsroomEvent) => {
      if (event.type === "ready" || event.type === "poll") {
        refresh(null);
        void loadPage().catch(() => undefined);
        return;
      }
      if (event.type === "live-settings" && event.data.storyId === storyId) {
        void loadPage().catch(() => undefined);
        return;
      }
      if (event.type !== "live-post" || event.data.storyId !== storyId) return;
      const { postId, action } = event.data;
      if (action === "deleted") {
        applyFromEvents((current) =>
          withDeleted(
            current,
            postId,
            new Date().toISOString(),
            pageRef.current?.canModerate ?? false,
          ),
        );
      } else {
        refresh(action === "published" ? null : postId);
      }
    },
    [storyId, refresh, loadPage, applyFromEvents],
  );
  useNewsroomEvents(onEvent);

  const loadOlder = async () => {
    if (!stream.nextBefore) return;
    setOlderBusy(true);
    setOlderError(null);
    try {
      const older = await listPosts(api, storyId, {
        before: stream.nextBefore,
        includeDeleted: moderator,
      });
      for (const post of older.items) known.current.add(post.id);
      setStream((current) => withOlderPage(current, older));
      setAnnouncement(t("live.older.loaded", { count: older.items.length }));
    } catch (failure) {
      setOlderError(t("live.older.failed", { error: errorMessage(failure) }));
    } finally {
      setOlderBusy(false);
    }
  };

  if (loadError) {
    return (
      <>
        <h1 tabIndex={-1}>{t("live.loadingTitle")}</h1>
        <ErrorMessage message={t("live.loadFailed", { error: loadError })} />
      </>
    );
  }
  if (!detail || !page) {
    return (
      <>
        <h1 tabIndex={-1}>{t("live.loadingTitle")}</h1>
        <StatusMessage>{t("live.loading")}</StatusMessage>
      </>
    );
  }

  const service = serviceFor(detail.story.serviceId, services);
  const text = contentDirection(service);
  const can = capabilitiesFor(session, service.id);
  const block = postingBlock(page, can);
  const headline = detail.revision.content.headline;

  return (
    <div class="nr-live" ref={screenRef}>
      <h1 tabIndex={-1} id={headingId}>
        <Message
          text={t("live.title")}
          parts={{
            headline: (
              <span lang={text.lang} dir={text.dir}>
                {headline}
              </span>
            ),
          }}
        />
      </h1>
      <p class="nr-meta">
        <ServiceName service={service} />
        {" · "}
        <span class={`nr-tag nr-live-status-${page.status}`}>{t(statusKeys[page.status])}</span>
        {detail.story.status !== "published" ? (
          <span class="nr-live-unpublished">{` · ${t("live.unpublished")}`}</span>
        ) : null}
      </p>
      <LiveTabs storyId={storyId} current="live" />

      <p class="nr-visually-hidden" role="status" aria-live="polite">
        {announced.text}
        {announced.count % 2 === 1 ? "\u200b" : ""}
      </p>

      {block === null ? (
        <PostComposer
          storyId={storyId}
          serviceId={service.id}
          catalog={catalog}
          lang={text.lang}
          dir={text.dir}
          onPosted={(post) => {
            known.current.add(post.id);
            setStream((current) => withPinned(current, post));
            setAnnouncement(t("live.announce.posted"));
          }}
          onRefused={() => void loadPage().catch(() => undefined)}
        />
      ) : (
        <div class="nr-note nr-live-blocked">
          <p>{t(blockKeys[block])}</p>
          <KeptDraft storyId={storyId} lang={text.lang} dir={text.dir} />
        </div>
      )}

      {page.canModerate ? (
        <LiveSettingsPanel
          page={page}
          lang={text.lang}
          dir={text.dir}
          onSaved={setPage}
          onReload={() => void loadPage().catch(() => undefined)}
        />
      ) : null}

      <section aria-labelledby={`${headingId}-posts`} class="nr-live-stream">
        <h2 id={`${headingId}-posts`} tabIndex={-1}>
          {t("live.stream.heading")}
        </h2>
        {stream.posts.length === 0 ? <p>{t("live.stream.empty")}</p> : null}
        <ol class="nr-live-posts">
          {stream.posts.map((post) => (
            <PostItem
              key={post.id}
              post={post}
              lang={text.lang}
              dir={text.dir}
              canModerate={page.canModerate}
              canPost={page.canPost}
              onChanged={(updated) => setStream((current) => withPinned(current, updated))}
              onDelete={setDeleting}
              onHistory={setHistory}
              onOffer={offerTargets.length > 0 ? setOffering : undefined}
              onAnnounce={setAnnouncement}
            />
          ))}
        </ol>
        {stream.nextBefore ? (
          <button type="button" disabled={olderBusy} onClick={() => void loadOlder()}>
            {olderBusy ? t("live.older.loading") : t("live.older.button")}
          </button>
        ) : null}
        <ErrorMessage message={olderError} />
        <p>
          <AppLink href={routeHref({ screen: "story", storyId })}>{t("live.backToStory")}</AppLink>
        </p>
      </section>

      <DeletePostDialog
        post={deleting}
        onClose={() => setDeleting(null)}
        onDeleted={(post) => {
          setStream((current) =>
            withDeleted(current, post.id, new Date().toISOString(), moderator),
          );
          setAnnouncement(t("live.announce.deleted"));
          deletedFocus.current = post.id;
        }}
      />
      <OfferPostDialog
        post={offering}
        targets={offerTargets}
        onClose={() => setOffering(null)}
        onAnnounce={setAnnouncement}
      />
      <PostHistoryDialog
        post={history}
        lang={text.lang}
        dir={text.dir}
        onClose={() => setHistory(null)}
      />
    </div>
  );
}
