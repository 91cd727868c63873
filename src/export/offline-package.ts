import { spawn } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sanitizeHtml from "sanitize-html";
import sharp from "sharp";
import type { ServiceConfig } from "../domain/services/service-registry.js";
import {
  defaultTrustedComment,
  type SigningKey,
  signMinisign,
} from "../domain/signing/minisign.js";
import { intlLocaleFor, locales } from "../i18n/locale-registry.js";
import { liteStylesFor } from "../render/reader/reader-styles.js";
import { type EditionScope, isStoryKey, type PageKey, pageKeyOf } from "./export-paths.js";
import { writeZip, type ZipEntry } from "./zip-writer.js";

/**
 * `newsdesk package` (issue 16, item 5): a daily offline package of an edition's top
 * stories, as EPUB 3 (any e-reader) or ZIM (Kiwix), signed with the mirror key. Stories are
 * the app's own rendered pages (`fetchPage` is `app.request`), so dates, digits, calendar and
 * wording are the site's; the article is cut out of the page, reduced to a safe XHTML subset,
 * and its images re-encoded small (480 px JPEG) so that 50 stories stay under 5 MB.
 */
export type PackageFormat = "epub" | "zim";

export interface PackageOptions {
  readonly fetchPage: (path: string) => Promise<Response>;
  readonly edition: ServiceConfig;
  readonly publicUrl: string;
  readonly format: PackageFormat;
  readonly outFile: string;
  readonly key: SigningKey;
  readonly now: Date;
  /** How many stories (home page order: curated pins first, then newest). */
  readonly top?: number;
  /** zimwriterfs may not run longer than this. */
  readonly timeoutMs?: number;
  /** The package's size limit (default 5 MiB): pictures of the last stories give way first. */
  readonly maxBytes?: number;
}

export interface PackageReport {
  readonly stories: number;
  readonly images: number;
  /** Pictures left out to keep within `maxBytes`. */
  readonly imagesLeftOut: number;
  readonly bytes: number;
  readonly ms: number;
}

export const maxTopStories = 500;
const defaultMaxBytes = 5 * 1024 * 1024;
const imageWidth = 480;
const imageQuality = 60;
/** An image larger than this (before resizing) is left out rather than decoded. */
const maxSourceImageBytes = 20 * 1024 * 1024;

interface PackagedStory {
  readonly file: string;
  readonly title: string;
  readonly time: string;
  readonly body: string;
}

interface PackageContent {
  readonly lang: string;
  readonly dir: "rtl" | "ltr";
  /** The edition's name. */
  readonly title: string;
  /** The package's day in the edition's calendar, digits and time zone. */
  readonly day: string;
  readonly css: string;
  readonly stories: readonly PackagedStory[];
  readonly images: ReadonlyMap<string, Buffer>;
}

export async function buildPackage(options: PackageOptions): Promise<PackageReport> {
  const started = performance.now();
  const maxBytes = options.maxBytes ?? defaultMaxBytes;
  const collected = await collectContent(options);
  const encode = async (content: PackageContent) =>
    options.format === "epub" ? writeEpub(content, options) : await writeZim(content, options);
  let content = collected;
  let bytes = await encode(content);
  // Over the limit (many large pictures): the lowest-ranked stories lose their pictures
  // first, enough to cover the excess, and the package is written again.
  while (bytes.byteLength > maxBytes && content.images.size > 0) {
    content = withoutLastImages(content, bytes.byteLength - maxBytes);
    bytes = await encode(content);
  }
  if (bytes.byteLength > maxBytes) {
    throw new Error(
      `the package is ${bytes.byteLength} bytes without pictures, over the ${maxBytes}-byte limit: use a smaller --top`,
    );
  }
  await writeFile(options.outFile, bytes);
  const name = options.outFile.split("/").pop() ?? options.outFile;
  await writeFile(
    `${options.outFile}.minisig`,
    signMinisign(bytes, options.key, defaultTrustedComment(name, options.now)),
  );
  return {
    stories: content.stories.length,
    images: content.images.size,
    imagesLeftOut: collected.images.size - content.images.size,
    bytes: bytes.byteLength,
    ms: Math.round(performance.now() - started),
  };
}

/** The top stories: the home page's story links in order, then the sitemap's newest. */
async function topStories(options: PackageOptions, scope: EditionScope): Promise<PageKey[]> {
  const top = Math.min(Math.max(1, options.top ?? 50), maxTopStories);
  const root = `/${scope.urlPrefix}/`;
  const keys: PageKey[] = [];
  const add = (key: PageKey | undefined) => {
    if (key !== undefined && keys.length < top && isStoryKey(key, scope) && !keys.includes(key)) {
      keys.push(key);
    }
  };
  const home = await options.fetchPage(root);
  if (home.status !== 200) throw new Error(`${root} answered ${home.status}`);
  const main = mainOf(await home.text());
  for (const [, href = ""] of main.matchAll(/<a [^>]*href="([^"]+)"/g)) {
    add(pageKeyOf(new URL(decodeEntities(href), options.publicUrl), scope));
  }
  if (keys.length < top) {
    const dated = await sitemapStories(options, `${root}sitemap.xml`, scope);
    dated.sort((a, b) => (a.lastmod < b.lastmod ? 1 : a.lastmod > b.lastmod ? -1 : 0));
    for (const { key } of dated) add(key);
  }
  return keys;
}

async function sitemapStories(
  options: PackageOptions,
  path: string,
  scope: EditionScope,
  depth = 0,
): Promise<{ key: PageKey; lastmod: string }[]> {
  const response = await options.fetchPage(path);
  if (response.status !== 200 || depth > 1) return [];
  const out: { key: PageKey; lastmod: string }[] = [];
  const xml = await response.text();
  for (const [, kind, loc = "", lastmod = ""] of xml.matchAll(
    /<(sitemap|url)><loc>([^<]+)<\/loc>(?:<lastmod>([^<]+)<\/lastmod>)?/g,
  )) {
    const url = new URL(decodeEntities(loc));
    if (kind === "sitemap") {
      if (/sitemap-stories-/.test(url.pathname)) {
        out.push(...(await sitemapStories(options, url.pathname, scope, depth + 1)));
      }
    } else {
      const key = pageKeyOf(url, scope);
      if (key !== undefined) out.push({ key, lastmod });
    }
  }
  return out;
}

async function collectContent(options: PackageOptions): Promise<PackageContent> {
  const scope: EditionScope = {
    urlPrefix: options.edition.urlPrefix,
    publicOrigin: options.publicUrl,
  };
  const keys = await topStories(options, scope);
  const fileOf = new Map(keys.map((key, i) => [key, `s${String(i + 1).padStart(3, "0")}.xhtml`]));
  const images = new Map<string, Buffer>();
  const imageFiles = new Map<string, string>();
  const stories: PackagedStory[] = [];
  let lang = options.edition.locale as string;
  let dir: "rtl" | "ltr" = "ltr";
  for (const key of keys) {
    const response = await options.fetchPage(key);
    if (response.status !== 200) {
      await response.body?.cancel();
      continue;
    }
    const html = await response.text();
    lang = /<html[^>]* lang="([^"]+)"/.exec(html)?.[1] ?? lang;
    dir = /<html[^>]* dir="rtl"/.test(html) ? "rtl" : "ltr";
    const article = /<article[\s>][\s\S]*<\/article>/.exec(mainOf(html))?.[0] ?? "";
    const pending: string[] = [];
    let body = toXhtmlFragment(
      article,
      (href) => {
        const url = new URL(decodeEntities(href), options.publicUrl);
        const target = pageKeyOf(url, scope);
        const local = target === undefined ? undefined : fileOf.get(target);
        if (local) return local;
        return url.origin === new URL(options.publicUrl).origin || /^https?:$/.test(url.protocol)
          ? url.href
          : undefined;
      },
      (src) => {
        const url = new URL(decodeEntities(src), options.publicUrl);
        if (url.origin !== new URL(options.publicUrl).origin) return undefined;
        const path = url.pathname + url.search;
        let file = imageFiles.get(path);
        if (!file) {
          file = `i${String(imageFiles.size + 1).padStart(3, "0")}.jpg`;
          imageFiles.set(path, file);
          pending.push(path);
        }
        return file;
      },
    );
    for (const path of pending) {
      const file = imageFiles.get(path) as string;
      const image = await packageImage(options, path);
      if (image) images.set(file, image);
    }
    // An image that could not be fetched or decoded: no broken reference left behind.
    body = body.replace(/<img [^>]*src="(i\d+\.jpg)"[^>]*\/>/g, (tag, file: string) =>
      images.has(file) ? tag : "",
    );
    const title = decodeEntities(
      (/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(article)?.[1] ?? "").replace(/<[^>]*>/g, ""),
    ).trim();
    const time = decodeEntities(
      (/<time[^>]*>([\s\S]*?)<\/time>/.exec(article)?.[1] ?? "").replace(/<[^>]*>/g, ""),
    ).trim();
    stories.push({ file: fileOf.get(key) as string, title, time, body });
  }
  const locale = locales[options.edition.locale];
  const css =
    `${liteStylesFor(locale)}` +
    "body{padding:0 1rem}img{max-width:100%;height:auto}figure{margin:1rem 0}" +
    // The site's layout rules these pieces rely on (the full stylesheet is not packaged).
    ".meta>span,.credit{display:block}.tag-updated{margin-inline-end:.3em}" +
    "figcaption,.meta,.byline,.kicker{font-size:.875em;color:#444}" +
    ".index li{margin-block:.5rem}.index small{display:block;color:#555}";
  const day = new Intl.DateTimeFormat(intlLocaleFor(options.edition.locale), {
    dateStyle: "long",
    timeZone: options.edition.timeZone,
  }).format(options.now);
  return { lang, dir, title: options.edition.name, day, css, stories, images };
}

/** Fetches an image through the app and re-encodes it 480 px wide, JPEG. */
async function packageImage(options: PackageOptions, path: string): Promise<Buffer | undefined> {
  const response = await options.fetchPage(path);
  const length = Number(response.headers.get("Content-Length") ?? "0");
  if (response.status !== 200 || length > maxSourceImageBytes) {
    await response.body?.cancel();
    return undefined;
  }
  const source = Buffer.from(await response.arrayBuffer());
  if (source.byteLength > maxSourceImageBytes) return undefined;
  try {
    return await sharp(source, { limitInputPixels: 50_000_000 })
      .rotate()
      .resize({ width: imageWidth, withoutEnlargement: true })
      .flatten({ background: "#ffffff" })
      .jpeg({ quality: imageQuality, mozjpeg: true })
      .toBuffer();
  } catch {
    return undefined;
  }
}

/** The content without the last stories' pictures, at least `excess` bytes of them. */
function withoutLastImages(content: PackageContent, excess: number): PackageContent {
  const images = new Map(content.images);
  let freed = 0;
  // Files are numbered in story order: the last are the lowest-ranked stories' pictures.
  for (const file of [...images.keys()].sort().reverse()) {
    if (freed >= excess) break;
    freed += images.get(file)?.byteLength ?? 0;
    images.delete(file);
  }
  const stories = content.stories.map((story) => ({
    ...story,
    body: story.body.replace(/<img [^>]*src="(i\d+\.jpg)"[^>]*\/>/g, (tag, file: string) =>
      images.has(file) ? tag : "",
    ),
  }));
  return { ...content, images, stories };
}

function mainOf(html: string): string {
  return /<main[\s>][\s\S]*<\/main>/.exec(html)?.[0] ?? "";
}

/**
 * The article as well-formed XHTML: an allow-list of elements and attributes, void
 * elements self-closed, text re-escaped (sanitize-html decodes entities such as `&nbsp;`,
 * which XML does not define, and escapes `& < > "` on output). Links to packaged stories
 * become local files, other links absolute; images are renamed to their packaged files.
 */
function toXhtmlFragment(
  html: string,
  link: (href: string) => string | undefined,
  image: (src: string) => string | undefined,
): string {
  return sanitizeHtml(html, {
    allowedTags: [
      "article",
      "header",
      "footer",
      "section",
      "h1",
      "h2",
      "h3",
      "h4",
      "p",
      "a",
      "ul",
      "ol",
      "li",
      "blockquote",
      "figure",
      "figcaption",
      "img",
      "time",
      "em",
      "strong",
      "b",
      "i",
      "span",
      "bdi",
      "br",
      "small",
      "cite",
      "q",
      "table",
      "thead",
      "tbody",
      "tr",
      "th",
      "td",
      "caption",
      "sub",
      "sup",
    ],
    allowedAttributes: {
      "*": ["lang", "dir", "class"],
      a: ["href"],
      img: ["src", "alt", "width", "height"],
      time: ["datetime"],
      th: ["scope"],
    },
    allowedSchemes: ["http", "https"],
    selfClosing: ["img", "br"],
    // Navigation, forms and asides (related stories, sharing) are site furniture.
    exclusiveFilter: (frame) => ["nav", "aside", "form", "button"].includes(frame.tag),
    nonTextTags: ["script", "style", "textarea", "option", "noscript", "template"],
    transformTags: {
      a: (tagName, attribs) => {
        const href = attribs.href ? link(attribs.href) : undefined;
        const { href: _href, ...rest } = attribs;
        return { tagName, attribs: href ? { ...rest, href } : rest };
      },
      img: (tagName, attribs) => {
        const src = attribs.src ? image(attribs.src) : undefined;
        const { src: _src, width: _w, height: _h, ...rest } = attribs;
        return { tagName, attribs: src ? { ...rest, src, alt: rest.alt ?? "" } : {} };
      },
    },
  })
    .replace(/<img \/>/g, "")
    .replace(/<img alt="[^"]*" \/>/g, "");
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

function page(content: PackageContent, title: string, body: string, xml: boolean): string {
  const lang = escapeXml(content.lang);
  const attrs = `lang="${lang}" dir="${content.dir}"`;
  const head =
    `<head><meta charset="utf-8"/><title>${escapeXml(title)}</title>` +
    `<link rel="stylesheet" href="style.css"/></head>`;
  return xml
    ? `<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="${lang}" ${attrs}>${head}<body>${body}</body></html>\n`
    : `<!DOCTYPE html>\n<html ${attrs}>${head}<body>${body}</body></html>\n`;
}

/**
 * The list of stories. The EPUB navigation document's `toc` allows only a link in each item
 * (EPUB 3.3 §7.3 "The nav element: restrictions"), so dates are for the ZIM index only.
 */
function indexList(
  content: PackageContent,
  fileOf: (story: PackagedStory) => string,
  withTimes: boolean,
): string {
  return content.stories
    .map(
      (story) =>
        `<li><a href="${escapeXml(fileOf(story))}">${escapeXml(story.title)}</a>` +
        (withTimes && story.time ? ` <small>${escapeXml(story.time)}</small>` : "") +
        "</li>",
    )
    .join("");
}

/** EPUB 3.3: OCF container, package document, navigation document, XHTML content. */
function writeEpub(content: PackageContent, options: PackageOptions): Buffer {
  const day = options.now.toISOString().slice(0, 10);
  const modified = `${options.now.toISOString().slice(0, 19)}Z`;
  const identifier = `urn:newsdesk:${options.edition.urlPrefix}:${day}`;
  const title = `${content.title} — ${content.day}`;
  const utf8 = (text: string) => Buffer.from(text, "utf8");
  const nav = page(
    content,
    title,
    `<nav epub:type="toc" id="toc"><h1>${escapeXml(title)}</h1><ol class="index">${indexList(content, (s) => s.file, false)}</ol></nav>`,
    true,
  );
  const manifest = [
    `<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>`,
    `<item id="css" href="style.css" media-type="text/css"/>`,
    ...content.stories.map(
      (s) =>
        `<item id="${s.file.replace(".xhtml", "")}" href="${s.file}" media-type="application/xhtml+xml"/>`,
    ),
    ...[...content.images.keys()].map(
      (file) => `<item id="${file.replace(".jpg", "")}" href="${file}" media-type="image/jpeg"/>`,
    ),
  ].join("\n    ");
  const spine = [
    `<itemref idref="nav"/>`,
    ...content.stories.map((s) => `<itemref idref="${s.file.replace(".xhtml", "")}"/>`),
  ].join("\n    ");
  const opf =
    `<?xml version="1.0" encoding="utf-8"?>\n` +
    `<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" xml:lang="${escapeXml(content.lang)}" dir="${content.dir}">\n` +
    `  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">\n` +
    `    <dc:identifier id="uid">${escapeXml(identifier)}</dc:identifier>\n` +
    `    <dc:title>${escapeXml(title)}</dc:title>\n` +
    `    <dc:language>${escapeXml(content.lang)}</dc:language>\n` +
    `    <dc:publisher>${escapeXml(content.title)}</dc:publisher>\n` +
    `    <dc:date>${day}</dc:date>\n` +
    `    <meta property="dcterms:modified">${modified}</meta>\n` +
    `  </metadata>\n  <manifest>\n    ${manifest}\n  </manifest>\n` +
    // EPUB 3.3 §5.4.5: the reading order of an RTL edition runs right to left.
    `  <spine page-progression-direction="${content.dir}">\n    ${spine}\n  </spine>\n</package>\n`;
  const container =
    `<?xml version="1.0" encoding="utf-8"?>\n` +
    `<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">` +
    `<rootfiles><rootfile full-path="OEBPS/package.opf" media-type="application/oebps-package+xml"/></rootfiles></container>\n`;
  const entries: ZipEntry[] = [
    { name: "mimetype", data: utf8("application/epub+zip"), store: true },
    { name: "META-INF/container.xml", data: utf8(container) },
    { name: "OEBPS/package.opf", data: utf8(opf) },
    { name: "OEBPS/nav.xhtml", data: utf8(nav) },
    { name: "OEBPS/style.css", data: utf8(content.css) },
    ...content.stories.map((s) => ({
      name: `OEBPS/${s.file}`,
      data: utf8(page(content, s.title, s.body, true)),
    })),
    ...[...content.images].map(([file, data]) => ({ name: `OEBPS/${file}`, data, store: true })),
  ];
  return writeZip(entries, options.now);
}

/** ISO 639-3 codes of the editions' languages (zimwriterfs --language). */
const iso6393: Readonly<Record<string, string>> = {
  en: "eng",
  fr: "fra",
  es: "spa",
  pt: "por",
  sq: "sqi",
  bs: "bos",
  tr: "tur",
  az: "aze",
  uz: "uzb",
  ku: "kur",
  id: "ind",
  vi: "vie",
  ha: "hau",
  sw: "swa",
  so: "som",
  om: "orm",
  rw: "kin",
  rn: "run",
  sn: "sna",
  nd: "nde",
  bm: "bam",
  ln: "lin",
  ht: "hat",
  ru: "rus",
  uk: "ukr",
  mk: "mkd",
  sr: "srp",
  hy: "hye",
  ka: "kat",
  fa: "fas",
  ar: "ara",
  ps: "pus",
  ur: "urd",
  ckb: "ckb",
  hi: "hin",
  bn: "ben",
  ne: "nep",
  my: "mya",
  th: "tha",
  km: "khm",
  lo: "lao",
  bo: "bod",
  am: "amh",
  ti: "tir",
  zh: "zho",
  yue: "yue",
  ko: "kor",
};

function iso6393Of(locale: string): string {
  return iso6393[locale.split("-")[0] ?? ""] ?? "mul";
}

/** ZIM (openZIM) with Debian's zimwriterfs from a staged HTML directory. */
async function writeZim(content: PackageContent, options: PackageOptions): Promise<Buffer> {
  const stage = await mkdtemp(join(tmpdir(), "newsdesk-zim-"));
  const html = join(stage, "html");
  const out = join(stage, "package.zim");
  try {
    await mkdir(html);
    const htmlName = (file: string) => file.replace(/\.xhtml$/, ".html");
    await writeFile(join(html, "style.css"), content.css);
    await writeFile(
      join(html, "index.html"),
      page(
        content,
        content.title,
        `<main><h1>${escapeXml(content.title)}</h1><p>${escapeXml(content.day)}</p><ol class="index">${indexList(content, (s) => htmlName(s.file), true)}</ol></main>`,
        false,
      ),
    );
    for (const story of content.stories) {
      const body = story.body.replace(/href="(s\d+)\.xhtml"/g, 'href="$1.html"');
      await writeFile(join(html, htmlName(story.file)), page(content, story.title, body, false));
    }
    for (const [file, data] of content.images) await writeFile(join(html, file), data);
    // The 48×48 PNG illustration Kiwix shows in its library.
    await writeFile(
      join(html, "illustration.png"),
      await sharp({
        create: { width: 48, height: 48, channels: 3, background: "#b80000" },
      })
        .png()
        .toBuffer(),
    );
    await run(
      "zimwriterfs",
      [
        "--welcome=index.html",
        "--illustration=illustration.png",
        `--language=${iso6393Of(content.lang)}`,
        `--title=${content.title.slice(0, 30)}`,
        `--description=${`${content.title} — ${content.day}`.slice(0, 80)}`,
        `--creator=${content.title}`,
        "--publisher=Newsdesk",
        `--name=newsdesk_${options.edition.urlPrefix}`,
        "--threads=2",
        html,
        out,
      ],
      options.timeoutMs ?? 60_000,
    );
    await stat(out);
    return await readFile(out);
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}

function run(command: string, args: readonly string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "ignore", "pipe"], timeout: timeoutMs });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      if (stderr.length < 4096) stderr += chunk.toString("utf8");
    });
    child.on("error", (error) =>
      reject(new Error(`${command} could not run (apt-get install zim-tools): ${error.message}`)),
    );
    child.on("close", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${command} failed (${signal ?? `exit ${code}`}): ${stderr.trim()}`));
    });
  });
}
