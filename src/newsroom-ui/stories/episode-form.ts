/**
 * The episode panel's form, as typed: chapter start times are text ("1:05:30", "4:12" or
 * "95"), numbers are text until saved. `episodeProblems` applies the server's rules
 * (src/domain/episodes/episode-schema.ts) before a save, so mistakes are shown by the field
 * instead of coming back as one refusal; `episodeInput` sorts the chapters by start time,
 * which the server requires.
 */
export interface ChapterRow {
  readonly start: string;
  readonly title: string;
}

export interface EpisodeForm {
  readonly programmeId: string;
  readonly clipId: string | null;
  readonly chapters: readonly ChapterRow[];
  readonly episodeNumber: string;
  readonly season: string;
  readonly explicit: boolean;
}

export interface EpisodeInput {
  readonly programmeId: string;
  readonly clipId: string | null;
  readonly chapters: readonly { readonly startSeconds: number; readonly title: string }[];
  readonly episodeNumber: number | null;
  readonly season: number | null;
  readonly explicit: boolean;
}

export type EpisodeProblem =
  | { readonly kind: "programme" }
  | { readonly kind: "start"; readonly row: number }
  | { readonly kind: "beyondClip"; readonly row: number }
  | { readonly kind: "title"; readonly row: number }
  | { readonly kind: "sameStart"; readonly row: number }
  | { readonly kind: "tooManyChapters" }
  | { readonly kind: "episodeNumber" }
  | { readonly kind: "season" };

/** The server's bounds (episode-schema.ts). */
const maxChapters = 100;
const maxTitle = 200;
const maxStartSeconds = 24 * 3600;

export function emptyEpisodeForm(programmeId: string): EpisodeForm {
  return {
    programmeId,
    clipId: null,
    chapters: [],
    episodeNumber: "",
    season: "",
    explicit: false,
  };
}

export function episodeFormOf(episode: EpisodeInput): EpisodeForm {
  return {
    programmeId: episode.programmeId,
    clipId: episode.clipId,
    chapters: episode.chapters.map((c) => ({ start: formatStart(c.startSeconds), title: c.title })),
    episodeNumber: episode.episodeNumber === null ? "" : String(episode.episodeNumber),
    season: episode.season === null ? "" : String(episode.season),
    explicit: episode.explicit,
  };
}

/** "h:mm:ss", "m:ss" or plain seconds (fractions allowed) to seconds; undefined if neither. */
export function parseStart(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^\d+(?::\d{1,2}){0,2}(?:\.\d{1,3})?$/.test(trimmed)) return undefined;
  const parts = trimmed.split(":").map(Number);
  // Minutes and seconds after a colon are below 60; the first part may be any size.
  if (parts.slice(1).some((p) => p >= 60)) return undefined;
  const seconds = parts.reduce((total, part) => total * 60 + part, 0);
  return seconds <= maxStartSeconds ? seconds : undefined;
}

/** Seconds as "m:ss" or "h:mm:ss", keeping milliseconds when there are any. */
export function formatStart(seconds: number): string {
  const whole = Math.floor(seconds);
  const fraction = Math.round((seconds - whole) * 1000);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  const tail = `${String(s).padStart(2, "0")}${fraction ? `.${String(fraction).padStart(3, "0")}` : ""}`;
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${tail}` : `${m}:${tail}`;
}

function wholeIn(text: string, max: number): boolean {
  const trimmed = text.trim();
  return (
    trimmed === "" || (/^\d+$/.test(trimmed) && Number(trimmed) >= 1 && Number(trimmed) <= max)
  );
}

/**
 * Every problem of the form, rows numbered from 1 as shown. `clipSeconds` is the chosen
 * clip's length when known: a chapter may not start after the clip ends.
 */
export function episodeProblems(form: EpisodeForm, clipSeconds: number | null): EpisodeProblem[] {
  const problems: EpisodeProblem[] = [];
  if (form.programmeId === "") problems.push({ kind: "programme" });
  if (form.chapters.length > maxChapters) problems.push({ kind: "tooManyChapters" });
  const seen = new Set<number>();
  form.chapters.forEach((chapter, index) => {
    const row = index + 1;
    const start = parseStart(chapter.start);
    if (start === undefined) problems.push({ kind: "start", row });
    else if (clipSeconds !== null && start >= clipSeconds)
      problems.push({ kind: "beyondClip", row });
    else if (seen.has(start)) problems.push({ kind: "sameStart", row });
    if (start !== undefined) seen.add(start);
    const title = chapter.title.trim();
    if (title === "" || title.length > maxTitle) problems.push({ kind: "title", row });
  });
  if (!wholeIn(form.episodeNumber, 100_000)) problems.push({ kind: "episodeNumber" });
  if (!wholeIn(form.season, 1000)) problems.push({ kind: "season" });
  return problems;
}

/** The form as the API takes it, chapters in order of start time (call after the check). */
export function episodeInput(form: EpisodeForm): EpisodeInput {
  const number = (text: string) => (text.trim() === "" ? null : Number(text.trim()));
  return {
    programmeId: form.programmeId,
    clipId: form.clipId,
    chapters: form.chapters
      .map((c) => ({ startSeconds: parseStart(c.start) ?? 0, title: c.title.trim() }))
      .sort((a, b) => a.startSeconds - b.startSeconds),
    episodeNumber: number(form.episodeNumber),
    season: number(form.season),
    explicit: form.explicit,
  };
}
