import { useId } from "preact/hooks";
import type { WritingSettings } from "../../domain/writing/writing-settings.js";
import type { LocaleTag } from "../../i18n/locale-registry.js";
import { smartQuotesInField } from "../editor/smart-quotes.js";
import { useUiText } from "../i18n/ui-language.js";
import type { Catalog, Content } from "../shared/api-schemas.js";
import { StatusMessage } from "../shared/Notice.js";
import { TextField } from "../shared/TextField.js";
import { lengthHelp } from "../writing/length-help.js";
import { BylinesEditor } from "./BylinesEditor.js";
import { toggle } from "./story-draft.js";

/**
 * A story's text and catalogue fields: headline, standfirst, dateline, slug, section, then
 * topics, bylines and agencies once the service's catalogue has loaded. Text fields carry the
 * service's `lang` and `dir`; agency names are English.
 */
export function StoryFields(props: {
  readonly form: Content;
  readonly catalog: Catalog | null;
  readonly lang: string;
  readonly dir: "ltr" | "rtl";
  /** The service's locale (smart quotes) and writing guidance (length hints). */
  readonly locale: LocaleTag;
  readonly guidance: WritingSettings;
  readonly update: (patch: Partial<Content>) => void;
}) {
  const { form, catalog, lang, dir, update, guidance } = props;
  const { t } = useUiText();
  const id = useId();
  const quotes = smartQuotesInField(props.locale);
  return (
    <>
      <TextField
        id={`${id}-headline`}
        label={t("editor.headline")}
        required
        maxLength={300}
        lang={lang}
        dir={dir}
        value={form.headline}
        help={lengthHelp(t, form.headline, guidance.headline)}
        onBeforeInput={quotes}
        onInput={(headline) => update({ headline })}
      />
      <TextField
        id={`${id}-standfirst`}
        label={t("editor.standfirst")}
        multiline
        maxLength={1000}
        lang={lang}
        dir={dir}
        value={form.standfirst}
        help={lengthHelp(t, form.standfirst, guidance.standfirst)}
        onBeforeInput={quotes}
        onInput={(standfirst) => update({ standfirst })}
      />
      <div class="nr-field-row">
        <TextField
          id={`${id}-dateline`}
          label={t("editor.dateline")}
          maxLength={200}
          lang={lang}
          dir={dir}
          value={form.dateline}
          onBeforeInput={quotes}
          onInput={(dateline) => update({ dateline })}
        />
        <TextField
          id={`${id}-slug`}
          label={t("editor.slug")}
          help={t("editor.slugHelp")}
          required
          maxLength={120}
          lang={lang}
          dir={dir}
          value={form.slug}
          onInput={(slug) => update({ slug })}
        />
        <div class="nr-field">
          <label for={`${id}-section`}>{t("editor.section")}</label>
          <select
            id={`${id}-section`}
            value={form.section}
            onChange={(event) => update({ section: event.currentTarget.value })}
          >
            {catalog && !catalog.sections.some((s) => s.slug === form.section) ? (
              <option value={form.section}>{form.section}</option>
            ) : null}
            {catalog?.sections.map((section) => (
              <option key={section.slug} value={section.slug} lang={lang}>
                {section.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      {catalog ? (
        <>
          <CheckboxGroup
            legend={t("editor.topics")}
            options={catalog.topics.map((topic) => ({ value: topic.slug, label: topic.name }))}
            selected={form.topics}
            lang={lang}
            dir={dir}
            onToggle={(value, on) => update({ topics: toggle(form.topics, value, on) })}
          />
          <BylinesEditor
            bylines={form.bylines}
            catalog={catalog}
            lang={lang}
            dir={dir}
            onChange={(bylines) => update({ bylines })}
          />
          <CheckboxGroup
            legend={t("editor.agencies")}
            options={catalog.agencies.map((a) => ({ value: a.code, label: a.name }))}
            selected={form.agencies}
            lang="en"
            dir="ltr"
            onToggle={(value, on) => update({ agencies: toggle(form.agencies, value, on) })}
          />
        </>
      ) : (
        <StatusMessage>{t("editor.loadingCatalog")}</StatusMessage>
      )}
    </>
  );
}

function CheckboxGroup(props: {
  readonly legend: string;
  readonly options: readonly { value: string; label: string }[];
  readonly selected: readonly string[];
  readonly lang: string;
  readonly dir: "ltr" | "rtl";
  readonly onToggle: (value: string, on: boolean) => void;
}) {
  const id = useId();
  const { t } = useUiText();
  return (
    <fieldset class="nr-checkboxes">
      <legend>{props.legend}</legend>
      {props.options.length === 0 ? <p>{t("editor.noOptions")}</p> : null}
      {props.options.map((option, index) => (
        <span key={option.value} class="nr-check">
          <input
            id={`${id}-${index}`}
            type="checkbox"
            checked={props.selected.includes(option.value)}
            onChange={(event) => props.onToggle(option.value, event.currentTarget.checked)}
          />
          <label for={`${id}-${index}`} lang={props.lang} dir={props.dir}>
            {option.label}
          </label>
        </span>
      ))}
    </fieldset>
  );
}
