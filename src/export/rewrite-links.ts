import {
  type EditionScope,
  filePathOf,
  type PageKey,
  pageKeyOf,
  relativeLink,
} from "./export-paths.js";

/**
 * Turns a page rendered by the app into its static copy: in-scope links become relative
 * file paths, links the export cannot hold (other editions, cookie endpoints) lose their
 * `href`, and server-only features are removed (the text-size form sets a cookie; the live
 * script opens an EventSource a static host cannot answer). `rel="canonical"` and hreflang
 * alternates keep PUBLIC_URL on purpose: they tell search engines where the original is.
 *
 * The input is our own renderer's output (double-quoted, escaped attributes), which is what
 * makes attribute-level rewriting sound here; it is not a general HTML parser.
 */
export interface RewriteResult {
  readonly html: string;
  /** In-scope pages and assets this page links to, for the crawl. */
  readonly links: PageKey[];
}

const tagPattern = /<(a|link|img|source|form|script|video|audio|iframe)\b[^>]*>/gi;
const urlAttributePattern = /\s(href|src|action|poster)="([^"]*)"/gi;
const srcsetPattern = /\s(srcset)="([^"]*)"/gi;
const textSizeForm = /<form\b[^>]*action="[^"]*\/_\/text-size"[^>]*>[\s\S]*?<\/form>/gi;
const liveScript =
  /<script\b[^>]*>(?:(?!<\/script>)[\s\S])*?EventSource(?:(?!<\/script>)[\s\S])*?<\/script>/gi;

function unescapeAttribute(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
}

export function rewritePage(
  html: string,
  pagePath: string,
  scope: EditionScope,
  searchFile: string,
  /** False for pages the export will not hold (a killed story the breaking bar still names). */
  exists: (key: PageKey) => boolean = () => true,
): RewriteResult {
  const base = new URL(pagePath, scope.publicOrigin);
  const selfFile = filePathOf(pageKeyOf(base, scope) ?? pagePath, scope);
  const links = new Set<PageKey>();

  const localize = (raw: string): string | undefined => {
    const value = unescapeAttribute(raw);
    if (value === "" || value.startsWith("#") || /^(mailto|tel|data|javascript):/i.test(value)) {
      return raw;
    }
    let url: URL;
    try {
      url = new URL(value, base);
    } catch {
      return raw;
    }
    if (!/^https?:$/.test(url.protocol)) return raw;
    const key = pageKeyOf(url, scope);
    if (key === undefined) {
      // Another host entirely (a source the story cites): left as it is.
      return url.origin === new URL(scope.publicOrigin).origin ? undefined : raw;
    }
    if (key === `/${scope.urlPrefix}/search`) {
      return escapeAttribute(relativeLink(selfFile, searchFile));
    }
    if (!exists(key)) return undefined;
    links.add(key);
    return escapeAttribute(relativeLink(selfFile, filePathOf(key, scope), url.hash));
  };

  const rewritten = html
    .replace(textSizeForm, "")
    .replace(liveScript, "")
    .replace(tagPattern, (tag) => {
      if (/^<link\b/i.test(tag) && (/\srel="canonical"/i.test(tag) || /\shreflang="/i.test(tag))) {
        return tag;
      }
      return tag
        .replace(urlAttributePattern, (_whole, name: string, value: string) => {
          const local = localize(value);
          return local === undefined ? "" : ` ${name}="${local}"`;
        })
        .replace(srcsetPattern, (_whole, name: string, value: string) => {
          const candidates = value.split(",").map((candidate) => {
            const [url = "", ...descriptor] = candidate.trim().split(/\s+/);
            const local = localize(url);
            return local === undefined ? undefined : [local, ...descriptor].join(" ");
          });
          const kept = candidates.filter((c): c is string => c !== undefined);
          return kept.length > 0 ? ` ${name}="${kept.join(", ")}"` : "";
        });
    });
  return { html: rewritten, links: [...links] };
}

/**
 * JSON documents with root-relative URLs (the web app manifest's `start_url` and icons):
 * the same localization, on JSON string values that are paths.
 */
export function rewriteJsonPaths(
  text: string,
  filePath: string,
  scope: EditionScope,
): RewriteResult {
  const links = new Set<PageKey>();
  const out = text.replace(/"(\/[^"\\]*)"/g, (whole, path: string) => {
    const key = pageKeyOf(new URL(path, scope.publicOrigin), scope);
    if (key === undefined) return whole;
    links.add(key);
    return JSON.stringify(relativeLink(filePath, filePathOf(key, scope)));
  });
  return { html: out, links: [...links] };
}
