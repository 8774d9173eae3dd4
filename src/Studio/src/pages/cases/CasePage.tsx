import { useParams } from "react-router-dom";
import { casesApi } from "../../api/cases";
import type { TaskSummary } from "../../api/types";
import { useMe } from "../../app/auth";
import { CaseDocuments } from "../../components/CaseDocuments";
import { formatMoment } from "../../components/dates";
import { Loading } from "../../components/Loading";
import { NotificationBanner } from "../../components/NotificationBanner";
import { CaseStatusTag } from "../../components/Tags";
import { useApi } from "../../components/useApi";
import { usePageTitle } from "../../components/usePageTitle";
import { humanise } from "../../components/words";
import { CaseDeadlines } from "./CaseDeadlines";
import { CaseEvents } from "./CaseEvents";
import { CaseTasks } from "./CaseTasks";
import { StageTaskList } from "./StageTaskList";

/** The case tracker: where the case stands, who must act next, its stages, deadlines, history, documents and tasks. */
export function CasePage() {
  const { id = "" } = useParams();
  const me = useMe();
  const theCase = useApi(() => casesApi.get(id), [id]);
  const timeline = useApi(() => casesApi.timeline(id), [id]);
  const journal = useApi(() => casesApi.journal(id), [id]);
  const documents = useApi(() => casesApi.documents(id), [id]);
  usePageTitle(theCase.data ? `Case ${theCase.data.reference ?? ""}`.trim() : "Case");

  if (!theCase.data) return <Loading error={theCase.error} />;
  const c = theCase.data;
  const open = c.tasks.filter((t) => t.status === "open");
  // The API shows a task only to the organisation holding it (and administrators): link only what will open.
  const canOpen = (t: TaskSummary) => me.roles.includes("admin") || (!!me.organisation && me.organisation.id === t.candidateOrganisation);

  return (
    <>
      {c.hold && (
        <NotificationBanner heading="This case is on hold">
          <p className="govuk-body">
            {c.hold.reason}
            {c.hold.source && ` (${c.hold.source})`}. On hold since {formatMoment(c.hold.since)}.
          </p>
        </NotificationBanner>
      )}
      <span className="govuk-caption-l">{humanise(c.definitionId)}</span>
      <h1 className="govuk-heading-l">{c.reference ?? "Case"}</h1>

      <h2 className="govuk-heading-m">Summary</h2>
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Status</dt>
          <dd className="govuk-summary-list__value">
            <CaseStatusTag status={c.status} onHold={!!c.hold} />
          </dd>
        </div>
        {c.status === "waiting" && c.stageLabels.length > 0 && (
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Current stage</dt>
            <dd className="govuk-summary-list__value">{c.stageLabels.join("; ")}</dd>
          </div>
        )}
        {c.outcome && (
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Outcome</dt>
            <dd className="govuk-summary-list__value">{humanise(c.outcome)}</dd>
          </div>
        )}
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Who must act next</dt>
          <dd className="govuk-summary-list__value">
            {open.length === 0 ? (
              c.status === "waiting" ? "Nobody has a task: the case is waiting for an event or a date." : "Nobody: the case has ended."
            ) : (
              <ul className="govuk-list">
                {open.map((t) => (
                  <li key={t.id}>
                    {t.assignee ?? `${t.candidateOrganisation ?? "Someone"}${t.candidateRole ? ` (${t.candidateRole})` : ""}`}: {t.title}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Started</dt>
          <dd className="govuk-summary-list__value">{formatMoment(c.createdAt)}</dd>
        </div>
      </dl>

      <h2 className="govuk-heading-m">Stages</h2>
      {timeline.data ? <StageTaskList stages={timeline.data} /> : <Loading error={timeline.error} />}

      <h2 className="govuk-heading-m">Upcoming statutory deadlines</h2>
      <CaseDeadlines deadlines={c.deadlines} tasks={c.tasks} />

      <h2 className="govuk-heading-m">Tasks</h2>
      <CaseTasks tasks={c.tasks} canOpen={canOpen} />

      {documents.data ? <CaseDocuments caseId={c.id} documents={documents.data} /> : <Loading error={documents.error} />}

      <h2 className="govuk-heading-m">What has happened</h2>
      {journal.data ? <CaseEvents journal={journal.data} tasks={c.tasks} stages={timeline.data ?? []} /> : <Loading error={journal.error} />}
    </>
  );
}
