import { useCallback, useEffect, useId, useState } from "preact/hooks";
import { AppLink } from "./AppLink.js";
import { errorMessage } from "./api-client.js";
import type { AuditEntry, RevisionDiff, RevisionSummary, StoryDetail } from "./api-schemas.js";
import { useApp } from "./app-context.js";
import { Dialog } from "./Dialog.js";
import { formatDateTime } from "./format.js";
import { ErrorMessage, StatusMessage } from "./Notice.js";
import { routeHref } from "./router.js";
import { useScreenTitle } from "./screen-title.js";

/** Revision history with readable diffs, restore (a new revision), and the audit log. */
export function RevisionHistory(props: { readonly storyId: string }) {
  const { api } = useApp();
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
  useScreenTitle(detail ? `History: ${detail.revision.content.headline}` : "Revision history");

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
      setStatus(`Revision ${restoring.number} was restored as revision ${revision.number}.`);
      setRestoring(null);
      await load();
    } catch (failure) {
      setRestoreError(errorMessage(failure));
    }
  };

  const label = (revision: RevisionSummary) =>
    `Revision ${revision.number}, ${formatDateTime(revision.createdAt)}${revision.note ? ` (${revision.note})` : ""}`;
  const currentId = detail?.story.currentRevisionId;

  return (
    <>
      <h1 tabIndex={-1}>Revision history</h1>
      <p>
        <AppLink href={routeHref({ screen: "story", storyId })}>Back to the story editor</AppLink>
      </p>
      <ErrorMessage message={error} />
      <StatusMessage>{status}</StatusMessage>
      {revisions === null && !error ? <StatusMessage>Loading the history…</StatusMessage> : null}
      {revisions !== null ? (
        <>
          <section aria-labelledby={`${id}-revs`}>
            <h2 id={`${id}-revs`}>Revisions</h2>
            <table class="nr-table">
              <thead>
                <tr>
                  <th scope="col">Revision</th>
                  <th scope="col">Saved</th>
                  <th scope="col">By</th>
                  <th scope="col">Note</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {revisions.map((revision, index) => {
                  const previous = revisions[index + 1];
                  return (
                    <tr key={revision.id}>
                      <td>
                        {revision.number}
                        {revision.id === currentId ? " (current)" : ""}
                        {revision.id === detail?.publishedRevisionId ? " (published)" : ""}
                      </td>
                      <td>{formatDateTime(revision.createdAt)}</td>
                      <td>
                        <bdi>{revision.createdBy ?? "system"}</bdi>
                      </td>
                      <td dir="auto">{revision.note ?? ""}</td>
                      <td class="nr-button-row">
                        {previous ? (
                          <button
                            type="button"
                            aria-label={`Compare revision ${revision.number} with revision ${previous.number}`}
                            onClick={() => {
                              setFrom(previous.id);
                              setTo(revision.id);
                              void compare(previous.id, revision.id);
                            }}
                          >
                            Compare with previous
                          </button>
                        ) : null}
                        {revision.id !== currentId ? (
                          <button
                            type="button"
                            aria-label={`Restore revision ${revision.number}`}
                            onClick={() => {
                              setRestoreError(null);
                              setRestoring(revision);
                            }}
                          >
                            Restore
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
            <h2 id={`${id}-diff`}>Compare two revisions</h2>
            <form
              class="nr-inline-form"
              onSubmit={(event) => {
                event.preventDefault();
                void compare(from, to);
              }}
            >
              <label for={`${id}-from`}>From</label>
              <select
                id={`${id}-from`}
                value={from}
                onChange={(event) => setFrom(event.currentTarget.value)}
              >
                {revisions.map((r) => (
                  <option key={r.id} value={r.id}>
                    {label(r)}
                  </option>
                ))}
              </select>
              <label for={`${id}-to`}>To</label>
              <select
                id={`${id}-to`}
                value={to}
                onChange={(event) => setTo(event.currentTarget.value)}
              >
                {revisions.map((r) => (
                  <option key={r.id} value={r.id}>
                    {label(r)}
                  </option>
                ))}
              </select>
              <button type="submit">Show differences</button>
            </form>
            {diff ? <DiffView diff={diff} /> : null}
          </section>

          <section aria-labelledby={`${id}-audit`}>
            <h2 id={`${id}-audit`}>Audit log</h2>
            {audit && audit.length > 0 ? (
              <table class="nr-table">
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">Who</th>
                    <th scope="col">Action</th>
                    <th scope="col">Details</th>
                  </tr>
                </thead>
                <tbody>
                  {audit.map((entry) => (
                    <tr key={entry.id}>
                      <td>{formatDateTime(entry.at)}</td>
                      <td>
                        <bdi>{entry.actorName ?? entry.actorId ?? "system"}</bdi>
                      </td>
                      <td>{entry.action}</td>
                      <td dir="auto">{detailsText(entry.details)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p>No recorded actions.</p>
            )}
          </section>
        </>
      ) : null}

      <Dialog
        title="Restore this revision?"
        open={restoring !== null}
        onClose={() => setRestoring(null)}
      >
        {restoring ? (
          <>
            <p>
              A new revision is made with the text of revision {restoring.number}. Nothing is
              deleted: every revision stays in the history. Readers see the restored text only after
              it is published.
            </p>
            <ErrorMessage message={restoreError} />
            <div class="nr-dialog-actions">
              <button type="button" class="nr-primary" onClick={() => void restore()}>
                Restore revision {restoring.number}
              </button>
              <button type="button" onClick={() => setRestoring(null)}>
                Cancel
              </button>
            </div>
          </>
        ) : null}
      </Dialog>
    </>
  );
}

/** Fields as before/after pairs; body lines marked added or removed in words, not colour only. */
function DiffView(props: { readonly diff: RevisionDiff }) {
  const { diff } = props;
  const changedBody = diff.body.some((line) => line.op !== "same");
  return (
    <div class="nr-diff" aria-live="polite">
      <h3>Fields</h3>
      {diff.fields.length === 0 ? (
        <p>No field changed.</p>
      ) : (
        <table class="nr-table">
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
            </tr>
          </thead>
          <tbody>
            {diff.fields.map((field) => (
              <tr key={field.field}>
                <th scope="row">{field.field}</th>
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
      <h3>Body</h3>
      {!changedBody ? <p>The body did not change.</p> : null}
      <ol class="nr-diff-body">
        {diff.body.map((line, index) => (
          <li key={index} class={`nr-diff-${line.op}`} dir="auto">
            {line.op === "added" ? (
              <ins>
                <span class="nr-visually-hidden">Added: </span>
                {line.text}
              </ins>
            ) : line.op === "removed" ? (
              <del>
                <span class="nr-visually-hidden">Removed: </span>
                {line.text}
              </del>
            ) : (
              line.text
            )}
          </li>
        ))}
      </ol>
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
