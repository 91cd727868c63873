import { useCallback, useEffect, useMemo, useRef, useState } from "preact/hooks";
import { AccountScreen } from "./admin/AccountScreen.js";
import { ApiTokens } from "./admin/ApiTokens.js";
import { UsersAdmin } from "./admin/UsersAdmin.js";
import { AuditLogScreen } from "./audit/AuditLogScreen.js";
import { BannerControl } from "./breaking/BannerControl.js";
import { BreakingAlerts } from "./breaking/BreakingAlerts.js";
import { CatalogAdmin } from "./catalog/CatalogAdmin.js";
import { CurationScreen } from "./curation/CurationScreen.js";
import {
  hasCatalogue,
  loadCatalogue,
  storedUiLanguage,
  translate,
  type UiLanguage,
  UiTextContext,
  uiLanguageStorageKey,
  uiText,
  useUiText,
} from "./i18n/ui-language.js";
import { MediaLibrary } from "./media/MediaLibrary.js";
import { MirrorsScreen } from "./mirrors/MirrorsScreen.js";
import { ProgrammesScreen } from "./programmes/ProgrammesScreen.js";
import { type ApiClient, errorMessage, isApiError } from "./shared/api-client.js";
import type { ServiceInfo, Session } from "./shared/api-schemas.js";
import { AppContext, type AppState } from "./shared/app-context.js";
import { Header } from "./shared/Header.js";
import { LoginScreen } from "./shared/LoginScreen.js";
import { ErrorMessage } from "./shared/Notice.js";
import { parseRoute, type Route, routeHref } from "./shared/router.js";
import { useScreenTitle } from "./shared/screen-title.js";
import { Dashboard } from "./stories/Dashboard.js";
import { RevisionHistory } from "./stories/RevisionHistory.js";
import { TranslatorView } from "./stories/TranslatorView.js";
import { SyndicationDeliveries } from "./syndication/SyndicationDeliveries.js";
import { SyndicationKeys } from "./syndication/SyndicationKeys.js";
import { SyndicationWebhooks } from "./syndication/SyndicationWebhooks.js";
import { WireDesk } from "./wire/WireDesk.js";
import { WireItemScreen } from "./wire/WireItemScreen.js";
import { WireQuarantine } from "./wire/WireQuarantine.js";
import { WireSources } from "./wire/WireSources.js";
import { WritingSettingsScreen } from "./writing/WritingSettingsScreen.js";

type Auth =
  | { readonly state: "loading" }
  | { readonly state: "signed-out"; readonly error: string | null }
  | { readonly state: "signed-in"; readonly session: Session; readonly services: ServiceInfo[] };

export function App(props: {
  readonly api: ApiClient;
  readonly initialPath: string;
  readonly initialSearch: string;
}) {
  const { api } = props;
  const [route, setRoute] = useState<Route>(() =>
    parseRoute(props.initialPath, props.initialSearch),
  );
  const [auth, setAuth] = useState<Auth>({ state: "loading" });
  const navigations = useRef(0);
  // main.tsx loads the stored language's catalogue before the first render; if that
  // failed, the interface starts in English.
  const [uiLanguage, setUiLanguage] = useState<UiLanguage>(() => {
    const stored = storedUiLanguage(typeof localStorage === "undefined" ? null : localStorage);
    return hasCatalogue(stored) ? stored : "en";
  });
  // The session-ended notice is written when it happens, in the language chosen by then.
  const uiLanguageRef = useRef(uiLanguage);
  uiLanguageRef.current = uiLanguage;
  const chooseLanguage = useCallback((lang: UiLanguage) => {
    // The words arrive first, so the page never shows one language's layout with another's
    // text; if they cannot be fetched, the interface stays as it is.
    loadCatalogue(lang).then(
      () => {
        setUiLanguage(lang);
        try {
          localStorage.setItem(uiLanguageStorageKey, lang);
        } catch {
          // Storage may be unavailable (privacy modes); the choice then lasts for this page.
        }
      },
      () => undefined,
    );
  }, []);
  const text = useMemo(() => uiText(uiLanguage, chooseLanguage), [uiLanguage, chooseLanguage]);

  // The page's language and direction follow the interface language (WCAG 2.2 SC 3.1.1);
  // story content keeps its own lang and dir from its service.
  useEffect(() => {
    document.documentElement.lang = text.lang;
    document.documentElement.dir = text.dir;
  }, [text]);

  const navigate = useCallback((href: string) => {
    const url = new URL(href, location.href);
    history.pushState(null, "", `${url.pathname}${url.search}`);
    navigations.current += 1;
    setRoute(parseRoute(url.pathname, url.search));
  }, []);

  const signIn = useCallback(
    async (session: Session) => {
      try {
        // REQUIRE_2FA: until a second factor is set up, the server answers only the
        // enrolment routes, so the service list waits.
        const services = session.mustEnrolSecondFactor ? [] : await api.services();
        setAuth({ state: "signed-in", session, services });
      } catch (error) {
        setAuth({ state: "signed-out", error: errorMessage(error) });
      }
    },
    [api],
  );

  const signedOut = useCallback(() => {
    api.setCsrfToken(null);
    setAuth({ state: "signed-out", error: null });
  }, [api]);

  useEffect(() => {
    api.onUnauthorized = () =>
      setAuth((current) =>
        current.state === "signed-in"
          ? { state: "signed-out", error: translate(uiLanguageRef.current, "login.sessionEnded") }
          : current,
      );
    api
      .getSession()
      .then((session) => signIn(session))
      .catch((error: unknown) =>
        setAuth({
          state: "signed-out",
          error: isApiError(error) && error.code === "AUTH_REQUIRED" ? null : errorMessage(error),
        }),
      );
    const popped = () => {
      navigations.current += 1;
      setRoute(parseRoute(location.pathname, location.search));
    };
    addEventListener("popstate", popped);
    return () => removeEventListener("popstate", popped);
  }, [api, signIn]);

  // After an in-app navigation, focus moves to the new screen's heading so screen-reader
  // users hear where they are (the page is not reloaded, so nothing else would announce it).
  const routeKey = routeHref(route);
  useEffect(() => {
    if (navigations.current === 0 || routeKey === "") return;
    const heading = document.querySelector<HTMLElement>("main h1");
    heading?.focus();
  }, [routeKey, auth.state]);

  const state = useMemo<AppState | null>(
    () =>
      auth.state === "signed-in"
        ? { api, session: auth.session, services: auth.services, navigate, signedOut }
        : null,
    [api, auth, navigate, signedOut],
  );

  if (auth.state === "loading") {
    return (
      <main id="main" class="nr-main">
        <p role="status">{text.t("app.loading")}</p>
      </main>
    );
  }
  if (auth.state === "signed-out" || !state) {
    return (
      <UiTextContext.Provider value={text}>
        <LoginScreen
          api={api}
          notice={auth.state === "signed-out" ? auth.error : null}
          onSignedIn={(session) => {
            void signIn(session).then(() => {
              if (route.screen === "login")
                navigate(
                  routeHref({ screen: "dashboard", serviceId: null, status: null, q: "", page: 1 }),
                );
            });
          }}
        />
      </UiTextContext.Provider>
    );
  }
  if (state.session.mustEnrolSecondFactor) {
    return (
      <UiTextContext.Provider value={text}>
        <AppContext.Provider value={state}>
          <main id="main" class="nr-main" tabIndex={-1}>
            <AccountScreen
              onEnrolled={() =>
                void api
                  .getSession()
                  .then(signIn)
                  .catch((error: unknown) =>
                    setAuth({ state: "signed-out", error: errorMessage(error) }),
                  )
              }
            />
          </main>
        </AppContext.Provider>
      </UiTextContext.Provider>
    );
  }
  return (
    <UiTextContext.Provider value={text}>
      <AppContext.Provider value={state}>
        <a class="nr-skip" href="#main">
          {text.t("app.skipLink")}
        </a>
        <Header route={route} />
        <main id="main" class="nr-main" tabIndex={-1}>
          <Screen route={route} />
        </main>
      </AppContext.Provider>
    </UiTextContext.Provider>
  );
}

function Screen(props: { readonly route: Route }) {
  const { route } = props;
  switch (route.screen) {
    case "login":
    case "dashboard":
      return (
        <Dashboard
          serviceId={route.screen === "dashboard" ? route.serviceId : null}
          status={route.screen === "dashboard" ? route.status : null}
          q={route.screen === "dashboard" ? route.q : ""}
          page={route.screen === "dashboard" ? route.page : 1}
          filters={route.screen === "dashboard" ? route.filters : undefined}
        />
      );
    case "story":
      return <LazyStoryEditor key={route.storyId} storyId={route.storyId} />;
    case "history":
      return <RevisionHistory key={route.storyId} storyId={route.storyId} />;
    case "translate":
      return <TranslatorView key={route.storyId} storyId={route.storyId} />;
    case "media":
      return <MediaLibrary />;
    case "banners":
      return <BannerControl serviceId={route.serviceId} />;
    case "alerts":
      return <BreakingAlerts />;
    case "curation":
      return <CurationScreen serviceId={route.serviceId} section={route.section} />;
    case "users":
      return <UsersAdmin />;
    case "catalog":
      return <CatalogAdmin kind={route.kind} serviceId={route.serviceId} />;
    case "audit":
      return <AuditLogScreen filters={route} />;
    case "wire":
      return <WireDesk />;
    case "wire-item":
      return <WireItemScreen key={route.itemId} itemId={route.itemId} />;
    case "wire-quarantine":
      return <WireQuarantine />;
    case "wire-sources":
      return <WireSources />;
    case "tokens":
      return <ApiTokens />;
    case "account":
      return <AccountScreen onEnrolled={() => undefined} />;
    case "syndication":
      return <SyndicationWebhooks />;
    case "syndication-deliveries":
      return <SyndicationDeliveries key={route.webhookId} webhookId={route.webhookId} />;
    case "syndication-keys":
      return <SyndicationKeys />;
    case "mirrors":
      return <MirrorsScreen key={route.serviceId} serviceId={route.serviceId} />;
    case "writing-settings":
      return <WritingSettingsScreen key={route.serviceId} serviceId={route.serviceId} />;
    case "programmes":
      return <ProgrammesScreen key={route.serviceId} serviceId={route.serviceId} />;
    case "not-found":
      return <NotFound />;
  }
}

type StoryEditorModule = typeof import("./stories/StoryEditor.js");

/**
 * The editor (Tiptap and ProseMirror, most of the app's weight) is its own chunk, loaded
 * when a story is opened, so signing in and the dashboard stay light.
 */
function LazyStoryEditor(props: { readonly storyId: string }) {
  const [module, setModule] = useState<StoryEditorModule | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { t } = useUiText();
  useEffect(() => {
    import("./stories/StoryEditor.js")
      .then((loaded) => setModule(loaded))
      .catch((failure: unknown) => setError(errorMessage(failure)));
  }, []);
  if (module) return <module.StoryEditor storyId={props.storyId} />;
  return (
    <>
      <h1 tabIndex={-1}>{t("editor.loadingTitle")}</h1>
      {error ? (
        <ErrorMessage message={t("editor.moduleFailed", { error })} />
      ) : (
        <p role="status">{t("editor.loadingModule")}</p>
      )}
    </>
  );
}

function NotFound() {
  const { t } = useUiText();
  useScreenTitle(t("notFound.title"));
  return (
    <>
      <h1 tabIndex={-1}>{t("notFound.title")}</h1>
      <ErrorMessage message={t("notFound.body")} />
    </>
  );
}
