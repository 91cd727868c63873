/**
 * A first check before uploading, for a quick clear message. The server decides for real by
 * decoding the file (sharp), so a renamed text file still reaches it and gets 415.
 */
export const acceptedImageTypes = ["image/jpeg", "image/png", "image/webp", "image/avif"] as const;
export const maxUploadBytes = 25 * 1024 * 1024;

export function uploadProblem(file: {
  readonly size: number;
  readonly type: string;
}): string | null {
  if (file.size > maxUploadBytes) {
    return `The file is ${formatBytes(file.size)}; the limit is 25 MB. Export a smaller image and try again.`;
  }
  if (file.type !== "" && !(acceptedImageTypes as readonly string[]).includes(file.type)) {
    return "Only JPEG, PNG, WebP and AVIF images can be uploaded.";
  }
  return null;
}

/** The message for the server's media errors (413 MEDIA_TOO_LARGE, 415 MEDIA_UNSUPPORTED). */
export function mediaErrorText(code: string, detail: string): string {
  if (code === "MEDIA_TOO_LARGE") {
    return `The image was refused because it is too large: ${detail} Images must be under 25 MB and of a reasonable pixel size.`;
  }
  if (code === "MEDIA_UNSUPPORTED") {
    return `The file was refused because it is not a JPEG, PNG, WebP or AVIF image: ${detail}`;
  }
  return detail;
}

export function formatBytes(bytes: number): string {
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
