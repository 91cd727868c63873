import type { RenderContext } from "./render-context.js";

export function Pager(props: {
  ctx: RenderContext;
  basePath: string;
  page: number;
  hasMore: boolean;
  extraQuery?: string;
}) {
  const { t } = props.ctx;
  if (props.page <= 1 && !props.hasMore) return null;
  const link = (page: number) =>
    `${props.basePath}?${props.extraQuery ? `${props.extraQuery}&` : ""}page=${page}`;
  return (
    <nav class="pager" aria-label={t.t("pagination.label")}>
      <ul>
        <li>
          {props.page > 1 ? <a href={link(props.page - 1)}>{t.t("pagination.previous")}</a> : null}
        </li>
        <li>
          {props.hasMore ? <a href={link(props.page + 1)}>{t.t("pagination.next")}</a> : null}
        </li>
      </ul>
    </nav>
  );
}
