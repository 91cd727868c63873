import { translate, type UiLanguage } from "../i18n/ui-language.js";

/**
 * A first check before uploading, for a quick clear message. The server decides for real by
 * decoding the file (sharp), so a renamed text file still reaches it and gets 415.
 */
export const acceptedImageTypes = ["image/jpeg", "image/png", "image/webp", "image/avif"] as const;
const maxUploadBytes = 25 * 1024 * 1024;

export function uploadProblem(
  file: { readonly size: number; readonly type: string },
  lang: UiLanguage = "en",
): string | null {
  if (file.size > maxUploadBytes) {
    return translate(lang, "media.upload.tooLarge", { size: formatBytes(file.size) });
  }
  if (file.type !== "" && !(acceptedImageTypes as readonly string[]).includes(file.type)) {
    return translate(lang, "media.upload.badType");
  }
  return null;
}

/** The message for the server's media errors (413 MEDIA_TOO_LARGE, 415 MEDIA_UNSUPPORTED). */
export function mediaErrorText(code: string, detail: string, lang: UiLanguage = "en"): string {
  if (code === "MEDIA_TOO_LARGE") {
    return translate(lang, "media.upload.refusedLarge", { detail });
  }
  if (code === "MEDIA_UNSUPPORTED") {
    return translate(lang, "media.upload.refusedType", { detail });
  }
  return detail;
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * A small rendition in the image's own aspect ratio (the server makes original-aspect
 * renditions at 320–1600 px, never upscaled), for figures in the editor and for picking a
 * focal point, which must be chosen on the uncropped image.
 */
export function originalRendition(mediaId: string): string {
  return `/media/${encodeURIComponent(mediaId)}/original-320.jpg`;
}
