import { NewsdeskError } from "../domain/error-catalogue.js";

/** S3 allows 1024 bytes per key; paths this long are already a caller's bug. */
const maxKeyLength = 1024;
const maxSegments = 32;
/**
 * One path segment: starts with a letter or digit (so never `.`, `..` or a hidden temp
 * file), then letters, digits, `.`, `_` and `-`. Keys are chosen by Newsdesk, never typed
 * by users; anything else is refused before it reaches a file system or a bucket.
 */
const segment = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** The key, checked: relative, slash-separated, ASCII, no traversal. */
export function checkedKey(key: string): string {
  const segments = key.split("/");
  if (
    key.length === 0 ||
    key.length > maxKeyLength ||
    segments.length > maxSegments ||
    !segments.every((s) => segment.test(s))
  ) {
    throw new NewsdeskError("MEDIA_KEY_INVALID", {
      detail: `Refused media object key ${JSON.stringify(key.slice(0, 200))}: keys are relative ASCII paths of letters, digits, '.', '_' and '-' segments, each starting with a letter or digit.`,
    });
  }
  return key;
}

/** A listing prefix: empty, or a key or the start of one (a trailing slash allowed). */
export function checkedPrefix(prefix: string): string {
  if (prefix === "") return prefix;
  checkedKey(prefix.endsWith("/") ? prefix.slice(0, -1) : prefix);
  return prefix;
}

/** `https://cdn.example.org/media` + key, each segment percent-encoded (RFC 3986 §3.3). */
export function joinPublicUrl(base: string, key: string): string {
  return `${base.replace(/\/+$/, "")}/${key.split("/").map(encodeURIComponent).join("/")}`;
}

/** The type a key's extension names, for stores that keep no metadata of their own. */
export function contentTypeByExtension(key: string): string | undefined {
  const ext = /\.([A-Za-z0-9]+)$/.exec(key)?.[1]?.toLowerCase();
  return ext ? extensionTypes[ext] : undefined;
}

const extensionTypes: Record<string, string> = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  avif: "image/avif",
  gif: "image/gif",
  svg: "image/svg+xml",
  mp4: "video/mp4",
  m4a: "audio/mp4",
  m4s: "video/iso.segment",
  mp3: "audio/mpeg",
  ogg: "audio/ogg",
  opus: "audio/ogg",
  webm: "video/webm",
  m3u8: "application/vnd.apple.mpegurl",
  ts: "video/mp2t",
  vtt: "text/vtt",
  json: "application/json",
};
