/**
 * Redirect targets taken from input (a `return` parameter, say) are the classic open
 * redirect (OWASP Unvalidated Redirects and Forwards; CWE-601) and, with CR/LF, header
 * injection (CWE-113). Every redirect built from input goes through this one function.
 */

/** Longer than any page we link to; past it the target is not ours. */
const maxTargetLength = 2048;

/**
 * C0 and C1 controls, DEL, whitespace (Unicode White_Space, line and paragraph separators),
 * bidi and zero-width format characters, the BOM and backslashes. The WHATWG URL parser
 * silently drops tabs and newlines ("/\t/evil" becomes "//evil") and reads "\" as "/" in
 * http(s) URLs, so both are refused before parsing.
 */
function isRefusedCodeUnit(code: number): boolean {
  return (
    code <= 0x20 ||
    (code >= 0x7f && code <= 0xa0) ||
    code === 0x5c ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200f) ||
    (code >= 0x2028 && code <= 0x202f) ||
    (code >= 0x205f && code <= 0x206f) ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

function hasRefusedCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    if (isRefusedCodeUnit(value.charCodeAt(i))) return true;
  }
  return false;
}

/**
 * C0 and C1 controls and DEL percent-encoded (C1 as UTF-8, %C2%80 to %C2%9F): a hop that
 * decodes once more would turn them back into header-splitting characters.
 */
const refusedEncoded = /%(?:[01][0-9a-f]|7f|c2%[89][0-9a-f])/i;
/** "scheme:" at the start (RFC 3986 §3.1). */
const hasScheme = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Returns a path (with query and fragment) on the public origin for `target`, or
 * `fallback` when `target` is missing, malformed, carries control characters, or would
 * leave the origin. Never throws, so a hostile value can never turn into a 500.
 *
 * Accepted: a path starting with exactly one "/", or an absolute URL whose origin is the
 * public URL's. The result is the URL parser's own serialization (percent-encoded ASCII),
 * so it is always a valid header value.
 */
export function sameOriginRedirect(
  target: string | undefined,
  options: { readonly publicUrl: string; readonly fallback: string },
): string {
  const { fallback } = options;
  if (!target || target.length > maxTargetLength) return fallback;
  if (hasRefusedCharacter(target) || refusedEncoded.test(target)) return fallback;
  // A lone UTF-16 surrogate cannot be encoded as UTF-8 (the URL parser would substitute).
  if (!target.isWellFormed()) return fallback;
  const isPath = target.startsWith("/") && !target.startsWith("//");
  if (!isPath && !hasScheme.test(target)) return fallback;
  let base: URL;
  let url: URL;
  try {
    base = new URL(options.publicUrl);
    // A scheme-relative or absolute target is parsed on its own, so "https:evil.example"
    // means what a browser would make of it, not a path relative to our base.
    url = isPath ? new URL(target, base) : new URL(target);
  } catch {
    return fallback;
  }
  if (url.origin !== base.origin || url.username || url.password) return fallback;
  const path = url.pathname + url.search + url.hash;
  return path.startsWith("/") && !path.startsWith("//") ? path : fallback;
}
