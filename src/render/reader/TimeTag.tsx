import type { RenderContext } from "./render-context.js";

/** A localized date in the service's calendar and digits, machine-readable in `datetime`. */
export function TimeTag({ ctx, iso }: { ctx: RenderContext; iso: string }) {
  return <time dateTime={iso}>{ctx.dates.dateTime(new Date(iso))}</time>;
}
