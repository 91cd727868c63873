import type { MessageParams, Translator } from "./message-catalogue.js";
import type { MessageKey } from "./messages/en.js";

/** A formatted message split so inserted values can be isolated from the sentence. */
export type MessagePart = { readonly text: string; readonly isolate: boolean };

const open = "\uE000";
const close = "\uE001";

/** The direction of the first strong character: Arabic-script and Hebrew-script are RTL. */
function firstStrongDirection(text: string): "ltr" | "rtl" | null {
  const strong = /\p{L}/u.exec(text)?.[0];
  if (!strong) return null;
  return /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u.test(
    strong,
  )
    ? "rtl"
    : "ltr";
}

/**
 * Whether a value inserted into text of direction `pageDir` needs bidi isolation (W3C,
 * "Inline markup and bidirectional text in HTML"): a Latin name or a number inside Arabic
 * text, or an Arabic name inside English text. Values already in the page's direction need
 * none, so English pages keep plain text.
 */
function needsIsolation(value: string, pageDir: "ltr" | "rtl"): boolean {
  const dir = firstStrongDirection(value);
  return dir === null ? pageDir === "rtl" && /\p{N}/u.test(value) : dir !== pageDir;
}

/**
 * Formats `key` and returns its parts, with each value of `isolated` (a string, or the
 * items of a list joined by the translator's localized list) as its own part, marked for
 * isolation (`<bdi>`) when `needsIsolation` says so.
 */
export function messageParts(
  t: Translator,
  key: MessageKey,
  params: MessageParams,
  isolated: Readonly<Record<string, string | readonly string[]>>,
  pageDir: "ltr" | "rtl",
): MessagePart[] {
  const values: string[] = [];
  const marker = (value: string) => {
    values.push(value);
    return `${open}${values.length - 1}${close}`;
  };
  const withMarkers: MessageParams = { ...params };
  for (const [name, value] of Object.entries(isolated)) {
    withMarkers[name] = typeof value === "string" ? marker(value) : t.list(value.map(marker));
  }
  const text = t.t(key, withMarkers);
  const parts: MessagePart[] = [];
  const pattern = new RegExp(`${open}(\\d+)${close}`, "gu");
  let at = 0;
  for (const match of text.matchAll(pattern)) {
    const index = match.index ?? 0;
    if (index > at) parts.push({ text: text.slice(at, index), isolate: false });
    const value = values[Number(match[1])] ?? "";
    parts.push({ text: value, isolate: needsIsolation(value, pageDir) });
    at = index + match[0].length;
  }
  if (at < text.length) parts.push({ text: text.slice(at), isolate: false });
  // Adjacent plain parts are merged so the rendered text matches `t.t` exactly.
  return parts.reduce<MessagePart[]>((merged, part) => {
    const last = merged.at(-1);
    if (last && !last.isolate && !part.isolate) {
      merged[merged.length - 1] = { text: last.text + part.text, isolate: false };
    } else merged.push(part);
    return merged;
  }, []);
}
