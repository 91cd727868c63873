/**
 * Words for the desk's day-to-day screens in English: the withdrawn-copy list, "Add me" in
 * the byline control, the user ↔ person link and the audit-log screen; spread into en.ts.
 * desk-fa.ts has the same keys.
 */
export const deskEn = {
  // The withdrawn-copy list on the dashboard: the service a flagged story belongs to.
  "flags.inService": "{service} service",

  // The Users screen: the catalogue person an account writes as (its own byline).
  "users.col.person": "Writes as",
  "users.personNone": "No byline person",
  "users.personOf": "{name}, {service}",
  "users.choosePerson": "Byline person",
  "users.choosePersonOf": "Choose the byline person of {name}",
  "users.personTitle": "Byline person of {name}",
  "users.personHelp":
    "The person of the catalogue this account writes as. Its owner can then add themselves to a story's bylines with “Add me” in the story editor.",
  "users.personService": "Service",
  "users.personPerson": "Person",
  "users.personNoLink": "Nobody (remove the link)",
  "users.personLoading": "Loading the service's people…",
  "users.personSave": "Save byline person",
  "users.personSaved": "Byline person of {name} saved.",
  "users.error.personNotFound": "That person is no longer in the catalogue. Choose another.",

  // The story editor's byline control: the signed-in user adds their own byline.
  "bylines.addMe": "Add me",
  "bylines.addMeLabel": "Add me ({name}) to the bylines",
  "bylines.meUnlinked":
    "Your account is not linked to a person of the catalogue, so you cannot add yourself. Ask an administrator or your service admin to choose your byline person in the Users screen.",
  "bylines.meElsewhere":
    "Your byline person belongs to another service's catalogue, so you cannot add yourself to a story of this service. Ask an administrator to link you to a person of this service.",
};

export type DeskMessageKey = keyof typeof deskEn;
