import { useEffect, useId, useState } from "preact/hooks";
import type { HouseStyleRule, WritingSettings } from "../../domain/writing/writing-settings.js";
import { useUiText } from "../i18n/ui-language.js";
import { errorMessage } from "../shared/api-client.js";
import { useApp } from "../shared/app-context.js";
import { ErrorMessage, StatusMessage } from "../shared/Notice.js";
import { capabilitiesFor } from "../shared/permissions.js";
import { routeHref } from "../shared/router.js";
import { useScreenTitle } from "../shared/screen-title.js";
import { ServiceTabs } from "../shared/Tabs.js";
import { getWritingSettings, saveWritingSettings } from "./writing-api.js";

type LengthKey = "headline" | "standfirst";

/**
 * A service's writing guidance: headline and standfirst lengths, search-snippet limits and
 * the house-style list. Service admins edit; everyone else in the service reads.
 */
export function WritingSettingsScreen(props: { readonly serviceId: string | null }) {
  const { api, services, session } = useApp();
  const { t } = useUiText();
  const id = useId();
  const service = services.find((s) => s.id === props.serviceId) ?? services[0];
  const [settings, setSettings] = useState<WritingSettings | null>(null);
  const [isDefault, setIsDefault] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);
  useScreenTitle(t("writing.settings.title"));

  useEffect(() => {
    if (!service) return;
    let current = true;
    setSettings(null);
    setError(null);
    setStatus("");
    getWritingSettings(api, service.id).then(
      (view) => {
        if (!current) return;
        setSettings(view.settings);
        setIsDefault(view.isDefault);
      },
      (failure) => current && setError(errorMessage(failure)),
    );
    return () => {
      current = false;
    };
  }, [api, service?.id]);

  if (!service) return <h1 tabIndex={-1}>{t("writing.settings.title")}</h1>;
  const canEdit = session.user.isAdmin || capabilitiesFor(session, service.id).canManageUsers;
  const setLength = (key: LengthKey, part: "ideal" | "max", value: number) =>
    settings && setSettings({ ...settings, [key]: { ...settings[key], [part]: value } });
  const setRule = (index: number, patch: Partial<HouseStyleRule>) =>
    settings &&
    setSettings({
      ...settings,
      houseStyle: settings.houseStyle.map((rule, i) =>
        i === index ? { ...rule, ...patch } : rule,
      ),
    });

  const save = async (event: Event) => {
    event.preventDefault();
    if (!settings) return;
    setBusy(true);
    setError(null);
    setStatus("");
    try {
      const cleaned = {
        ...settings,
        houseStyle: settings.houseStyle.filter((rule) => rule.avoid.trim() !== ""),
      };
      const view = await saveWritingSettings(api, service.id, cleaned);
      setSettings(view.settings);
      setIsDefault(false);
      setStatus(t("writing.settings.saved", { service: service.name }));
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  const number = (
    label: string,
    value: number,
    onValue: (n: number) => void,
    min: number,
    max: number,
    key: string,
  ) => (
    <div class="nr-field" key={key}>
      <label for={`${id}-${key}`}>{label}</label>
      <input
        id={`${id}-${key}`}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        required
        value={value}
        onInput={(event) => onValue(Number(event.currentTarget.value))}
      />
    </div>
  );

  return (
    <>
      <h1 tabIndex={-1}>{t("writing.settings.title")}</h1>
      <p>{t("writing.settings.intro")}</p>
      <ServiceTabs
        currentId={service.id}
        hrefFor={(serviceId) => routeHref({ screen: "writing-settings", serviceId })}
      />
      <StatusMessage>{status}</StatusMessage>
      <ErrorMessage message={error} />
      {!settings ? (
        error ? null : (
          <p>{t("writing.settings.loading")}</p>
        )
      ) : (
        <form class="nr-form" onSubmit={save} aria-labelledby={`${id}-form`}>
          <h2 id={`${id}-form`} lang={service.locale} dir={service.dir}>
            {service.name}
          </h2>
          {isDefault ? <p class="nr-note">{t("writing.settings.defaults")}</p> : null}
          {canEdit ? null : <p class="nr-note">{t("writing.settings.readOnly")}</p>}
          <fieldset disabled={!canEdit || busy} class="nr-plain-fieldset">
            <legend class="nr-visually-hidden">{t("writing.settings.title")}</legend>
            <fieldset>
              <legend>{t("writing.settings.lengths")}</legend>
              <div class="nr-field-row">
                {number(
                  t("writing.settings.headlineIdeal"),
                  settings.headline.ideal,
                  (n) => setLength("headline", "ideal", n),
                  10,
                  1000,
                  "headline-ideal",
                )}
                {number(
                  t("writing.settings.headlineMax"),
                  settings.headline.max,
                  (n) => setLength("headline", "max", n),
                  10,
                  1000,
                  "headline-max",
                )}
                {number(
                  t("writing.settings.standfirstIdeal"),
                  settings.standfirst.ideal,
                  (n) => setLength("standfirst", "ideal", n),
                  10,
                  1000,
                  "standfirst-ideal",
                )}
                {number(
                  t("writing.settings.standfirstMax"),
                  settings.standfirst.max,
                  (n) => setLength("standfirst", "max", n),
                  10,
                  1000,
                  "standfirst-max",
                )}
                {number(
                  t("writing.settings.seoTitleMax"),
                  settings.seoTitleMax,
                  (n) => setSettings({ ...settings, seoTitleMax: n }),
                  20,
                  200,
                  "seo-title",
                )}
                {number(
                  t("writing.settings.seoDescriptionMax"),
                  settings.seoDescriptionMax,
                  (n) => setSettings({ ...settings, seoDescriptionMax: n }),
                  50,
                  500,
                  "seo-description",
                )}
              </div>
            </fieldset>
            <fieldset>
              <legend>{t("writing.settings.houseStyle")}</legend>
              <p class="nr-help">{t("writing.settings.houseStyleIntro")}</p>
              {settings.houseStyle.length === 0 ? <p>{t("writing.settings.noRules")}</p> : null}
              <ol class="nr-rule-list">
                {settings.houseStyle.map((rule, index) => (
                  // Rows are controlled inputs, so an index key cannot show stale text.
                  <li key={index} class="nr-field-row">
                    <div class="nr-field">
                      <label for={`${id}-avoid-${index}`}>{t("writing.settings.avoid")}</label>
                      <input
                        id={`${id}-avoid-${index}`}
                        lang={service.locale}
                        dir={service.dir}
                        maxLength={100}
                        value={rule.avoid}
                        onInput={(event) => setRule(index, { avoid: event.currentTarget.value })}
                      />
                    </div>
                    <div class="nr-field">
                      <label for={`${id}-prefer-${index}`}>{t("writing.settings.prefer")}</label>
                      <input
                        id={`${id}-prefer-${index}`}
                        lang={service.locale}
                        dir={service.dir}
                        maxLength={100}
                        value={rule.prefer}
                        onInput={(event) => setRule(index, { prefer: event.currentTarget.value })}
                      />
                    </div>
                    <div class="nr-field">
                      <label for={`${id}-note-${index}`}>{t("writing.settings.note")}</label>
                      <input
                        id={`${id}-note-${index}`}
                        lang={service.locale}
                        dir={service.dir}
                        maxLength={300}
                        value={rule.note}
                        onInput={(event) => setRule(index, { note: event.currentTarget.value })}
                      />
                    </div>
                    <button
                      type="button"
                      onClick={() =>
                        setSettings({
                          ...settings,
                          houseStyle: settings.houseStyle.filter((_, i) => i !== index),
                        })
                      }
                    >
                      {rule.avoid
                        ? t("writing.settings.removeRule", { avoid: rule.avoid })
                        : t("writing.settings.removeEmptyRule")}
                    </button>
                  </li>
                ))}
              </ol>
              <button
                type="button"
                disabled={settings.houseStyle.length >= 300}
                onClick={() =>
                  setSettings({
                    ...settings,
                    houseStyle: [...settings.houseStyle, { avoid: "", prefer: "", note: "" }],
                  })
                }
              >
                {t("writing.settings.addRule")}
              </button>
            </fieldset>
            <div class="nr-button-row">
              <button type="submit" class="nr-primary">
                {t("writing.settings.save")}
              </button>
            </div>
          </fieldset>
        </form>
      )}
    </>
  );
}
