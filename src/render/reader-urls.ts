import type { RenditionInfo } from "../domain/media/media-schema.js";
import { renditionName } from "../domain/media/media-schema.js";
import type { ServiceConfig } from "../domain/services/service-registry.js";

/**
 * Reader URLs. They are readable (service, section, slug) and stable: the story id at the
 * end is what resolves, so a later headline or section change redirects to the new form.
 */

export function homeUrl(service: ServiceConfig): string {
  return `/${service.urlPrefix}/`;
}

export function storyUrl(
  service: ServiceConfig,
  story: { readonly id: string; readonly slug: string; readonly section: string },
): string {
  return `/${service.urlPrefix}/${encodeURIComponent(story.section)}/${encodeURIComponent(story.slug)}-${story.id}`;
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

export function mediaUrl(
  mediaId: string,
  rendition: Pick<RenditionInfo, "shape" | "format" | "width">,
): string {
  return `/media/${mediaId}/${renditionName(rendition)}`;
}

export const textSizeUrl = "/_/text-size";

/** Splits `slug-id` from the last path segment of a story URL. */
export function parseStorySegment(segment: string): { slug: string; id: string } | undefined {
  const match = /^(?:(.*)-)?([0-9a-hjkmnp-tv-z]{12})$/.exec(segment);
  if (!match?.[2]) return undefined;
  return { slug: match[1] ?? "", id: match[2] };
}
