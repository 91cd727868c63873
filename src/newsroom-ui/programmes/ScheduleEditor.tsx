import { useId, useState } from "preact/hooks";
import { useUiText } from "../i18n/ui-language.js";
import { errorMessage, isApiError } from "../shared/api-client.js";
import type { ServiceInfo } from "../shared/api-schemas.js";
import { useApp } from "../shared/app-context.js";
import { ErrorMessage } from "../shared/Notice.js";
import {
  type ExceptionDraft,
  type ProgrammeView,
  programmesApi,
  type ScheduleView,
  type SlotDraft,
} from "./programmes-api.js";

const isoDays = [1, 2, 3, 4, 5, 6, 7] as const;

/** Today in the browser, YYYY-MM-DD: the default first day of a new slot. */
const today = () => new Date().toISOString().slice(0, 10);

/**
 * The weekly schedule as editors enter it: slots that repeat on chosen weekdays at a
 * wall-clock time in the service's zone, and changes on single days. Saved whole, with the
 * version it started from; a newer save by someone else is a conflict, never overwritten.
 */
export function ScheduleEditor(props: {
  readonly service: ServiceInfo;
  readonly schedule: ScheduleView;
  readonly programmes: readonly ProgrammeView[];
  readonly canEdit: boolean;
  readonly onSaved: (schedule: ScheduleView) => void;
  readonly onReload: () => void;
}) {
  const { api } = useApp();
  const { t, lang } = useUiText();
  const id = useId();
  const [draft, setDraft] = useState<ScheduleView>(props.schedule);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const weekday = new Intl.DateTimeFormat(lang, { weekday: "short", timeZone: "UTC" });
  // 5 January 2026 was a Monday.
  const dayName = (day: number) => weekday.format(new Date(Date.UTC(2026, 0, 4 + day)));
  const first = props.programmes[0];

  const setSlot = (index: number, patch: Partial<SlotDraft>) =>
    setDraft((d) => ({
      ...d,
      slots: d.slots.map((s, i) => (i === index ? { ...s, ...patch } : s)),
    }));
  const setException = (index: number, next: ExceptionDraft) =>
    setDraft((d) => ({ ...d, exceptions: d.exceptions.map((e, i) => (i === index ? next : e)) }));

  const save = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setConflict(false);
    try {
      const saved = await programmesApi.saveSchedule(api, props.service.id, draft);
      setDraft(saved);
      props.onSaved(saved);
    } catch (failure) {
      if (isApiError(failure) && failure.code === "SCHEDULE_CONFLICT") setConflict(true);
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  const programmeOptions = props.programmes.map((p) => (
    <option key={p.id} value={p.id}>
      {p.title}
    </option>
  ));
  // Slots saved earlier have ids; a slot added now gets one when saved, so changes on single
  // days can only point at saved slots.
  const savedSlots = draft.slots.filter((s): s is SlotDraft & { id: string } => s.id !== undefined);
  const slotLabel = (slot: SlotDraft) =>
    `${props.programmes.find((p) => p.id === slot.programmeId)?.title ?? "?"}, ${slot.weekdays.map(dayName).join(" ")} ${slot.start}`;

  return (
    <form class="nr-form" onSubmit={save} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t("schedule.heading")}</h2>
      <ErrorMessage message={error} />
      {conflict ? (
        <p>
          <button type="button" onClick={props.onReload}>
            {t("schedule.reload")}
          </button>
        </p>
      ) : null}
      {first === undefined ? <p class="nr-note">{t("schedule.needProgramme")}</p> : null}
      <fieldset disabled={!props.canEdit || busy || first === undefined} class="nr-plain-fieldset">
        <legend class="nr-visually-hidden">{t("schedule.heading")}</legend>
        {draft.slots.map((slot, index) => (
          <fieldset key={slot.id ?? `new-${index}`} class="nr-slot">
            <legend>{t("schedule.slot", { n: index + 1 })}</legend>
            <div class="nr-field-row">
              <div class="nr-field">
                <label for={`${id}-p-${index}`}>{t("schedule.programme")}</label>
                <select
                  id={`${id}-p-${index}`}
                  value={slot.programmeId}
                  onChange={(e) => setSlot(index, { programmeId: e.currentTarget.value })}
                >
                  {programmeOptions}
                </select>
              </div>
              <div class="nr-field">
                <label for={`${id}-s-${index}`}>{t("schedule.start")}</label>
                <input
                  id={`${id}-s-${index}`}
                  type="time"
                  required
                  value={slot.start}
                  onInput={(e) => setSlot(index, { start: e.currentTarget.value })}
                />
              </div>
              <div class="nr-field">
                <label for={`${id}-d-${index}`}>{t("schedule.duration")}</label>
                <input
                  id={`${id}-d-${index}`}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={1440}
                  required
                  value={slot.durationMinutes}
                  onInput={(e) =>
                    setSlot(index, { durationMinutes: Number(e.currentTarget.value) })
                  }
                />
              </div>
            </div>
            <fieldset class="nr-days">
              <legend>{t("schedule.days")}</legend>
              {isoDays.map((day) => (
                <label key={day} class="nr-check">
                  <input
                    type="checkbox"
                    checked={slot.weekdays.includes(day)}
                    onChange={(e) =>
                      setSlot(index, {
                        weekdays: e.currentTarget.checked
                          ? [...slot.weekdays, day].sort()
                          : slot.weekdays.filter((d) => d !== day),
                      })
                    }
                  />{" "}
                  {dayName(day)}
                </label>
              ))}
            </fieldset>
            <div class="nr-field-row">
              <div class="nr-field">
                <label for={`${id}-f-${index}`}>{t("schedule.from")}</label>
                <input
                  id={`${id}-f-${index}`}
                  type="date"
                  required
                  value={slot.validFrom}
                  onInput={(e) => setSlot(index, { validFrom: e.currentTarget.value })}
                />
              </div>
              <div class="nr-field">
                <label for={`${id}-u-${index}`}>{t("schedule.until")}</label>
                <input
                  id={`${id}-u-${index}`}
                  type="date"
                  value={slot.validUntil ?? ""}
                  onInput={(e) => setSlot(index, { validUntil: e.currentTarget.value || null })}
                />
              </div>
            </div>
            <button
              type="button"
              onClick={() =>
                setDraft((d) => ({
                  ...d,
                  slots: d.slots.filter((_, i) => i !== index),
                  exceptions: d.exceptions.filter((e) => e.slotId !== slot.id),
                }))
              }
            >
              {t("schedule.removeSlot")}
            </button>
          </fieldset>
        ))}
        {first ? (
          <button
            type="button"
            onClick={() =>
              setDraft((d) => ({
                ...d,
                slots: [
                  ...d.slots,
                  {
                    programmeId: first.id,
                    weekdays: [1, 2, 3, 4, 5],
                    start: "06:00",
                    durationMinutes: 30,
                    validFrom: today(),
                    validUntil: null,
                    streamUrl: null,
                  },
                ],
              }))
            }
          >
            {t("schedule.addSlot")}
          </button>
        ) : null}
        <h3>{t("schedule.exceptions")}</h3>
        {draft.exceptions.map((exception, index) => (
          <fieldset key={`${exception.slotId}-${exception.date}-${index}`} class="nr-slot">
            <legend>{t("schedule.exception", { n: index + 1 })}</legend>
            <div class="nr-field-row">
              <div class="nr-field">
                <label for={`${id}-es-${index}`}>{t("schedule.slotChoice")}</label>
                <select
                  id={`${id}-es-${index}`}
                  value={exception.slotId}
                  onChange={(e) =>
                    setException(index, { ...exception, slotId: e.currentTarget.value })
                  }
                >
                  {savedSlots.map((slot) => (
                    <option key={slot.id} value={slot.id}>
                      {slotLabel(slot)}
                    </option>
                  ))}
                </select>
              </div>
              <div class="nr-field">
                <label for={`${id}-ed-${index}`}>{t("schedule.date")}</label>
                <input
                  id={`${id}-ed-${index}`}
                  type="date"
                  required
                  value={exception.date}
                  onInput={(e) =>
                    setException(index, { ...exception, date: e.currentTarget.value })
                  }
                />
              </div>
              <div class="nr-field">
                <label for={`${id}-ek-${index}`}>{t("schedule.change")}</label>
                <select
                  id={`${id}-ek-${index}`}
                  value={exception.kind}
                  onChange={(e) =>
                    setException(
                      index,
                      e.currentTarget.value === "cancelled"
                        ? { kind: "cancelled", slotId: exception.slotId, date: exception.date }
                        : {
                            kind: "moved",
                            slotId: exception.slotId,
                            date: exception.date,
                            start: "06:00",
                            durationMinutes: 30,
                            programmeId: null,
                          },
                    )
                  }
                >
                  <option value="cancelled">{t("schedule.cancelled")}</option>
                  <option value="moved">{t("schedule.moved")}</option>
                </select>
              </div>
            </div>
            {exception.kind === "moved" ? (
              <div class="nr-field-row">
                <div class="nr-field">
                  <label for={`${id}-et-${index}`}>{t("schedule.start")}</label>
                  <input
                    id={`${id}-et-${index}`}
                    type="time"
                    required
                    value={exception.start}
                    onInput={(e) =>
                      setException(index, { ...exception, start: e.currentTarget.value })
                    }
                  />
                </div>
                <div class="nr-field">
                  <label for={`${id}-el-${index}`}>{t("schedule.duration")}</label>
                  <input
                    id={`${id}-el-${index}`}
                    type="number"
                    min={1}
                    max={1440}
                    required
                    value={exception.durationMinutes}
                    onInput={(e) =>
                      setException(index, {
                        ...exception,
                        durationMinutes: Number(e.currentTarget.value),
                      })
                    }
                  />
                </div>
                <div class="nr-field">
                  <label for={`${id}-ep-${index}`}>{t("schedule.replacement")}</label>
                  <select
                    id={`${id}-ep-${index}`}
                    value={exception.programmeId ?? ""}
                    onChange={(e) =>
                      setException(index, {
                        ...exception,
                        programmeId: e.currentTarget.value || null,
                      })
                    }
                  >
                    <option value="">{t("schedule.same")}</option>
                    {programmeOptions}
                  </select>
                </div>
              </div>
            ) : null}
            <button
              type="button"
              onClick={() =>
                setDraft((d) => ({ ...d, exceptions: d.exceptions.filter((_, i) => i !== index) }))
              }
            >
              {t("schedule.removeException")}
            </button>
          </fieldset>
        ))}
        {savedSlots[0] ? (
          <button
            type="button"
            onClick={() =>
              setDraft((d) => ({
                ...d,
                exceptions: [
                  ...d.exceptions,
                  { kind: "cancelled", slotId: savedSlots[0]?.id ?? "", date: today() },
                ],
              }))
            }
          >
            {t("schedule.addException")}
          </button>
        ) : null}
        <div class="nr-form-actions">
          <button type="submit" class="nr-primary">
            {t("schedule.save")}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
