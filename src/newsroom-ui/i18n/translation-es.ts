import type { TranslationMessageKey } from "./translation-en.js";

/** The translator view and the translator byline role in Spanish; spread into es.ts. */
export const translationEs: Readonly<Record<TranslationMessageKey, string>> = {
  "bylines.role.translator": "Traductor",
  "translatorView.open": "En paralelo con el original",
  "translatorView.title": "Traducir en paralelo: {headline}",
  "translatorView.loadingTitle": "Traducir en paralelo",
  "translatorView.loading": "Cargando el original y la traducción…",
  "translatorView.loadFailed": "No se pudieron cargar el original y la traducción: {error}",
  "translatorView.intro":
    "El original es de solo lectura. Sus bloques aparecen en orden junto a los de la traducción; los bloques que cambiaron en el original desde la última actualización de la traducción muestran qué cambió.",
  "translatorView.edit": "Editar la traducción",
  "translatorView.sourceColumn": "Original ({service})",
  "translatorView.translationColumn": "Traducción ({service})",
  "translatorView.fieldsHeading": "Titular, entradilla y data",
  "translatorView.bodyHeading": "Cuerpo, bloque a bloque",
  "translatorView.field.headline": "Titular",
  "translatorView.field.standfirst": "Entradilla",
  "translatorView.field.dateline": "Data",
  "translatorView.block": "Bloque {number}",
  "translatorView.empty": "(vacío)",
  "translatorView.notTranslated": "Aún sin traducir.",
  "translatorView.change.changed": "Cambiado en el original",
  "translatorView.change.added": "Nuevo en el original",
  "translatorView.change.removed": "Eliminado del original",
  "translatorView.status.current": "La traducción está al día con el original.",
  "translatorView.status.waived": "Se dispensaron los últimos cambios del original: {reason}",
  "translatorView.status.stale":
    "El original cambió desde la última actualización de esta traducción: {count} bloques por revisar.",
  "translatorView.tooLarge":
    "El original es demasiado grande para compararlo bloque a bloque; sus bloques aparecen en orden sin marcar los cambios.",
  "translatorView.markUpToDate": "Marcar la traducción como actualizada",
  "translatorView.markedUpToDate": "La traducción se marcó como actualizada.",
};
