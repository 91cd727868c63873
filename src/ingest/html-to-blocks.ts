import sanitizeHtml from "sanitize-html";
import { isNewsdeskError, NewsdeskError } from "../domain/error-catalogue.js";
import type {
  InlineMark,
  InlineText,
  StoryBlock,
  StoryBody,
} from "../domain/stories/story-body-schema.js";
import { isWireRejection } from "../domain/wire/wire-document-parser.js";
import {
  attr,
  isElement,
  localName,
  parseXml,
  type XmlElement,
  type XmlNode,
} from "./xml-reader.js";

/**
 * Converts wire markup (ninjs `body_html`, NewsML-G2 inline XHTML, NITF `body.content`,
 * RSS `content:encoded`) into story blocks. Sanitizing happens by construction: only the
 * block model survives, so scripts, event handlers, styles, iframes and forms have nowhere
 * to go, and links keep only absolute http(s) or site-relative targets (the same rule as
 * `inlineMarkSchema`). Images cannot become figure blocks at ingest (a figure needs a
 * media-library asset), so they are returned separately for the adapter to list as pictures.
 */

type BodyImage = { src: string; alt?: string; caption?: string };
export type BodyConversion = { body: StoryBody; images: BodyImage[]; warnings: string[] };

const MAX_BLOCKS = 2000;
const MAX_TEXT = 20_000;
const MAX_PARTS = 500;

/**
 * Bounds on one conversion, for wire bodies and editor pastes alike. htmlparser2 keeps its
 * open-element stack with `unshift`, so each tag costs time proportional to the depth and
 * 150,000 nested <div>s took 14 s; a recursive walk over such a tree can also exhaust the
 * stack. Real articles stay far below these: a 2,000-block story with marks and links has
 * about 10,000 elements and a depth under 20. Past a bound the conversion is refused
 * (`HTML_TOO_COMPLEX`; the wire parser files it as WIRE_TOO_DEEP), never truncated, so
 * nobody publishes half an article without knowing.
 */
export interface HtmlLimits {
  /** Open elements at once (the parser's stack), the same bound as the XML reader's. */
  readonly maxDepth: number;
  /** Elements in one body. */
  readonly maxElements: number;
  /** Wall-clock budget for one conversion, checked while parsing and while walking. */
  readonly maxMillis: number;
}

const htmlLimits: HtmlLimits = { maxDepth: 256, maxElements: 50_000, maxMillis: 2_000 };

/** Clock reads cost more than counting: look once per this many elements. */
const CLOCK_STRIDE = 512;

/** Counts elements and watches the clock for one conversion. */
class ConversionBudget {
  readonly #limits: HtmlLimits;
  readonly #deadline: number;
  #elements = 0;

  constructor(limits: HtmlLimits, deadline = performance.now() + limits.maxMillis) {
    this.#limits = limits;
    this.#deadline = deadline;
  }

  /** A new element count on the same clock, for the second pass over the same markup. */
  sameDeadline(): ConversionBudget {
    return new ConversionBudget(this.#limits, this.#deadline);
  }

  /** One element opened at `depth` (1 for a top-level element). */
  element(depth: number): void {
    this.#elements += 1;
    if (depth > this.#limits.maxDepth) {
      throw tooComplex(`Elements are nested more than ${this.#limits.maxDepth} levels deep.`);
    }
    if (this.#elements > this.#limits.maxElements) {
      throw tooComplex(`The markup has more than ${this.#limits.maxElements} elements.`);
    }
    if (this.#elements % CLOCK_STRIDE === 0) this.checkTime();
  }

  checkTime(): void {
    if (performance.now() > this.#deadline) {
      throw tooComplex(`Converting the markup took longer than ${this.#limits.maxMillis} ms.`);
    }
  }
}

function tooComplex(detail: string): NewsdeskError {
  return new NewsdeskError("HTML_TOO_COMPLEX", { detail });
}

/** True for the refusal above; the wire parser turns it into WIRE_TOO_DEEP. */
export function isHtmlTooComplex(error: unknown): error is NewsdeskError {
  return isNewsdeskError(error) && error.code === "HTML_TOO_COMPLEX";
}

/** Elements whose content is never reader text. */
const dropped = new Set([
  "script",
  "style",
  "head",
  "title",
  "noscript",
  "iframe",
  "object",
  "embed",
  "applet",
  "form",
  "button",
  "input",
  "select",
  "option",
  "textarea",
  "template",
  "svg",
  "math",
  "video",
  "audio",
  "source",
  "track",
  "canvas",
  "map",
  // NITF metadata that may sit inside body content (NITF 3.x DTD).
  "nitf-table-metadata",
  "media-metadata",
  "media-producer",
  "media-object",
  "body.end",
  "tobject",
  // Page chrome in XHTML bodies: dpa's <header> repeats headline, time and slugline, which
  // the adapters already map to fields.
  "header",
  "nav",
]);

/** Containers whose children are blocks: they start and end a paragraph but add nothing. */
const containers = new Set([
  "html",
  "body",
  "div",
  "section",
  "article",
  "main",
  "footer",
  "aside",
  "nav",
  "center",
  "dl",
  "dt",
  "dd",
  "block",
  "body.content",
  "body.head",
  "abstract",
  "tagline",
  "note",
  "fn",
  "address",
  "details",
  "summary",
  "caption",
]);

const paragraphs = new Set(["p", "li"]);

const linkPattern = /^(https?:\/\/|\/(?!\/))/i;

type Collector = {
  blocks: StoryBlock[];
  inline: InlineText[];
  marks: InlineMark[];
  images: BodyImage[];
  warnings: string[];
  budget: ConversionBudget;
  /** Elements open above the node being visited. */
  depth: number;
};

function newCollector(
  images: BodyImage[],
  warnings: string[],
  budget: ConversionBudget,
  depth = 0,
): Collector {
  return { blocks: [], inline: [], marks: [], images, warnings, budget, depth };
}

function sameMarks(a: readonly InlineMark[] | undefined, b: readonly InlineMark[]): boolean {
  const left = a ?? [];
  if (left.length !== b.length) return false;
  return left.every((mark, index) => JSON.stringify(mark) === JSON.stringify(b[index]));
}

function appendText(collector: Collector, raw: string): void {
  const text = raw.replace(/\s+/g, " ");
  if (text.length === 0) return;
  const last = collector.inline[collector.inline.length - 1];
  if (last && sameMarks(last.marks, collector.marks)) {
    last.text += text;
    return;
  }
  const part: InlineText = { text };
  if (collector.marks.length > 0) part.marks = [...collector.marks];
  collector.inline.push(part);
}

/** Trims, drops empty parts and enforces the schema's limits on inline content. */
function finishInline(parts: InlineText[]): InlineText[] {
  const first = parts[0];
  if (first) first.text = first.text.replace(/^\s+/, "");
  const last = parts[parts.length - 1];
  if (last) last.text = last.text.replace(/\s+$/, "");
  let result: InlineText[] = [];
  const merged: InlineText[] = [];
  for (const part of parts) {
    const previous = merged[merged.length - 1];
    if (previous && sameMarks(previous.marks, part.marks ?? [])) previous.text += part.text;
    else merged.push({ ...part });
  }
  for (const part of merged) {
    if (part.text.length === 0) continue;
    for (let start = 0; start < part.text.length; start += MAX_TEXT) {
      const piece: InlineText = { text: part.text.slice(start, start + MAX_TEXT) };
      if (part.marks) piece.marks = part.marks;
      result.push(piece);
    }
  }
  if (result.every((part) => part.text.trim().length === 0)) return [];
  if (result.length > MAX_PARTS) {
    // Pathological markup (hundreds of alternating marks): keep the words, drop the marks.
    const plain = result.map((part) => part.text).join("");
    result = [];
    for (let start = 0; start < plain.length; start += MAX_TEXT) {
      result.push({ text: plain.slice(start, start + MAX_TEXT) });
    }
    result = result.slice(0, MAX_PARTS);
  }
  return result;
}

function pushBlock(collector: Collector, block: StoryBlock): void {
  if (collector.blocks.length >= MAX_BLOCKS) {
    if (collector.blocks.length === MAX_BLOCKS) {
      collector.warnings.push(`The body was cut at ${MAX_BLOCKS} blocks.`);
      // A sentinel so the warning is given once; removed in convertNodes.
      collector.blocks.push({ type: "paragraph", content: [] });
    }
    return;
  }
  collector.blocks.push(block);
}

function flush(collector: Collector, kind: "paragraph" | 2 | 3 = "paragraph"): void {
  const content = finishInline(collector.inline);
  collector.inline = [];
  if (content.length === 0) return;
  if (kind === "paragraph") pushBlock(collector, { type: "paragraph", content });
  else pushBlock(collector, { type: "heading", level: kind, content });
}

/** Inline content of a subtree, flattening any blocks inside it (for list items, quotes). */
function inlineOf(nodes: readonly XmlNode[], collector: Collector, separator = " "): InlineText[] {
  const inner = newCollector(
    collector.images,
    collector.warnings,
    collector.budget,
    collector.depth,
  );
  inner.marks = [...collector.marks];
  for (const node of nodes) visit(node, inner);
  flush(inner);
  const parts: InlineText[] = [];
  for (const block of inner.blocks) {
    if (block.type === "paragraph" || block.type === "heading" || block.type === "quote") {
      if (parts.length > 0) parts.push({ text: separator });
      parts.push(...block.content);
    } else if (block.type === "list") {
      for (const item of block.items) {
        if (parts.length > 0) parts.push({ text: separator });
        parts.push(...item);
      }
    }
  }
  return finishInline(parts);
}

function withMark(collector: Collector, mark: InlineMark, nodes: readonly XmlNode[]): void {
  const already = collector.marks.some((existing) => existing.type === mark.type);
  if (!already) collector.marks.push(mark);
  for (const node of nodes) visit(node, collector);
  if (!already) collector.marks.pop();
}

function safeSrc(src: string | undefined): string | undefined {
  if (!src) return undefined;
  const trimmed = src.trim();
  return /^https?:\/\//i.test(trimmed) && trimmed.length <= 4096 ? trimmed : undefined;
}

function addImage(collector: Collector, src: string | undefined, alt?: string, caption?: string) {
  const safe = safeSrc(src);
  if (!safe) return;
  const image: BodyImage = { src: safe };
  const cleanAlt = alt?.replace(/\s+/g, " ").trim();
  if (cleanAlt) image.alt = cleanAlt.slice(0, 1000);
  const cleanCaption = caption?.replace(/\s+/g, " ").trim();
  if (cleanCaption) image.caption = cleanCaption.slice(0, MAX_TEXT);
  collector.images.push(image);
}

function plainText(nodes: readonly XmlNode[]): string {
  const parts: string[] = [];
  const walk = (node: XmlNode): void => {
    if (typeof node === "string") parts.push(node);
    else if (!dropped.has(localName(node.name).toLowerCase()))
      for (const inner of node.children) walk(inner);
  };
  for (const node of nodes) walk(node);
  return parts.join("").replace(/\s+/g, " ").trim();
}

function visitTable(element: XmlElement, collector: Collector): void {
  // The block model has no tables (finance and sports agate): one paragraph per row,
  // cells separated by " | ", keeps every figure readable and searchable.
  flush(collector);
  const rows: XmlElement[] = [];
  const collectRows = (node: XmlElement): void => {
    for (const inner of node.children) {
      if (!isElement(inner)) continue;
      const name = localName(inner.name).toLowerCase();
      if (name === "tr") rows.push(inner);
      else if (name !== "table" && name !== "nitf-table") collectRows(inner);
    }
  };
  collectRows(element);
  for (const row of rows) {
    const cells = row.children
      .filter(isElement)
      .map((cell) => plainText(cell.children))
      .filter((cell) => cell.length > 0);
    if (cells.length > 0) appendText(collector, cells.join(" | "));
    flush(collector);
  }
}

function visit(node: XmlNode, collector: Collector): void {
  if (typeof node === "string") {
    appendText(collector, node);
    return;
  }
  collector.budget.element(collector.depth + 1);
  collector.depth += 1;
  try {
    visitElement(node, collector);
  } finally {
    collector.depth -= 1;
  }
}

function visitElement(node: XmlElement, collector: Collector): void {
  const name = localName(node.name).toLowerCase();
  if (dropped.has(name)) return;
  switch (name) {
    case "h1":
    case "h2":
    case "hl1":
    case "hl2":
    case "h3":
    case "h4":
    case "h5":
    case "h6": {
      flush(collector);
      for (const inner of node.children) visit(inner, collector);
      // h1 is the page headline, so body headings map to levels 2 and 3 (WCAG 2.2 SC 1.3.1).
      flush(collector, name === "h1" || name === "h2" || name === "hl1" || name === "hl2" ? 2 : 3);
      return;
    }
    case "blockquote":
    case "bq": {
      flush(collector);
      const credit = node.children.find(
        (inner): inner is XmlElement => isElement(inner) && localName(inner.name) === "credit",
      );
      const body = node.children.filter((inner) => inner !== credit);
      const content = inlineOf(body, collector);
      if (content.length > 0) {
        const speaker = credit ? plainText(credit.children).slice(0, 200) : "";
        pushBlock(
          collector,
          speaker ? { type: "quote", content, speaker } : { type: "quote", content },
        );
      }
      return;
    }
    case "ul":
    case "ol": {
      flush(collector);
      const items: InlineText[][] = [];
      for (const inner of node.children) {
        if (!isElement(inner)) continue;
        const content = inlineOf(
          localName(inner.name).toLowerCase() === "li" ? inner.children : [inner],
          collector,
        );
        if (content.length > 0 && items.length < 200) items.push(content);
      }
      if (items.length > 0) pushBlock(collector, { type: "list", ordered: name === "ol", items });
      return;
    }
    case "table":
    case "nitf-table":
      visitTable(node, collector);
      return;
    case "pre": {
      flush(collector);
      for (const line of plainTextLines(node.children)) {
        appendText(collector, line);
        flush(collector);
      }
      return;
    }
    case "br":
    case "hr":
      flush(collector);
      return;
    case "img":
      addImage(collector, attr(node, "src"), attr(node, "alt"));
      return;
    case "figure": {
      const img = findFirst(node, "img");
      const caption = findFirst(node, "figcaption");
      addImage(
        collector,
        img && attr(img, "src"),
        img && attr(img, "alt"),
        caption && plainText(caption.children),
      );
      return;
    }
    case "media": {
      // NITF 3.x <media>: <media-reference source alternate-text> plus <media-caption>.
      const reference = findFirst(node, "media-reference");
      const caption = findFirst(node, "media-caption");
      addImage(
        collector,
        reference && (attr(reference, "source") ?? attr(reference, "data-location")),
        reference && attr(reference, "alternate-text"),
        caption && plainText(caption.children),
      );
      return;
    }
    case "em":
    case "i":
    case "cite":
      withMark(collector, { type: "em" }, node.children);
      return;
    case "strong":
    case "b":
      withMark(collector, { type: "strong" }, node.children);
      return;
    case "a": {
      const href = attr(node, "href")?.trim();
      if (href && linkPattern.test(href) && href.length <= 2048) {
        withMark(collector, { type: "link", href }, node.children);
      } else {
        for (const inner of node.children) visit(inner, collector);
      }
      return;
    }
    default:
      if (paragraphs.has(name) || containers.has(name)) {
        flush(collector);
        for (const inner of node.children) visit(inner, collector);
        flush(collector);
        return;
      }
      // Unknown or semantic inline markup (span, NITF person/org/location/chron…): keep text.
      for (const inner of node.children) visit(inner, collector);
  }
}

function findFirst(element: XmlElement, name: string): XmlElement | undefined {
  for (const inner of element.children) {
    if (!isElement(inner)) continue;
    if (localName(inner.name).toLowerCase() === name) return inner;
    const deeper = findFirst(inner, name);
    if (deeper) return deeper;
  }
  return undefined;
}

function plainTextLines(nodes: readonly XmlNode[]): string[] {
  const parts: string[] = [];
  const walk = (node: XmlNode): void => {
    if (typeof node === "string") parts.push(node);
    else for (const inner of node.children) walk(inner);
  };
  for (const node of nodes) walk(node);
  return parts
    .join("")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/**
 * Converts an already parsed XHTML/NITF subtree (the children of a body element). Throws
 * `HTML_TOO_COMPLEX` past `htmlLimits` (the XML reader has already bounded the depth).
 */
export function xmlNodesToBlocks(
  nodes: readonly XmlNode[],
  limits: HtmlLimits = htmlLimits,
): BodyConversion {
  return convertNodes(nodes, new ConversionBudget(limits));
}

function convertNodes(nodes: readonly XmlNode[], budget: ConversionBudget): BodyConversion {
  const images: BodyImage[] = [];
  const warnings: string[] = [];
  const collector = newCollector(images, warnings, budget);
  for (const node of nodes) visit(node, collector);
  flush(collector);
  budget.checkTime();
  const body = collector.blocks.filter(
    (block) => !(block.type === "paragraph" && block.content.length === 0),
  );
  return { body, images, warnings };
}

const allowedTags = [
  ...["p", "div", "section", "article", "main", "header", "footer", "aside", "center"],
  ...["h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li", "dl", "dt", "dd"],
  ...["table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "pre", "br", "hr"],
  ...["figure", "figcaption", "img", "a", "em", "i", "cite", "strong", "b", "span", "q"],
  ...["sub", "sup", "small", "abbr", "time", "u", "s", "code", "mark"],
];

/**
 * Converts an HTML string. sanitize-html (htmlparser2) repairs tag soup and strips every
 * tag and attribute outside the list above; its output is well-formed, so the same tree
 * walker as for XHTML does the mapping. Throws `HTML_TOO_COMPLEX` past `limits`: the
 * depth and element count are watched on htmlparser2's own open and close events (implied
 * closes and void elements included), so a hostile body is refused after at most
 * `maxDepth` open elements, before its stack can grow.
 */
export function htmlToBlocks(html: string, limits: HtmlLimits = htmlLimits): BodyConversion {
  const budget = new ConversionBudget(limits);
  let depth = 0;
  const clean = sanitizeHtml(html, {
    onOpenTag: () => {
      depth += 1;
      budget.element(depth);
    },
    onCloseTag: () => {
      depth -= 1;
    },
    allowedTags,
    allowedAttributes: { a: ["href"], img: ["src", "alt"] },
    allowedSchemes: ["http", "https"],
    allowProtocolRelative: false,
    selfClosing: ["br", "hr", "img"],
    // Script and style text is discarded with its element, never shown as words.
    nonTextTags: ["script", "style", "textarea", "option", "noscript", "title", "head"],
    disallowedTagsMode: "discard",
  });
  budget.checkTime();
  try {
    const { root } = parseXml(`<div>${clean}</div>`);
    // The sanitized tree has at most the elements counted above; a fresh count, the same clock.
    return convertNodes([root], budget.sameDeadline());
  } catch (error) {
    if (!isWireRejection(error)) throw error;
    // Should sanitize-html ever emit something our XML reader refuses, keep the words.
    const text = sanitizeHtml(clean, { allowedTags: [], allowedAttributes: {} });
    const result = textToBlocks(
      text.replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">"),
    );
    result.warnings.push("The HTML body could not be structured and was kept as plain text.");
    return result;
  }
}

/** Plain wire text: blank lines separate paragraphs; without any, each line is one. */
export function textToBlocks(text: string): BodyConversion {
  const normalized = text.replace(/\r\n?/g, "\n").trim();
  if (normalized.length === 0) return { body: [], images: [], warnings: [] };
  const chunks = /\n\s*\n/.test(normalized) ? normalized.split(/\n\s*\n/) : normalized.split("\n");
  const collector = newCollector([], [], new ConversionBudget(htmlLimits));
  for (const chunk of chunks) {
    appendText(collector, chunk);
    flush(collector);
  }
  const body = collector.blocks.filter(
    (block) => !(block.type === "paragraph" && block.content.length === 0),
  );
  return { body, images: [], warnings: collector.warnings };
}
