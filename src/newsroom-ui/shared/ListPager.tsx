import { useUiText } from "../i18n/ui-language.js";
import { AppLink } from "./AppLink.js";

/**
 * Previous/next links for a paged list, with "Page 2 of 7". Links, not buttons: the page is
 * part of the address, so it survives a reload and can be shared (WAI-ARIA APG: a
 * navigation landmark with its own label).
 */
export function ListPager(props: {
  readonly page: number;
  readonly pages: number;
  readonly hrefFor: (page: number) => string;
  /** The count of pages is a lower bound: there may be more after the last. */
  readonly atLeast?: boolean;
}) {
  const { t, number } = useUiText();
  const { page, pages } = props;
  return (
    <nav class="nr-pager" aria-label={t("pager.label")}>
      {page > 1 ? <AppLink href={props.hrefFor(page - 1)}>{t("pager.previous")}</AppLink> : null}
      <span aria-current="page">
        {t(props.atLeast ? "storyList.pagerOver" : "pager.position", {
          page: number(page),
          pages: number(pages),
        })}
      </span>
      {page < pages ? <AppLink href={props.hrefFor(page + 1)}>{t("pager.next")}</AppLink> : null}
    </nav>
  );
}
