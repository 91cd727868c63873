import type { avEn } from "./av-en.js";

/** Audio y vídeo en la mediateca; las mismas claves que av-en.ts. */
export const avEs: Record<keyof typeof avEn, string> = {
  "av.heading": "Audio y vídeo",
  "av.upload.file": "Archivo de audio o vídeo",
  "av.upload.help":
    "MP3, M4A, MP4, WebM, Ogg, WAV o FLAC. Newsdesk comprueba el archivo y crea versiones más ligeras para lectores con conexiones lentas.",
  "av.upload.title": "Título",
  "av.upload.submit": "Subir audio o vídeo",
  "av.upload.chooseFirst": "Elija primero un archivo de audio o vídeo.",
  "av.upload.uploading": "Subiendo {name}…",
  "av.upload.uploaded": "{name} se ha subido. Se están creando las versiones ligeras.",
  "av.list.empty": "Todavía no hay audio ni vídeo.",
  "av.list.refresh": "Actualizar la lista",
  "av.kind.audio": "Pista de audio",
  "av.kind.video": "Vídeo",
  "av.status.queued": "En espera de procesamiento",
  "av.status.running": "Procesándose",
  "av.status.ready": "Listo",
  "av.status.failed": "El procesamiento falló: {error}",
  "av.duration": "{minutes} min y {seconds} s",
  "av.captions.open": "Subtítulos y transcripción de {title}",
  "av.captions.heading": "Subtítulos y transcripción: {title}",
  "av.captions.lang": "Etiqueta de idioma, por ejemplo es o en",
  "av.captions.vtt": "Subtítulos en WebVTT",
  "av.captions.file": "O cargue un archivo WebVTT (.vtt) en el cuadro",
  "av.captions.save": "Guardar los subtítulos",
  "av.captions.saved": "Subtítulos en {lang} guardados: {count} entradas.",
  "av.captions.remove": "Quitar los subtítulos en {lang}",
  "av.captions.removed": "Se han quitado los subtítulos en {lang}.",
  "av.captions.invalid": "Los subtítulos no se guardaron. Corrija estas líneas:",
  "av.captions.line": "Línea {line}: {message}",
  "av.transcript.label": "Transcripción en {lang}",
  "av.transcript.help":
    "Se muestra bajo el reproductor y la encuentra la búsqueda. Déjela vacía para usar las palabras de los subtítulos.",
  "av.transcript.save": "Guardar la transcripción",
  "av.transcript.saved": "Se ha guardado la transcripción en {lang}.",
  "av.delete.open": "Eliminar {title}",
  "av.delete.title": "¿Eliminar este audio o vídeo?",
  "av.delete.body":
    "{title} y todas sus versiones y subtítulos se eliminarán para siempre. Los lectores ya no podrán reproducirlo.",
  "av.delete.confirm": "Eliminar para siempre",
  "av.delete.done": "{title} se eliminó.",
  "av.delete.inUse":
    "{title} no se eliminó: un episodio aún lo reproduce. Asigne antes otro clip al episodio.",
};
