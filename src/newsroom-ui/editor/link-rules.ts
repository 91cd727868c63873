/**
 * The same rule as the story schema's link mark: absolute http(s) URLs or site-relative
 * paths only, so `javascript:` and `data:` never become links.
 */
export function isAllowedHref(href: string): boolean {
  return href.length <= 2048 && /^(https?:\/\/|\/(?!\/))/i.test(href.trim());
}
