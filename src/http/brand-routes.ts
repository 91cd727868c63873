import { Hono } from "hono";
import { serviceByUrlPrefix } from "../domain/services/service-registry.js";
import { locales } from "../i18n/locale-registry.js";
import { translatorFor } from "../i18n/message-catalogue.js";
import { svgToPng } from "../media/svg-to-png.js";
import {
  type BrandImageName,
  brandPrefix,
  brandSvg,
  isBrandImageName,
  webAppManifest,
} from "../render/brand-assets.js";
import { problemResponse } from "./problem-json.js";

/**
 * The favicon, app icons, publisher logo and default article image (PNG, drawn once on
 * first request and kept for the life of the app), and each service's web app manifest.
 */
export function brandRoutes(): Hono {
  const app = new Hono();
  const pngs = new Map<BrandImageName, Promise<Buffer>>();

  app.get(`${brandPrefix}/:name`, async (c) => {
    const name = c.req.param("name");
    if (!isBrandImageName(name)) return problemResponse(c, "NOT_FOUND", "No such image.");
    let png = pngs.get(name);
    if (!png) {
      png = svgToPng(brandSvg(name));
      pngs.set(name, png);
    }
    return c.body(new Uint8Array(await png), 200, {
      "Content-Type": "image/png",
      "Cache-Control": "public, max-age=86400",
    });
  });

  app.get("/:prefix/manifest.webmanifest", (c) => {
    const service = serviceByUrlPrefix(c.req.param("prefix"));
    if (!service) return c.notFound();
    const manifest = webAppManifest(
      service,
      locales[service.locale],
      translatorFor(service.locale),
    );
    return c.body(JSON.stringify(manifest), 200, {
      "Content-Type": "application/manifest+json; charset=utf-8",
      "Cache-Control": "public, max-age=3600",
    });
  });

  return app;
}
