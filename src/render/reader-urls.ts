import type { RenditionInfo } from "../domain/media/media-schema.js";
import { renditionName } from "../domain/media/media-schema.js";
import { type ServiceConfig, serviceByUrlPrefix } from "../domain/services/service-registry.js";
import { transliteration } from "../i18n/serbian-script.js";

/**
 * Reader URLs. They are readable (service, section, slug) and stable: the story id at the
 * end is what resolves, so a later headline or section change redirects to the new form.
 */

export function homeUrl(service: ServiceConfig): string {
  return `/${service.urlPrefix}/`;
}

/**
 * A story's address in one edition. The slug is written in the edition's script (Serbian
 * Latin at /serbian/, Cyrillic at /serbian-cyrillic/), so each edition's URLs and canonicals
 * read in its own script; the other script's address redirects here, as any stale slug does.
 */
export function storyUrl(
  service: ServiceConfig,
  story: { readonly id: string; readonly slug: string; readonly section: string },
): string {
  const slug = transliteration(service.sourceLocale, service.locale)(story.slug);
  return `/${service.urlPrefix}/${encodeURIComponent(story.section)}/${encodeURIComponent(slug)}-${story.id}`;
}

export function sectionUrl(service: ServiceConfig, slug: string): string {
  return `/${service.urlPrefix}/${encodeURIComponent(slug)}`;
}

export function topicUrl(service: ServiceConfig, slug: string): string {
  return `/${service.urlPrefix}/topics/${encodeURIComponent(slug)}`;
}

export function personUrl(service: ServiceConfig, id: string): string {
  return `/${service.urlPrefix}/people/${id}`;
}

export function deskUrl(service: ServiceConfig, id: string): string {
  return `/${service.urlPrefix}/desks/${id}`;
}

export function searchUrl(service: ServiceConfig): string {
  return `/${service.urlPrefix}/search`;
}

/** The edition's "Can't reach us?" page: its mirrors and how to check them (issue 16). */
export function reachUrl(service: ServiceConfig): string {
  return `/${service.urlPrefix}/mirrors`;
}

/**
 * The current page in or out of text-only mode, as a query-only reference (RFC 3986 §4.2:
 * it keeps the page's path, whatever host or prefix serves it), with the page's other
 * parameters: `lite=1` turns the mode on and `lite=0` off, for later pages too (a cookie).
 */
export function liteToggleUrl(path: string, lite: boolean): string {
  const query = path.includes("?") ? path.slice(path.indexOf("?") + 1) : "";
  const params = new URLSearchParams(query);
  params.set("lite", lite ? "1" : "0");
  return `?${params.toString()}`;
}

export function mediaUrl(
  mediaId: string,
  rendition: Pick<RenditionInfo, "shape" | "format" | "width">,
): string {
  return `/media/${mediaId}/${renditionName(rendition)}`;
}

export const textSizeUrl = "/_/text-size";

/** Remembers an edition as the reader's choice for `/`, then opens it. */
export const editionChoicePath = "/_/edition";

export function editionChoiceUrl(edition: ServiceConfig): string {
  return `${editionChoicePath}?to=${encodeURIComponent(edition.urlPrefix)}`;
}

/** Splits `slug-id` from the last path segment of a story URL. */
export function parseStorySegment(segment: string): { slug: string; id: string } | undefined {
  const match = /^(?:(.*)-)?([0-9a-hjkmnp-tv-z]{12})$/.exec(segment);
  if (!match?.[2]) return undefined;
  return { slug: match[1] ?? "", id: match[2] };
}

/**
 * A link saved as a path in one edition of a service (a breaking-news banner's), as another
 * edition of the same service serves it: that edition's prefix, and a story slug in its
 * script where the conversion is lossless (Cyrillic to Latin; the other way, the story
 * address redirects). Links to other services, and absolute URLs, are returned unchanged.
 */
export function editionPath(edition: ServiceConfig, href: string): string {
  const match = /^\/([^/?#]+)(\/[^?#]*)?([?#].*)?$/u.exec(href);
  const from = match?.[1] === undefined ? undefined : serviceByUrlPrefix(match[1]);
  if (!match || !from || from.id !== edition.id) return href;
  const rest = match[2] ?? "";
  const tail = match[3] ?? "";
  const [, section, segment, ...more] = rest.split("/");
  const story = more.length === 0 && segment ? parseStorySegment(segment) : undefined;
  if (section && story) {
    try {
      const slug = decodeURIComponent(story.slug);
      return `${storyUrl(edition, { id: story.id, slug, section: decodeURIComponent(section) })}${tail}`;
    } catch {
      // A malformed escape in a saved link: keep its path as it was, in this edition.
    }
  }
  return `/${edition.urlPrefix}${rest}${tail}`;
}

export function programmesUrl(service: ServiceConfig): string {
  return `/${service.urlPrefix}/programmes`;
}

export function programmeUrl(service: ServiceConfig, slug: string): string {
  return `/${service.urlPrefix}/programmes/${encodeURIComponent(slug)}`;
}

/** A programme's podcast feed (RSS 2.0 with the itunes and podcast namespaces). */
export function podcastFeedUrl(service: ServiceConfig, slug: string): string {
  return `${programmeUrl(service, slug)}/podcast.xml`;
}

/** An episode's chapters as a Podcasting 2.0 JSON chapters file. */
export function episodeChaptersUrl(service: ServiceConfig, storyId: string): string {
  return `/${service.urlPrefix}/episodes/${encodeURIComponent(storyId)}/chapters.json`;
}

/** The broadcast schedule; `week` (a Monday, YYYY-MM-DD) for another week than this one. */
export function scheduleUrl(service: ServiceConfig, week?: string): string {
  return `/${service.urlPrefix}/schedule${week ? `?week=${week}` : ""}`;
}

export function scheduleCalendarUrl(service: ServiceConfig): string {
  return `/${service.urlPrefix}/schedule.ics`;
}
