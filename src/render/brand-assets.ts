import type { ServiceConfig } from "../domain/services/service-registry.js";
import type { LocaleConfig } from "../i18n/locale-registry.js";
import type { Translator } from "../i18n/message-catalogue.js";
import { homeUrl } from "./reader-urls.js";

/**
 * The publisher's own images, drawn here as SVG and served as PNG (`/brand/<name>`): the
 * favicon and app icons, the logo named as NewsArticle `publisher.logo`, and the image a
 * story without pictures is shared with. Google accepts only raster formats for both logo
 * and article image (Article structured data guidelines), hence PNG. The mark has no text,
 * so it needs no font for any script.
 */
export const brandImages = {
  "icon-32.png": { width: 32, height: 32, art: "mark" },
  "icon-180.png": { width: 180, height: 180, art: "mark" },
  "icon-192.png": { width: 192, height: 192, art: "mark" },
  "icon-512.png": { width: 512, height: 512, art: "mark" },
  // At least 112×112 px (Google's minimum for a logo).
  "publisher-logo.png": { width: 512, height: 512, art: "mark" },
  // 16:9 and 1,200 px wide, as Google asks of article images.
  "default-image.png": { width: 1200, height: 675, art: "banner" },
} as const satisfies Record<string, { width: number; height: number; art: "mark" | "banner" }>;

export type BrandImageName = keyof typeof brandImages;

export function isBrandImageName(name: string): name is BrandImageName {
  return Object.hasOwn(brandImages, name);
}

export const brandPrefix = "/brand";

export function brandImageUrl(name: BrandImageName): string {
  return `${brandPrefix}/${name}`;
}

const navy = "#0b2f5c";
const blue = "#0b4f9c";

/** A globe of meridians: the publisher's mark, on a square or a 16:9 banner. */
export function brandSvg(name: BrandImageName): string {
  const { width, height, art } = brandImages[name];
  const size = Math.min(width, height);
  const r = size * (art === "mark" ? 0.34 : 0.3);
  const cx = width / 2;
  const cy = height / 2;
  const stroke = Math.max(2, size * 0.045);
  const background =
    art === "mark"
      ? `<rect width="${width}" height="${height}" rx="${size * 0.18}" fill="${navy}"/>`
      : `<rect width="${width}" height="${height}" fill="${navy}"/><rect y="${height * 0.86}" width="${width}" height="${height * 0.14}" fill="${blue}"/>`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    background,
    `<g fill="none" stroke="#fff" stroke-width="${stroke}">`,
    `<circle cx="${cx}" cy="${cy}" r="${r}"/>`,
    `<ellipse cx="${cx}" cy="${cy}" rx="${r * 0.45}" ry="${r}"/>`,
    `<line x1="${cx}" y1="${cy - r}" x2="${cx}" y2="${cy + r}"/>`,
    `<line x1="${cx - r}" y1="${cy}" x2="${cx + r}" y2="${cy}"/>`,
    "</g></svg>",
  ].join("");
}

/**
 * The service's web app manifest (W3C Web Application Manifest): its name, language and
 * direction, its home as start and scope, and the PNG icons. Its URLs are relative: the
 * spec resolves them against the manifest's own URL (`/<edition>/manifest.webmanifest`), so
 * the same manifest works on a mirror host or under a path prefix (issue 16).
 */
export function webAppManifest(
  service: ServiceConfig,
  locale: LocaleConfig,
  t: Translator,
): Record<string, unknown> {
  return {
    name: service.name,
    short_name: service.name,
    description: t.t("home.description", { service: service.name }),
    lang: service.locale,
    dir: locale.dir,
    start_url: "./",
    scope: "./",
    display: "browser",
    background_color: "#ffffff",
    theme_color: navy,
    icons: (["icon-192.png", "icon-512.png"] as const).map((name) => ({
      src: `..${brandImageUrl(name)}`,
      sizes: `${brandImages[name].width}x${brandImages[name].height}`,
      type: "image/png",
      purpose: "any",
    })),
  };
}

export function webAppManifestUrl(service: ServiceConfig): string {
  return `${homeUrl(service)}manifest.webmanifest`;
}
