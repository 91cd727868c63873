import sanitizeHtml from "sanitize-html";
import type { RenditionInfo } from "../../domain/media/media-schema.js";
import type {
  PublishedStory,
  ResolvedMedia,
  StoryEmbeds,
} from "../../domain/published/published-stories.js";
import type { ServiceConfig } from "../../domain/services/service-registry.js";
import type { InlineText, StoryBlock } from "../../domain/stories/story-body-schema.js";
import { translatorFor } from "../../i18n/message-catalogue.js";
import { mediaUrl, storyUrl } from "../reader-urls.js";

/** What a body's blocks name besides their text: images, and embedded stories. */
export interface BodyResources {
  readonly service: ServiceConfig;
  readonly media: ReadonlyMap<string, ResolvedMedia>;
  readonly embeds: StoryEmbeds;
}

/**
 * Full text for feeds and ninjs: HTML rendered from the block model (never stored HTML,
 * ADR 0001), with absolute URLs because RSS has no xml:base, then passed through
 * sanitize-html with a closed allowlist as a second line of defence.
 */
export function storyHtml(story: PublishedStory, publicUrl: string): string {
  const { content } = story;
  const parts: string[] = [];
  if (content.leadFigure) {
    parts.push(
      figureHtml(
        story.media.get(content.leadFigure.mediaId),
        content.leadFigure.caption,
        content.leadFigure.credit,
        content.leadFigure.alt,
        publicUrl,
      ),
    );
  }
  let datelineUsed = false;
  for (const block of content.body) {
    if (block.type === "paragraph" && content.dateline && !datelineUsed) {
      datelineUsed = true;
      parts.push(`<p>${esc(`${content.dateline} — `)}${inlineHtml(block.content, publicUrl)}</p>`);
      continue;
    }
    parts.push(blockHtml(block, story, publicUrl));
  }
  if (story.corrections.length > 0) {
    const t = translatorFor(story.service.locale);
    parts.push(
      `<h2>${esc(t.t("story.corrections"))}</h2><ol>${story.corrections
        .map((c) => `<li>${esc(c.text)}</li>`)
        .join("")}</ol>`,
    );
  }
  return sanitizeFeedHtml(parts.join(""));
}

/** A live post's body as sanitized HTML (content API, ninjs, webhooks), like a story's. */
export function postBodyHtml(
  blocks: readonly StoryBlock[],
  resources: BodyResources,
  publicUrl: string,
): string {
  return sanitizeFeedHtml(blocks.map((block) => blockHtml(block, resources, publicUrl)).join(""));
}

function sanitizeFeedHtml(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: [
      "p",
      "h2",
      "h3",
      "blockquote",
      "footer",
      "cite",
      "ul",
      "ol",
      "li",
      "em",
      "strong",
      "a",
      "figure",
      "figcaption",
      "img",
      "bdi",
    ],
    allowedAttributes: { a: ["href"], img: ["src", "alt", "width", "height"] },
    allowedSchemes: ["http", "https"],
    allowProtocolRelative: false,
  });
}

function blockHtml(block: StoryBlock, resources: BodyResources, publicUrl: string): string {
  switch (block.type) {
    case "paragraph":
      return `<p>${inlineHtml(block.content, publicUrl)}</p>`;
    case "heading":
      return `<h${block.level}>${inlineHtml(block.content, publicUrl)}</h${block.level}>`;
    case "quote":
      return `<blockquote><p>${inlineHtml(block.content, publicUrl)}</p>${
        block.speaker ? `<footer><cite>${esc(block.speaker)}</cite></footer>` : ""
      }</blockquote>`;
    case "list": {
      const tag = block.ordered ? "ol" : "ul";
      return `<${tag}>${block.items.map((item) => `<li>${inlineHtml(item, publicUrl)}</li>`).join("")}</${tag}>`;
    }
    case "figure":
      return figureHtml(
        resources.media.get(block.mediaId),
        block.caption,
        block.credit,
        block.alt,
        publicUrl,
      );
    case "storyEmbed": {
      // A link to the embedded story as this service's readers see it; nothing when they
      // cannot (a draft's or killed story's headline never reaches partners).
      const shown = resources.embeds.shown.get(block.storyId);
      if (!shown) return "";
      const href = `${publicUrl}${storyUrl(resources.service, { id: shown.storyId, slug: shown.slug, section: shown.section })}`;
      return `<p><a href="${esc(href)}">${esc(shown.headline)}</a></p>`;
    }
  }
}

function inlineHtml(content: readonly InlineText[], publicUrl: string): string {
  return content
    .map((part) => {
      let html = esc(part.text);
      for (const mark of part.marks ?? []) {
        if (mark.type === "em") html = `<em>${html}</em>`;
        else if (mark.type === "strong") html = `<strong>${html}</strong>`;
        else html = `<a href="${esc(absoluteUrl(mark.href, publicUrl))}">${html}</a>`;
      }
      return html;
    })
    .join("");
}

function figureHtml(
  media: ResolvedMedia | undefined,
  caption: string,
  credit: string,
  alt: string,
  publicUrl: string,
): string {
  const image = media ? feedImage(media) : undefined;
  const img =
    media && image
      ? `<img src="${esc(`${publicUrl}${mediaUrl(media.asset.id, image)}`)}" alt="${esc(alt)}" width="${image.width}" height="${image.height}">`
      : "";
  const text = [caption, credit ? `(${credit})` : ""].filter(Boolean).join(" ");
  return `<figure>${img}${text ? `<figcaption>${esc(text)}</figcaption>` : ""}</figure>`;
}

/** The 16:9 JPEG rendition closest to 960 px wide: what every feed reader can show. */
export function feedImage(media: ResolvedMedia): RenditionInfo | undefined {
  const jpeg = media.renditions.filter((r) => r.shape === "16x9" && r.format === "jpeg");
  return [...jpeg].sort((a, b) => Math.abs(a.width - 960) - Math.abs(b.width - 960))[0];
}

function absoluteUrl(href: string, publicUrl: string): string {
  return href.startsWith("/") ? `${publicUrl}${href}` : href;
}

function esc(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}
