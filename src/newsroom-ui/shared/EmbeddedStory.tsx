import { useEffect, useState } from "preact/hooks";
import { useUiText } from "../i18n/ui-language.js";
import { useApp } from "./app-context.js";
import { embeddedHeadline } from "./embedded-headlines.js";

/**
 * An embedded story as the newsroom names it outside the editor (post stream, conflict
 * view): "Embedded story: <headline>", or that it is not available to this user.
 */
export function EmbeddedStoryName(props: { readonly storyId: string }) {
  const { api } = useApp();
  const { t } = useUiText();
  const [headline, setHeadline] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setHeadline(null);
    void embeddedHeadline(api, props.storyId).then((found) => {
      if (live) setHeadline(found);
    });
    return () => {
      live = false;
    };
  }, [api, props.storyId]);
  return (
    <>
      {headline === null
        ? t("live.embed.unavailable", { id: props.storyId })
        : t("live.embed.card", { headline })}
    </>
  );
}
