/**
 * Reader-facing strings for reaching readers where the site is blocked (issue 16): the
 * "Can't reach us?" page, the footer line shown on a mirror, and the text-only mode. Kept
 * apart from the main catalogue (messages/en.ts) so the feature's words travel together;
 * the same rules apply (full sentences, `{named}` placeholders, one line of context), and
 * reach-catalogues.ts holds every other reader language, checked by reach-catalogues.test.ts.
 */
export const reachEn = {
  "reach.link": {
    message: "Can't reach us?",
    context: "Footer link to the page listing other addresses of the site.",
  },
  "reach.title": {
    message: "Can't reach us?",
    context: "Title of the page listing mirrors, for readers where the site is blocked.",
  },
  "reach.intro": {
    message:
      "If {service} is blocked where you are, you can also read it at these addresses. They carry the same stories.",
    context: "Introduction of the mirrors page; {service} is the edition's name.",
  },
  "reach.none": {
    message:
      "There are no other addresses for this edition at the moment. Please check again later.",
    context: "Shown on the mirrors page when the edition has no mirrors.",
  },
  "reach.kind.https": { message: "Mirror site", context: "Label of an HTTPS mirror." },
  "reach.kind.onion": {
    message: "Tor onion service",
    context: "Label of a .onion address, opened with Tor Browser.",
  },
  "reach.kind.static": {
    message: "Static copy",
    context: "Label of a static copy of the site on another server.",
  },
  "reach.onionHelp": {
    message: "Addresses ending in .onion open in Tor Browser.",
    context: "Help under the list when it contains an onion address.",
  },
  "reach.liteHelp": {
    message: "On a slow connection, try the text-only version: it leaves out pictures.",
    context: "Sentence before the link to the text-only version on the mirrors page.",
  },
  "reach.verifyHeading": {
    message: "Check that this list is ours",
    context: "Heading of the instructions to verify the signed mirror list.",
  },
  "reach.verifyBody": {
    message:
      "This list is also published as a file signed with our key. Check the file with minisign and this public key before you trust an address someone sends you.",
    context: "Instructions to verify the signed mirror list with the minisign tool.",
  },
  "reach.packagesHeading": {
    message: "Read offline",
    context: "Heading of the list of downloadable offline packages.",
  },
  "reach.packagesBody": {
    message: "Download today's top stories to read without a connection.",
    context: "Sentence before the list of offline package downloads.",
  },
  "reach.package": {
    message: "{format} file ({size})",
    context: "A download link; {format} is EPUB or ZIM, {size} like '2.1 MB'.",
  },
  "reach.viaMirror": {
    message: "You are reading this page through a mirror at {host}.",
    context: "Footer line shown when the page arrived through one of our mirrors.",
  },
  "reach.otherMirrors": {
    message: "Other addresses:",
    context: "Label before the list of the edition's other mirrors in the footer line.",
  },
  "lite.on": {
    message: "Text-only",
    context: "Link on every page to the light version without pictures.",
  },
  "lite.off": {
    message: "Full version",
    context: "Link in the text-only version back to the version with pictures.",
  },
  "lite.photo": {
    message: "Photo: {alt}",
    context: "Text-only version: a link to a photo left out of the page; {alt} describes it.",
  },
} as const;

export type ReachMessageKey = keyof typeof reachEn;

/** A translated reach catalogue: exactly the English keys, each a string. */
export type ReachCatalogue = { readonly [K in ReachMessageKey]: string };
