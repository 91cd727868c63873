import type { DeskMessageKey } from "./desk-en.js";

/** desk-en.ts in Persian. */
export const deskFa: Readonly<Record<DeskMessageKey, string>> = {
  "flags.inService": "سرویس {service}",
};
