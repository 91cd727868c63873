import { useState } from "preact/hooks";
import { AppLink } from "./AppLink.js";
import { errorMessage } from "./api-client.js";
import { useApp } from "./app-context.js";
import { Dialog } from "./Dialog.js";
import { ErrorMessage } from "./Notice.js";
import { canSeeUsersAdmin } from "./permissions.js";
import { type Route, routeHref } from "./router.js";

export function Header(props: { readonly route: Route }) {
  const { api, session, signedOut } = useApp();
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
      <p class="nr-brand">Newsdesk newsroom</p>
      <nav aria-label="Newsroom">
        <ul>
          <li>
            <AppLink
              href={routeHref({ screen: "dashboard", serviceId: null, status: null, q: "" })}
              current={screen === "dashboard"}
            >
              Stories
            </AppLink>
          </li>
          <li>
            <AppLink href={routeHref({ screen: "media" })} current={screen === "media"}>
              Media library
            </AppLink>
          </li>
          <li>
            <AppLink
              href={routeHref({ screen: "banners", serviceId: null })}
              current={screen === "banners"}
            >
              Breaking news
            </AppLink>
          </li>
          {canSeeUsersAdmin(session) ? (
            <li>
              <AppLink href={routeHref({ screen: "users" })} current={screen === "users"}>
                Users
              </AppLink>
            </li>
          ) : null}
        </ul>
      </nav>
      <div class="nr-account">
        <p>
          Signed in as <bdi>{session.user.displayName}</bdi>
        </p>
        <button type="button" onClick={() => void logout(false)}>
          Log out
        </button>
        <button type="button" onClick={() => setConfirming(true)}>
          Log out everywhere
        </button>
        <ErrorMessage message={error} />
      </div>
      <Dialog title="Log out everywhere?" open={confirming} onClose={() => setConfirming(false)}>
        <p>
          Every browser and device signed in as <bdi>{session.user.email}</bdi> is signed out now,
          including this one. Unsaved changes in other browsers are lost.
        </p>
        <div class="nr-dialog-actions">
          <button type="button" class="nr-danger" onClick={() => void logout(true)}>
            Log out everywhere
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      </Dialog>
    </header>
  );
}
