import type { PageChrome } from "../../domain/reader/reader-models.js";
import { homeUrl } from "../reader-urls.js";
import { Layout } from "./Layout.js";
import type { RenderContext } from "./render-context.js";

/** 404, 400 and the notice left at a killed story's address, in the service's language. */
export function MessagePage(props: {
  ctx: RenderContext;
  chrome: PageChrome;
  title: string;
  body: string;
  /** A further line under the notice (a killed story's reason). */
  note?: string | undefined;
}) {
  const { ctx } = props;
  return (
    <Layout
      ctx={ctx}
      title={props.title}
      sections={props.chrome.sections}
      banner={props.chrome.banner}
    >
      <h1>{props.title}</h1>
      <p class="notice">{props.body}</p>
      {props.note ? <p class="notice-note">{props.note}</p> : null}
      <p>
        <a href={homeUrl(ctx.service)}>{ctx.t.t("notFound.home", { service: ctx.service.name })}</a>
      </p>
    </Layout>
  );
}
