/**
 * A strict WebVTT reader (W3C WebVTT, https://www.w3.org/TR/webvtt1/). Browsers parse
 * leniently and drop what they cannot read; the newsroom is told instead, line by line, so
 * captions that would silently lose cues in a player are refused before readers get them.
 * Bounded: at most `maxBytes` of text, `maxCues` cues, and one pass over the lines.
 */

export interface WebVttCue {
  readonly id: string;
  /** Milliseconds from the start of the media. */
  readonly startMs: number;
  readonly endMs: number;
  /** Cue settings as written (`line:0 align:start`), already checked. */
  readonly settings: string;
  /** The cue payload, markup included (`<v Anchor>Good evening`). */
  readonly text: string;
}

export interface WebVttProblem {
  /** 1-based line of the file. */
  readonly line: number;
  readonly message: string;
}

export type WebVttResult =
  | { readonly ok: true; readonly cues: readonly WebVttCue[] }
  | { readonly ok: false; readonly problems: readonly WebVttProblem[] };

export interface WebVttLimits {
  readonly maxBytes: number;
  readonly maxCues: number;
  /** Characters of one cue's text. */
  readonly maxCueChars: number;
}

const defaultWebVttLimits: WebVttLimits = {
  maxBytes: 512 * 1024,
  maxCues: 10_000,
  maxCueChars: 2_000,
};

/** Problems reported at most; the rest would only repeat the same mistake. */
const maxProblems = 20;

// §4.1 "WebVTT timestamp": optional hours (two or more digits), minutes and seconds 00–59,
// exactly three digits of milliseconds.
const timestampPattern = /^(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})$/;
// §4.4 cue settings: each a name:value pair with the value's own syntax.
const settingPatterns: Record<string, RegExp> = {
  vertical: /^(?:rl|lr)$/,
  line: /^(?:-?\d+|\d+(?:\.\d+)?%)(?:,(?:start|center|end))?$/,
  position: /^\d+(?:\.\d+)?%(?:,(?:line-left|center|line-right))?$/,
  size: /^\d+(?:\.\d+)?%$/,
  align: /^(?:start|center|end|left|right)$/,
  region: /^[^\s-][^\s]*$/,
};

export function parseTimestamp(value: string): number | undefined {
  const match = timestampPattern.exec(value);
  if (!match) return undefined;
  const [, hours, minutes, seconds, millis] = match;
  return (
    ((Number(hours ?? 0) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000 + Number(millis)
  );
}

export function formatTimestamp(ms: number): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor(ms / 60_000) % 60;
  const seconds = Math.floor(ms / 1000) % 60;
  return `${pad(hours)}:${pad(minutes)}:${pad(seconds)}.${pad(ms % 1000, 3)}`;
}

export function parseWebVtt(
  input: string,
  limits: WebVttLimits = defaultWebVttLimits,
): WebVttResult {
  if (new TextEncoder().encode(input).byteLength > limits.maxBytes) {
    return fail(1, `The captions may have at most ${Math.round(limits.maxBytes / 1024)} KB.`);
  }
  // §6.1: a BOM is skipped; CRLF, CR and LF all end a line.
  const lines = input.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const problems: WebVttProblem[] = [];
  const report = (line: number, message: string) => {
    if (problems.length < maxProblems) problems.push({ line, message });
  };
  const signature = lines[0] ?? "";
  if (!/^WEBVTT(?:[ \t].*)?$/.test(signature)) {
    return fail(1, 'The first line must be "WEBVTT".');
  }
  if (input.includes("\0")) return fail(1, "The captions contain a NUL character.");
  let i = 1;
  // The header ends at the first blank line; it may not hold a cue timing.
  for (; i < lines.length && lines[i] !== ""; i++) {
    if (lines[i]?.includes("-->")) report(i + 1, "A blank line must follow the WEBVTT line.");
  }
  const cues: WebVttCue[] = [];
  let seenCue = false;
  let previousStart = 0;
  while (i < lines.length) {
    while (i < lines.length && lines[i] === "") i++;
    if (i >= lines.length) break;
    const blockStart = i;
    const block: string[] = [];
    while (i < lines.length && lines[i] !== "") block.push(lines[i++] ?? "");
    const first = block[0] ?? "";
    if (/^NOTE(?:[ \t]|$)/.test(first)) {
      if (block.some((l) => l.includes("-->")))
        report(blockStart + 1, 'A NOTE may not contain "-->".');
      continue;
    }
    if (/^(?:STYLE|REGION)[ \t]*$/.test(first)) {
      if (seenCue) report(blockStart + 1, `${first.trim()} blocks must come before the first cue.`);
      continue;
    }
    const timingIndex = first.includes("-->") ? 0 : 1;
    const timing = block[timingIndex];
    if (timing === undefined || !timing.includes("-->")) {
      report(blockStart + 1, "Expected a cue timing line such as 00:00:01.000 --> 00:00:04.000.");
      continue;
    }
    const line = blockStart + timingIndex + 1;
    const id = timingIndex === 1 ? first : "";
    const match = /^(\S+)[ \t]+-->[ \t]+(\S+)(.*)$/.exec(timing);
    const startMs = match ? parseTimestamp(match[1] ?? "") : undefined;
    const endMs = match ? parseTimestamp(match[2] ?? "") : undefined;
    if (!match || startMs === undefined || endMs === undefined) {
      report(
        line,
        `The cue timing "${timing.slice(0, 80)}" is not "start --> end" in hh:mm:ss.ttt.`,
      );
      continue;
    }
    if (endMs <= startMs) {
      report(line, "The cue ends before or when it starts.");
      continue;
    }
    if (startMs < previousStart) {
      report(line, "Cues must be in order of their start time.");
      continue;
    }
    const settings = (match[3] ?? "").trim();
    const badSetting = settings === "" ? undefined : checkSettings(settings);
    if (badSetting) {
      report(line, badSetting);
      continue;
    }
    const textLines = block.slice(timingIndex + 1);
    const text = textLines.join("\n");
    if (textLines.some((l) => l.includes("-->"))) {
      report(line + 1, 'A cue\'s text may not contain "-->"; add a blank line between cues.');
      continue;
    }
    if (text.length > limits.maxCueChars) {
      report(line, `A cue may have at most ${limits.maxCueChars} characters.`);
      continue;
    }
    if (cues.length >= limits.maxCues) {
      report(line, `The captions may have at most ${limits.maxCues} cues.`);
      break;
    }
    seenCue = true;
    previousStart = startMs;
    cues.push({ id, startMs, endMs, settings, text });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, cues };
}

function checkSettings(settings: string): string | undefined {
  const seen = new Set<string>();
  for (const setting of settings.split(/[ \t]+/)) {
    const colon = setting.indexOf(":");
    const name = setting.slice(0, colon);
    const value = setting.slice(colon + 1);
    const pattern = settingPatterns[name];
    if (colon <= 0 || !pattern || !pattern.test(value))
      return `The cue setting "${setting.slice(0, 40)}" is not valid.`;
    if (seen.has(name)) return `The cue setting "${name}" is given twice.`;
    seen.add(name);
  }
  return undefined;
}

function fail(line: number, message: string): WebVttResult {
  return { ok: false, problems: [{ line, message }] };
}

const entities: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  nbsp: "\u00a0",
  lrm: "\u200e",
  rlm: "\u200f",
  quot: '"',
  apos: "'",
};

/** A cue's words without markup: tags (`<v Anchor>`, `<i>`, timestamps) go, entities decode. */
function cuePlainText(text: string): string {
  return text
    .replace(/<[^>]*>/g, "")
    .replace(/&(amp|lt|gt|nbsp|lrm|rlm|quot|apos);/g, (_, name: string) => entities[name] ?? "")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The transcript readers see when no editor has written one: the cues' words, with a new
 * paragraph at a pause of two seconds or more or when the speaker (`<v Name>`) changes.
 * Roll-up captions repeat the previous line; a repeat is not written twice.
 */
export function transcriptFromCues(cues: readonly WebVttCue[]): string {
  const paragraphs: string[][] = [];
  let previousEnd = Number.NEGATIVE_INFINITY;
  let previousSpeaker: string | undefined;
  let previousText = "";
  for (const cue of cues) {
    const speaker = /^<v(?:\.[^\s>]*)?[ \t]+([^>]+)>/.exec(cue.text)?.[1]?.trim();
    const text = cuePlainText(cue.text);
    if (text === "" || text === previousText) continue;
    const current = paragraphs.at(-1);
    const speakerChanged = speaker !== undefined && speaker !== previousSpeaker;
    if (!current || cue.startMs - previousEnd >= 2000 || speakerChanged) {
      paragraphs.push([speaker && speakerChanged ? `${speaker}: ${text}` : text]);
    } else {
      current.push(text);
    }
    if (speaker !== undefined) previousSpeaker = speaker;
    previousEnd = cue.endMs;
    previousText = text;
  }
  return paragraphs.map((p) => p.join(" ")).join("\n\n");
}
