/**
 * A readable, stable URL slug from a headline, in any script: NFKC-normalized, lowercased,
 * letters, marks and digits kept, everything else collapsed to single hyphens.
 */
export function slugify(text: string, maxLength = 80): string {
  const words = text
    .normalize("NFKC")
    .toLocaleLowerCase("und")
    .replace(/['’ʼ]/gu, "")
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter((word) => word.length > 0);
  let slug = "";
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > maxLength) break;
    slug = next;
  }
  return slug || "story";
}
