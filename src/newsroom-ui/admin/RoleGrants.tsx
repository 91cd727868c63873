import { useId, useMemo, useRef, useState } from "preact/hooks";
import type { MessageKey } from "../i18n/en.js";
import { type UiLanguage, useUiText } from "../i18n/ui-language.js";
import { type Role, roles, type ServiceInfo } from "../shared/api-schemas.js";
import { Message, ServiceName } from "../shared/Message.js";

/** A person's role per service id; a service without a role is absent. */
export type RoleChoices = Readonly<Record<string, Role>>;

export const roleKeys: Record<Role, MessageKey> = {
  reporter: "role.reporter",
  editor: "role.editor",
  translator: "role.translator",
  service_admin: "role.service_admin",
};

/** Case, accents and compatibility forms folded, so "francais" finds "Français". */
function fold(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLocaleLowerCase("und");
}

function languageName(locale: string, inLanguage: string): string {
  try {
    return new Intl.DisplayNames([inLanguage], { type: "language" }).of(locale) ?? "";
  } catch {
    return "";
  }
}

interface SearchableService {
  readonly service: ServiceInfo;
  /** The service's language named in the interface language, shown beside its name. */
  readonly languageName: string;
  readonly haystack: string;
}

/**
 * What a service is found by: its own name, its id and URL prefix, and its language named
 * in English, in the interface language and in itself ("Persian", "فارسی").
 */
export function searchable(
  services: readonly ServiceInfo[],
  lang: UiLanguage,
): SearchableService[] {
  return services.map((service) => {
    const inUi = languageName(service.locale, lang);
    const names = [
      service.name,
      service.id,
      service.urlPrefix,
      inUi,
      languageName(service.locale, "en"),
      languageName(service.locale, service.locale),
    ];
    return { service, languageName: inUi, haystack: fold(names.join(" ")) };
  });
}

/** The services a search finds: every word of the query appears in what it is found by. */
export function matches(entries: readonly SearchableService[], query: string): SearchableService[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  return entries.filter((entry) => words.every((word) => entry.haystack.includes(word)));
}

/**
 * Roles in many services without a dropdown per service: the person's current roles as a
 * list (each removable), and a searchable service combobox (WAI-ARIA APG "combobox with
 * list autocomplete") with a role select to add one more. Adding a role in a service that
 * already has one replaces it: a person has one role per service.
 */
export function RoleGrants(props: {
  readonly services: readonly ServiceInfo[];
  readonly value: RoleChoices;
  readonly onChange: (value: RoleChoices) => void;
  /** In the roles dialog, the search gets focus first (not a Remove button). */
  readonly autoFocus?: boolean | undefined;
}) {
  const { t, lang } = useUiText();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [picked, setPicked] = useState<ServiceInfo | null>(null);
  const [role, setRole] = useState<Role>("reporter");
  const [announcement, setAnnouncement] = useState("");
  const [error, setError] = useState<string | null>(null);

  const entries = useMemo(() => searchable(props.services, lang), [props.services, lang]);
  const options = useMemo(() => matches(entries, query), [entries, query]);
  const byId = new Map(props.services.map((service) => [service.id, service]));
  const granted = Object.entries(props.value).flatMap(([serviceId, grantedRole]) => {
    const service = byId.get(serviceId);
    return service ? [{ service, role: grantedRole }] : [];
  });
  /** Roles in services the caller cannot grant in stay untouched and are not listed. */
  const listbox = `${id}-services`;
  const optionId = (index: number) => `${id}-service-${index}`;
  const removeId = (serviceId: string) => `${id}-remove-${serviceId}`;

  const grantText = (service: ServiceInfo, grantedRole: Role) => (
    <Message
      text={t("users.grant", { role: t(roleKeys[grantedRole]) })}
      parts={{ service: <ServiceName service={service} /> }}
    />
  );
  const grantPlain = (service: ServiceInfo, grantedRole: Role) =>
    t("users.grant", { role: t(roleKeys[grantedRole]), service: service.name });

  const choose = (entry: SearchableService | undefined) => {
    if (!entry) return;
    setPicked(entry.service);
    setQuery(entry.service.name);
    setOpen(false);
    setActive(-1);
    setError(null);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!open) {
        setOpen(true);
        setActive(event.key === "ArrowDown" ? 0 : options.length - 1);
        return;
      }
      if (options.length === 0) return;
      const step = event.key === "ArrowDown" ? 1 : -1;
      const next = active < 0 ? (step === 1 ? 0 : options.length - 1) : active + step;
      const wrapped = (next + options.length) % options.length;
      setActive(wrapped);
      document.getElementById(optionId(wrapped))?.scrollIntoView({ block: "nearest" });
    } else if (event.key === "Enter") {
      // Enter picks the highlighted service (or the only match); it never submits the
      // surrounding form (creating an account, saving roles) from the search field.
      event.preventDefault();
      if (open && active >= 0) choose(options[active]);
      else if (open && options.length === 1) choose(options[0]);
    } else if (event.key === "Escape") {
      if (open) {
        // Inside a dialog, the first Escape closes the list only.
        event.preventDefault();
        event.stopPropagation();
        setOpen(false);
        setActive(-1);
      } else if (query !== "") {
        event.preventDefault();
        event.stopPropagation();
        setQuery("");
        setPicked(null);
      }
    }
  };

  const add = () => {
    // A search that leaves exactly one service counts as choosing it.
    const service =
      picked ?? (query.trim() !== "" && options.length === 1 ? options[0]?.service : null);
    if (!service) {
      setError(t("users.grants.chooseService"));
      inputRef.current?.focus();
      return;
    }
    props.onChange({ ...props.value, [service.id]: role });
    setAnnouncement(t("users.grants.added", { grant: grantPlain(service, role) }));
    setPicked(null);
    setQuery("");
    setError(null);
    inputRef.current?.focus();
  };

  const remove = (service: ServiceInfo, grantedRole: Role, index: number) => {
    const next = { ...props.value };
    delete next[service.id];
    props.onChange(next);
    setAnnouncement(t("users.grants.removed", { grant: grantPlain(service, grantedRole) }));
    // Focus stays in the list: the next grant's Remove button, the previous one, or the search.
    const neighbour = granted[index + 1] ?? granted[index - 1];
    const target = neighbour ? removeId(neighbour.service.id) : null;
    queueMicrotask(() => {
      const element = target ? document.getElementById(target) : inputRef.current;
      (element ?? inputRef.current)?.focus();
    });
  };

  const countText =
    options.length === 0
      ? t("users.grants.noMatch")
      : options.length === 1
        ? t("users.grants.matchOne")
        : t("users.grants.matches", { count: options.length });

  return (
    <fieldset class="nr-form nr-grants">
      <legend>{t("users.grants.legend")}</legend>
      {granted.length === 0 ? (
        <p class="nr-help">{t("users.noRoles")}</p>
      ) : (
        <ul class="nr-grant-list">
          {granted.map(({ service, role: grantedRole }, index) => (
            <li key={service.id}>
              <span>{grantText(service, grantedRole)}</span>
              <button
                id={removeId(service.id)}
                type="button"
                aria-label={t("users.grants.removeOf", { grant: grantPlain(service, grantedRole) })}
                onClick={() => remove(service, grantedRole, index)}
              >
                {t("users.grants.remove")}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="nr-field-row">
        <div class="nr-field">
          <label for={`${id}-service`}>{t("users.grants.service")}</label>
          <div class="nr-combobox">
            <input
              ref={inputRef}
              id={`${id}-service`}
              type="text"
              role="combobox"
              autofocus={props.autoFocus}
              autocomplete="off"
              dir="auto"
              aria-autocomplete="list"
              aria-expanded={open && options.length > 0}
              aria-controls={listbox}
              aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
              aria-describedby={`${id}-service-help`}
              value={query}
              onInput={(event) => {
                setQuery(event.currentTarget.value);
                setPicked(null);
                setOpen(true);
                setActive(-1);
              }}
              onKeyDown={onKeyDown}
              onClick={() => setOpen(true)}
              onBlur={() => {
                setOpen(false);
                setActive(-1);
              }}
            />
            <div
              id={listbox}
              role="listbox"
              class="nr-combobox-list"
              aria-label={t("users.grants.service")}
              hidden={!open || options.length === 0}
            >
              {options.map((entry, index) => (
                // The input keeps focus and handles the keys (aria-activedescendant).
                // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox input handles the keys.
                <div
                  key={entry.service.id}
                  id={optionId(index)}
                  role="option"
                  tabIndex={-1}
                  aria-selected={index === active}
                  class={index === active ? "nr-option-active" : undefined}
                  // Pressing an option must not blur the input before the click picks it.
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => choose(entry)}
                >
                  <span lang={entry.service.locale} dir={entry.service.dir}>
                    {entry.service.name}
                  </span>{" "}
                  <span class="nr-help">{entry.languageName}</span>
                  {props.value[entry.service.id] ? (
                    <span class="nr-help">
                      {" "}
                      {t("users.grants.current", {
                        role: t(roleKeys[props.value[entry.service.id] as Role]),
                      })}
                    </span>
                  ) : null}
                </div>
              ))}
            </div>
          </div>
          <p id={`${id}-service-help`} class="nr-help">
            {t("users.grants.serviceHelp")}
          </p>
          <p class="nr-visually-hidden" aria-live="polite">
            {open && query !== "" ? countText : ""}
          </p>
        </div>
        <div class="nr-field">
          <label for={`${id}-role`}>{t("users.grants.role")}</label>
          <select
            id={`${id}-role`}
            value={role}
            onChange={(event) => setRole(event.currentTarget.value as Role)}
          >
            {roles.map((option) => (
              <option key={option} value={option}>
                {t(roleKeys[option])}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div class="nr-button-row">
        <button type="button" onClick={add}>
          {t("users.grants.add")}
        </button>
      </div>
      {error ? (
        <p class="nr-error" role="alert">
          {error}
        </p>
      ) : null}
      <p class="nr-visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </fieldset>
  );
}
