import { describe, expect, it } from "vitest";
import { fakeNewsroomApi, jsonAnswer } from "../../../test/support/fake-newsroom-api.js";
import { isApiError } from "../shared/api-client.js";
import {
  captionProblemsSchema,
  listClips,
  putCaptions,
  putTranscript,
  uploadClip,
} from "./clips-api.js";

const clip = {
  id: "c1",
  kind: "audio",
  title: "Evening",
  source: "upload",
  externalUrl: null,
  durationMs: 61_000,
  status: "running",
  error: null,
  progress: 0.4,
  renditions: [],
  captions: [],
};

describe("the audio and video client", () => {
  it("sends the file itself as the body, with the title in the query and the CSRF token", async () => {
    const { api, calls } = fakeNewsroomApi(() => jsonAnswer(201, { clip, reused: false }));
    const file = new File([new Uint8Array([1, 2, 3])], "evening.mp3", { type: "audio/mpeg" });
    const uploaded = await uploadClip(api, file, "Evening news");
    expect(uploaded).toMatchObject({ id: "c1", status: "running", progress: 0.4 });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      method: "POST",
      url: "/newsroom/api/media/clips?title=Evening+news",
      csrf: "csrf-1",
      body: file,
    });
  });

  it("lists clips twenty at a time", async () => {
    const { api, calls } = fakeNewsroomApi(() => jsonAnswer(200, { items: [clip], total: 1 }));
    expect((await listClips(api, { q: "eve" })).items[0]?.id).toBe("c1");
    expect(calls[0]?.url).toBe("/newsroom/api/media/clips?q=eve&limit=20");
  });

  it("puts captions and transcripts as JSON per language", async () => {
    const caption = {
      lang: "fa",
      cueCount: 1,
      vtt: "WEBVTT\n",
      transcript: "سلام",
      transcriptEdited: true,
    };
    const { api, calls } = fakeNewsroomApi(() => jsonAnswer(200, { caption }));
    await putCaptions(api, "c1", "fa", "WEBVTT\n");
    await putTranscript(api, "c1", "fa", "سلام");
    expect(calls.map((c) => [c.method, c.url, c.body])).toEqual([
      ["PUT", "/newsroom/api/media/clips/c1/captions/fa", { vtt: "WEBVTT\n" }],
      ["PUT", "/newsroom/api/media/clips/c1/transcripts/fa", { transcript: "سلام" }],
    ]);
  });

  it("reads the server's line-numbered WebVTT problems from a 422", async () => {
    const { api } = fakeNewsroomApi(() =>
      jsonAnswer(422, {
        code: "CAPTIONS_INVALID",
        title: "The captions are not valid WebVTT.",
        problems: [{ line: 3, message: "The cue ends before or when it starts." }],
      }),
    );
    const error = await putCaptions(api, "c1", "en", "WEBVTT\n").catch((e: unknown) => e);
    expect(isApiError(error) && error.code).toBe("CAPTIONS_INVALID");
    const problems = isApiError(error) ? captionProblemsSchema.parse(error.problem.problems) : [];
    expect(problems).toEqual([{ line: 3, message: "The cue ends before or when it starts." }]);
  });
});
