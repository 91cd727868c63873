import { isoSeconds } from "../feeds/feed-document.js";
import type { RenderContext } from "./render-context.js";

/**
 * A localized date in the service's calendar and digits, machine-readable in `datetime`
 * (a valid global date and time string, HTML §2.3.5.7) to the second: readers see minutes,
 * and milliseconds would add four bytes to every time on every page.
 */
export function TimeTag({ ctx, iso }: { ctx: RenderContext; iso: string }) {
  const date = new Date(iso);
  return <time dateTime={isoSeconds(iso)}>{ctx.dates.dateTime(date)}</time>;
}
