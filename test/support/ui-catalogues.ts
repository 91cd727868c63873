import { loadCatalogue, uiLanguages } from "../../src/newsroom-ui/i18n/ui-language.js";

// The browser fetches each interface language's catalogue when it is chosen; unit tests
// format messages in any language directly, so every catalogue is loaded up front.
await Promise.all(uiLanguages.map((lang) => loadCatalogue(lang)));
