import { useState } from "preact/hooks";
import { NotificationsMenu } from "../comments/NotificationsMenu.js";
import {
  isUiLanguage,
  uiDirections,
  uiLanguageNames,
  uiLanguages,
  useUiText,
} from "../i18n/ui-language.js";
import { AppLink } from "./AppLink.js";
import { errorMessage } from "./api-client.js";
import { useApp } from "./app-context.js";
import { Dialog } from "./Dialog.js";
import { ErrorMessage } from "./Notice.js";
import { canSeeUsersAdmin, canSeeWritingSettings } from "./permissions.js";
import { type Route, routeHref } from "./router.js";

const wireScreens: readonly Route["screen"][] = [
  "wire",
  "wire-item",
  "wire-quarantine",
  "wire-sources",
];

export function Header(props: { readonly route: Route }) {
  const { api, session, signedOut } = useApp();
  const { t } = useUiText();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const screen = props.route.screen;

  const logout = async (everywhere: boolean) => {
    setError(null);
    try {
      if (everywhere) await api.logoutEverywhere();
      else await api.logout();
      signedOut();
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  return (
    <header class="nr-header">
      <p class="nr-brand">{t("header.brand")}</p>
      <nav aria-label={t("header.nav")}>
        <ul>
          <li>
            <AppLink
              href={routeHref({
                screen: "dashboard",
                serviceId: null,
                status: null,
                q: "",
                page: 1,
              })}
              current={screen === "dashboard"}
            >
              {t("header.stories")}
            </AppLink>
          </li>
          <li>
            <AppLink href={routeHref({ screen: "wire" })} current={wireScreens.includes(screen)}>
              {t("header.wire")}
            </AppLink>
          </li>
          <li>
            <AppLink
              href={routeHref({ screen: "curation", serviceId: null, section: null })}
              current={screen === "curation"}
            >
              {t("header.curation")}
            </AppLink>
          </li>
          <li>
            <AppLink
              href={routeHref({ screen: "programmes", serviceId: null })}
              current={screen === "programmes"}
            >
              {t("header.programmes")}
            </AppLink>
          </li>
          <li>
            <AppLink href={routeHref({ screen: "media" })} current={screen === "media"}>
              {t("header.media")}
            </AppLink>
          </li>
          <li>
            <AppLink
              href={routeHref({ screen: "alerts" })}
              current={screen === "alerts" || screen === "banners"}
            >
              {t("header.breaking")}
            </AppLink>
          </li>
          <li>
            <AppLink
              href={routeHref({ screen: "catalog", kind: "people", serviceId: null })}
              current={screen === "catalog"}
            >
              {t("header.catalog")}
            </AppLink>
          </li>
          {canSeeUsersAdmin(session) ? (
            <li>
              <AppLink href={routeHref({ screen: "users" })} current={screen === "users"}>
                {t("header.users")}
              </AppLink>
            </li>
          ) : null}
          {canSeeWritingSettings(session) ? (
            <li>
              <AppLink
                href={routeHref({ screen: "writing-settings", serviceId: null })}
                current={screen === "writing-settings"}
              >
                {t("header.writingSettings")}
              </AppLink>
            </li>
          ) : null}
          {/* The audit log is for the same people as the Users screen (GET /audit/entries). */}
          {canSeeUsersAdmin(session) ? (
            <li>
              <AppLink
                href={routeHref({
                  screen: "audit",
                  userId: null,
                  action: null,
                  serviceId: null,
                  from: null,
                  to: null,
                  page: 1,
                })}
                current={screen === "audit"}
              >
                {t("header.audit")}
              </AppLink>
            </li>
          ) : null}
          {session.user.isAdmin ? (
            <li>
              <AppLink
                href={routeHref({ screen: "syndication" })}
                current={screen.startsWith("syndication")}
              >
                {t("header.syndication")}
              </AppLink>
            </li>
          ) : null}
          {session.user.isAdmin ? (
            <li>
              <AppLink
                href={routeHref({ screen: "mirrors", serviceId: null })}
                current={screen === "mirrors"}
              >
                {t("mirrors.title")}
              </AppLink>
            </li>
          ) : null}
          <li>
            <AppLink href={routeHref({ screen: "tokens" })} current={screen === "tokens"}>
              {t("header.tokens")}
            </AppLink>
          </li>
          <li>
            <AppLink href={routeHref({ screen: "account" })} current={screen === "account"}>
              {t("header.account")}
            </AppLink>
          </li>
        </ul>
      </nav>
      <div class="nr-account">
        <NotificationsMenu />
        <LanguageSwitcher />
        <p>
          {t("header.signedInAs")} <bdi>{session.user.displayName}</bdi>
        </p>
        <button type="button" onClick={() => void logout(false)}>
          {t("header.logOut")}
        </button>
        <button type="button" onClick={() => setConfirming(true)}>
          {t("header.logOutEverywhere")}
        </button>
        <ErrorMessage message={error} />
      </div>
      <Dialog
        title={t("header.logOutEverywhere.title")}
        open={confirming}
        onClose={() => setConfirming(false)}
      >
        <p>
          <LogoutEverywhereText email={session.user.email} />
        </p>
        <div class="nr-dialog-actions">
          <button type="button" class="nr-danger" onClick={() => void logout(true)}>
            {t("header.logOutEverywhere")}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t("common.cancel")}
          </button>
        </div>
      </Dialog>
    </header>
  );
}

/** The sentence with the email isolated (`<bdi>`), so an RTL sentence keeps it intact. */
function LogoutEverywhereText(props: { readonly email: string }) {
  const { t } = useUiText();
  const [before = "", after = ""] = t("header.logOutEverywhere.body").split("{email}");
  return (
    <>
      {before}
      <bdi>{props.email}</bdi>
      {after}
    </>
  );
}

/**
 * The interface language, kept in localStorage. Each option is written in its own language
 * and marked with its `lang`, so it is read correctly whatever the current language.
 */
function LanguageSwitcher() {
  const { lang, t, setLanguage } = useUiText();
  return (
    <div class="nr-language">
      <label for="ui-language">{t("header.language")}</label>
      <select
        id="ui-language"
        value={lang}
        onChange={(event) => {
          const value = event.currentTarget.value;
          if (isUiLanguage(value)) setLanguage(value);
        }}
      >
        {uiLanguages.map((option) => (
          <option key={option} value={option} lang={option} dir={uiDirections[option]}>
            {uiLanguageNames[option]}
          </option>
        ))}
      </select>
    </div>
  );
}
