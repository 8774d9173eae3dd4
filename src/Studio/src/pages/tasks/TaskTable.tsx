import { Link } from "react-router-dom";
import type { TaskSummary } from "../../api/types";
import { formatDay } from "../../components/dates";
import { DueTag } from "../../components/DueTag";
import { PriorityTag } from "../../components/Tags";

/** Tasks as a table, in the order the API sorts them (soonest due first); unassigned ones can be claimed from here. */
export function TaskTable({ tasks, caption, onClaim }: { tasks: TaskSummary[]; caption: string; onClaim?: (id: string) => void }) {
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-visually-hidden">{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">Task</th>
          <th scope="col" className="govuk-table__header">Case</th>
          <th scope="col" className="govuk-table__header">Due</th>
          <th scope="col" className="govuk-table__header">Assigned to</th>
          <th scope="col" className="govuk-table__header">Priority</th>
          {onClaim && (
            <th scope="col" className="govuk-table__header">
              <span className="govuk-visually-hidden">Action</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {tasks.map((t) => (
          <tr key={t.id} className="govuk-table__row">
            <td className="govuk-table__cell">
              <Link className="govuk-link" to={`/tasks/${t.id}`}>
                {t.title}
              </Link>
            </td>
            <td className="govuk-table__cell">
              <Link className="govuk-link" to={`/cases/${t.caseId}`}>
                {t.caseReference ?? "Case"}
              </Link>
            </td>
            <td className="govuk-table__cell">
              {t.lastDay ? (
                <>
                  <span className="rtm-nowrap">{formatDay(t.lastDay)}</span>
                  <br />
                  <DueTag lastDay={t.lastDay} overdue={t.overdue} />
                </>
              ) : (
                "No deadline"
              )}
            </td>
            <td className="govuk-table__cell">{t.assignee ?? "Nobody"}</td>
            <td className="govuk-table__cell">
              <PriorityTag priority={t.priority} />
            </td>
            {onClaim && (
              <td className="govuk-table__cell">
                {!t.assignee && t.status === "open" && (
                  <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={() => onClaim(t.id)}>
                    Claim task<span className="govuk-visually-hidden">: {t.title}{t.caseReference ? `, ${t.caseReference}` : ""}</span>
                  </button>
                )}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
