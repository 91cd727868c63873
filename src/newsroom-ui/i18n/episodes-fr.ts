import type { episodesEn } from "./episodes-en.js";

/** The episode panel and its audit names; the same keys as episodes-en.ts. */
export const episodesFr: Record<keyof typeof episodesEn, string> = {
  "episodes.kind.episode": "Épisode d'émission",
  "episodes.kind.marker": "Épisode",
  "episodes.heading": "Épisode",
  "episodes.loading": "Chargement de l'épisode…",
  "episodes.loadFailed": "Impossible de charger l'épisode : {error}",
  "episodes.readOnly": "Vous pouvez consulter cet épisode, mais pas le modifier.",
  "episodes.programme": "Émission",
  "episodes.programme.choose": "Choisissez une émission",
  "episodes.programme.none":
    "Ce service n'a pas encore d'émission. Un éditeur les ajoute dans Émissions.",
  "episodes.clip.legend": "Audio ou vidéo",
  "episodes.clip.search": "Chercher un extrait par titre",
  "episodes.clip.choose": "Extrait",
  "episodes.clip.noneChosen": "Aucun extrait pour l'instant",
  "episodes.clip.option": "{title} ({kind})",
  "episodes.upload.file": "Ou téléversez un nouveau fichier audio ou vidéo",
  "episodes.upload.submit": "Téléverser et joindre",
  "episodes.upload.attached":
    "{name} a été téléversé et joint. Enregistrez l'épisode pour le garder.",
  "episodes.chapters.legend": "Chapitres",
  "episodes.chapters.help":
    "Indiquez chaque début sous la forme h:mm:ss, m:ss ou en secondes. À l'enregistrement, les chapitres sont classés par début.",
  "episodes.chapters.empty": "Pas encore de chapitre.",
  "episodes.chapters.start": "Début du chapitre {row}",
  "episodes.chapters.title": "Titre du chapitre {row}",
  "episodes.chapters.remove": "Retirer le chapitre {row}",
  "episodes.chapters.add": "Ajouter un chapitre",
  "episodes.number": "Numéro d'épisode",
  "episodes.season": "Saison",
  "episodes.explicit": "Contenu explicite (les annuaires de podcasts signalent l'épisode)",
  "episodes.save": "Enregistrer l'épisode",
  "episodes.saved": "L'épisode a été enregistré.",
  "episodes.failed": "L'épisode n'a pas été enregistré : {error}",
  "episodes.conflict":
    "Quelqu'un d'autre a enregistré cet épisode depuis que vous l'avez ouvert. Chargez sa version et refaites vos modifications.",
  "episodes.reload": "Charger sa version",
  "episodes.problems": "L'épisode n'a pas été enregistré. Corrigez ceci :",
  "episodes.problem.programme": "Choisissez l'émission.",
  "episodes.problem.start":
    "Chapitre {row} : indiquez le début sous la forme h:mm:ss, m:ss ou en secondes.",
  "episodes.problem.beyondClip": "Le chapitre {row} commence après la fin de l'extrait.",
  "episodes.problem.sameStart":
    "Le chapitre {row} commence au même moment qu'un chapitre précédent.",
  "episodes.problem.title": "Le chapitre {row} doit avoir un titre de 200 caractères au plus.",
  "episodes.problem.tooManyChapters": "Un épisode compte au plus 100 chapitres.",
  "episodes.problem.episodeNumber": "Le numéro d'épisode est un entier à partir de 1.",
  "episodes.problem.season": "La saison est un entier de 1 à 1000.",
  "audit.episode.saved": "A enregistré l'émission, l'extrait ou les chapitres d'un épisode",
  "audit.clip.captions-saved": "A enregistré les sous-titres d'un extrait",
  "audit.clip.captions-removed": "A retiré les sous-titres d'un extrait",
  "audit.clip.deleted": "A supprimé un extrait audio ou vidéo",
};
