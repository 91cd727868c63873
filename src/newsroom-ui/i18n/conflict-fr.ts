import type { conflictEn } from "./conflict-en.js";

/** The conflict view's merge and the history's "not merged" revisions in French; the same keys as conflict-en.ts. */
export const conflictFr: Readonly<Record<keyof typeof conflictEn, string>> = {
  "merge.intro":
    "La révision {number} a été enregistrée le {time}. Votre version est conservée dans l’historique des révisions comme révision {kept}, marquée « Non fusionnée » : rien de ce que vous avez saisi n’est perdu. L’éditeur reste verrouillé tant que vous n’avez pas choisi comment continuer.",
  "merge.summary":
    "Modifications fusionnées automatiquement : {merged}. Modifications faites dans les deux versions qui demandent votre choix : {conflicts}.",
  "merge.nothingToChoose":
    "Aucune modification ne demande votre choix. Enregistrez la version fusionnée pour repartir de celle-ci.",
  "merge.formLabel": "Fusionner votre version avec la leur",
  "merge.choicesHeading": "Modifications faites dans les deux versions",
  "merge.mine": "La mienne",
  "merge.theirs": "La leur (révision {number})",
  "merge.edit": "Le rédiger moi-même",
  "merge.editLabel": "Votre texte pour {field}",
  "merge.editHelp":
    "Une ligne par paragraphe. Les liens et la mise en relief ne sont pas conservés ici ; ajoutez-les de nouveau dans l’éditeur.",
  "merge.removed": "(supprimé dans cette version)",
  "merge.empty": "(vide)",
  "merge.none": "(aucun)",
  "merge.body.block": "Corps, paragraphe {number}",
  "merge.body.blocks": "Corps, paragraphes {from} à {to}",
  "merge.body.added": "Corps, ajouté après le paragraphe {number}",
  "merge.body.addedAtStart": "Corps, ajouté au début",
  "merge.save": "Enregistrer la version fusionnée",
  "merge.unanswered":
    "Choisissez une version pour chaque modification faite dans les deux versions ; il en reste {count}.",
  "merge.saved":
    "La version fusionnée a été enregistrée comme révision {revision}, par-dessus la révision {number}.",
  "merge.compareHeading": "Les deux versions complètes",
  "merge.mineWhole": "Votre version (révision {kept}, non fusionnée)",
  "merge.help":
    "« Enregistrer la version fusionnée » enregistre ce qui a été fusionné automatiquement et vos choix comme une nouvelle révision par-dessus la leur. « Garder la mienne » enregistre toute votre version par-dessus la leur ; « Prendre la leur » charge leur version dans l’éditeur. Dans tous les cas, chaque version reste dans l’historique des révisions.",
  "history.notMerged": "Non fusionnée",
  "history.notMergedHelp":
    "Les révisions marquées « Non fusionnée » sont des versions refusées parce que quelqu’un d’autre a enregistré avant, conservées pour que rien ne soit perdu. Elles ne deviennent jamais d’elles-mêmes la version actuelle : comparez-en une, ouvrez-la ou restaurez-la pour repartir de celle-ci.",
  "history.compareWithBase": "Comparer avec sa base",
  "history.compareBaseLabel":
    "Comparer la révision {number} (non fusionnée) avec la révision {base}, sur laquelle elle reposait",
  "history.open": "Ouvrir",
  "history.openLabel":
    "Ouvrir la révision {number} telle que la verront les lecteurs, dans un nouvel onglet",
};
