import { useEffect, useId, useState } from "preact/hooks";
import { useUiText } from "../i18n/ui-language.js";
import { CaptionsEditor } from "../media/CaptionsEditor.js";
import { type ClipItem, getClip, listClips, uploadClip } from "../media/clips-api.js";
import { type ProgrammeView, programmesApi } from "../programmes/programmes-api.js";
import { errorMessage, isApiError } from "../shared/api-client.js";
import { useApp } from "../shared/app-context.js";
import { ErrorMessage, StatusMessage } from "../shared/Notice.js";
import { type EpisodeView, getEpisode, saveEpisode } from "./episode-api.js";
import {
  type ChapterRow,
  type EpisodeForm,
  type EpisodeProblem,
  emptyEpisodeForm,
  episodeFormOf,
  episodeInput,
  episodeProblems,
} from "./episode-form.js";

/** How often a chosen clip that is still being processed is asked about again. */
const pollMs = 5000;

/**
 * The story editor's episode panel (issue 17), for stories of kind "episode": the
 * programme (of the story's service), the clip (picked from the library or uploaded here,
 * with its processing state), chapters, numbering and the explicit flag, and the clip's
 * captions. Saved against the version loaded: a colleague's save in between comes back as
 * 409 EPISODE_CONFLICT and the panel offers their version instead of overwriting it.
 */
export function EpisodePanel(props: {
  readonly storyId: string;
  readonly serviceId: string;
  /** The story's language, for the captions offered first and the chapter titles. */
  readonly lang: string;
  readonly dir: "ltr" | "rtl";
  readonly headline: string;
  /** The story may be changed by this user (permissions.ts `canEditStory`). */
  readonly canEdit: boolean;
}) {
  const { api } = useApp();
  const { t, number } = useUiText();
  const id = useId();
  const [base, setBase] = useState<EpisodeView | null | undefined>(undefined);
  const [form, setForm] = useState<EpisodeForm>(emptyEpisodeForm(""));
  const [programmes, setProgrammes] = useState<readonly ProgrammeView[]>([]);
  const [clips, setClips] = useState<readonly ClipItem[]>([]);
  const [query, setQuery] = useState("");
  const [chosen, setChosen] = useState<ClipItem | null>(null);
  const [problems, setProblems] = useState<readonly EpisodeProblem[]>([]);
  const [stale, setStale] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState("");
  const [upload, setUpload] = useState<File | null>(null);
  const [captionsOpen, setCaptionsOpen] = useState(false);
  const [loadKey, setLoadKey] = useState(0);

  // The episode and the service's programmes; loadKey asks again (after a conflict).
  useEffect(() => {
    let live = true;
    void loadKey;
    Promise.all([getEpisode(api, props.storyId), programmesApi.list(api, props.serviceId)])
      .then(([episode, list]) => {
        if (!live) return;
        setBase(episode);
        setForm(episode ? episodeFormOf(episode) : emptyEpisodeForm(""));
        setProgrammes(list);
        setStale(false);
        setProblems([]);
      })
      .catch((failure: unknown) => {
        if (live) setError(t("episodes.loadFailed", { error: errorMessage(failure) }));
      });
    return () => {
      live = false;
    };
  }, [api, props.storyId, props.serviceId, loadKey]);

  // The library's clips matching the search, newest first.
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      listClips(api, query.trim() ? { q: query.trim() } : {})
        .then((list) => {
          if (live) setClips(list.items);
        })
        .catch((failure: unknown) => {
          if (live) setError(errorMessage(failure));
        });
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, query]);

  // The chosen clip, asked about again while it is being processed.
  useEffect(() => {
    let live = true;
    if (form.clipId === null) {
      setChosen(null);
      return;
    }
    if (chosen?.id === form.clipId && (chosen.status === "ready" || chosen.status === "failed")) {
      return;
    }
    const clipId = form.clipId;
    const ask = () =>
      getClip(api, clipId)
        .then((clip) => {
          if (live) setChosen(clip);
        })
        .catch((failure: unknown) => {
          if (live) setError(errorMessage(failure));
        });
    const timer = chosen?.id === clipId ? setTimeout(ask, pollMs) : undefined;
    if (!timer) void ask();
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
    };
  }, [api, form.clipId, chosen]);

  if (base === undefined) {
    return (
      <section class="nr-panel" aria-labelledby={`${id}-heading`}>
        <h2 id={`${id}-heading`}>{t("episodes.heading")}</h2>
        {error ? (
          <ErrorMessage message={error} />
        ) : (
          <StatusMessage>{t("episodes.loading")}</StatusMessage>
        )}
      </section>
    );
  }

  const clipSeconds = chosen?.durationMs ? chosen.durationMs / 1000 : null;
  const setChapters = (chapters: readonly ChapterRow[]) => setForm({ ...form, chapters });
  const problemsOf = (row: number) =>
    problems.filter((p) => "row" in p && p.row === row).map(problemText);
  const fieldProblem = (kind: EpisodeProblem["kind"]) =>
    problems.some((p) => p.kind === kind) ? problemText({ kind } as EpisodeProblem) : null;

  function problemText(problem: EpisodeProblem): string {
    switch (problem.kind) {
      case "programme":
        return t("episodes.problem.programme");
      case "start":
        return t("episodes.problem.start", { row: number(problem.row) });
      case "beyondClip":
        return t("episodes.problem.beyondClip", { row: number(problem.row) });
      case "sameStart":
        return t("episodes.problem.sameStart", { row: number(problem.row) });
      case "title":
        return t("episodes.problem.title", { row: number(problem.row) });
      case "tooManyChapters":
        return t("episodes.problem.tooManyChapters");
      case "episodeNumber":
        return t("episodes.problem.episodeNumber");
      case "season":
        return t("episodes.problem.season");
    }
  }

  const save = async (event: Event) => {
    event.preventDefault();
    setMessage("");
    setError(null);
    const found = episodeProblems(form, clipSeconds);
    setProblems(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      const saved = await saveEpisode(
        api,
        props.storyId,
        episodeInput(form),
        base?.updatedAt ?? null,
      );
      setBase(saved);
      // The saved form shows the chapters in the order they will play.
      setForm(episodeFormOf(saved));
      setMessage(t("episodes.saved"));
    } catch (failure) {
      if (isApiError(failure) && failure.code === "EPISODE_CONFLICT") setStale(true);
      else setError(t("episodes.failed", { error: errorMessage(failure) }));
    } finally {
      setBusy(false);
    }
  };

  const uploadAndAttach = async () => {
    if (!upload) {
      setError(t("av.upload.chooseFirst"));
      return;
    }
    setBusy(true);
    setError(null);
    setMessage(t("av.upload.uploading", { name: upload.name }));
    try {
      const clip = await uploadClip(api, upload, props.headline.normalize("NFC"));
      setChosen(clip);
      setForm({ ...form, clipId: clip.id });
      setClips([clip, ...clips.filter((c) => c.id !== clip.id)]);
      setUpload(null);
      setMessage(t("episodes.upload.attached", { name: upload.name }));
    } catch (failure) {
      setMessage("");
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  const clipLabel = (clip: ClipItem) =>
    t("episodes.clip.option", {
      title: clip.title || clip.id,
      kind: t(clip.kind === "audio" ? "av.kind.audio" : "av.kind.video"),
    });
  const listed = chosen && !clips.some((c) => c.id === chosen.id) ? [chosen, ...clips] : clips;
  const programmeProblem = fieldProblem("programme");
  const numberProblem = fieldProblem("episodeNumber");
  const seasonProblem = fieldProblem("season");

  return (
    <section class="nr-panel nr-episode" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t("episodes.heading")}</h2>
      {stale ? (
        <div class="nr-conflict" role="alert">
          <p>{t("episodes.conflict")}</p>
          <button type="button" onClick={() => setLoadKey((key) => key + 1)}>
            {t("episodes.reload")}
          </button>
        </div>
      ) : null}
      {props.canEdit ? null : <p class="nr-help">{t("episodes.readOnly")}</p>}
      <form class="nr-form" onSubmit={save} aria-label={t("episodes.heading")}>
        <fieldset disabled={!props.canEdit || busy || stale} class="nr-plain-fieldset">
          <legend class="nr-visually-hidden">{t("episodes.heading")}</legend>
          <div class="nr-field">
            <label for={`${id}-programme`}>{t("episodes.programme")}</label>
            {programmes.length === 0 ? <p class="nr-help">{t("episodes.programme.none")}</p> : null}
            <select
              id={`${id}-programme`}
              value={form.programmeId}
              aria-invalid={programmeProblem ? true : undefined}
              aria-describedby={programmeProblem ? `${id}-programme-problem` : undefined}
              onChange={(event) => setForm({ ...form, programmeId: event.currentTarget.value })}
            >
              <option value="">{t("episodes.programme.choose")}</option>
              {programmes.map((programme) => (
                <option key={programme.id} value={programme.id} lang={props.lang}>
                  {programme.title}
                </option>
              ))}
            </select>
            {programmeProblem ? (
              <p id={`${id}-programme-problem`} class="nr-error-text">
                {programmeProblem}
              </p>
            ) : null}
          </div>

          <fieldset class="nr-fieldset">
            <legend>{t("episodes.clip.legend")}</legend>
            <div class="nr-field">
              <label for={`${id}-clip-search`}>{t("episodes.clip.search")}</label>
              <input
                id={`${id}-clip-search`}
                type="search"
                dir="auto"
                value={query}
                onInput={(event) => setQuery(event.currentTarget.value)}
              />
            </div>
            <div class="nr-field">
              <label for={`${id}-clip`}>{t("episodes.clip.choose")}</label>
              <select
                id={`${id}-clip`}
                value={form.clipId ?? ""}
                onChange={(event) => {
                  const value = event.currentTarget.value;
                  setForm({ ...form, clipId: value === "" ? null : value });
                  setCaptionsOpen(false);
                }}
              >
                <option value="">{t("episodes.clip.noneChosen")}</option>
                {listed.map((clip) => (
                  <option key={clip.id} value={clip.id}>
                    {clipLabel(clip)}
                  </option>
                ))}
              </select>
            </div>
            {chosen ? (
              <p role="status">
                {chosen.status === "failed"
                  ? t("av.status.failed", { error: chosen.error ?? "" })
                  : t(`av.status.${chosen.status}`)}{" "}
                {chosen.status === "running" && chosen.progress !== null ? (
                  <progress value={chosen.progress} max={1} aria-label={t("av.status.running")}>
                    {number(Math.round(chosen.progress * 100))}%
                  </progress>
                ) : null}
              </p>
            ) : null}
            <div class="nr-field">
              <label for={`${id}-upload`}>{t("episodes.upload.file")}</label>
              <input
                id={`${id}-upload`}
                type="file"
                accept="audio/*,video/*"
                aria-describedby={`${id}-upload-help`}
                onChange={(event) => setUpload(event.currentTarget.files?.[0] ?? null)}
              />
              <p id={`${id}-upload-help`} class="nr-help">
                {t("av.upload.help")}
              </p>
            </div>
            <button type="button" onClick={() => void uploadAndAttach()}>
              {t("episodes.upload.submit")}
            </button>
          </fieldset>

          <fieldset class="nr-fieldset">
            <legend>{t("episodes.chapters.legend")}</legend>
            <p id={`${id}-chapters-help`} class="nr-help">
              {t("episodes.chapters.help")}
            </p>
            {form.chapters.length === 0 ? <p>{t("episodes.chapters.empty")}</p> : null}
            <ol class="nr-chapters">
              {form.chapters.map((chapter, index) => {
                const row = index + 1;
                const rowProblems = problemsOf(row);
                const problemId = `${id}-chapter-${row}-problem`;
                return (
                  // Rows have no identity of their own (the inputs are controlled, so a
                  // removed row's neighbours keep their values): the index is the label's.
                  <li key={index}>
                    <label for={`${id}-chapter-${row}-start`}>
                      {t("episodes.chapters.start", { row: number(row) })}
                    </label>
                    <input
                      id={`${id}-chapter-${row}-start`}
                      dir="ltr"
                      inputMode="decimal"
                      size={9}
                      value={chapter.start}
                      aria-describedby={rowProblems.length > 0 ? problemId : `${id}-chapters-help`}
                      aria-invalid={rowProblems.length > 0 ? true : undefined}
                      onInput={(event) =>
                        setChapters(
                          form.chapters.map((c, i) =>
                            i === index ? { ...c, start: event.currentTarget.value } : c,
                          ),
                        )
                      }
                    />
                    <label for={`${id}-chapter-${row}-title`}>
                      {t("episodes.chapters.title", { row: number(row) })}
                    </label>
                    <input
                      id={`${id}-chapter-${row}-title`}
                      lang={props.lang}
                      dir={props.dir}
                      maxLength={200}
                      value={chapter.title}
                      aria-invalid={rowProblems.length > 0 ? true : undefined}
                      aria-describedby={rowProblems.length > 0 ? problemId : undefined}
                      onInput={(event) =>
                        setChapters(
                          form.chapters.map((c, i) =>
                            i === index ? { ...c, title: event.currentTarget.value } : c,
                          ),
                        )
                      }
                    />
                    <button
                      type="button"
                      onClick={() => setChapters(form.chapters.filter((_, i) => i !== index))}
                    >
                      {t("episodes.chapters.remove", { row: number(row) })}
                    </button>
                    {rowProblems.length > 0 ? (
                      <p id={problemId} class="nr-error-text">
                        {rowProblems.join(" ")}
                      </p>
                    ) : null}
                  </li>
                );
              })}
            </ol>
            <button
              type="button"
              onClick={() => setChapters([...form.chapters, { start: "", title: "" }])}
            >
              {t("episodes.chapters.add")}
            </button>
          </fieldset>

          <div class="nr-field">
            <label for={`${id}-number`}>{t("episodes.number")}</label>
            <input
              id={`${id}-number`}
              inputMode="numeric"
              dir="ltr"
              size={6}
              value={form.episodeNumber}
              aria-invalid={numberProblem ? true : undefined}
              aria-describedby={numberProblem ? `${id}-number-problem` : undefined}
              onInput={(event) => setForm({ ...form, episodeNumber: event.currentTarget.value })}
            />
            {numberProblem ? (
              <p id={`${id}-number-problem`} class="nr-error-text">
                {numberProblem}
              </p>
            ) : null}
          </div>
          <div class="nr-field">
            <label for={`${id}-season`}>{t("episodes.season")}</label>
            <input
              id={`${id}-season`}
              inputMode="numeric"
              dir="ltr"
              size={6}
              value={form.season}
              aria-invalid={seasonProblem ? true : undefined}
              aria-describedby={seasonProblem ? `${id}-season-problem` : undefined}
              onInput={(event) => setForm({ ...form, season: event.currentTarget.value })}
            />
            {seasonProblem ? (
              <p id={`${id}-season-problem`} class="nr-error-text">
                {seasonProblem}
              </p>
            ) : null}
          </div>
          <div class="nr-check">
            <input
              id={`${id}-explicit`}
              type="checkbox"
              checked={form.explicit}
              onChange={(event) => setForm({ ...form, explicit: event.currentTarget.checked })}
            />
            <label for={`${id}-explicit`}>{t("episodes.explicit")}</label>
          </div>
          {problems.length > 0 ? (
            <div role="alert">
              <p>{t("episodes.problems")}</p>
              <ul>
                {problems.map((problem) => (
                  <li key={JSON.stringify(problem)}>{problemText(problem)}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <button type="submit" class="nr-primary">
            {t("episodes.save")}
          </button>
        </fieldset>
        <StatusMessage>{message}</StatusMessage>
        <ErrorMessage message={error} />
      </form>

      {chosen ? (
        <div>
          <button
            type="button"
            aria-expanded={captionsOpen}
            onClick={() => setCaptionsOpen(!captionsOpen)}
          >
            {t("av.captions.open", { title: chosen.title || chosen.id })}
          </button>
          {captionsOpen ? (
            <CaptionsEditor
              key={chosen.id}
              clip={chosen}
              defaultLang={props.lang}
              onChanged={() => {
                void getClip(api, chosen.id).then(setChosen, () => undefined);
              }}
            />
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
