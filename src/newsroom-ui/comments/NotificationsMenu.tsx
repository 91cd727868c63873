import { useCallback, useEffect, useId, useRef, useState } from "preact/hooks";
import { useUiText } from "../i18n/ui-language.js";
import { errorMessage } from "../shared/api-client.js";
import { useApp } from "../shared/app-context.js";
import { useNewsroomEvents } from "../shared/live-events.js";
import { ErrorMessage } from "../shared/Notice.js";
import { routeHref } from "../shared/router.js";
import {
  markNotificationsRead,
  type NotificationItem,
  type Notifications,
  notifications,
} from "./comments-api.js";

/** Where a notification leads: the story, with its comment opened. */
function commentHref(item: NotificationItem): string {
  return `${routeHref({ screen: "story", storyId: item.storyId })}?comment=${encodeURIComponent(item.commentId)}`;
}

/**
 * The header's notifications: a button with the unread count that shows the list
 * (disclosure pattern), each entry a link to the story and comment. New notifications
 * arrive live over the newsroom's event stream (`event: notification`); without it, the
 * list is read again every 30 seconds.
 */
export function NotificationsMenu() {
  const { api, navigate, services } = useApp();
  const { t, dateTime, lang } = useUiText();
  const id = useId();
  const [data, setData] = useState<Notifications | null>(null);
  const [expanded, setExpanded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const button = useRef<HTMLButtonElement>(null);

  const load = useCallback(async () => {
    try {
      setData(await notifications(api));
      setError(null);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);
  useNewsroomEvents((event) => {
    if (event.type === "notification" || event.type === "ready" || event.type === "poll") {
      void load();
    }
  });

  const open = async (item: NotificationItem) => {
    setExpanded(false);
    if (item.readAt === null) {
      try {
        await markNotificationsRead(api, [item.id]);
      } catch {
        // Opening the comment matters more than the mark; the list is read again below.
      }
    }
    navigate(commentHref(item));
    void load();
  };

  const markAll = async () => {
    try {
      await markNotificationsRead(api, null);
      await load();
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  const unread = data?.unread ?? 0;
  return (
    <div class="nr-notifications">
      <button
        ref={button}
        type="button"
        aria-expanded={expanded}
        aria-controls={`${id}-list`}
        onClick={() => setExpanded(!expanded)}
      >
        {t("notifications.button")}
        {unread > 0 ? (
          <span class="nr-badge">
            <span aria-hidden="true">{new Intl.NumberFormat(lang).format(unread)}</span>
            <span class="nr-visually-hidden"> {t("notifications.unread", { count: unread })}</span>
          </span>
        ) : null}
      </button>
      <section
        id={`${id}-list`}
        class="nr-notification-list"
        aria-labelledby={`${id}-heading`}
        hidden={!expanded}
        onKeyDown={(event) => {
          if (event.key === "Escape") {
            setExpanded(false);
            button.current?.focus();
          }
        }}
      >
        <h2 id={`${id}-heading`}>{t("notifications.heading")}</h2>
        <ErrorMessage message={error} />
        {data && data.items.length === 0 ? <p>{t("notifications.none")}</p> : null}
        {data && data.items.length > 0 ? (
          <>
            <ul>
              {data.items.map((item) => {
                const service = services.find((s) => s.id === item.serviceId);
                return (
                  <li key={item.id} class={item.readAt === null ? "nr-unread" : undefined}>
                    <a
                      href={commentHref(item)}
                      onClick={(event) => {
                        if (event.button !== 0 || event.metaKey || event.ctrlKey) return;
                        if (event.shiftKey || event.altKey) return;
                        event.preventDefault();
                        void open(item);
                      }}
                    >
                      {t(
                        item.kind === "mention" ? "notifications.mention" : "notifications.reply",
                        { name: item.actorName ?? t("notifications.someone") },
                      )}{" "}
                      <bdi lang={service?.locale} dir={service?.dir}>
                        {item.headline}
                      </bdi>
                      {item.readAt === null ? <> {t("notifications.new")}</> : null}
                    </a>
                    <p class="nr-notification-excerpt" dir="auto">
                      {item.excerpt}
                    </p>
                    <p class="nr-help">
                      <time dateTime={item.createdAt}>{dateTime(item.createdAt)}</time>
                    </p>
                  </li>
                );
              })}
            </ul>
            {unread > 0 ? (
              <button type="button" onClick={() => void markAll()}>
                {t("notifications.markAllRead")}
              </button>
            ) : null}
          </>
        ) : null}
      </section>
    </div>
  );
}
