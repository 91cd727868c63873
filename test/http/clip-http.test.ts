import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DirectoryObjectStore } from "../../src/media/directory-object-store.js";
import { ffmpeg, ffmpegPresent, lowAacMime } from "../support/ffmpeg-fixtures.js";
import { NewsroomClient } from "../support/newsroom-client.js";
import { startTestNewsdesk } from "../support/test-newsdesk.js";

type Newsdesk = Awaited<ReturnType<typeof startTestNewsdesk>>;
interface ClipJson {
  id: string;
  kind: string;
  status: string;
  durationMs: number;
  renditions: {
    name: string;
    role: string;
    mime: string;
    bytes: number;
    bitrate: number;
    url: string;
  }[];
  captions: { lang: string; transcript: string; url: string }[];
}

describe.runIf(ffmpegPresent())("audio and video over HTTP", () => {
  let newsdesk: Newsdesk;
  let small: Newsdesk;
  let editor: NewsroomClient;
  let dir: string;
  let store: DirectoryObjectStore;
  let tone: Uint8Array;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "clip-http-"));
    ffmpeg([
      "-f",
      "lavfi",
      "-i",
      "sine=frequency=440:duration=4",
      "-c:a",
      "libmp3lame",
      "-b:a",
      "64k",
      join(dir, "tone.mp3"),
    ]);
    tone = new Uint8Array(readFileSync(join(dir, "tone.mp3")));
    // The directory adapter MEDIA_STORE=dir: opens, here on a folder the test can look into.
    store = new DirectoryObjectStore({ root: join(dir, "store"), publicBaseUrl: undefined });
    newsdesk = await startTestNewsdesk("sqlite", { mediaStore: store });
    editor = new NewsroomClient(newsdesk.app);
    await editor.login("editor@newsdesk.test", "demo-password-elif");
    small = await startTestNewsdesk("sqlite", {
      env: { CLIP_MAX_AUDIO_MB: "1", CLIP_MAX_VIDEO_MB: "2" },
    });
  });
  afterAll(async () => {
    await newsdesk?.dispose();
    await small?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it("uploads audio, transcodes it in the background and reports each rendition", async () => {
    const response = await rawUpload(editor, newsdesk, tone, "Evening tone");
    expect(response.status).toBe(201);
    const { clip } = (await response.json()) as { clip: ClipJson };
    expect(clip).toMatchObject({ kind: "audio", status: "queued", renditions: [] });
    expect(clip.durationMs).toBeGreaterThan(3900);
    expect(await newsdesk.services.jobs.runOnce()).toBeGreaterThanOrEqual(1);
    const viewed = await editor.json<{ clip: ClipJson }>("GET", `/media/${clip.id}`);
    expect(viewed.clip.status).toBe("ready");
    // In bit-rate order, measured: a 4-second Ogg's headers can put Opus above HE-AAC.
    expect(viewed.clip.renditions.map((r) => [r.role, r.mime]).sort()).toEqual([
      ["audio-low-aac", lowAacMime()],
      ["audio-low-opus", "audio/ogg; codecs=opus"],
      ["audio-standard", "audio/mp4; codecs=mp4a.40.2"],
    ]);
    const bitrates = viewed.clip.renditions.map((r) => r.bitrate);
    expect([...bitrates].sort((a, b) => a - b)).toEqual(bitrates);
    for (const rendition of viewed.clip.renditions) {
      expect((await store.head(`clips/${clip.id}/${rendition.name}`))?.bytes).toBe(rendition.bytes);
    }
    // The same bytes again: the same clip, nothing transcoded twice.
    const again = await rawUpload(editor, newsdesk, tone, "");
    expect(again.status).toBe(200);
    expect(((await again.json()) as { clip: ClipJson }).clip.id).toBe(clip.id);
  });

  it("refuses a text file named .mp3 and a file cut short, as problem+json", async () => {
    const text = new TextEncoder().encode("Not audio at all.\n".repeat(500));
    const refused = await rawUpload(editor, newsdesk, text, "notes.mp3");
    expect(refused.status).toBe(422);
    expect(refused.headers.get("content-type")).toContain("application/problem+json");
    expect(((await refused.json()) as { code: string }).code).toBe("CLIP_UNREADABLE");
    const cut = await rawUpload(editor, newsdesk, tone.subarray(0, tone.byteLength / 2), "");
    expect(((await cut.json()) as { code: string }).code).toBe("CLIP_UNREADABLE");
  });

  it("refuses a body over the limit before reading it, and an audio file over the audio limit", async () => {
    const client = new NewsroomClient(small.app);
    await client.login("editor@newsdesk.test", "demo-password-elif");
    const big = new Uint8Array(2 * 1024 * 1024 + 10);
    const response = await rawUpload(client, small, big, "");
    expect(response.status).toBe(413);
    expect(((await response.json()) as { code: string }).code).toBe("MEDIA_TOO_LARGE");
    // 1.5 MB of WAV: under the video limit the body may have, over the audio limit.
    ffmpeg([
      "-f",
      "lavfi",
      "-i",
      "sine=duration=17",
      "-ac",
      "1",
      "-c:a",
      "pcm_s16le",
      join(dir, "long.wav"),
    ]);
    const wav = new Uint8Array(readFileSync(join(dir, "long.wav")));
    expect(wav.byteLength).toBeGreaterThan(1024 * 1024);
    const audio = await rawUpload(client, small, wav, "");
    expect(audio.status).toBe(413);
    expect(await audio.json()).toMatchObject({
      code: "MEDIA_TOO_LARGE",
      detail: `The audio file is ${(wav.byteLength / 1048576).toFixed(1)} MB; the limit for audio is 1.0 MB.`,
    });
  });

  it("serves renditions with Range, 416, conditional GET and immutable caching", async () => {
    const { items } = await editor.json<{ items: ClipJson[] }>("GET", "/media/clips");
    const ready = items.find((c) => c.status === "ready");
    const rendition = ready?.renditions.find((r) => r.role === "audio-standard");
    if (!rendition) throw new Error("no rendition");
    const whole = await newsdesk.app.request(rendition.url);
    expect(whole.status).toBe(200);
    expect(whole.headers.get("content-type")).toBe("audio/mp4; codecs=mp4a.40.2");
    expect(whole.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(whole.headers.get("accept-ranges")).toBe("bytes");
    const bytes = new Uint8Array(await whole.arrayBuffer());
    expect(bytes.byteLength).toBe(rendition.bytes);
    const etag = whole.headers.get("etag") ?? "";

    const part = await newsdesk.app.request(rendition.url, { headers: { Range: "bytes=100-199" } });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 100-199/${rendition.bytes}`);
    expect(new Uint8Array(await part.arrayBuffer())).toEqual(bytes.subarray(100, 200));

    const tail = await newsdesk.app.request(rendition.url, { headers: { Range: "bytes=-50" } });
    expect(tail.headers.get("content-range")).toBe(
      `bytes ${rendition.bytes - 50}-${rendition.bytes - 1}/${rendition.bytes}`,
    );
    expect(new Uint8Array(await tail.arrayBuffer())).toEqual(bytes.subarray(rendition.bytes - 50));

    const beyond = await newsdesk.app.request(rendition.url, {
      headers: { Range: `bytes=${rendition.bytes}-` },
    });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get("content-range")).toBe(`bytes */${rendition.bytes}`);

    const stale = await newsdesk.app.request(rendition.url, {
      headers: { Range: "bytes=0-9", "If-Range": '"other"' },
    });
    expect(stale.status).toBe(200);
    await stale.body?.cancel();

    const unchanged = await newsdesk.app.request(rendition.url, {
      headers: { "If-None-Match": etag },
    });
    expect(unchanged.status).toBe(304);

    // Only rendition names are served: never the original, never another key.
    const id = ready?.id;
    expect((await newsdesk.app.request(`/media/clips/${id}/original`)).status).toBe(404);
    expect((await newsdesk.app.request(`/media/clips/${id}/..%2F..%2Fetc%2Fpasswd`)).status).toBe(
      404,
    );
  });

  it("transcodes video to HLS and serves playlists, segments and the poster with their types", async () => {
    ffmpeg([
      "-f",
      "lavfi",
      "-i",
      "testsrc=size=640x360:rate=25:duration=2",
      "-f",
      "lavfi",
      "-i",
      "sine=frequency=330:duration=2",
      "-c:v",
      "libx264",
      "-preset",
      "ultrafast",
      "-c:a",
      "aac",
      "-shortest",
      join(dir, "clip.mp4"),
    ]);
    const response = await rawUpload(
      editor,
      newsdesk,
      new Uint8Array(readFileSync(join(dir, "clip.mp4"))),
      "Report",
    );
    const { clip } = (await response.json()) as { clip: ClipJson };
    expect(clip.kind).toBe("video");
    await newsdesk.services.jobs.runOnce();
    const ready = (await editor.json<{ clip: ClipJson }>("GET", `/media/clips/${clip.id}`)).clip;
    expect(ready.status).toBe("ready");
    // The audio renditions too: a video episode's podcast enclosure is its audio.
    expect(ready.renditions.map((r) => [r.role, r.mime]).sort()).toEqual([
      ["audio-low-aac", lowAacMime()],
      ["audio-low-opus", "audio/ogg; codecs=opus"],
      ["audio-standard", "audio/mp4; codecs=mp4a.40.2"],
      ["hls-master", "application/vnd.apple.mpegurl"],
      ["poster", "image/jpeg"],
      ["poster", "image/webp"],
      [
        "video-progressive",
        expect.stringMatching(/^video\/mp4; codecs="avc1\.[0-9a-f]{6},mp4a\.40\.2"$/),
      ],
    ]);
    const master = await newsdesk.app.request(`/media/clips/${clip.id}/hls/master.m3u8`);
    expect(master.headers.get("content-type")).toBe("application/vnd.apple.mpegurl");
    const text = await master.text();
    // A 360p source: no 720p variant, 240p, 360p and audio-only.
    expect([...text.matchAll(/^(\w+)\/index\.m3u8$/gm)].map((m) => m[1]).sort()).toEqual([
      "240p",
      "360p",
      "audio",
    ]);
    const variant = await newsdesk.app.request(`/media/clips/${clip.id}/hls/240p/index.m3u8`);
    const segment = /^segment-\d{5}\.ts$/m.exec(await variant.text())?.[0];
    const ts = await newsdesk.app.request(`/media/clips/${clip.id}/hls/240p/${segment}`, {
      headers: { Range: "bytes=0-187" },
    });
    expect(ts.status).toBe(206);
    expect(ts.headers.get("content-type")).toBe("video/mp2t");
    // MPEG-TS packets are 188 bytes and start with the sync byte 0x47.
    expect(new Uint8Array(await ts.arrayBuffer())[0]).toBe(0x47);
    const poster = await newsdesk.app.request(`/media/clips/${clip.id}/poster.jpg`);
    expect(poster.headers.get("content-type")).toBe("image/jpeg");
    await poster.body?.cancel();
  });

  it("attaches captions, serves them as text/vtt, and refuses malformed cue timings by line", async () => {
    const { items } = await editor.json<{ items: ClipJson[] }>("GET", "/media/clips");
    const id = items[0]?.id;
    const vtt = "WEBVTT\n\n00:00.000 --> 00:02.000\nA tone at four hundred and forty hertz.\n";
    const put = await editor.json<{ caption: { transcript: string } }>(
      "PUT",
      `/media/clips/${id}/captions/en`,
      { vtt },
    );
    expect(put.caption.transcript).toBe("A tone at four hundred and forty hertz.");
    const served = await newsdesk.app.request(`/media/clips/${id}/captions/en.vtt`);
    expect(served.headers.get("content-type")).toBe("text/vtt; charset=utf-8");
    expect(await served.text()).toBe(vtt);
    const bad = await editor.request("PUT", `/media/clips/${id}/captions/fa`, {
      vtt: "WEBVTT\n\n00:00.000 --> 00:00.000\nx\n",
    });
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({
      code: "CAPTIONS_INVALID",
      problems: [{ line: 3, message: "The cue ends before or when it starts." }],
    });
    const edited = await editor.json<{ caption: { transcript: string } }>(
      "PUT",
      `/media/clips/${id}/transcripts/en`,
      { transcript: "A 440 Hz tone." },
    );
    expect(edited.caption.transcript).toBe("A 440 Hz tone.");
    expect((await editor.request("DELETE", `/media/clips/${id}/captions/en`)).status).toBe(204);
    expect((await newsdesk.app.request(`/media/clips/${id}/captions/en.vtt`)).status).toBe(404);
  });
});

/** Sends the file itself as the body, as the newsroom UI does (`fetch(url, { body: file })`). */
function rawUpload(client: NewsroomClient, target: Newsdesk, body: Uint8Array, title: string) {
  return target.app.request(`/newsroom/api/media/clips?title=${encodeURIComponent(title)}`, {
    method: "POST",
    headers: {
      Cookie: client.cookie,
      "X-CSRF-Token": client.csrfToken,
      Origin: "https://news.example.org",
      "Content-Type": "audio/mpeg",
      "Content-Length": String(body.byteLength),
    },
    body: body as Uint8Array<ArrayBuffer>,
  });
}
