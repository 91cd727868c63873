/**
 * The media library's audio and video part: upload, processing status, captions and
 * transcripts per language, in English; spread into en.ts. av-fa.ts and the others have the
 * same keys.
 */
export const avEn = {
  "av.heading": "Audio and video",
  "av.upload.file": "Audio or video file",
  "av.upload.help":
    "MP3, M4A, MP4, WebM, Ogg, WAV or FLAC. Newsdesk checks the file and makes smaller versions for readers on slow connections.",
  "av.upload.title": "Title",
  "av.upload.submit": "Upload audio or video",
  "av.upload.chooseFirst": "Choose an audio or video file first.",
  "av.upload.uploading": "Uploading {name}…",
  "av.upload.uploaded": "{name} was uploaded. The smaller versions are being made.",
  "av.list.empty": "No audio or video yet.",
  "av.list.refresh": "Refresh the list",
  "av.kind.audio": "Audio",
  "av.kind.video": "Video",
  // Processing state of an uploaded clip.
  "av.status.queued": "Waiting to be processed",
  "av.status.running": "Being processed",
  "av.status.ready": "Ready",
  "av.status.failed": "Processing failed: {error}",
  // A clip's length, e.g. "4 min 12 s".
  "av.duration": "{minutes} min {seconds} s",
  // A button beside each clip; {title} names the clip for screen readers.
  "av.captions.open": "Captions and transcript for {title}",
  "av.captions.heading": "Captions and transcript: {title}",
  "av.captions.lang": "Language tag, for example en or fa",
  "av.captions.vtt": "Captions in WebVTT",
  "av.captions.file": "Or load a WebVTT file (.vtt) into the box",
  "av.captions.save": "Save captions",
  "av.captions.saved": "Captions in {lang} saved: {count} cues.",
  "av.captions.remove": "Remove the captions in {lang}",
  "av.captions.removed": "The captions in {lang} were removed.",
  "av.captions.invalid": "The captions were not saved. Correct these lines:",
  "av.captions.line": "Line {line}: {message}",
  "av.transcript.label": "Transcript in {lang}",
  "av.transcript.help":
    "Shown under the player and found by search. Leave it empty to use the words of the captions.",
  "av.transcript.save": "Save the transcript",
  "av.transcript.saved": "The transcript in {lang} was saved.",
  "av.delete.open": "Delete {title}",
  "av.delete.title": "Delete this audio or video?",
  "av.delete.body":
    "{title} and all its versions and captions will be deleted for good. Readers will no longer be able to play it.",
  "av.delete.confirm": "Delete for good",
  "av.delete.done": "{title} was deleted.",
  "av.delete.inUse":
    "{title} was not deleted: an episode still plays it. Give the episode another clip first.",
};
