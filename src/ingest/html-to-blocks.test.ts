import { describe, expect, it } from "vitest";
import { storyBodySchema } from "../domain/stories/story-body-schema.js";
import { htmlToBlocks, textToBlocks } from "./html-to-blocks.js";

describe("htmlToBlocks", () => {
  it("keeps only the block model: scripts, styles, handlers and iframes vanish", () => {
    const { body } = htmlToBlocks(
      `<style>p{}</style><p onmouseover="x()">Safe <i>text</i></p><script>document.cookie</script><iframe src="https://e.example"></iframe><form><input value="x"></form>`,
    );
    expect(body).toEqual([
      {
        type: "paragraph",
        content: [{ text: "Safe " }, { text: "text", marks: [{ type: "em" }] }],
      },
    ]);
  });

  it("drops unsafe link targets but keeps http(s) and site-relative ones", () => {
    const { body } = htmlToBlocks(
      `<p><a href="javascript:alert(1)">a</a> <a href="data:text/html,x">b</a> <a href="//evil.example">c</a> <a href="/local">d</a> <a href="https://ok.example/">e</a></p>`,
    );
    expect(body).toEqual([
      {
        type: "paragraph",
        content: [
          { text: "a b c " },
          { text: "d", marks: [{ type: "link", href: "/local" }] },
          { text: " " },
          { text: "e", marks: [{ type: "link", href: "https://ok.example/" }] },
        ],
      },
    ]);
  });

  it("maps headings, lists, quotes, tables and line breaks", () => {
    const { body } = htmlToBlocks(
      `<h1>Top</h1><h4>Minor</h4><ol><li>one</li><li><p>two</p></li></ol><blockquote><p>Said it.</p></blockquote><table><tr><th>Team</th><th>Pts</th></tr><tr><td>Rovers</td><td>12</td></tr></table>line one<br>line two`,
    );
    expect(body).toEqual([
      { type: "heading", level: 2, content: [{ text: "Top" }] },
      { type: "heading", level: 3, content: [{ text: "Minor" }] },
      { type: "list", ordered: true, items: [[{ text: "one" }], [{ text: "two" }]] },
      { type: "quote", content: [{ text: "Said it." }] },
      { type: "paragraph", content: [{ text: "Team | Pts" }] },
      { type: "paragraph", content: [{ text: "Rovers | 12" }] },
      { type: "paragraph", content: [{ text: "line one" }] },
      { type: "paragraph", content: [{ text: "line two" }] },
    ]);
  });

  it("repairs tag soup and always yields a valid story body", () => {
    const { body } = htmlToBlocks(`<p>open <b>bold <i>both</p><div>after</span></div>`);
    expect(storyBodySchema.safeParse(body).success).toBe(true);
    expect(body.map((block) => block.type)).toEqual(["paragraph", "paragraph"]);
  });

  it("returns images as pictures instead of body blocks", () => {
    const { body, images } = htmlToBlocks(
      `<p>Text</p><img src="https://img.example/a.jpg" alt="Alt"><img src="javascript:x" alt="bad">`,
    );
    expect(body).toHaveLength(1);
    expect(images).toEqual([{ src: "https://img.example/a.jpg", alt: "Alt" }]);
  });
});

describe("htmlToBlocks limits (also the editor's paste endpoint)", () => {
  it("refuses 150k nested elements with HTML_TOO_COMPLEX, a 400 the API maps", () => {
    const deep = `${"<div>".repeat(150_000)}words${"</div>".repeat(150_000)}`;
    expect(() => htmlToBlocks(deep)).toThrow(
      expect.objectContaining({ code: "HTML_TOO_COMPLEX", status: 400 }),
    );
  });

  it("refuses markup past the element count, counting unclosed and void tags", () => {
    expect(() => htmlToBlocks("<p>a<br>".repeat(30_000))).toThrow(
      expect.objectContaining({ code: "HTML_TOO_COMPLEX" }),
    );
    // Unclosed <p>s are implied closes, not depth: 1,000 of them still convert.
    expect(htmlToBlocks("<p>para".repeat(1_000)).body).toHaveLength(1_000);
  });
});

describe("textToBlocks", () => {
  it("splits on blank lines, or on lines when there are none", () => {
    expect(textToBlocks("a\r\n\r\nb").body).toHaveLength(2);
    expect(textToBlocks("a\nb\nc").body).toHaveLength(3);
    expect(textToBlocks("  ").body).toEqual([]);
  });
});
