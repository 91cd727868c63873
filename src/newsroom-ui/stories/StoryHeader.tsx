import { useUiText } from "../i18n/ui-language.js";
import { LiveTabs } from "../live/LiveTabs.js";
import { AppLink } from "../shared/AppLink.js";
import type { ServiceInfo } from "../shared/api-schemas.js";
import { Message, ServiceName } from "../shared/Message.js";
import { routeHref } from "../shared/router.js";

/**
 * The editor's heading: the headline in the story's language, service and revision, who
 * else is editing (a polite live region, so a newcomer is announced), and a note when this
 * person may only read.
 */
export function StoryHeader(props: {
  readonly storyId: string;
  readonly headline: string;
  readonly service: ServiceInfo;
  readonly lang: string;
  readonly dir: "ltr" | "rtl";
  readonly revisionNumber: number;
  readonly others: readonly string[];
  readonly readOnly: boolean;
  /** A live page (issue 15) gets tabs to its live screen. */
  readonly live?: boolean;
}) {
  const { t } = useUiText();
  const { service, others } = props;
  return (
    <>
      <h1 tabIndex={-1}>
        <Message
          text={t("editor.title")}
          parts={{
            headline: (
              <span lang={props.lang} dir={props.dir}>
                {props.headline}
              </span>
            ),
          }}
        />
      </h1>
      <p class="nr-meta">
        <ServiceName service={service} />
        {` · ${t("editor.revision", { number: props.revisionNumber })} · `}
        <AppLink href={routeHref({ screen: "history", storyId: props.storyId })}>
          {t("editor.history")}
        </AppLink>
      </p>
      {props.live ? <LiveTabs storyId={props.storyId} current="story" /> : null}
      <p class="nr-presence" aria-live="polite">
        {others.length > 0 ? (
          <Message
            text={t("editor.alsoEditing")}
            parts={{ names: <bdi>{others.join(t("common.listSeparator"))}</bdi> }}
          />
        ) : null}
      </p>
      {props.readOnly ? (
        <p class="nr-note">
          <Message
            text={t("editor.readOnly")}
            parts={{ service: <ServiceName service={service} /> }}
          />
        </p>
      ) : null}
    </>
  );
}
