#!/usr/bin/env node
// Audio and video transcoding speed (issue 17): a generated 10-minute programme (speech-like
// pink noise over a tone, 128 kbit/s MP3 as a recorder would deliver it) transcoded to the
// low-bitrate Opus rendition exactly as the clip job runs it (same arguments, `nice`), as a
// fraction of real time (target ≤ 0.2×) and its size (target ≤ 2 MB); the AAC renditions for
// comparison; the whole audio job as the clip job runs it (FfmpegClipTranscoder: one decode,
// every rendition, HE-AAC through the FDK encoder when `aac-enc` is installed); and one
// minute of 720p video to the 360p HLS rendition.
// Run after a build: `npm run build && node bench/clip-transcode-bench.js` (Node 24 via npm).
import { execFileSync } from "node:child_process";
import { createReadStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

const dist = join(dirname(dirname(fileURLToPath(import.meta.url))), "dist");
const { audioProfiles, videoLadder, FfmpegClipTranscoder } = await import(
  join(dist, "media/ffmpeg-clip-transcoder.js")
);
const { runProcess } = await import(join(dist, "media/run-process.js"));
const { executableOnPath } = await import(join(dist, "media/executable-on-path.js"));

const audioSeconds = Number(process.env.BENCH_CLIP_SECONDS ?? 600);
const videoSeconds = Number(process.env.BENCH_VIDEO_SECONDS ?? 60);
const dir = mkdtempSync(join(tmpdir(), "newsdesk-clip-bench-"));
const ffmpeg = (args) => execFileSync("ffmpeg", ["-nostdin", "-v", "error", "-y", ...args]);

async function timed(args) {
  const start = performance.now();
  const result = await runProcess("ffmpeg", ["-nostdin", "-v", "error", "-y", ...args], {
    timeoutMs: 3_600_000,
  });
  if (result.code !== 0) throw new Error(result.stderr);
  return (performance.now() - start) / 1000;
}

try {
  const programme = join(dir, "programme.mp3");
  ffmpeg([
    "-f",
    "lavfi",
    "-i",
    `anoisesrc=d=${audioSeconds}:c=pink:a=0.15`,
    "-f",
    "lavfi",
    "-i",
    `sine=frequency=220:duration=${audioSeconds}`,
    "-filter_complex",
    "amix=inputs=2",
    "-ac",
    "2",
    "-c:a",
    "libmp3lame",
    "-b:a",
    "128k",
    programme,
  ]);
  const rows = [];
  for (const profile of audioProfiles) {
    const out = join(dir, profile.name);
    const seconds = await timed([
      "-i",
      `file:${programme}`,
      "-map",
      "0:a:0",
      "-vn",
      "-map_metadata",
      "-1",
      ...profile.args,
      `file:${out}`,
    ]);
    rows.push({
      // ffmpeg's own encoder: the low AAC row is the AAC-LC fallback (no aac-enc).
      rendition:
        profile.role === "audio-low-aac" ? `${profile.name} (AAC-LC fallback)` : profile.name,
      seconds,
      realTime: seconds / audioSeconds,
      megabytes: statSync(out).size / 1_000_000,
    });
  }
  // The whole audio job, as production runs it.
  const heAacEncoder = executableOnPath("aac-enc");
  const transcoder = new FfmpegClipTranscoder({ timeoutMs: 3_600_000, heAacEncoder });
  const jobStart = performance.now();
  const job = await transcoder.transcode({
    kind: "audio",
    original: createReadStream(programme),
    height: null,
  });
  const jobSeconds = (performance.now() - jobStart) / 1000;
  const jobFiles = job.files.map(
    (f) => `${f.name} ${f.rendition?.codecs} ${(f.bytes / 1e6).toFixed(2)} MB`,
  );
  await job.dispose();
  const report = join(dir, "report.mp4");
  ffmpeg([
    "-f",
    "lavfi",
    "-i",
    `testsrc2=size=1280x720:rate=25:duration=${videoSeconds}`,
    "-f",
    "lavfi",
    "-i",
    `sine=frequency=330:duration=${videoSeconds}`,
    "-c:v",
    "libx264",
    "-preset",
    "ultrafast",
    "-crf",
    "18",
    "-c:a",
    "aac",
    "-shortest",
    report,
  ]);
  const rung = videoLadder.find((r) => r.name === "360p");
  const video = await timed([
    "-i",
    `file:${report}`,
    "-vf",
    `scale=-2:${rung.height}`,
    "-c:v",
    "libx264",
    "-preset",
    "veryfast",
    "-profile:v",
    "main",
    "-pix_fmt",
    "yuv420p",
    "-b:v",
    `${rung.videoKbps}k`,
    "-maxrate",
    `${Math.round(rung.videoKbps * 1.1)}k`,
    "-bufsize",
    `${rung.videoKbps * 2}k`,
    "-force_key_frames",
    "expr:gte(t,n_forced*6)",
    "-sc_threshold",
    "0",
    "-c:a",
    "aac",
    "-b:a",
    "64k",
    "-ac",
    "2",
    "-ar",
    "44100",
    "-f",
    "hls",
    "-hls_time",
    "6",
    "-hls_playlist_type",
    "vod",
    "-hls_segment_filename",
    join(dir, "seg-%05d.ts"),
    join(dir, "360p.m3u8"),
  ]);
  const opus = rows[0];
  console.log(
    `clip transcoding on ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), niced as in production`,
  );
  console.log("| rendition | input | wall time | × real time | size | target |");
  console.log("|---|---|---|---|---|---|");
  for (const row of rows) {
    const target =
      row === opus
        ? `≤ 0.2× and ≤ 2 MB: ${row.realTime <= 0.2 && row.megabytes <= 2 ? "met" : "MISSED"}`
        : "";
    console.log(
      `| ${row.rendition} | ${audioSeconds / 60} min audio | ${row.seconds.toFixed(1)} s | ${row.realTime.toFixed(3)}× | ${row.megabytes.toFixed(2)} MB | ${target} |`,
    );
  }
  console.log(
    `| whole audio job (${jobFiles.join("; ")}) | ${audioSeconds / 60} min audio | ${jobSeconds.toFixed(1)} s | ${(jobSeconds / audioSeconds).toFixed(3)}× | | ${heAacEncoder ? "HE-AAC by aac-enc" : "no aac-enc: AAC-LC"} |`,
  );
  console.log(
    `| HLS 360p (x264 veryfast, 700 kbit/s) | ${videoSeconds} s of 720p video | ${video.toFixed(1)} s | ${(video / videoSeconds).toFixed(3)}× | | reported |`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
