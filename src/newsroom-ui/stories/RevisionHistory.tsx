import { useCallback, useEffect, useId, useState } from "preact/hooks";
import { AuditActionName } from "../audit/AuditActionName.js";
import { useUiText } from "../i18n/ui-language.js";
import { AppLink } from "../shared/AppLink.js";
import { errorMessage } from "../shared/api-client.js";
import type {
  AuditEntry,
  RevisionDiff,
  RevisionSummary,
  StoryDetail,
} from "../shared/api-schemas.js";
import { useApp } from "../shared/app-context.js";
import { Dialog } from "../shared/Dialog.js";
import { LineDiff } from "../shared/LineDiff.js";
import { ErrorMessage, StatusMessage } from "../shared/Notice.js";
import { routeHref } from "../shared/router.js";
import { useScreenTitle } from "../shared/screen-title.js";

/** Revision history with readable diffs, restore (a new revision), and the audit log. */
export function RevisionHistory(props: { readonly storyId: string }) {
  const { api } = useApp();
  const { t, dateTime, number } = useUiText();
  const { storyId } = props;
  const id = useId();
  const [detail, setDetail] = useState<StoryDetail | null>(null);
  const [revisions, setRevisions] = useState<RevisionSummary[] | null>(null);
  const [audit, setAudit] = useState<AuditEntry[] | null>(null);
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [diff, setDiff] = useState<RevisionDiff | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const [restoring, setRestoring] = useState<RevisionSummary | null>(null);
  const [restoreError, setRestoreError] = useState<string | null>(null);
  useScreenTitle(
    detail
      ? t("history.documentTitle", { headline: detail.revision.content.headline })
      : t("history.title"),
  );

  const load = useCallback(async () => {
    try {
      const [story, list, log] = await Promise.all([
        api.getStory(storyId),
        api.revisions(storyId),
        api.audit({ storyId, limit: 200 }),
      ]);
      const newestFirst = [...list].sort((a, b) => b.number - a.number);
      setDetail(story);
      setRevisions(newestFirst);
      setAudit(log);
      setTo((current) => current || newestFirst[0]?.id || "");
      setFrom((current) => current || newestFirst[1]?.id || newestFirst[0]?.id || "");
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }, [api, storyId]);

  useEffect(() => {
    void load();
  }, [load]);

  const compare = async (a: string, b: string) => {
    setError(null);
    setDiff(null);
    try {
      setDiff(await api.diff(storyId, a, b));
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  const restore = async () => {
    if (!restoring || !detail) return;
    setRestoreError(null);
    try {
      const revision = await api.restore(storyId, restoring.id, detail.story.currentRevisionId);
      setStatus(t("history.restored", { number: restoring.number, revision: revision.number }));
      setRestoring(null);
      await load();
    } catch (failure) {
      setRestoreError(errorMessage(failure));
    }
  };

  const label = (revision: RevisionSummary) =>
    revision.note
      ? t("history.optionNote", {
          number: revision.number,
          time: dateTime(revision.createdAt),
          note: revision.note,
        })
      : t("history.option", { number: revision.number, time: dateTime(revision.createdAt) });
  const optionLabel = (revision: RevisionSummary) =>
    isNotMerged(revision) ? `${label(revision)} · ${t("history.notMerged")}` : label(revision);
  const currentId = detail?.story.currentRevisionId;

  return (
    <>
      <h1 tabIndex={-1}>{t("history.title")}</h1>
      <p>
        <AppLink href={routeHref({ screen: "story", storyId })}>{t("history.back")}</AppLink>
      </p>
      <ErrorMessage message={error} />
      <StatusMessage>{status}</StatusMessage>
      {revisions === null && !error ? <StatusMessage>{t("history.loading")}</StatusMessage> : null}
      {revisions !== null ? (
        <>
          <section aria-labelledby={`${id}-revs`}>
            <h2 id={`${id}-revs`}>{t("history.revisions")}</h2>
            {revisions.some(isNotMerged) ? (
              <p class="nr-help">{t("history.notMergedHelp")}</p>
            ) : null}
            <table class="nr-table">
              <thead>
                <tr>
                  <th scope="col">{t("history.col.revision")}</th>
                  <th scope="col">{t("history.col.saved")}</th>
                  <th scope="col">{t("history.col.by")}</th>
                  <th scope="col">{t("history.col.note")}</th>
                  <th scope="col">{t("history.col.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {revisions.map((revision, index) => {
                  const notMerged = isNotMerged(revision);
                  // A saved revision compares with the saved one before it; a not-merged one
                  // with the revision it was based on, to show what was refused.
                  const previous = notMerged
                    ? revisions.find((r) => r.id === revision.baseRevisionId)
                    : revisions.slice(index + 1).find((r) => !isNotMerged(r));
                  return (
                    <tr key={revision.id} class={notMerged ? "nr-not-merged" : undefined}>
                      <td>
                        {number(revision.number)}
                        {notMerged ? (
                          <>
                            {" "}
                            <span class="nr-tag">{t("history.notMerged")}</span>
                          </>
                        ) : null}
                        {revision.id === currentId ? ` ${t("history.current")}` : ""}
                        {revision.id === detail?.publishedRevisionId
                          ? ` ${t("history.published")}`
                          : ""}
                      </td>
                      <td>{dateTime(revision.createdAt)}</td>
                      <td>
                        <bdi>
                          {revision.createdByName ??
                            (revision.createdBy ? t("history.formerUser") : t("history.system"))}
                        </bdi>
                      </td>
                      <td dir="auto">{revision.note ?? ""}</td>
                      <td class="nr-button-row">
                        {previous ? (
                          <button
                            type="button"
                            aria-label={
                              notMerged
                                ? t("history.compareBaseLabel", {
                                    number: revision.number,
                                    base: previous.number,
                                  })
                                : t("history.compareLabel", {
                                    number: revision.number,
                                    previous: previous.number,
                                  })
                            }
                            onClick={() => {
                              setFrom(previous.id);
                              setTo(revision.id);
                              void compare(previous.id, revision.id);
                            }}
                          >
                            {t(
                              notMerged ? "history.compareWithBase" : "history.compareWithPrevious",
                            )}
                          </button>
                        ) : null}
                        {notMerged ? (
                          <a
                            href={`${api.previewUrl(storyId)}?revision=${encodeURIComponent(revision.id)}`}
                            target="_blank"
                            rel="noopener"
                            aria-label={t("history.openLabel", { number: revision.number })}
                          >
                            {t("history.open")}
                          </a>
                        ) : null}
                        {revision.id !== currentId ? (
                          <button
                            type="button"
                            aria-label={t("history.restoreLabel", { number: revision.number })}
                            onClick={() => {
                              setRestoreError(null);
                              setRestoring(revision);
                            }}
                          >
                            {t("history.restore")}
                          </button>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>

          <section aria-labelledby={`${id}-diff`}>
            <h2 id={`${id}-diff`}>{t("history.compareHeading")}</h2>
            <form
              class="nr-inline-form"
              onSubmit={(event) => {
                event.preventDefault();
                void compare(from, to);
              }}
            >
              <label for={`${id}-from`}>{t("history.from")}</label>
              <select
                id={`${id}-from`}
                value={from}
                onChange={(event) => setFrom(event.currentTarget.value)}
              >
                {revisions.map((r) => (
                  <option key={r.id} value={r.id}>
                    {optionLabel(r)}
                  </option>
                ))}
              </select>
              <label for={`${id}-to`}>{t("history.to")}</label>
              <select
                id={`${id}-to`}
                value={to}
                onChange={(event) => setTo(event.currentTarget.value)}
              >
                {revisions.map((r) => (
                  <option key={r.id} value={r.id}>
                    {optionLabel(r)}
                  </option>
                ))}
              </select>
              <button type="submit">{t("history.showDiff")}</button>
            </form>
            {diff ? <DiffView diff={diff} /> : null}
          </section>

          <section aria-labelledby={`${id}-audit`}>
            <h2 id={`${id}-audit`}>{t("history.audit")}</h2>
            {audit && audit.length > 0 ? (
              <table class="nr-table">
                <thead>
                  <tr>
                    <th scope="col">{t("history.col.when")}</th>
                    <th scope="col">{t("history.col.who")}</th>
                    <th scope="col">{t("history.col.action")}</th>
                    <th scope="col">{t("history.col.details")}</th>
                  </tr>
                </thead>
                <tbody>
                  {audit.map((entry) => (
                    <tr key={entry.id}>
                      <td>{dateTime(entry.at)}</td>
                      <td>
                        <bdi>
                          {entry.actorName ??
                            (entry.actorId ? t("history.formerUser") : t("history.system"))}
                        </bdi>
                      </td>
                      <td>
                        <AuditActionName action={entry.action} />
                      </td>
                      <td dir="auto">{detailsText(entry.details)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p>{t("history.noAudit")}</p>
            )}
          </section>
        </>
      ) : null}

      <Dialog
        title={t("history.restoreTitle")}
        open={restoring !== null}
        onClose={() => setRestoring(null)}
      >
        {restoring ? (
          <>
            <p>{t("history.restoreBody", { number: restoring.number })}</p>
            <ErrorMessage message={restoreError} />
            <div class="nr-dialog-actions">
              <button type="button" class="nr-primary" onClick={() => void restore()}>
                {t("history.restoreLabel", { number: restoring.number })}
              </button>
              <button type="button" onClick={() => setRestoring(null)}>
                {t("common.cancel")}
              </button>
            </div>
          </>
        ) : null}
      </Dialog>
    </>
  );
}

/** A version refused by a conflict and kept in the history (ADR 0013). */
function isNotMerged(revision: RevisionSummary): boolean {
  return revision.kind === "not_merged";
}

/** Fields as before/after pairs; body lines marked added or removed in words, not colour only. */
function DiffView(props: { readonly diff: RevisionDiff }) {
  const { diff } = props;
  const { t } = useUiText();
  const changedBody = diff.body.some((line) => line.op !== "same");
  return (
    <div class="nr-diff" aria-live="polite">
      <h3>{t("history.diff.fields")}</h3>
      {diff.fields.length === 0 ? (
        <p>{t("history.diff.noField")}</p>
      ) : (
        <table class="nr-table">
          <thead>
            <tr>
              <th scope="col">{t("history.diff.field")}</th>
              <th scope="col">{t("history.diff.before")}</th>
              <th scope="col">{t("history.diff.after")}</th>
            </tr>
          </thead>
          <tbody>
            {diff.fields.map((field) => (
              <tr key={field.field}>
                <th scope="row">
                  <bdi dir="ltr">{field.field}</bdi>
                </th>
                <td dir="auto">
                  <del>{valueText(field.before)}</del>
                </td>
                <td dir="auto">
                  <ins>{valueText(field.after)}</ins>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t("history.diff.body")}</h3>
      {!changedBody && !diff.tooLarge ? <p>{t("history.diff.bodySame")}</p> : null}
      <LineDiff lines={diff.body} tooLarge={diff.tooLarge} />
    </div>
  );
}

function valueText(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map((item) => valueText(item)).join(", ");
  return JSON.stringify(value);
}

function detailsText(details: unknown): string {
  if (details === null || details === undefined) return "";
  if (typeof details === "string") return details;
  if (typeof details === "object") {
    return Object.entries(details)
      .map(([key, value]) => `${key}: ${valueText(value)}`)
      .join("; ");
  }
  return String(details);
}
