import { describe, expect, it } from "vitest";
import {
  insertMention,
  mentionQueryAt,
  mentionsStillWritten,
  splitMentions,
} from "./mention-text.js";

describe("mentions in comment text", () => {
  it("finds the name being typed after @, at a word start only", () => {
    expect(mentionQueryAt("Ask @raf", 8)).toEqual({ start: 4, query: "raf" });
    expect(mentionQueryAt("@", 1)).toEqual({ start: 0, query: "" });
    expect(mentionQueryAt("mail me@example", 15)).toBeNull();
    expect(mentionQueryAt("Ask @raf now", 12)).toBeNull();
  });

  it("puts the chosen name in place of what was typed", () => {
    expect(insertMention("Ask @raf please", 4, 8, "Rafael Reporter")).toEqual({
      text: "Ask @Rafael Reporter  please",
      caret: 21,
    });
  });

  it("keeps only mentions still written, and marks them for display", () => {
    const picked = [
      { id: "1", displayName: "Rafael Reporter" },
      { id: "2", displayName: "Ada Admin" },
    ];
    expect(mentionsStillWritten("Thanks @Rafael Reporter", picked).map((p) => p.id)).toEqual(["1"]);
    expect(
      splitMentions("Hi @Rafael Reporter, see @Ada", ["Rafael Reporter", "Ada Admin"]),
    ).toEqual([
      { text: "Hi ", mention: false },
      { text: "@Rafael Reporter", mention: true },
      { text: ", see @Ada", mention: false },
    ]);
  });
});
