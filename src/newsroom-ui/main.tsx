// Must stay the first import: it configures zod before any schema module is evaluated.
import "./shared/zod-config.js";
import { render } from "preact";
import { App } from "./App.js";
import { loadCatalogue, storedUiLanguage } from "./i18n/ui-language.js";
import { ApiClient } from "./shared/api-client.js";
import "./newsroom.css";

// The composition root of the browser app: the one place that touches globals (fetch,
// location, the #app element) and hands them to the components.
const root = document.getElementById("app");
if (root) {
  const api = new ApiClient({ fetch: (input, init) => fetch(input, init) });
  const start = () =>
    render(<App api={api} initialPath={location.pathname} initialSearch={location.search} />, root);
  // The interface language chosen earlier is fetched before the first render (no flash of
  // English); if it cannot be, the app starts in English.
  let storage: Storage | null = null;
  try {
    storage = localStorage;
  } catch {
    // Storage may be unavailable (privacy modes).
  }
  loadCatalogue(storedUiLanguage(storage)).then(start, start);
}
