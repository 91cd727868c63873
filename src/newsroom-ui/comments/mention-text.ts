/**
 * Mentions in a comment's plain text, as Google Docs and Slack write them: "@" and the
 * person's name. Pure functions for the comment field (what is being typed after "@",
 * putting the chosen name in) and for showing comments (which parts are mentions).
 */

/** Characters after "@" that are still looked up (a name is searched by its first word). */
const maxQueryLength = 40;

/** The "@…" being typed just before the caret, or null. */
export function mentionQueryAt(
  text: string,
  caret: number,
): { readonly start: number; readonly query: string } | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf("@");
  if (at === -1) return null;
  if (at > 0 && !/\s/u.test(before[at - 1] ?? "")) return null;
  const query = before.slice(at + 1);
  if (query.length > maxQueryLength || /[\s@]/u.test(query)) return null;
  return { start: at, query };
}

/** Replaces the "@query" from `start` to `caret` with "@Name " and says where the caret goes. */
export function insertMention(
  text: string,
  start: number,
  caret: number,
  name: string,
): { readonly text: string; readonly caret: number } {
  const inserted = `@${name} `;
  return {
    text: text.slice(0, start) + inserted + text.slice(caret),
    caret: start + inserted.length,
  };
}

/** The people picked while typing whose "@Name" is still in the text. */
export function mentionsStillWritten<P extends { readonly displayName: string }>(
  text: string,
  picked: readonly P[],
): P[] {
  return picked.filter((person) => text.includes(`@${person.displayName}`));
}

/** The text cut into plain parts and "@Name" parts, for the names given. */
export function splitMentions(
  text: string,
  names: readonly string[],
): { readonly text: string; readonly mention: boolean }[] {
  const wanted = [...new Set(names)]
    .filter((name) => name.length > 0)
    .sort((a, b) => b.length - a.length)
    .map((name) => `@${name}`);
  const parts: { text: string; mention: boolean }[] = [];
  let plain = "";
  let i = 0;
  while (i < text.length) {
    const found = text[i] === "@" ? wanted.find((m) => text.startsWith(m, i)) : undefined;
    if (found) {
      if (plain) parts.push({ text: plain, mention: false });
      parts.push({ text: found, mention: true });
      plain = "";
      i += found.length;
    } else {
      plain += text[i];
      i++;
    }
  }
  if (plain) parts.push({ text: plain, mention: false });
  return parts;
}
