import { createHash } from "node:crypto";
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../src/domain/actor.js";
import type { MediaProbe } from "../../src/domain/clips/clip-probe.js";
import {
  ClipService,
  type SpooledUpload,
  transcodeJobKind,
} from "../../src/domain/clips/clip-service.js";
import type { ClipTranscoder, TranscodedFile } from "../../src/domain/clips/clip-transcoder.js";
import { isNewsdeskError } from "../../src/domain/error-catalogue.js";
import { JobRunner } from "../../src/domain/jobs/job-queue.js";
import { OutboundHttp } from "../../src/security/outbound-http.js";
import { ClipSqlRepository } from "../../src/storage/clip-sql-repository.js";
import { JobSqlRepository } from "../../src/storage/job-sql-repository.js";
import { MemoryObjectStore } from "../support/memory-object-store.js";
import { fixedClock } from "../support/test-clock.js";
import { dialects, openTestDatabase, type TestDatabase } from "../support/test-databases.js";

const sha256Hex = (text: string) => createHash("sha256").update(text).digest("hex");

const silent = pino({ level: "silent" });

function pick<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`no item ${index}`);
  return item;
}
const system = systemActor("test");
const audioProbe: MediaProbe = {
  formatName: "mp3",
  durationMs: 61_500,
  audio: { codec: "mp3", channels: 2 },
  video: null,
  tailDecodes: true,
};

/** A transcoder that records each call and makes two small files, or fails when told. */
class CountingTranscoder implements ClipTranscoder {
  readonly calls: string[] = [];
  failures = 0;
  async transcode(input: Parameters<ClipTranscoder["transcode"]>[0]) {
    const chunks: Uint8Array[] = [];
    for await (const chunk of input.original) chunks.push(chunk);
    const original = Buffer.concat(chunks).toString("utf8");
    this.calls.push(original);
    // Slow enough that the three runners overlap.
    await new Promise((resolve) => setTimeout(resolve, 20));
    if (this.failures > 0) {
      this.failures--;
      throw new Error("ffmpeg failed: simulated");
    }
    const file = (
      name: string,
      body: string,
      rendition?: TranscodedFile["rendition"],
    ): TranscodedFile => ({
      name,
      contentType: name.endsWith(".ogg") ? "audio/ogg; codecs=opus" : "audio/mp4; codecs=mp4a.40.2",
      bytes: Buffer.byteLength(body),
      read: async function* () {
        yield Buffer.from(body);
      },
      ...(rendition ? { rendition } : {}),
    });
    return {
      files: [
        file("audio-opus-24k.ogg", `opus of ${original}`, {
          role: "audio-low-opus",
          codecs: "opus",
          bitrate: 24_100,
          width: null,
          height: null,
        }),
        file("audio-aac-96k.m4a", `aac of ${original}!`, {
          role: "audio-standard",
          codecs: "mp4a.40.2",
          bitrate: 95_900,
          width: null,
          height: null,
        }),
      ],
      dispose: async () => undefined,
    };
  }
}

describe.each(dialects)("clips on %s", (dialect) => {
  let database: TestDatabase;
  let dir: string;
  const clock = fixedClock("2026-12-05T10:00:00.000Z");
  const store = new MemoryObjectStore();
  const transcoder = new CountingTranscoder();
  let jobs: JobSqlRepository;
  let repository: ClipSqlRepository;

  /** One instance: its own services and job runner over the shared database and store. */
  function instance() {
    const runner = new JobRunner({ repository: jobs, clock, logger: silent });
    const clips = new ClipService({
      repository,
      store,
      prober: { probe: async () => audioProbe },
      transcoder,
      // The real guard, with DNS scripted: radio.example is public, intranet.example private.
      outbound: new OutboundHttp({
        allowPrivate: false,
        resolver: {
          lookup: async (host) => [
            { address: host === "radio.example" ? "93.184.216.34" : "10.0.0.7", family: 4 },
          ],
        },
      }),
      clock,
      enqueueTranscode: async (clipId) => {
        await runner.enqueue(transcodeJobKind, { clipId });
      },
      playedBy: async () => [],
    });
    runner.handle(transcodeJobKind, (job) =>
      clips.transcode(String(job.payload.clipId), {
        finalAttempt: job.attempts + 1 >= JobRunner.maxAttempts,
      }),
    );
    return { runner, clips };
  }

  function spooled(text: string): SpooledUpload {
    const path = join(dir, createHash("sha256").update(text).digest("hex"));
    writeFileSync(path, text);
    return {
      path,
      bytes: Buffer.byteLength(text),
      sha256: createHash("sha256").update(text).digest("hex"),
      read: () => createReadStream(path),
    };
  }

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    jobs = new JobSqlRepository(database.db, dialect);
    repository = new ClipSqlRepository(database.db);
    dir = mkdtempSync(join(tmpdir(), "clip-storage-"));
  });
  afterAll(async () => {
    await database.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it("transcodes each uploaded clip exactly once with three instances polling together", async () => {
    const instances = [instance(), instance(), instance()];
    const ids: string[] = [];
    for (let n = 0; n < 9; n++) {
      const { view } = await pick(instances, n % 3).clips.upload(
        system,
        spooled(`clip ${n} ${dialect}`),
        `Clip ${n}`,
      );
      expect(view.clip).toMatchObject({ kind: "audio", status: "queued", durationMs: 61_500 });
      ids.push(view.clip.id);
    }
    transcoder.calls.length = 0;
    const ran = await Promise.all(instances.map((i) => i.runner.runOnce()));
    expect(ran.reduce((a, b) => a + b, 0)).toBe(9);
    expect(transcoder.calls.sort()).toEqual(
      Array.from({ length: 9 }, (_, n) => `clip ${n} ${dialect}`).sort(),
    );
    const view = await pick(instances, 0).clips.view(system, pick(ids, 4));
    expect(view.clip.status).toBe("ready");
    expect(view.renditions).toEqual([
      {
        name: "audio-opus-24k.ogg",
        role: "audio-low-opus",
        key: `clips/${ids[4]}/audio-opus-24k.ogg`,
        mime: "audio/ogg; codecs=opus",
        codecs: "opus",
        bitrate: 24_100,
        bytes: Buffer.byteLength(`opus of clip 4 ${dialect}`),
        width: null,
        height: null,
        // Of the bytes stored (the feed's podcast:integrity).
        sha256: sha256Hex(`opus of clip 4 ${dialect}`),
      },
      {
        name: "audio-aac-96k.m4a",
        role: "audio-standard",
        key: `clips/${ids[4]}/audio-aac-96k.m4a`,
        mime: "audio/mp4; codecs=mp4a.40.2",
        codecs: "mp4a.40.2",
        bitrate: 95_900,
        bytes: Buffer.byteLength(`aac of clip 4 ${dialect}!`),
        width: null,
        height: null,
        sha256: sha256Hex(`aac of clip 4 ${dialect}!`),
      },
    ]);
    expect((await store.head(`clips/${ids[4]}/audio-aac-96k.m4a`))?.bytes).toBe(
      view.renditions[1]?.bytes,
    );
    expect((await store.head(`clips/${ids[4]}/original`))?.bytes).toBe(
      Buffer.byteLength(`clip 4 ${dialect}`),
    );
    // Nothing left to claim; a second pass transcodes nothing again.
    expect(await Promise.all(instances.map((i) => i.runner.runOnce()))).toEqual([0, 0, 0]);
  });

  it("shows a running transcode's progress, and clears it when done", async () => {
    const { clips } = instance();
    const { view } = await clips.upload(system, spooled(`progress ${dialect}`), "");
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow: ClipTranscoder = {
      transcode: async (input) => {
        input.onProgress?.(0.25);
        await held;
        return { files: [], dispose: async () => undefined };
      },
    };
    const watched = new ClipService({
      repository,
      store,
      prober: { probe: async () => audioProbe },
      transcoder: slow,
      outbound: { check: async (url) => ({ ok: true, url }) },
      clock,
      enqueueTranscode: async () => undefined,
      playedBy: async () => [],
    });
    const running = watched.transcode(view.clip.id, { finalAttempt: false });
    let seen: { status: string; progress: number | null } | undefined;
    for (let i = 0; i < 50 && seen?.progress !== 0.25; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      seen = (await watched.view(system, view.clip.id)).clip;
    }
    expect(seen).toMatchObject({ status: "running", progress: 0.25 });
    release();
    await running;
    expect((await watched.view(system, view.clip.id)).clip).toMatchObject({
      status: "ready",
      progress: null,
    });
  });

  it("deletes a clip's rows and stored files, and refuses one an episode plays", async () => {
    const playing = new Set<string>();
    const clips = new ClipService({
      repository,
      store,
      prober: { probe: async () => audioProbe },
      transcoder,
      outbound: { check: async (url) => ({ ok: true, url }) },
      clock,
      enqueueTranscode: async () => undefined,
      playedBy: async (clipId) => (playing.has(clipId) ? ["story1"] : []),
    });
    const { view } = await clips.upload(system, spooled(`deleted ${dialect}`), "Gone");
    await clips.transcode(view.clip.id, { finalAttempt: true });
    await clips.putCaptions(system, view.clip.id, "en", "WEBVTT\n\n00:00.000 --> 00:01.000\nHi.\n");
    const keys = async () => {
      const found: string[] = [];
      for await (const key of store.list(`clips/${view.clip.id}/`)) found.push(key);
      return found.sort();
    };
    expect(await keys()).toHaveLength(3);

    playing.add(view.clip.id);
    const refused = await clips.delete(system, view.clip.id).catch((e: unknown) => e);
    expect(isNewsdeskError(refused) && refused.code).toBe("CLIP_IN_USE");
    expect(await keys()).toHaveLength(3);

    playing.clear();
    await clips.delete(system, view.clip.id);
    expect(await keys()).toEqual([]);
    expect(await repository.find(view.clip.id)).toBeUndefined();
    expect((await repository.renditions([view.clip.id])).size).toBe(0);
    expect((await repository.captions([view.clip.id])).size).toBe(0);
    const again = await clips.delete(system, view.clip.id).catch((e: unknown) => e);
    expect(isNewsdeskError(again) && again.code).toBe("CLIP_NOT_FOUND");
  });

  it("leaves no files behind when a clip is deleted while it is being transcoded", async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow: ClipTranscoder = {
      transcode: async (input) => {
        await held;
        return transcoder.transcode(input);
      },
    };
    const clips = new ClipService({
      repository,
      store,
      prober: { probe: async () => audioProbe },
      transcoder: slow,
      outbound: { check: async (url) => ({ ok: true, url }) },
      clock,
      enqueueTranscode: async () => undefined,
      playedBy: async () => [],
    });
    const { view } = await clips.upload(system, spooled(`mid-transcode ${dialect}`), "");
    const running = clips.transcode(view.clip.id, { finalAttempt: false });
    for (let i = 0; i < 50; i++) {
      if ((await repository.find(view.clip.id))?.status === "running") break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await clips.delete(system, view.clip.id);
    release();
    // The job ends without an error to retry: there is nothing left to transcode.
    await running;
    const left: string[] = [];
    for await (const key of store.list(`clips/${view.clip.id}/`)) left.push(key);
    expect(left).toEqual([]);
    expect(await repository.find(view.clip.id)).toBeUndefined();
  });

  it("reuses a clip uploaded twice instead of transcoding it again", async () => {
    const { clips } = instance();
    const first = await clips.upload(system, spooled(`same ${dialect}`), "");
    const again = await clips.upload(system, spooled(`same ${dialect}`), "");
    expect(again).toMatchObject({ reused: true, view: { clip: { id: first.view.clip.id } } });
  });

  it("keeps a failed attempt queued with its reason, and marks the clip failed on the last", async () => {
    const { runner, clips } = instance();
    const { view } = await clips.upload(system, spooled(`flaky ${dialect}`), "");
    await Promise.all([instance().runner.runOnce(), runner.runOnce()]); // drain earlier tests' jobs
    transcoder.failures = JobRunner.maxAttempts;
    const { runner: next } = instance();
    const uploaded = await clips.upload(system, spooled(`broken ${dialect}`), "");
    await next.runOnce();
    expect((await clips.view(system, uploaded.view.clip.id)).clip).toMatchObject({
      status: "queued",
      error: "ffmpeg failed: simulated",
    });
    for (let attempt = 1; attempt < JobRunner.maxAttempts; attempt++) {
      clock.advance(2 ** attempt * 1000);
      await next.runOnce();
    }
    expect((await clips.view(system, uploaded.view.clip.id)).clip).toMatchObject({
      status: "failed",
      error: "ffmpeg failed: simulated",
    });
    expect((await clips.view(system, view.clip.id)).clip.status).toBe("ready");
  });

  it("renews a running job's lock only for the worker holding it", async () => {
    await jobs.enqueue({
      id: `renew-${dialect}`,
      kind: "noop",
      payload: {},
      runAt: clock.now().toISOString(),
    });
    const now = clock.now();
    const until = new Date(now.getTime() + 60_000).toISOString();
    const claimed = await jobs.claim(now.toISOString(), "worker-a", until);
    if (!claimed) throw new Error("nothing claimed");
    expect(claimed.kind).toBe("noop");
    const later = new Date(now.getTime() + 600_000).toISOString();
    expect(await jobs.extend(claimed.id, "worker-b", later)).toBe(false);
    expect(await jobs.extend(claimed.id, "worker-a", later)).toBe(true);
    // Past the first lock but inside the renewed one: nobody else may claim it.
    expect(
      await jobs.claim(new Date(now.getTime() + 120_000).toISOString(), "worker-b", later),
    ).toBeUndefined();
  });

  it("stores captions, derives the transcript, keeps an editor's transcript, and deletes", async () => {
    const { clips } = instance();
    const { view } = await clips.upload(system, spooled(`captioned ${dialect}`), "With captions");
    const vtt =
      "WEBVTT\n\n00:00.000 --> 00:02.000\n<v Host>Welcome to the programme.\n\n00:02.000 --> 00:04.000\nToday: the river.\n";
    const caption = await clips.putCaptions(system, view.clip.id, "en", vtt);
    expect(caption).toMatchObject({
      lang: "en",
      cueCount: 2,
      transcript: "Host: Welcome to the programme. Today: the river.",
      transcriptEdited: false,
    });
    expect((await clips.captionFor(view.clip.id, "en"))?.vtt).toBe(vtt);
    await clips.putCaptions(
      system,
      view.clip.id,
      "fa",
      "WEBVTT\n\n00:00.000 --> 00:02.000\nبه برنامه خوش آمدید.\n",
    );
    const edited = await clips.setTranscript(system, view.clip.id, "en", {
      transcript: "Welcome. Today, the river.",
    });
    expect(edited).toMatchObject({
      transcriptEdited: true,
      transcript: "Welcome. Today, the river.",
    });
    // Replacing the captions keeps the editor's transcript.
    await clips.putCaptions(system, view.clip.id, "en", vtt.replace("river", "bridge"));
    const reread = await clips.view(system, view.clip.id);
    expect(reread.captions.map((c) => [c.lang, c.transcript, c.transcriptEdited])).toEqual([
      ["en", "Welcome. Today, the river.", true],
      ["fa", "به برنامه خوش آمدید.", false],
    ]);
    // An empty transcript goes back to the cues' words.
    expect(
      (await clips.setTranscript(system, view.clip.id, "en", { transcript: "" })).transcript,
    ).toBe("Host: Welcome to the programme. Today: the bridge.");
    await clips.deleteCaptions(system, view.clip.id, "fa");
    expect((await clips.view(system, view.clip.id)).captions.map((c) => c.lang)).toEqual(["en"]);
    await expect(clips.deleteCaptions(system, view.clip.id, "fa")).rejects.toMatchObject({
      code: "CAPTIONS_NOT_FOUND",
    });
  });

  it("refuses malformed captions, naming the line", async () => {
    const { clips } = instance();
    const { view } = await clips.upload(system, spooled(`bad captions ${dialect}`), "");
    const error = await clips
      .putCaptions(
        system,
        view.clip.id,
        "en",
        "WEBVTT\n\n00:00:05.000 --> 00:00:01.000\nBackwards\n",
      )
      .catch((e: unknown) => e);
    expect(isNewsdeskError(error) && error.code).toBe("CAPTIONS_INVALID");
    expect(isNewsdeskError(error) && error.message).toBe(
      "Line 3: The cue ends before or when it starts.",
    );
    expect(isNewsdeskError(error) && error.details).toEqual({
      problems: [{ line: 3, message: "The cue ends before or when it starts." }],
    });
    await expect(
      clips.putCaptions(system, view.clip.id, "not a tag!", "WEBVTT\n"),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
  });

  it("registers external streams through the outbound guard, without transcoding", async () => {
    const { clips } = instance();
    const view = await clips.registerExternal(system, {
      kind: "audio",
      url: "https://radio.example/live.m3u8",
      title: "Live",
    });
    expect(view.clip).toMatchObject({
      source: "external",
      status: "ready",
      externalUrl: "https://radio.example/live.m3u8",
    });
    await expect(
      clips.registerExternal(system, { kind: "audio", url: "http://intranet.example/x.mp3" }),
    ).rejects.toMatchObject({ code: "CLIP_URL_REFUSED" });
    await expect(
      clips.registerExternal(system, { kind: "audio", url: "file:///etc/passwd" }),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
  });
});
