import type { CurationMessageKey } from "./curation-en.js";

/** The curation screens and the related-stories picker in French; spread into fr.ts. */
export const curationFr: Readonly<Record<CurationMessageKey, string>> = {
  "header.curation": "À la une",

  "curation.title": "À la une",
  "curation.documentTitle": "À la une : {service}, {page}",
  "curation.heading": "À la une de {service}",
  "curation.pages": "Page d’accueil et rubriques",
  "curation.home": "Page d’accueil",
  "curation.intro":
    "Épinglez dans l’ordre les articles qui ouvrent la page. En dessous, la page se remplit d’elle-même avec les articles les plus récents ; aucun n’apparaît deux fois. Les articles retirés ou dépubliés disparaissent d’eux-mêmes de la page.",
  "curation.noSuchSection": "Ce service n’a pas cette rubrique. Choisissez une page ci-dessus.",
  "curation.homeHeading": "Épinglés sur la page d’accueil",
  "curation.sectionHeading": "Épinglés dans {section}",
  "curation.loading": "Chargement de la liste…",
  "curation.lastSaved": "Version {version}, enregistrée par {name} le {when}.",
  "curation.neverSaved": "Rien n’a encore été épinglé ici.",
  "curation.system": "le système",
  "curation.count": "{count} sur {limit} articles au plus.",
  "curation.empty": "Aucun article épinglé. Les lecteurs voient les plus récents.",
  "curation.dragHint":
    "Faites glisser un article à sa nouvelle place, ou utilisez ses boutons « Monter » et « Descendre ».",
  "curation.notLive": "N’est plus en ligne",
  "curation.moveUp": "Monter",
  "curation.moveDown": "Descendre",
  "curation.remove": "Retirer",
  "curation.moveUpStory": "Monter : {headline}",
  "curation.moveDownStory": "Descendre : {headline}",
  "curation.removeStory": "Retirer : {headline}",
  "curation.moved": "« {headline} » est passé en position {position} sur {count}.",
  "curation.removed": "« {headline} » a été retiré. Enregistrez pour l’appliquer.",
  "curation.added":
    "« {headline} » a été ajouté en position {position}. Enregistrez pour l’appliquer.",
  "curation.saved": "Enregistré. Les lecteurs voient désormais le nouvel ordre.",
  "curation.save": "Enregistrer l’ordre",
  "curation.saving": "Enregistrement…",
  "curation.discard": "Annuler les modifications",
  "curation.conflict":
    "Quelqu’un d’autre a enregistré cette liste depuis que vous l’avez ouverte : vos modifications n’ont pas été enregistrées. Rechargez-la pour voir sa version, puis refaites votre modification.",
  "curation.reload": "Recharger la liste",
  "curation.search": "Chercher des articles publiés",
  "curation.searchHint": "Tapez des mots du titre ; les résultats se mettent à jour à la frappe.",
  "curation.anyService": "Chercher dans tous les services où je travaille",
  "curation.results": "Articles publiés",
  "curation.resultCount": "Articles trouvés : {count}.",
  "curation.noResults": "Aucun article publié ne correspond.",
  "curation.add": "Ajouter",
  "curation.addStory": "Ajouter : {headline}",
  "curation.inList": "Dans la liste",
  "curation.inListStory": "Dans la liste : {headline}",
  "curation.full":
    "La liste est pleine ({limit} articles). Retirez-en un pour en ajouter un autre.",
  "curation.readOnly": "Seuls les éditeurs peuvent modifier cette liste.",

  "related.heading": "Articles liés",
  "related.fallback":
    "Sans article choisi, la page de l’article montre les plus récents de sa rubrique et de ses thèmes.",
};
