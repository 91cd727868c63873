/**
 * The mirrors screen's words in English (issue 16): administrators list, add and remove the
 * other addresses a language service is served at; spread into en.ts. mirrors-fa.ts and the
 * other languages have the same keys.
 */
export const mirrorsEn = {
  "mirrors.title": "Mirrors",
  "mirrors.intro":
    "Other addresses that serve a service's pages where its own domain is blocked. Readers find them on the service's “Can't reach us?” page; an onion address is also offered to Tor Browser users.",
  "mirrors.listHeading": "Mirrors of {service}",
  "mirrors.loading": "Loading mirrors…",
  "mirrors.empty": "This service has no mirrors yet.",
  "mirrors.kind": "Kind",
  "mirrors.kind.https": "HTTPS mirror",
  "mirrors.kind.onion": "Onion service",
  "mirrors.kind.static": "Static mirror",
  "mirrors.url": "Address",
  "mirrors.urlHelp":
    "https://host.example/optional-prefix for HTTPS and static mirrors; http://(56 characters).onion for an onion service.",
  "mirrors.note": "Note for readers",
  "mirrors.noteHelp": "Optional; shown beside the link, for example “Tor Browser only”.",
  "mirrors.added": "Added",
  "mirrors.actions": "Actions",
  "mirrors.addHeading": "Add a mirror",
  "mirrors.add": "Add mirror",
  "mirrors.addedStatus": "{url} was added.",
  "mirrors.remove": "Remove",
  "mirrors.removeTitle": "Remove this mirror?",
  "mirrors.removeBody":
    "Readers will no longer be shown {url}. Pages already saved or shared keep the address.",
  "mirrors.removedStatus": "{url} was removed.",
  "audit.mirror.add": "Added a mirror",
  "audit.mirror.remove": "Removed a mirror",
};
