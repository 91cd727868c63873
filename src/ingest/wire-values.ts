import { NewsdeskError } from "../domain/error-catalogue.js";
import { isWireRejection, type WireRejection } from "../domain/wire/wire-document-parser.js";
import {
  type WireConcept,
  type WireItem,
  type WireItemType,
  type WirePubStatus,
  type WireSkip,
  type WireSourceFormat,
  wireItemSchema,
} from "../domain/wire/wire-item-schema.js";
import { isHtmlTooComplex } from "./html-to-blocks.js";

/**
 * Value normalisers shared by every adapter: dates, language tags, statuses, and the final
 * schema check that turns a drafted item into a `WireItem` or a skip with a reason.
 */

export type AdapterResult = { items: WireItem[]; skipped: WireSkip[] };

const SHORT = 1000;
export const LONG = 20_000;

/** Trimmed, whitespace-collapsed, clipped text, or undefined when empty or not a string. */
export function cleanText(value: unknown, max = SHORT): string | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value !== "string") return undefined;
  const text = value.replace(/\s+/g, " ").trim();
  if (text.length === 0) return undefined;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Sets an optional property only when there is a value (exactOptionalPropertyTypes). */
export function put<T extends object, K extends keyof T>(
  target: T,
  key: K,
  value: T[K] | undefined,
): void {
  if (value !== undefined) target[key] = value;
}

function pad(value: string | undefined, fallback = "00"): string {
  return value === undefined ? fallback : value.padStart(2, "0");
}

/**
 * Parses the date spellings seen on the wires into a UTC ISO 8601 instant:
 * - ISO 8601 extended (`2013-03-01T15:09:04.000Z`), also with `+0100` offsets lacking the
 *   colon (ANSA) or a space instead of `T`;
 * - ISO 8601 basic (`20140829T134951+0000`, NewsML 1.2 and NITF `norm` attributes);
 * - RFC 822/1123 dates (RSS 2.0 `pubDate`), via `Date.parse`.
 * A time without an offset is taken as UTC and flagged; nonsense yields undefined and a warning.
 */
export function parseWireDate(raw: unknown, field: string, warnings: string[]): string | undefined {
  const text = cleanText(raw, 200);
  if (text === undefined) return undefined;
  let iso: string | undefined;
  const basic =
    /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(
      text,
    );
  const extended =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i.exec(
      text,
    );
  if (basic) {
    const [, y, mo, d, h, mi, s, zone] = basic;
    iso = `${y}-${mo}-${d}T${pad(h)}:${pad(mi)}:${pad(s)}${normalizeZone(zone, field, warnings, h !== undefined)}`;
  } else if (extended) {
    const [, y, mo, d, h, mi, s, fraction, zone] = extended;
    iso = `${y}-${mo}-${d}T${pad(h)}:${pad(mi)}:${pad(s)}${fraction ?? ""}${normalizeZone(zone, field, warnings, h !== undefined)}`;
  }
  const millis = Date.parse(iso ?? text);
  if (!Number.isFinite(millis)) {
    warnings.push(`${field}: "${text}" is not a date and was ignored.`);
    return undefined;
  }
  const date = new Date(millis);
  const year = date.getUTCFullYear();
  if (year < 1900 || year > 2200) {
    warnings.push(`${field}: "${text}" is out of range and was ignored.`);
    return undefined;
  }
  return date.toISOString();
}

function normalizeZone(
  zone: string | undefined,
  field: string,
  warnings: string[],
  hasTime: boolean,
): string {
  if (zone === undefined) {
    if (hasTime) warnings.push(`${field}: no time zone given; UTC assumed.`);
    return "Z";
  }
  if (/^z$/i.test(zone)) return "Z";
  const digits = zone.replace(":", "");
  return `${digits.slice(0, 3)}:${digits.slice(3, 5) || "00"}`;
}

/** A canonical BCP 47 tag (`en-us` → `en-US`, `pt_BR` → `pt-BR`), or undefined with a warning. */
export function normalizeLanguage(raw: unknown, warnings: string[]): string | undefined {
  const text = cleanText(raw, 100)?.replace(/_/g, "-");
  if (text === undefined) return undefined;
  try {
    const [canonical] = Intl.getCanonicalLocales(text);
    if (canonical && /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(canonical)) return canonical;
  } catch {
    // Fall through to the warning: a bad tag must not sink the whole item.
  }
  warnings.push(`Language "${text}" is not a BCP 47 tag and was ignored.`);
  return undefined;
}

/**
 * Maps pubStatus spellings (ninjs `usable|withheld|canceled`, G2 `stat:canceled`, NewsML 1.2
 * `Canceled`, NITF `management-status`) to the model. Anything unknown is treated as usable
 * with a warning, except spellings of a kill, which must never be missed.
 */
export function mapPubStatus(raw: unknown, warnings: string[]): WirePubStatus {
  const text = cleanText(raw, 200)?.toLowerCase();
  if (text === undefined) return "usable";
  const code = text.slice(text.lastIndexOf(":") + 1);
  if (code === "usable") return "usable";
  if (code === "withheld" || code === "embargoed") return "withheld";
  if (["canceled", "cancelled", "kill", "killed", "withdrawn", "deleted"].includes(code)) {
    return "canceled";
  }
  warnings.push(`Unknown pubStatus "${text}" read as usable.`);
  return "usable";
}

/** ninjs 3.x and NewsML-G2 urgency is an integer 1..9; older ninjs allowed any number. */
export function parseUrgency(raw: unknown, warnings: string[]): number | undefined {
  const value = typeof raw === "string" ? Number(raw.trim()) : raw;
  if (typeof value !== "number" || !Number.isFinite(value)) return undefined;
  const rounded = Math.round(value);
  if (rounded < 1 || rounded > 9) {
    if (rounded !== 0) warnings.push(`Urgency ${String(raw)} is outside 1..9 and was ignored.`);
    return undefined;
  }
  return rounded;
}

/** Splits a QCode (`medtop:20000763`) into scheme and code. URIs are kept whole as the code. */
export function conceptFromQcode(
  qcode: string | undefined,
  name?: string,
): WireConcept | undefined {
  const concept: WireConcept = {};
  const code = cleanText(qcode);
  if (code) {
    const colon = code.indexOf(":");
    if (colon > 0 && !/^[a-z][a-z0-9+.-]*:\/\//i.test(code)) {
      concept.scheme = code.slice(0, colon);
      put(concept, "code", cleanText(code.slice(colon + 1)));
    } else {
      concept.code = code;
    }
  }
  put(concept, "name", cleanText(name));
  return concept.code !== undefined || concept.name !== undefined ? concept : undefined;
}

/** Keeps the first concept per (scheme, code, name). */
export function uniqueConcepts(concepts: readonly (WireConcept | undefined)[]): WireConcept[] {
  const seen = new Set<string>();
  const result: WireConcept[] = [];
  for (const concept of concepts) {
    if (!concept) continue;
    const key = `${concept.scheme ?? ""}\u0000${concept.code ?? ""}\u0000${concept.name ?? ""}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(concept);
  }
  return result;
}

export function newItem(
  guid: string,
  sourceFormat: WireSourceFormat,
  itemType: WireItemType,
): WireItem {
  return {
    guid,
    sourceFormat,
    itemType,
    body: [],
    subjects: [],
    genres: [],
    places: [],
    keywords: [],
    renditions: [],
    pictures: [],
    rights: {},
    pubStatus: "usable",
    signals: [],
    refs: [],
    warnings: [],
  };
}

/** A non-negative integer from a number or numeric string, for widths, heights and sizes. */
export function toCount(raw: unknown): number | undefined {
  const value = typeof raw === "string" ? Number(raw.trim()) : raw;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) return undefined;
  return Math.round(value);
}

/** Limits the arrays to what the schema allows, so one bloated item is clipped, not lost. */
function clipArrays(item: WireItem): void {
  item.subjects = item.subjects.slice(0, 500);
  item.genres = item.genres.slice(0, 100);
  item.places = item.places.slice(0, 200);
  item.keywords = [...new Set(item.keywords)].slice(0, 500);
  item.renditions = item.renditions.slice(0, 100);
  item.pictures = item.pictures
    .slice(0, 200)
    .map((p) => ({ ...p, renditions: p.renditions.slice(0, 50) }));
  item.signals = [...new Set(item.signals)].slice(0, 100);
  item.refs = item.refs.slice(0, 500);
  item.warnings = item.warnings.slice(0, 100).map((w) => w.slice(0, 1000));
}

/**
 * Validates a drafted item against `wireItemSchema`. A failure is an adapter bug or a truly
 * unusable item; it becomes a skip so the other items of the file still ingest.
 */
export function finishItem(item: WireItem, result: AdapterResult): void {
  clipArrays(item);
  const parsed = wireItemSchema.safeParse(item);
  if (parsed.success) {
    result.items.push(parsed.data);
    return;
  }
  const issue = parsed.error.issues[0];
  const where = issue ? `${issue.path.join(".")}: ${issue.message}` : "unknown field";
  result.skipped.push({
    code: "WIRE_INVALID_ITEM",
    reason: `The item does not fit the wire-item model (${where}).`,
    guid: item.guid,
  });
}

/**
 * The wire rejection for an error met while mapping: wire errors as they are, and the HTML
 * converter's refusal of a body past its limits as WIRE_TOO_DEEP.
 */
export function asWireRejection(error: unknown): WireRejection | undefined {
  if (isWireRejection(error)) return error;
  if (isHtmlTooComplex(error))
    return new NewsdeskError("WIRE_TOO_DEEP", { detail: error.message, cause: error });
  return undefined;
}

/** The reason a skipped item shows: the catalogue's sentence, then what exactly was wrong. */
function skipReason(rejection: WireRejection): string {
  return `${rejection.title} ${rejection.message}`.trim();
}

/** Runs one item's mapping; a wire rejection about that item becomes a skip, not a failed file. */
export function mapEach<T>(
  sources: readonly T[],
  result: AdapterResult,
  map: (source: T) => void,
): void {
  for (const source of sources) {
    try {
      map(source);
    } catch (error) {
      const rejection = asWireRejection(error);
      if (!rejection) throw error;
      result.skipped.push({ code: rejection.code, reason: skipReason(rejection) });
    }
  }
}

export function missingField(field: string, what: string): WireRejection {
  return new NewsdeskError("WIRE_MISSING_FIELD", { detail: `The ${what} has no ${field}.` });
}
