import { Link } from "react-router-dom";
import type { TaskSummary } from "../../api/types";
import { formatDay } from "../../components/dates";
import { DueTag } from "../../components/DueTag";
import { TaskStatusTag } from "../../components/Tags";
import { humanise } from "../../components/words";

/** The case's tasks, open ones first; a task links to its page only for people who may open it. */
export function CaseTasks({ tasks, canOpen }: { tasks: TaskSummary[]; canOpen: (task: TaskSummary) => boolean }) {
  if (tasks.length === 0) return <p className="govuk-body">This case has had no tasks yet.</p>;
  const sorted = [...tasks].sort((a, b) => Number(b.status === "open") - Number(a.status === "open") || b.createdAt.localeCompare(a.createdAt));
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-visually-hidden">Tasks of the case, open ones first</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">Task</th>
          <th scope="col" className="govuk-table__header">Held by</th>
          <th scope="col" className="govuk-table__header">Status</th>
          <th scope="col" className="govuk-table__header">Due or outcome</th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {sorted.map((t) => (
          <tr key={t.id} className="govuk-table__row">
            <td className="govuk-table__cell">
              {canOpen(t) ? (
                <Link className="govuk-link" to={`/tasks/${t.id}`}>
                  {t.title}
                </Link>
              ) : (
                t.title
              )}
            </td>
            <td className="govuk-table__cell">
              {t.status === "open" ? (t.assignee ?? `${t.candidateOrganisation ?? ""}${t.candidateRole ? ` (${t.candidateRole})` : ""}`) : (t.completedBy ?? "")}
            </td>
            <td className="govuk-table__cell">
              <TaskStatusTag status={t.status} />
            </td>
            <td className="govuk-table__cell">
              {t.status === "open" ? (
                t.lastDay ? (
                  <>
                    <span className="rtm-nowrap">{formatDay(t.lastDay)}</span> <DueTag lastDay={t.lastDay} overdue={t.overdue} />
                  </>
                ) : (
                  "No deadline"
                )
              ) : t.outcome ? (
                `${humanise(t.outcome)}${t.completedAt ? `, ${formatDay(t.completedAt)}` : ""}`
              ) : (
                t.completedAt && formatDay(t.completedAt)
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
