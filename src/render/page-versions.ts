import { hreflang } from "../domain/distribution/language-tags.js";
import {
  editionsOf,
  type ServiceConfig,
  serviceEditions,
} from "../domain/services/service-registry.js";
import { homeUrl, storyUrl } from "./reader-urls.js";

/**
 * A page's language versions: where each lives, in which edition (service + script). Pages
 * (`<link rel="alternate" hreflang>`) and sitemaps (`xhtml:link`) both derive their
 * annotations from these, through `hreflangAlternates`, so the two always agree.
 */
export interface PageVersion {
  readonly edition: ServiceConfig;
  readonly path: string;
  /** The version readers land on when none matches their language (hreflang x-default). */
  readonly isDefault: boolean;
}

/** One published member of a story family, in one edition. */
export interface StoryInEdition {
  readonly edition: ServiceConfig;
  readonly storyId: string;
  readonly slug: string;
  readonly section: string;
}

/**
 * Story versions of one family, in every edition of every member's service (Serbian in both
 * scripts). The family's source story, in its service's default edition, is the x-default.
 */
export function storyVersions(members: readonly StoryInEdition[], familyId: string): PageVersion[] {
  // Editions are listed default first, so this finds the source's default edition.
  const defaultIndex = Math.max(
    0,
    members.findIndex((m) => m.storyId === familyId),
  );
  return members.map((m, index) => ({
    edition: m.edition,
    path: storyUrl(m.edition, { id: m.storyId, slug: m.slug, section: m.section }),
    isDefault: index === defaultIndex,
  }));
}

/**
 * Every edition's home page. Each edition's front covers the same world for its own
 * audience, so the homes are alternates of each other, with English as x-default.
 */
export function homeVersions(): PageVersion[] {
  return serviceEditions.map((edition) => ({
    edition,
    path: homeUrl(edition),
    isDefault: edition.id === "en",
  }));
}

/**
 * One page in every script edition of its service (Serbian sections and topics, in Latin
 * and Cyrillic), the service's default edition being the x-default. A service with one
 * edition has one version, so no annotations.
 */
export function scriptVersions(
  edition: ServiceConfig,
  pathIn: (edition: ServiceConfig) => string,
): PageVersion[] {
  return editionsOf(edition.id).map((e, index) => ({
    edition: e,
    path: pathIn(e),
    isDefault: index === 0,
  }));
}

export interface HreflangAlternate {
  readonly hreflang: string;
  readonly href: string;
}

/**
 * The hreflang annotations of a page with these versions (Google Search Central, "Tell
 * Google about localized versions of your page"): every version, the page itself included,
 * plus x-default, so the annotations are reciprocal. None for a page with one version.
 */
export function hreflangAlternates(
  versions: readonly PageVersion[],
  publicUrl: string,
): HreflangAlternate[] {
  if (versions.length < 2) return [];
  const fallback = versions.find((v) => v.isDefault) ?? versions[0];
  return [
    ...versions.map((v) => ({
      hreflang: hreflang(v.edition.locale),
      href: `${publicUrl}${v.path}`,
    })),
    ...(fallback ? [{ hreflang: "x-default", href: `${publicUrl}${fallback.path}` }] : []),
  ];
}
