import type { CaseDeadline } from "../../api/cases";
import type { TaskSummary } from "../../api/types";
import { formatDay } from "../../components/dates";
import { DueTag } from "../../components/DueTag";
import { humanise } from "../../components/words";

/** The statutory deadlines running on the case, soonest first, each with the provision that sets it. */
export function CaseDeadlines({ deadlines, tasks }: { deadlines: CaseDeadline[]; tasks: TaskSummary[] }) {
  if (deadlines.length === 0) return <p className="govuk-body">No statutory deadlines are running on this case.</p>;
  // A deadline is on a step; the open task of that step names it best ("Decide on the proposal notice").
  const nameOf = (d: CaseDeadline) => tasks.find((t) => t.activity === d.activity && t.status === "open")?.title ?? humanise(d.activity);
  const sorted = [...deadlines].sort((a, b) => a.lastDay.localeCompare(b.lastDay));
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-visually-hidden">Upcoming statutory deadlines, soonest first</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">What must be done</th>
          <th scope="col" className="govuk-table__header">Last day</th>
          <th scope="col" className="govuk-table__header">The law</th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {sorted.map((d) => (
          <tr key={`${d.activity}-${d.lastDay}`} className="govuk-table__row">
            <td className="govuk-table__cell">
              {nameOf(d)}
              {d.stage && <div className="govuk-hint govuk-!-margin-0 govuk-body-s">{d.stage}</div>}
            </td>
            <td className="govuk-table__cell">
              <span className="rtm-nowrap">{formatDay(d.lastDay)}</span>
              <br />
              <DueTag lastDay={d.lastDay} />
            </td>
            <td className="govuk-table__cell govuk-body-s">{d.source ?? ""}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
