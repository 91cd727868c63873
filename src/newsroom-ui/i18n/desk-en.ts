/**
 * Words for the desk's day-to-day screens in English: the withdrawn-copy list, "Add me" in
 * the byline control, the user ↔ person link and the audit-log screen; spread into en.ts.
 * desk-fa.ts has the same keys.
 */
export const deskEn = {
  // The withdrawn-copy list on the dashboard: the service a flagged story belongs to.
  "flags.inService": "{service} service",
};

export type DeskMessageKey = keyof typeof deskEn;
