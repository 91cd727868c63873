import type { MessageKey } from "../i18n/en.js";
import { translate, type UiLanguage } from "../i18n/ui-language.js";
import type { StoryHead, StoryStatus } from "../shared/api-schemas.js";
import type { Capabilities } from "../shared/permissions.js";

/**
 * The workflow controls: which actions a story's state allows, what each needs from the
 * user, and the sentence the confirmation dialog shows, saying exactly what readers will see.
 * The server applies the real rules (src/domain/stories/story-workflow.ts); this decides
 * only which buttons to offer.
 */

export const workflowActionIds = [
  "submit",
  "publish-first",
  "publish-update",
  "publish-silent",
  "schedule",
  "cancel-schedule",
  "embargo",
  "lift-embargo",
  "correct",
  "kill",
  "unpublish",
] as const;
type WorkflowActionId = (typeof workflowActionIds)[number];

/** What the dialog asks for before the action can run. */
type ActionInput = "none" | "note" | "datetime" | "text" | "reason";

export interface WorkflowAction {
  readonly id: WorkflowActionId;
  readonly label: string;
  readonly input: ActionInput;
  /** The input must be filled in (a correction's text, a kill reason, a time). */
  readonly inputRequired: boolean;
  /** Destructive: the dialog's confirm button is styled as dangerous. */
  readonly danger: boolean;
  readonly needs: "write" | "publish";
}

const actions: Record<WorkflowActionId, WorkflowAction> = {
  submit: action("submit", "Submit for review", "none", "write"),
  "publish-first": action("publish-first", "Publish", "none", "publish"),
  "publish-update": action("publish-update", "Publish as update", "note", "publish"),
  "publish-silent": action("publish-silent", "Publish silent fix", "none", "publish"),
  schedule: { ...action("schedule", "Schedule", "datetime", "publish"), inputRequired: true },
  "cancel-schedule": action("cancel-schedule", "Cancel schedule", "none", "publish"),
  embargo: { ...action("embargo", "Set embargo", "datetime", "publish"), inputRequired: true },
  "lift-embargo": action("lift-embargo", "Lift embargo", "none", "publish"),
  correct: { ...action("correct", "Add correction", "text", "publish"), inputRequired: true },
  kill: { ...action("kill", "Kill", "reason", "publish"), inputRequired: true, danger: true },
  unpublish: { ...action("unpublish", "Unpublish", "none", "publish"), danger: true },
};

function action(
  id: WorkflowActionId,
  label: string,
  input: ActionInput,
  needs: "write" | "publish",
): WorkflowAction {
  return { id, label, input, inputRequired: false, danger: false, needs };
}

const byStatus: Record<StoryStatus, readonly WorkflowActionId[]> = {
  draft: ["submit", "publish-first", "schedule", "embargo"],
  in_review: ["publish-first", "schedule", "embargo"],
  scheduled: ["publish-first", "cancel-schedule", "embargo"],
  published: ["publish-update", "publish-silent", "correct", "unpublish", "kill"],
  unpublished: ["submit", "publish-first", "schedule", "kill"],
  killed: [],
};

/** Actions the story's state allows, split by whether the user's role allows them. */
export function actionsFor(
  story: Pick<StoryHead, "status" | "embargoUntil">,
  capabilities: Pick<Capabilities, "canWrite" | "canPublish">,
): { allowed: WorkflowAction[]; needsEditor: WorkflowAction[] } {
  const ids = [...byStatus[story.status]];
  if (story.embargoUntil !== null && story.status !== "killed") {
    const at = ids.indexOf("embargo");
    if (at >= 0) ids.splice(at, 1, "lift-embargo");
    else ids.push("lift-embargo");
  }
  const allowed: WorkflowAction[] = [];
  const needsEditor: WorkflowAction[] = [];
  for (const id of ids) {
    const candidate = actions[id];
    const permitted = candidate.needs === "write" ? capabilities.canWrite : capabilities.canPublish;
    (permitted ? allowed : needsEditor).push(candidate);
  }
  return { allowed, needsEditor };
}

interface ConfirmationContext {
  /** "Meridian News" */
  readonly serviceName: string;
  /** The current time as the dialog shows it, e.g. "14 May 2026, 10:42". */
  readonly nowText: string;
  /** The chosen time for schedule and embargo, formatted, or null if not chosen yet. */
  readonly chosenTimeText: string | null;
  /** The chosen time in the service's own zone, when that differs from the editor's. */
  readonly chosenServiceTimeText?: string | null;
  readonly embargoUntilText: string | null;
}

/**
 * The sentence a confirmation dialog shows: exactly what will happen, in plain words, in the
 * interface language (the catalogue's `confirm.*` messages).
 */
export function confirmationText(
  id: WorkflowActionId,
  ctx: ConfirmationContext,
  lang: UiLanguage = "en",
): string {
  const params = {
    service: ctx.serviceName,
    now: ctx.nowText,
    chosen: ctx.chosenTimeText ?? translate(lang, "confirm.chosenFallback"),
  };
  const sentence = translate(lang, `confirm.${id}`, params);
  if ((id === "schedule" || id === "embargo") && ctx.chosenServiceTimeText) {
    return `${sentence} ${translate(lang, "confirm.serviceTime", {
      service: ctx.serviceName,
      time: ctx.chosenServiceTimeText,
    })}`;
  }
  if (id === "publish-first" && ctx.embargoUntilText) {
    return `${sentence} ${translate(lang, "confirm.embargoNote", { until: ctx.embargoUntilText })}`;
  }
  return sentence;
}

/** The catalogue key of each action's name (buttons, dialog titles). */
export const actionKeys: Record<WorkflowActionId, MessageKey> = {
  submit: "action.submit",
  "publish-first": "action.publish-first",
  "publish-update": "action.publish-update",
  "publish-silent": "action.publish-silent",
  schedule: "action.schedule",
  "cancel-schedule": "action.cancel-schedule",
  embargo: "action.embargo",
  "lift-embargo": "action.lift-embargo",
  correct: "action.correct",
  kill: "action.kill",
  unpublish: "action.unpublish",
};

/** The catalogue key of what the panel says once an action has run. */
export const doneKeys: Record<WorkflowActionId, MessageKey> = {
  submit: "done.submit",
  "publish-first": "done.publish-first",
  "publish-update": "done.publish-update",
  "publish-silent": "done.publish-silent",
  schedule: "done.schedule",
  "cancel-schedule": "done.cancel-schedule",
  embargo: "done.embargo",
  "lift-embargo": "done.lift-embargo",
  correct: "done.correct",
  kill: "done.kill",
  unpublish: "done.unpublish",
};

export const statusKeys: Record<StoryStatus, MessageKey> = {
  draft: "status.draft",
  in_review: "status.in_review",
  scheduled: "status.scheduled",
  published: "status.published",
  unpublished: "status.unpublished",
  killed: "status.killed",
};

/** The dashboard's tabs, in the order a story moves through them. */
export const dashboardStatuses: readonly StoryStatus[] = [
  "draft",
  "in_review",
  "scheduled",
  "published",
  "unpublished",
  "killed",
];
