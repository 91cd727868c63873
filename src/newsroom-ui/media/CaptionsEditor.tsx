import { useId, useState } from "preact/hooks";
import { parseWebVtt, type WebVttProblem } from "../../domain/clips/webvtt.js";
import { useUiText } from "../i18n/ui-language.js";
import { errorMessage, isApiError } from "../shared/api-client.js";
import { useApp } from "../shared/app-context.js";
import { ErrorMessage, StatusMessage } from "../shared/Notice.js";
import { TextField } from "../shared/TextField.js";
import {
  type ClipItem,
  captionProblemsSchema,
  deleteCaptions,
  putCaptions,
  putTranscript,
} from "./clips-api.js";

/**
 * Captions per language: typed or loaded from a .vtt file into the text area, checked with
 * the server's own WebVTT rules, each mistake shown with its line.
 */
export function CaptionsEditor(props: {
  readonly clip: ClipItem;
  readonly onChanged: () => void;
  /** The language tag offered when the clip has no captions yet (the story's language). */
  readonly defaultLang?: string;
}) {
  const { api } = useApp();
  const { t, number } = useUiText();
  const id = useId();
  const [lang, setLang] = useState(props.clip.captions[0]?.lang ?? props.defaultLang ?? "");
  const existing = props.clip.captions.find((c) => c.lang === lang);
  const [vtt, setVtt] = useState(existing?.vtt ?? "WEBVTT\n\n");
  const [transcript, setTranscript] = useState(existing?.transcript ?? "");
  const [problems, setProblems] = useState<readonly WebVttProblem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");

  const check = (text: string) => {
    const parsed = parseWebVtt(text);
    setProblems(parsed.ok ? [] : parsed.problems);
    return parsed.ok;
  };

  const save = async (event: Event) => {
    event.preventDefault();
    setError(null);
    if (!check(vtt)) return;
    try {
      const caption = await putCaptions(api, props.clip.id, lang.trim(), vtt);
      setTranscript(caption.transcript);
      setStatus(t("av.captions.saved", { lang: caption.lang, count: number(caption.cueCount) }));
      props.onChanged();
    } catch (failure) {
      const listed = isApiError(failure)
        ? captionProblemsSchema.safeParse(failure.problem.problems)
        : undefined;
      if (listed?.success) setProblems(listed.data);
      else setError(errorMessage(failure));
    }
  };

  const remove = async () => {
    try {
      await deleteCaptions(api, props.clip.id, lang.trim());
      setStatus(t("av.captions.removed", { lang }));
      props.onChanged();
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  const saveTranscript = async (event: Event) => {
    event.preventDefault();
    try {
      const caption = await putTranscript(api, props.clip.id, lang.trim(), transcript);
      setTranscript(caption.transcript);
      setStatus(t("av.transcript.saved", { lang: caption.lang }));
      props.onChanged();
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  return (
    <div class="nr-captions">
      <h3>{t("av.captions.heading", { title: props.clip.title || props.clip.id })}</h3>
      <form class="nr-form" onSubmit={save}>
        <TextField
          id={`${id}-lang`}
          label={t("av.captions.lang")}
          value={lang}
          dir="ltr"
          maxLength={35}
          required
          onInput={(value) => {
            setLang(value);
            const found = props.clip.captions.find((c) => c.lang === value.trim());
            if (found) {
              setVtt(found.vtt);
              setTranscript(found.transcript);
            }
          }}
        />
        <div class="nr-field">
          <label for={`${id}-vtt`}>{t("av.captions.vtt")}</label>
          <textarea
            id={`${id}-vtt`}
            rows={10}
            dir="auto"
            value={vtt}
            aria-invalid={problems.length > 0}
            aria-describedby={problems.length > 0 ? `${id}-problems` : undefined}
            onInput={(event) => {
              setVtt(event.currentTarget.value);
              if (problems.length > 0) check(event.currentTarget.value);
            }}
            onBlur={() => check(vtt)}
          />
        </div>
        <div class="nr-field">
          <label for={`${id}-file`}>{t("av.captions.file")}</label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".vtt,text/vtt"
            onChange={(event) => {
              const chosen = event.currentTarget.files?.[0];
              if (!chosen) return;
              // Read into the text area, not sent as it is: what is saved is what is shown.
              void chosen.text().then((text) => {
                setVtt(text);
                check(text);
              });
            }}
          />
        </div>
        {problems.length > 0 ? (
          <div id={`${id}-problems`} role="alert">
            <p>{t("av.captions.invalid")}</p>
            <ul>
              {problems.map((p) => (
                <li key={`${p.line}-${p.message}`}>
                  {t("av.captions.line", { line: number(p.line), message: p.message })}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <button type="submit">{t("av.captions.save")}</button>
        {existing ? (
          <button type="button" onClick={remove}>
            {t("av.captions.remove", { lang: existing.lang })}
          </button>
        ) : null}
      </form>
      {existing ? (
        <form class="nr-form" onSubmit={saveTranscript}>
          <TextField
            id={`${id}-transcript`}
            label={t("av.transcript.label", { lang: existing.lang })}
            value={transcript}
            onInput={setTranscript}
            multiline
            lang={existing.lang}
            help={t("av.transcript.help")}
          />
          <button type="submit">{t("av.transcript.save")}</button>
        </form>
      ) : null}
      <ErrorMessage message={error} />
      <StatusMessage>{status}</StatusMessage>
    </div>
  );
}
