import { useState, type FormEvent } from "react";
import { ApiError } from "../../api/problem";
import { messageOf as messageOfAny } from "../../api/client";
import { tasksApi } from "../../api/tasks";
import type { TaskDetail } from "../../api/types";
import type { FieldError } from "../../components/ErrorSummary";

interface Props {
  detail: TaskDetail;
  me: string;
  /** After a change, so the page reloads the task; errors go to the page's error summary. */
  onChanged: (message: string) => void;
  onErrors: (errors: FieldError[]) => void;
}

function messageOf(error: unknown): string {
  if (error instanceof ApiError && error.status === 409) return `That could not be done: ${error.message}`;
  return messageOfAny(error);
}

/** Who holds the task, and the buttons the caller may use on it: claim, put back, hand on (managers only). */
export function TaskHolder({ detail, me, onChanged, onErrors }: Props) {
  const { task } = detail;
  const [assignee, setAssignee] = useState("");
  const [assigneeError, setAssigneeError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const holdsIt = task.assignee?.toLowerCase() === me.toLowerCase();
  const open = task.status === "open";
  // The API lets the holder or a manager put a task back; a manager is whoever may reassign.
  const canUnclaim = open && !!task.assignee && (holdsIt || detail.canReassign);

  async function act(action: () => Promise<unknown>, done: string) {
    setBusy(true);
    try {
      await action();
      onErrors([]);
      onChanged(done);
    } catch (error) {
      onErrors([{ field: "", message: messageOf(error) }]);
    } finally {
      setBusy(false);
    }
  }

  async function reassign(event: FormEvent) {
    event.preventDefault();
    const email = assignee.trim();
    if (!email) {
      setAssigneeError("Enter the email address of the person to give the task to");
      onErrors([{ field: "reassign-email", message: "Enter the email address of the person to give the task to" }]);
      return;
    }
    setBusy(true);
    try {
      await tasksApi.reassign(task.id, email);
      setAssigneeError(undefined);
      setAssignee("");
      onErrors([]);
      onChanged(`The task was given to ${email}.`);
    } catch (error) {
      const message = error instanceof ApiError && error.status === 422 ? error.messages.map((m) => m.message).join(" ") : messageOf(error);
      setAssigneeError(message);
      onErrors([{ field: "reassign-email", message }]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <h2 className="govuk-heading-m">Who holds this task</h2>
      <p className="govuk-body">
        {task.assignee ? (holdsIt ? "You hold this task." : `${task.assignee} holds this task.`) : "Nobody holds this task yet."}
        {task.candidateRole && ` It needs the role ${task.candidateRole}${task.candidateOrganisation ? ` at ${task.candidateOrganisation}` : ""}.`}
      </p>
      {(detail.canClaim || canUnclaim) && (
        <div className="govuk-button-group">
          {detail.canClaim && (
            <button type="button" className="govuk-button" disabled={busy} onClick={() => void act(() => tasksApi.claim(task.id), "You now hold this task.")}>
              Claim task
            </button>
          )}
          {canUnclaim && (
            <button
              type="button"
              className="govuk-button govuk-button--secondary"
              disabled={busy}
              onClick={() => void act(() => tasksApi.unclaim(task.id), "The task was put back for anyone in the team to take.")}
            >
              {holdsIt ? "Unclaim task" : "Put task back"}
            </button>
          )}
        </div>
      )}
      {detail.canReassign && (
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">Reassign this task</span>
          </summary>
          <div className="govuk-details__text">
            <form onSubmit={reassign} noValidate>
              <div className={`govuk-form-group${assigneeError ? " govuk-form-group--error" : ""}`}>
                <label className="govuk-label" htmlFor="reassign-email">
                  Email address of the person to give it to
                </label>
                <div id="reassign-email-hint" className="govuk-hint">
                  They must work at {task.candidateOrganisation ?? "the organisation holding the task"}
                  {task.candidateRole ? ` with the role ${task.candidateRole}` : ""}.
                </div>
                {assigneeError && (
                  <p id="reassign-email-error" className="govuk-error-message">
                    <span className="govuk-visually-hidden">Error:</span> {assigneeError}
                  </p>
                )}
                <input
                  className={`govuk-input govuk-!-width-two-thirds${assigneeError ? " govuk-input--error" : ""}`}
                  id="reassign-email"
                  name="assignee"
                  type="email"
                  spellCheck={false}
                  autoComplete="off"
                  value={assignee}
                  aria-describedby={`reassign-email-hint${assigneeError ? " reassign-email-error" : ""}`}
                  onChange={(e) => setAssignee(e.target.value)}
                />
              </div>
              <button type="submit" className="govuk-button govuk-button--secondary" disabled={busy}>
                Reassign task
              </button>
            </form>
          </div>
        </details>
      )}
    </>
  );
}
