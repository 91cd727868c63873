import type { MessageKey } from "./messages/en.js";

/** A translated catalogue: exactly the English keys, each a string (checked in tests). */
export type Catalogue = { readonly [K in MessageKey]: string };
