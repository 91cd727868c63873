import type { mirrorsEn } from "./mirrors-en.js";

/** The mirrors screen's words in French; the same keys as mirrors-en.ts. */
export const mirrorsFr: Readonly<Record<keyof typeof mirrorsEn, string>> = {
  "mirrors.title": "Miroirs",
  "mirrors.intro":
    "D’autres adresses qui servent les pages d’un service là où son domaine est bloqué. Les lecteurs les trouvent sur la page « Vous n’arrivez pas à nous joindre ? » du service ; l’adresse onion est aussi proposée aux utilisateurs de Tor Browser.",
  "mirrors.listHeading": "Miroirs de {service}",
  "mirrors.loading": "Chargement des miroirs…",
  "mirrors.empty": "Ce service n’a pas encore de miroir.",
  "mirrors.kind": "Type",
  "mirrors.kind.https": "Miroir HTTPS",
  "mirrors.kind.onion": "Service onion",
  "mirrors.kind.static": "Miroir statique",
  "mirrors.url": "Adresse",
  "mirrors.urlHelp":
    "https://host.example/prefixe-facultatif pour les miroirs HTTPS et statiques ; http://(56 caractères).onion pour un service onion.",
  "mirrors.note": "Note pour les lecteurs",
  "mirrors.noteHelp":
    "Facultative ; affichée à côté du lien, par exemple « Tor Browser uniquement ».",
  "mirrors.added": "Ajouté le",
  "mirrors.actions": "Opérations",
  "mirrors.addHeading": "Ajouter un miroir",
  "mirrors.add": "Ajouter le miroir",
  "mirrors.addedStatus": "{url} a été ajouté.",
  "mirrors.remove": "Retirer",
  "mirrors.removeTitle": "Retirer ce miroir ?",
  "mirrors.removeBody":
    "{url} ne sera plus montré aux lecteurs. Les pages déjà enregistrées ou partagées gardent l’adresse.",
  "mirrors.removedStatus": "{url} a été retiré.",
  "audit.mirror.add": "A ajouté un miroir",
  "audit.mirror.remove": "A retiré un miroir",
};
