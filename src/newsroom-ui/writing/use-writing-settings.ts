import { useEffect, useState } from "preact/hooks";
import {
  defaultWritingSettings,
  type WritingSettings,
} from "../../domain/writing/writing-settings.js";
import { type LocaleTag, localeTags } from "../../i18n/locale-registry.js";
import { useApp } from "../shared/app-context.js";
import { getWritingSettings } from "./writing-api.js";

/** A service's locale as the registry's tag (English for an unknown one). */
export function localeTagOf(locale: string): LocaleTag {
  return (localeTags as readonly string[]).includes(locale) ? (locale as LocaleTag) : "en";
}

/**
 * The service's writing guidance for the editor. Until it has loaded (or if it cannot be
 * read), the defaults for the script are used, so counters never wait on the network.
 */
export function useWritingSettings(serviceId: string, locale: LocaleTag): WritingSettings {
  const { api } = useApp();
  const [settings, setSettings] = useState<WritingSettings>(() => defaultWritingSettings(locale));
  useEffect(() => {
    let current = true;
    getWritingSettings(api, serviceId).then(
      (view) => {
        if (current) setSettings(view.settings);
      },
      // The defaults stay: guidance is advice, and the editor must keep working.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [api, serviceId]);
  return settings;
}
