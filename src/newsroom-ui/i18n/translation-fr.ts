import type { TranslationMessageKey } from "./translation-en.js";

/** The translator view and the translator byline role in French; spread into fr.ts. */
export const translationFr: Readonly<Record<TranslationMessageKey, string>> = {
  "bylines.role.translator": "Traducteur",
  "translatorView.open": "En regard de l’original",
  "translatorView.title": "Traduire en regard : {headline}",
  "translatorView.loadingTitle": "Traduire en regard",
  "translatorView.loading": "Chargement de l’original et de la traduction…",
  "translatorView.loadFailed": "Impossible de charger l’original et la traduction : {error}",
  "translatorView.intro":
    "L’original est en lecture seule. Ses blocs sont affichés dans l’ordre à côté de ceux de la traduction ; les blocs modifiés dans l’original depuis la dernière mise à jour de la traduction montrent ce qui a changé.",
  "translatorView.edit": "Modifier la traduction",
  "translatorView.sourceColumn": "Original ({service})",
  "translatorView.translationColumn": "Traduction ({service})",
  "translatorView.fieldsHeading": "Titre, chapeau et lieu",
  "translatorView.bodyHeading": "Corps, bloc par bloc",
  "translatorView.field.headline": "Titre",
  "translatorView.field.standfirst": "Chapeau",
  "translatorView.field.dateline": "Lieu",
  "translatorView.block": "Bloc {number}",
  "translatorView.empty": "(vide)",
  "translatorView.notTranslated": "Pas encore traduit.",
  "translatorView.change.changed": "Modifié dans l’original",
  "translatorView.change.added": "Nouveau dans l’original",
  "translatorView.change.removed": "Supprimé de l’original",
  "translatorView.status.current": "La traduction est à jour par rapport à l’original.",
  "translatorView.status.waived":
    "Les dernières modifications de l’original ont été écartées : {reason}",
  "translatorView.status.stale":
    "L’original a changé depuis la dernière mise à jour de cette traduction : {count} blocs à revoir.",
  "translatorView.tooLarge":
    "L’original est trop long pour être comparé bloc par bloc ; ses blocs sont affichés dans l’ordre sans marquer les modifications.",
  "translatorView.markUpToDate": "Marquer la traduction comme à jour",
  "translatorView.markedUpToDate": "La traduction est marquée comme à jour.",
};
