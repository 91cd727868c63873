/**
 * The captions written in `lang`: the same BCP 47 tag (tags compare case-insensitively,
 * RFC 5646 §2.1.1), else the first with the same primary language subtag (RFC 4647 §3.4
 * lookup, which falls back by dropping subtags: a `fa` service takes `fa-IR` captions).
 * Captions in another language are never taken: a transcript indexed for a language's
 * search must be in that language.
 */
export function captionInLanguage<T extends { readonly lang: string }>(
  captions: readonly T[],
  lang: string,
): T | undefined {
  const wanted = lang.toLowerCase();
  const primary = wanted.split("-")[0];
  return (
    captions.find((c) => c.lang.toLowerCase() === wanted) ??
    captions.find((c) => c.lang.toLowerCase().split("-")[0] === primary)
  );
}
