import { createHash } from "node:crypto";

/** A strong entity tag over the exact bytes sent (RFC 9110 §8.8.3). */
export function entityTag(body: string): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
}

/** HTTP-date (RFC 9110 §5.6.7), whole seconds. */
export function httpDate(iso: string): string {
  return new Date(iso).toUTCString();
}

/** The request fields that make a GET conditional (RFC 9110 §13.1). */
export interface ConditionalRequest {
  readonly method: string;
  readonly ifNoneMatch: string | undefined;
  readonly ifModifiedSince?: string | undefined;
}

/** What would be sent without the conditions: its status and validators. */
export interface Representation {
  readonly status: number;
  /** An entity-tag, quoted, possibly weak (`W/"…"`). */
  readonly etag: string;
  /** An HTTP-date or an ISO 8601 timestamp; absent when the resource has none. */
  readonly lastModified: string | undefined;
}

/**
 * Whether a read is answered 304 Not Modified, evaluated as RFC 9110 §13.2.2 orders it. The
 * one place it is decided: for freshly built feeds, sitemaps and content API answers
 * (`conditional` in feed-routes.ts) and for every page cache hit (cached-response.ts), on the
 * socket fast path and in the Hono middleware alike.
 *
 * - Only GET and HEAD: the conditions are for safe reads here; nothing else is served from
 *   validators (§13.1.2 would answer 412 to an unsafe method, which never reaches this).
 * - Only when the answer would be 2xx (§13.2.1): a cached 404 or 410 is sent as it is.
 * - If-None-Match, when present, decides alone (§13.1.3: If-Modified-Since is then ignored),
 *   with the weak comparison (§8.8.3.2) and `*` matching any current representation.
 * - If-Modified-Since is ignored unless it is one valid HTTP-date (§13.1.3); dates have
 *   one-second resolution, so whole seconds are compared.
 */
export function isNotModified(
  request: ConditionalRequest,
  representation: Representation,
): boolean {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  if (representation.status < 200 || representation.status > 299) return false;
  if (request.ifNoneMatch !== undefined) {
    const listed = entityTagList(request.ifNoneMatch);
    return listed === "*" || listed.includes(opaqueTag(representation.etag));
  }
  if (request.ifModifiedSince === undefined || representation.lastModified === undefined) {
    return false;
  }
  const since = parseHttpDate(request.ifModifiedSince);
  const modified = Date.parse(representation.lastModified);
  if (since === undefined || Number.isNaN(modified)) return false;
  return Math.floor(modified / 1000) <= Math.floor(since / 1000);
}

/** The opaque part of an entity-tag: weak comparison ignores the `W/` prefix (§8.8.3.2). */
function opaqueTag(tag: string): string {
  return tag.trim().replace(/^W\//, "");
}

/**
 * `If-None-Match = "*" / #entity-tag` (RFC 9110 §13.1.2). An opaque-tag may itself contain a
 * comma, so the list is scanned tag by tag rather than split; empty list elements are allowed
 * (§5.6.1.2), and scanning stops at the first malformed member, which then matches nothing.
 */
function entityTagList(field: string): "*" | string[] {
  if (field.trim() === "*") return "*";
  const member = /[ \t]*(?:(?:W\/)?("[^"]*"))?[ \t]*(?:,|$)/y;
  const tags: string[] = [];
  while (member.lastIndex < field.length) {
    const match = member.exec(field);
    if (!match) break;
    if (match[1] !== undefined) tags.push(match[1]);
  }
  return tags;
}

const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/** IMF-fixdate, e.g. `Sun, 06 Nov 1994 08:49:37 GMT`. */
const imfFixdate = /^[A-Z][a-z]{2}, (\d{2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/;
/** Obsolete RFC 850 form, e.g. `Sunday, 06-Nov-94 08:49:37 GMT`. */
const rfc850Date = /^[A-Z][a-z]+, (\d{2})-([A-Z][a-z]{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) GMT$/;
/** ANSI C asctime(), e.g. `Sun Nov  6 08:49:37 1994`. */
const asctimeDate = /^[A-Z][a-z]{2} ([A-Z][a-z]{2}) ([ \d]\d) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/;

/**
 * The three HTTP-date forms a recipient must accept (RFC 9110 §5.6.7), in milliseconds, or
 * undefined for anything else: an ISO string, a list of two dates, a 31st of February.
 * Two-digit RFC 850 years are read as 1970–2069. The RFC's window slides with the present
 * ("more than 50 years in the future" means the past century), which a pure function cannot
 * see; this fixed window only ever reads a date as older than meant, which sends the full
 * representation, never a wrong 304.
 */
export function parseHttpDate(value: string): number | undefined {
  const parts = httpDateParts(value.trim());
  if (!parts) return undefined;
  const month = months.indexOf(parts.month);
  const [day, h, m, s] = [parts.day, parts.h, parts.m, parts.s].map(Number) as [
    number,
    number,
    number,
    number,
  ];
  const time = Date.UTC(parts.year, month, day, h, m, s);
  const date = new Date(time);
  // Date.UTC rolls 31 Feb over into March and reads year 94 as 1994; an HTTP-date does not.
  const exact =
    month !== -1 &&
    date.getUTCFullYear() === parts.year &&
    date.getUTCMonth() === month &&
    date.getUTCDate() === day &&
    date.getUTCHours() === h &&
    date.getUTCMinutes() === m &&
    date.getUTCSeconds() === s;
  return exact ? time : undefined;
}

interface HttpDateParts {
  readonly day: string;
  readonly month: string;
  readonly year: number;
  readonly h: string;
  readonly m: string;
  readonly s: string;
}

function httpDateParts(text: string): HttpDateParts | undefined {
  const imf = imfFixdate.exec(text);
  if (imf) {
    const [, day = "", month = "", year = "", h = "", m = "", s = ""] = imf;
    return { day, month, year: Number(year), h, m, s };
  }
  const rfc850 = rfc850Date.exec(text);
  if (rfc850) {
    const [, day = "", month = "", yy = "", h = "", m = "", s = ""] = rfc850;
    return { day, month, year: Number(yy) + (Number(yy) < 70 ? 2000 : 1900), h, m, s };
  }
  const asctime = asctimeDate.exec(text);
  if (asctime) {
    const [, month = "", day = "", h = "", m = "", s = "", year = ""] = asctime;
    return { day: day.trim(), month, year: Number(year), h, m, s };
  }
  return undefined;
}
