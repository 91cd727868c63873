import { type ServiceConfig, serviceEditions, services } from "./service-registry.js";

/** Longer headers are cut here; browsers send a few dozen bytes. */
const maxHeaderLength = 1024;
/** Ranges past this many are ignored, so a hostile header costs bounded work. */
const maxRanges = 32;

export interface LanguageRange {
  /** The range as sent, lower-cased (`sr-latn`, `*`). */
  readonly range: string;
  /** Quality value, 0 to 1 (RFC 9110 §12.4.2). */
  readonly q: number;
}

/**
 * Parses `Accept-Language` (RFC 9110 §12.5.4): comma-separated language ranges (RFC 4647
 * §2.1), each with an optional `;q=` weight. Malformed members are skipped, not fatal: a
 * broken header must still land the reader somewhere. Sorted by weight, highest first;
 * equal weights keep the order the client sent them in.
 */
export function parseAcceptLanguage(header: string | undefined): LanguageRange[] {
  if (!header) return [];
  const ranges: LanguageRange[] = [];
  for (const member of header.slice(0, maxHeaderLength).split(",").slice(0, maxRanges)) {
    const [rawRange, ...params] = member.split(";").map((part) => part.trim());
    const range = rawRange?.toLowerCase() ?? "";
    if (range !== "*" && !/^[a-z]{1,8}(?:-[a-z0-9]{1,8})*$/.test(range)) continue;
    let q = 1;
    let valid = true;
    for (const param of params) {
      const weight = /^q\s*=\s*(0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/i.exec(param);
      if (weight?.[1] !== undefined) q = Number(weight[1]);
      else valid = false;
    }
    if (valid) ranges.push({ range, q });
  }
  return ranges
    .map((r, index) => ({ r, index }))
    .sort((a, b) => b.r.q - a.r.q || a.index - b.index)
    .map(({ r }) => r);
}

interface Subtags {
  readonly language: string;
  readonly script: string | undefined;
  readonly region: string | undefined;
  /** The likely script when none is given (CLDR likely subtags: zh-TW → Hant). */
  readonly likelyScript: string | undefined;
}

function subtagsOf(tag: string): Subtags | undefined {
  try {
    const locale = new Intl.Locale(tag);
    return {
      language: locale.language,
      script: locale.script,
      region: locale.region,
      likelyScript: locale.maximize().script,
    };
  } catch {
    return undefined;
  }
}

/** Service defaults come first in `serviceEditions`; a script variant is never a default. */
const isServiceDefault = (edition: ServiceConfig) =>
  services[edition.id].urlPrefix === edition.urlPrefix;

/** Where readers land when nothing they accept is served: English, the site's x-default. */
const fallbackEdition = serviceEditions.find((e) => e.id === "en") as ServiceConfig;

const editionSubtags = new Map(
  serviceEditions.map((edition) => [edition, subtagsOf(edition.locale) as Subtags]),
);

/**
 * The edition one language range asks for, if any. The language must match; then:
 * - a script in the range picks the edition written in it (`sr-Cyrl`, `zh-Hant`), or none;
 * - else a region the range names picks the edition made for it (`fa-AF`: Dari);
 * - else the edition in the range's likely script, among service defaults without a region
 *   of their own (`zh-TW` → Traditional, `zh` → Simplified, `fa-IR` → Persian);
 * - else the language's default edition (`sr`, `sr-RS` → Serbian's default, Latin;
 *   `pt-BR` → Portuguese).
 */
export function editionForRange(range: string): ServiceConfig | undefined {
  const wanted = subtagsOf(range);
  if (!wanted) return undefined;
  const candidates = serviceEditions.filter(
    (edition) => editionSubtags.get(edition)?.language === wanted.language,
  );
  const facts = (edition: ServiceConfig) => editionSubtags.get(edition) as Subtags;
  if (wanted.script) {
    return candidates.find((e) => (facts(e).script ?? facts(e).likelyScript) === wanted.script);
  }
  const defaults = candidates.filter((e) => isServiceDefault(e) && !facts(e).region);
  return (
    (wanted.region ? candidates.find((e) => facts(e).region === wanted.region) : undefined) ??
    defaults.find((e) => (facts(e).script ?? facts(e).likelyScript) === wanted.likelyScript) ??
    defaults[0] ??
    candidates[0]
  );
}

/**
 * The edition for a reader arriving at `/` with this `Accept-Language` header: the first
 * range, by weight, that some edition serves. `*` stands for any edition not refused with
 * `q=0`; ranges with `q=0` are refusals, never matches. English when nothing matches.
 */
export function negotiateEdition(header: string | undefined): ServiceConfig {
  const ranges = parseAcceptLanguage(header);
  const refused = new Set(
    ranges.filter((r) => r.q === 0 && r.range !== "*").map((r) => editionForRange(r.range)),
  );
  for (const { range, q } of ranges) {
    if (q === 0) continue;
    if (range === "*") {
      const any = serviceEditions.find((edition) => !refused.has(edition));
      if (any) return any;
      continue;
    }
    const edition = editionForRange(range);
    if (edition && !refused.has(edition)) return edition;
  }
  return fallbackEdition;
}
