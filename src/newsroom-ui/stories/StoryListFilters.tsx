import { useEffect, useState } from "preact/hooks";
import { useUiText } from "../i18n/ui-language.js";
import { AppLink } from "../shared/AppLink.js";
import type { Catalog } from "../shared/api-schemas.js";
import type { DashboardFilters } from "../shared/router.js";

type Sort = NonNullable<DashboardFilters["sort"]>;
/** The form's state: a filter being cleared is `undefined` until applied. */
type Editable = { [K in keyof DashboardFilters]?: DashboardFilters[K] | undefined };
const sorts: readonly Sort[] = ["changed", "created", "headline", "published"];

/**
 * Search, filters and order of the story list as one GET-like form: applying it changes the
 * address, so a reload or the back button brings the same list back.
 */
export function StoryListFilters(props: {
  readonly q: string;
  readonly filters: DashboardFilters;
  readonly catalog: Catalog | null;
  readonly content: { readonly lang: string; readonly dir: "ltr" | "rtl" };
  readonly onApply: (q: string, filters: DashboardFilters) => void;
  readonly clearHref: string;
}) {
  const { t } = useUiText();
  const [q, setQ] = useState(props.q);
  const [f, setF] = useState<Editable>(props.filters);
  useEffect(() => setQ(props.q), [props.q]);
  useEffect(() => setF(props.filters), [props.filters]);
  const set = (patch: Editable) => setF((current) => ({ ...current, ...patch }));
  const value = (text: string) => (text === "" ? undefined : text);

  return (
    <search>
      <form
        class="nr-list-filters"
        aria-label={t("storyList.filters")}
        onSubmit={(event) => {
          event.preventDefault();
          props.onApply(
            q.trim(),
            Object.fromEntries(
              Object.entries(f).filter(([, v]) => v !== undefined && v !== false),
            ) as DashboardFilters,
          );
        }}
      >
        <div class="nr-field">
          <label for="story-search">{t("dashboard.search")}</label>
          <input
            id="story-search"
            type="search"
            dir="auto"
            maxLength={200}
            value={q}
            onInput={(event) => setQ(event.currentTarget.value)}
          />
        </div>
        <div class="nr-field">
          <label for="list-section">{t("storyList.section")}</label>
          <select
            id="list-section"
            value={f.section ?? ""}
            onChange={(event) => set({ section: value(event.currentTarget.value) })}
          >
            <option value="">{t("storyList.anySection")}</option>
            {(props.catalog?.sections ?? []).map((s) => (
              <option key={s.slug} value={s.slug} lang={props.content.lang}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div class="nr-field">
          <label for="list-author">{t("storyList.author")}</label>
          <select
            id="list-author"
            value={f.author ?? ""}
            onChange={(event) => set({ author: value(event.currentTarget.value) })}
          >
            <option value="">{t("storyList.anyAuthor")}</option>
            {(props.catalog?.people ?? []).map((p) => (
              <option key={p.id} value={p.id} lang={props.content.lang}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div class="nr-field">
          <label for="list-from">{t("storyList.from")}</label>
          <input
            id="list-from"
            type="date"
            value={f.from ?? ""}
            onInput={(event) => set({ from: value(event.currentTarget.value) })}
          />
        </div>
        <div class="nr-field">
          <label for="list-to">{t("storyList.to")}</label>
          <input
            id="list-to"
            type="date"
            value={f.to ?? ""}
            onInput={(event) => set({ to: value(event.currentTarget.value) })}
          />
        </div>
        <div class="nr-field">
          <label for="list-sort">{t("storyList.sort")}</label>
          <select
            id="list-sort"
            value={f.sort ?? "changed"}
            onChange={(event) => {
              const sort = event.currentTarget.value as Sort;
              set({ sort: sort === "changed" ? undefined : sort });
            }}
          >
            {sorts.map((sort) => (
              <option key={sort} value={sort}>
                {t(`storyList.sort.${sort}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="nr-field">
          <label for="list-dir">{t("storyList.dir")}</label>
          <select
            id="list-dir"
            value={f.dir ?? "desc"}
            onChange={(event) =>
              set({ dir: event.currentTarget.value === "asc" ? "asc" : undefined })
            }
          >
            <option value="desc">{t("storyList.dir.desc")}</option>
            <option value="asc">{t("storyList.dir.asc")}</option>
          </select>
        </div>
        <div class="nr-field nr-field-check">
          <input
            id="list-mine"
            type="checkbox"
            checked={f.mine === true}
            onChange={(event) => set({ mine: event.currentTarget.checked || undefined })}
          />
          <label for="list-mine">{t("storyList.mine")}</label>
        </div>
        <div class="nr-list-filter-actions">
          <button type="submit">{t("dashboard.searchButton")}</button>
          <AppLink href={props.clearHref}>{t("storyList.clear")}</AppLink>
        </div>
      </form>
    </search>
  );
}
