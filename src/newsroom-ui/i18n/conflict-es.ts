import type { conflictEn } from "./conflict-en.js";

/** The conflict view's merge and the history's "not merged" revisions in Spanish; the same keys as conflict-en.ts. */
export const conflictEs: Readonly<Record<keyof typeof conflictEn, string>> = {
  "merge.intro":
    "La revisión {number} se guardó el {time}. Tu versión se conserva en el historial de revisiones como revisión {kept}, marcada «Sin fusionar», así que no se pierde nada de lo que escribiste. El editor queda bloqueado hasta que elijas cómo seguir.",
  "merge.summary":
    "Cambios fusionados automáticamente: {merged}. Cambios hechos en ambas versiones que requieren tu elección: {conflicts}.",
  "merge.nothingToChoose":
    "Ningún cambio requiere tu elección. Guarda la versión fusionada para seguir desde ella.",
  "merge.formLabel": "Fusiona tu versión con la suya",
  "merge.choicesHeading": "Cambios hechos en ambas versiones",
  "merge.mine": "La mía",
  "merge.theirs": "La suya (revisión {number})",
  "merge.edit": "Escribirlo yo",
  "merge.editLabel": "Tu texto para {field}",
  "merge.editHelp":
    "Una línea por párrafo. Aquí no se conservan enlaces ni énfasis; vuelve a añadirlos en el editor.",
  "merge.removed": "(eliminado en esta versión)",
  "merge.empty": "(vacío)",
  "merge.none": "(ninguno)",
  "merge.body.block": "Cuerpo, párrafo {number}",
  "merge.body.blocks": "Cuerpo, párrafos {from} a {to}",
  "merge.body.added": "Cuerpo, añadido tras el párrafo {number}",
  "merge.body.addedAtStart": "Cuerpo, añadido al principio",
  "merge.save": "Guardar versión fusionada",
  "merge.unanswered":
    "Elige una versión para cada cambio hecho en ambas versiones; faltan {count}.",
  "merge.saved":
    "La versión fusionada se guardó como revisión {revision}, sobre la revisión {number}.",
  "merge.compareHeading": "Las dos versiones completas",
  "merge.mineWhole": "Tu versión (revisión {kept}, sin fusionar)",
  "merge.help":
    "«Guardar versión fusionada» guarda lo fusionado automáticamente y tus elecciones como una nueva revisión sobre la suya. «Conservar la mía» guarda tu versión completa sobre la suya; «Tomar la suya» carga su versión en el editor. En cualquier caso, todas las versiones quedan en el historial de revisiones.",
  "history.notMerged": "Sin fusionar",
  "history.notMergedHelp":
    "Las revisiones marcadas «Sin fusionar» son versiones rechazadas porque otra persona guardó antes; se conservan para que no se pierda nada. Nunca pasan a ser la versión actual por sí solas: compara una, ábrela o restáurala para seguir desde ella.",
  "history.compareWithBase": "Comparar con su base",
  "history.compareBaseLabel":
    "Comparar la revisión {number} (sin fusionar) con la revisión {base}, en la que se basó",
  "history.open": "Abrir",
  "history.openLabel":
    "Abrir la revisión {number} tal como la verán los lectores, en una pestaña nueva",
};
