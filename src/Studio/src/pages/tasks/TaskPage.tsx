import { useState } from "react";
import { Link, useParams } from "react-router-dom";
import { casesApi } from "../../api/cases";
import { tasksApi } from "../../api/tasks";
import { useMe } from "../../app/auth";
import { CaseDocuments } from "../../components/CaseDocuments";
import { formatDay, formatMoment } from "../../components/dates";
import { DocumentUpload } from "../../components/DocumentUpload";
import { DueTag } from "../../components/DueTag";
import { ErrorSummary, type FieldError } from "../../components/ErrorSummary";
import { Loading } from "../../components/Loading";
import { NotificationBanner } from "../../components/NotificationBanner";
import { PriorityTag, TaskStatusTag } from "../../components/Tags";
import { useApi } from "../../components/useApi";
import { usePageTitle } from "../../components/usePageTitle";
import { humanise } from "../../components/words";
import { CompleteTaskForm } from "./CompleteTaskForm";
import { TaskHolder } from "./TaskHolder";

/** One task: what to do and why, its deadline, its case, who holds it, and the form that completes it. */
export function TaskPage() {
  const { id = "" } = useParams();
  const me = useMe();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [notice, setNotice] = useState<string>();
  const [completed, setCompleted] = useState<string>();
  const [stageBefore, setStageBefore] = useState<string>();

  const task = useApi(() => tasksApi.get(id), [id]);
  const caseId = task.data?.task.caseId;
  // Reloaded after completing, to tell where the case has moved on to.
  const theCase = useApi(() => (caseId ? casesApi.get(caseId) : Promise.resolve(undefined)), [caseId, completed]);
  const documents = useApi(() => (caseId ? casesApi.documents(caseId) : Promise.resolve([])), [caseId]);
  usePageTitle(task.data?.task.title ?? "Task", errors.length > 0);

  if (!task.data) return <Loading error={task.error} />;
  const detail = task.data;
  const t = detail.task;
  const caseDetail = theCase.data;

  return (
    <>
      <ErrorSummary errors={errors} />
      {completed && (
        <NotificationBanner success heading="Task completed">
          <p className="govuk-body">
            You chose “{humanise(completed)}”.{" "}
            {caseDetail &&
              (caseDetail.status === "waiting" && caseDetail.stageLabels.length > 0
                ? `The case ${caseDetail.stageLabels.join(" and ") === stageBefore ? "is now at" : "has moved on to"} ${caseDetail.stageLabels.join(" and ")}.`
                : caseDetail.status === "completed"
                  ? "The case is now complete."
                  : "")}
          </p>
          <p className="govuk-body">
            <Link className="govuk-notification-banner__link" to={`/cases/${t.caseId}`}>
              Go to the case
            </Link>{" "}
            or{" "}
            <Link className="govuk-notification-banner__link" to="/tasks">
              go back to your tasks
            </Link>
            .
          </p>
        </NotificationBanner>
      )}
      {notice && !completed && <NotificationBanner success heading={notice} />}
      <span className="govuk-caption-l">{t.caseReference ?? "Task"}</span>
      <h1 className="govuk-heading-l">{t.title}</h1>
      <p className="govuk-body">
        <TaskStatusTag status={t.status} /> <PriorityTag priority={t.priority} /> {t.status === "open" && <DueTag lastDay={t.lastDay} overdue={t.overdue} />}
      </p>

      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {detail.instructions && (
            <>
              <h2 className="govuk-heading-m">What to do</h2>
              <p className="govuk-body">{detail.instructions}</p>
            </>
          )}
          {detail.source && (
            <>
              <h2 className="govuk-heading-m">The law</h2>
              <p className="govuk-body">{detail.source}</p>
            </>
          )}
          <h2 className="govuk-heading-m">Deadline</h2>
          {t.lastDay ? (
            <p className="govuk-body">
              The last day is <strong>{formatDay(t.lastDay)}</strong>
              {t.dueAt && `, so the deadline passes at ${formatMoment(t.dueAt)}`}.
            </p>
          ) : (
            <p className="govuk-body">This task has no statutory deadline.</p>
          )}

          <h2 className="govuk-heading-m">The case</h2>
          <dl className="govuk-summary-list">
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Reference</dt>
              <dd className="govuk-summary-list__value">
                <Link className="govuk-link" to={`/cases/${t.caseId}`}>
                  {t.caseReference ?? t.caseId}
                </Link>
              </dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Process</dt>
              <dd className="govuk-summary-list__value">{humanise(t.definitionId)}</dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Current stage</dt>
              <dd className="govuk-summary-list__value">
                {caseDetail
                  ? caseDetail.status === "waiting" && caseDetail.stageLabels.length > 0
                    ? caseDetail.stageLabels.join("; ")
                    : `${humanise(caseDetail.status)}${caseDetail.outcome ? `: ${humanise(caseDetail.outcome)}` : ""}`
                  : theCase.error
                    ? "Not known"
                    : "Loading…"}
              </dd>
            </div>
          </dl>
          {caseDetail?.hold && (
            <NotificationBanner heading="This case is on hold">
              <p className="govuk-body">
                {caseDetail.hold.reason}
                {caseDetail.hold.source && ` (${caseDetail.hold.source})`}. Since {formatMoment(caseDetail.hold.since)}.
              </p>
            </NotificationBanner>
          )}

          {documents.data && <CaseDocuments caseId={t.caseId} documents={documents.data} />}
          {t.status === "open" && detail.canComplete && (detail.form ?? []).some((f) => f.type === "document") && (
            <DocumentUpload caseId={t.caseId} taskId={t.id} onUploaded={(d) => { setNotice(`${d.fileName} was added to the case.`); documents.reload(); }} />
          )}

          {t.status === "open" && (
            <TaskHolder
              detail={detail}
              me={me.email}
              onErrors={setErrors}
              onChanged={(message) => {
                setNotice(message);
                task.reload();
              }}
            />
          )}

          {t.status === "open" ? (
            <>
              <h2 className="govuk-heading-m">Complete the task</h2>
              {detail.canComplete ? (
                <CompleteTaskForm
                  taskId={t.id}
                  form={detail.form ?? []}
                  outcomes={detail.outcomes ?? []}
                  documents={documents.data ?? []}
                  onErrors={setErrors}
                  onStale={task.reload}
                  onCompleted={(_, outcome) => {
                    setStageBefore(caseDetail?.stageLabels.join(" and "));
                    setErrors([]);
                    setCompleted(outcome);
                    task.reload();
                    window.scrollTo(0, 0);
                  }}
                />
              ) : (
                <p className="govuk-body">
                  {t.assignee ? `Only ${t.assignee}, who holds it, can complete this task.` : "You cannot complete this task: it needs another role or organisation."}
                </p>
              )}
            </>
          ) : (
            <>
              <h2 className="govuk-heading-m">{t.status === "completed" ? "How it was completed" : "Cancelled"}</h2>
              <dl className="govuk-summary-list">
                {t.outcome && (
                  <div className="govuk-summary-list__row">
                    <dt className="govuk-summary-list__key">Outcome</dt>
                    <dd className="govuk-summary-list__value">{humanise(t.outcome)}</dd>
                  </div>
                )}
                {t.completedBy && (
                  <div className="govuk-summary-list__row">
                    <dt className="govuk-summary-list__key">Completed by</dt>
                    <dd className="govuk-summary-list__value">{t.completedBy}</dd>
                  </div>
                )}
                {t.completedAt && (
                  <div className="govuk-summary-list__row">
                    <dt className="govuk-summary-list__key">{t.status === "completed" ? "Completed on" : "Cancelled on"}</dt>
                    <dd className="govuk-summary-list__value">{formatMoment(t.completedAt)}</dd>
                  </div>
                )}
              </dl>
            </>
          )}
        </div>
      </div>
    </>
  );
}
