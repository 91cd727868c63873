/**
 * The catalogue screen's words in English (people, desks, topics, sections and agencies);
 * spread into en.ts. catalog-fa.ts has the same keys.
 */
export const catalogEn = {
  "header.catalog": "People and topics",

  "catalog.title": "People, desks, topics, sections and agencies",
  // The links between the screen's lists.
  "catalog.lists": "Lists",
  "catalog.people": "People",
  "catalog.desks": "Desks",
  "catalog.topics": "Topics",
  "catalog.sections": "Sections",
  "catalog.agencies": "Agencies",
  "catalog.noService": "You have no role in a language service yet.",
  // What the signed-in person may change, shown above the list.
  "catalog.rights.read": "You can read these lists. Editors add and edit them.",
  "catalog.rights.edit":
    "You can add and edit people, desks and topics, and merge duplicate topics. Service admins remove them, change addresses and manage sections.",
  "catalog.rights.manage":
    "You can add, edit and remove people, desks, topics and sections, and change their addresses. Administrators manage agencies.",
  "catalog.rights.admin": "You can change everything here, agencies included.",

  "catalog.search": "Search",
  "catalog.searchButton": "Search",
  "catalog.loading": "Loading…",
  "catalog.empty": "Nothing here yet.",
  "catalog.col.name": "Name",
  "catalog.col.title": "Role or title",
  "catalog.col.photo": "Photo",
  "catalog.col.members": "Members",
  "catalog.col.slug": "Address (slug)",
  "catalog.col.actions": "Actions",
  // Between names in a list of desk members.
  "catalog.separator": ", ",
  "catalog.edit": "Edit",
  "catalog.editOf": "Edit {name}",
  "catalog.remove": "Remove",
  "catalog.removeOf": "Remove {name}",
  "catalog.removeTitle": "Remove for good?",
  "catalog.removeBody":
    "{name} will be removed. Anything a story still refers to cannot be removed.",
  "catalog.removed": "Removed {name}.",
  "catalog.save": "Save",
  "catalog.saved": "Saved {name}.",
  "catalog.slugHelp":
    "Lowercase words joined by hyphens, in any script, e.g. climate-change. It is part of the page's address.",
  "catalog.slugChangeHelp":
    "Changing the address keeps the old one working: readers and feeds are sent to the new one.",
  "catalog.slugLocked": "Only a service admin can change the address.",

  "catalog.person.add": "Add a person",
  "catalog.person.edit": "Edit person",
  "catalog.person.name": "Name",
  "catalog.person.nameHelp": "As it appears in bylines, in the service's language and script.",
  "catalog.person.title": "Role or title, e.g. Caucasus correspondent",
  "catalog.person.bio": "Short biography",
  "catalog.person.photo": "Photo",
  "catalog.person.hasPhoto": "Has a photo",
  "catalog.person.noPhoto": "No photo",
  "catalog.person.photoChosen": "Photo chosen from the media library.",
  "catalog.person.choosePhoto": "Choose a photo",
  "catalog.person.changePhoto": "Change the photo",
  "catalog.person.removePhoto": "Remove the photo",
  "catalog.person.alsoWritesFor": "Also writes for",
  "catalog.person.merge": "Merge",
  "catalog.person.mergeOf": "Merge {name} into another person",
  "catalog.person.mergeTitle": "Merge into another person",
  "catalog.person.mergeBody":
    "The bylines and desk places of {name} move to the person you choose, {name} is removed, and their author page sends readers to that person.",
  "catalog.person.mergeInto": "Person who stays",
  "catalog.person.chooseSurvivor": "Choose a person",

  "catalog.desk.add": "Add a desk",
  "catalog.desk.edit": "Edit desk",
  "catalog.desk.name": "Name, as it appears in bylines",
  "catalog.desk.description": "Description",
  "catalog.desk.members": "Members",

  "catalog.topic.add": "Add a topic",
  "catalog.topic.edit": "Edit topic",
  "catalog.topic.description": "Description",
  "catalog.topic.merge": "Merge",
  "catalog.topic.mergeOf": "Merge {name} into another topic",
  "catalog.topic.mergeTitle": "Merge into another topic",
  "catalog.topic.mergeBody":
    "The stories of {name} move to the topic you choose, {name} disappears, and its page and feeds send readers to that topic.",
  "catalog.topic.mergeInto": "Topic that stays",
  "catalog.topic.chooseSurvivor": "Choose a topic",
  "catalog.merged": "Merged {from} into {into}.",

  "catalog.section.add": "Add a section",
  "catalog.section.edit": "Edit section",
  "catalog.section.position": "Order",

  "catalog.agency.add": "Add an agency",
  "catalog.agency.edit": "Edit agency",
  "catalog.agency.code": "Code",
  "catalog.agency.codeHelp": "Capital letters, digits, - and _, e.g. AFP. It cannot change later.",
  "catalog.agency.credit": "Credit line",
  "catalog.agency.link": "Website",

  "catalog.error.forbidden": "Your role in this service does not allow that change.",
  "catalog.error.taken": "Another entry in this service already uses that address or code.",
  "catalog.error.inUse":
    "Stories still refer to this. Move them elsewhere first (or merge the topic into another).",
  "catalog.error.unknownReference":
    "Something chosen no longer exists (a photo or a desk member). Choose again.",
  "catalog.error.invalid": "Check the form: {detail}",
};

export type CatalogMessageKey = keyof typeof catalogEn;
