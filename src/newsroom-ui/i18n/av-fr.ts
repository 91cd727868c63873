import type { avEn } from "./av-en.js";

/** L'audio et la vidéo de la médiathèque ; mêmes clés que av-en.ts. */
export const avFr: Record<keyof typeof avEn, string> = {
  "av.heading": "Audio et vidéo",
  "av.upload.file": "Fichier audio ou vidéo",
  "av.upload.help":
    "MP3, M4A, MP4, WebM, Ogg, WAV ou FLAC. Newsdesk vérifie le fichier et crée des versions plus légères pour les lecteurs aux connexions lentes.",
  "av.upload.title": "Titre",
  "av.upload.submit": "Envoyer l'audio ou la vidéo",
  "av.upload.chooseFirst": "Choisissez d'abord un fichier audio ou vidéo.",
  "av.upload.uploading": "Envoi de {name}…",
  "av.upload.uploaded": "{name} a été envoyé. Les versions légères sont en cours de création.",
  "av.list.empty": "Aucun audio ni vidéo pour l'instant.",
  "av.list.refresh": "Actualiser la liste",
  "av.kind.audio": "Son",
  "av.kind.video": "Vidéo",
  "av.status.queued": "En attente de traitement",
  "av.status.running": "En cours de traitement",
  "av.status.ready": "Prêt",
  "av.status.failed": "Le traitement a échoué : {error}",
  "av.duration": "{minutes} min et {seconds} s",
  "av.captions.open": "Sous-titres et transcription de {title}",
  "av.captions.heading": "Sous-titres et transcription : {title}",
  "av.captions.lang": "Code de langue, par exemple fr ou en",
  "av.captions.vtt": "Sous-titres au format WebVTT",
  "av.captions.file": "Ou chargez un fichier WebVTT (.vtt) dans la zone",
  "av.captions.save": "Enregistrer les sous-titres",
  "av.captions.saved": "Sous-titres en {lang} enregistrés : {count} répliques.",
  "av.captions.remove": "Supprimer les sous-titres en {lang}",
  "av.captions.removed": "Les sous-titres en {lang} ont été supprimés.",
  "av.captions.invalid": "Les sous-titres n'ont pas été enregistrés. Corrigez ces lignes :",
  "av.captions.line": "Ligne {line} : {message}",
  "av.transcript.label": "Transcription en {lang}",
  "av.transcript.help":
    "Affichée sous le lecteur et trouvée par la recherche. Laissez-la vide pour reprendre les mots des sous-titres.",
  "av.transcript.save": "Enregistrer la transcription",
  "av.transcript.saved": "La transcription en {lang} a été enregistrée.",
  "av.delete.open": "Supprimer {title}",
  "av.delete.title": "Supprimer cet audio ou cette vidéo ?",
  "av.delete.body":
    "{title} sera supprimé définitivement, avec toutes ses versions et ses sous-titres. Les lecteurs ne pourront plus l'écouter ni le regarder.",
  "av.delete.confirm": "Supprimer définitivement",
  "av.delete.done": "{title} a été supprimé.",
  "av.delete.inUse":
    "{title} n'a pas été supprimé : un épisode le diffuse encore. Donnez d'abord un autre extrait à cet épisode.",
};
