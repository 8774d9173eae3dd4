import { useEffect, useMemo, useRef, useState } from "react";
import { Link, useParams } from "react-router-dom";
import { api } from "../../api/client";
import type { CaseDetail } from "../../api/cases";
import { ApiError } from "../../api/problem";
import type { JournalEntry } from "../../api/types";
import { useMe } from "../../app/auth";
import { Loading } from "../../components/Loading";
import { useApi } from "../../components/useApi";
import { usePageTitle } from "../../components/usePageTitle";
import { formatMoment } from "../../components/dates";
import { definitionsApi } from "../../studio/api";
import { Canvas } from "../../studio/Canvas";
import { traceOf } from "../../studio/trace";
import type { Definition } from "../../studio/types";

/** The case as the API answers it (api/cases.ts), with the open waits the case tracker does not read. */
type CaseView = CaseDetail & { bookmarks: { id: string; activity: string; name: string; dueAt?: string }[] };

/** An incident of the case (docs/api.md#cases): a step that failed, or (`outboxId`) an email that could not be sent. */
interface Incident {
  id: string;
  activity: string;
  error: string;
  details?: string;
  raisedAt: string;
  resolvedAt?: string;
  resolvedBy?: string;
  outboxId?: string | null;
}

const noErrors = new Map<string, string[]>();
const ignore = () => undefined;

/** The case on the flowchart of the version it runs: the path it took, where it waits, its journal and incidents. */
export function CaseViewerPage() {
  const { id = "" } = useParams();
  const me = useMe();
  const isAdmin = me.roles.includes("admin");
  const path = `/api/cases/${encodeURIComponent(id)}`;
  const data = useApi(async () => {
    const view = await api.get<CaseView>(path);
    const [stored, journal, descriptors] = await Promise.all([
      definitionsApi.version(view.definitionId, view.definitionVersion),
      api.get<JournalEntry[]>(`${path}/journal`),
      definitionsApi.descriptors(),
    ]);
    return { view, definition: stored.definition as Definition, journal, descriptors };
  }, [id]);
  const incidents = useApi(() => api.get<Incident[]>(`${path}/incidents`), [id]);
  // The answer to a retry is a status message that takes focus: the Retry button may be gone once the incident is resolved.
  const [retryMessage, setRetryMessage] = useState<{ text: string }>();
  const retryStatus = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (retryMessage) retryStatus.current?.focus();
  }, [retryMessage]);
  const [selected, setSelected] = useState<string>();
  usePageTitle(data.data ? `Case ${data.data.view.reference ?? id} – Studio` : "Case – Studio");

  const trace = useMemo(() => {
    if (!data.data) return new Map<string, "taken" | "current">();
    const { view, journal } = data.data;
    const current = [...view.bookmarks.map((b) => b.activity), ...view.tasks.filter((t) => t.status === "open").map((t) => t.activity)];
    return traceOf(journal, current);
  }, [data.data]);
  const descriptors = useMemo(() => new Map((data.data?.descriptors ?? []).map((d) => [d.typeName, d])), [data.data]);

  if (!data.data) return <Loading error={data.error} />;
  const { view, definition, journal } = data.data;

  async function retry(incident: Incident) {
    try {
      await api.post(`${path}/incidents/${incident.id}/retry`);
      // An email that could not be sent is not run again here: the answer (202) is that a new attempt is queued.
      setRetryMessage({ text: incident.outboxId ? `A new attempt to send the email from ${incident.activity} is queued.` : `The step at ${incident.activity} was run again.` });
    } catch (e) {
      setRetryMessage({ text: e instanceof ApiError ? e.message : String(e) });
    }
    incidents.reload();
    data.reload();
  }

  return (
    <>
      <span className="govuk-caption-m">
        <Link className="govuk-link" to="/studio">
          Studio
        </Link>{" "}
        / case
      </span>
      <h1 className="govuk-heading-l govuk-!-margin-bottom-2">Case {view.reference ?? view.id}</h1>
      <p className="govuk-body">
        <Link className="govuk-link" to={`/studio/definitions/${encodeURIComponent(view.definitionId)}?version=${view.definitionVersion}`}>
          {definition.name}, version {view.definitionVersion}
        </Link>
        . Status: <strong>{view.status}</strong>
        {view.outcome && <>, outcome {view.outcome}</>}
        {view.stageLabels.length > 0 && <>. {view.stageLabels.join("; ")}</>}
      </p>
      <p className="govuk-body-s">
        <span className="rtm-legend rtm-legend--taken">Path taken</span> <span className="rtm-legend rtm-legend--current">Waiting here now</span>
      </p>
      <div className="rtm-case-canvas">
        <Canvas label={`Flowchart of ${definition.name} with the path of the case`} definition={definition} descriptors={descriptors} errors={noErrors} trace={trace} readOnly selectedId={selected} onSelect={setSelected} onChange={ignore} />
      </div>

      <h2 className="govuk-heading-m govuk-!-margin-top-6">Incidents</h2>
      {retryMessage && (
        <div className="govuk-inset-text" role="status" tabIndex={-1} ref={retryStatus}>
          {retryMessage.text}
        </div>
      )}
      {!incidents.data ? (
        <Loading error={incidents.error} />
      ) : incidents.data.length === 0 ? (
        <p className="govuk-body">No incidents.</p>
      ) : (
        <table className="govuk-table">
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Activity</th>
              <th scope="col" className="govuk-table__header">Error</th>
              <th scope="col" className="govuk-table__header">Raised</th>
              <th scope="col" className="govuk-table__header">Resolved</th>
              {isAdmin && (
                <th scope="col" className="govuk-table__header">
                  <span className="govuk-visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {incidents.data.map((incident) => (
              <tr key={incident.id} className="govuk-table__row">
                <td className="govuk-table__cell">{incident.activity}</td>
                <td className="govuk-table__cell">{incident.error}</td>
                <td className="govuk-table__cell">{formatMoment(incident.raisedAt)}</td>
                <td className="govuk-table__cell">{incident.resolvedAt ? `${formatMoment(incident.resolvedAt)} by ${incident.resolvedBy ?? "?"}` : "Open"}</td>
                {isAdmin && (
                  <td className="govuk-table__cell">
                    {!incident.resolvedAt && (
                      <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={() => void retry(incident)}>
                        Retry<span className="govuk-visually-hidden"> {incident.activity}</span>
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2 className="govuk-heading-m">Journal</h2>
      <table className="govuk-table">
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Sequence</th>
            <th scope="col" className="govuk-table__header">At</th>
            <th scope="col" className="govuk-table__header">Actor</th>
            <th scope="col" className="govuk-table__header">Steps</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {journal.map((entry) => (
            <tr key={entry.sequence} className="govuk-table__row">
              <td className="govuk-table__cell">{entry.sequence}</td>
              <td className="govuk-table__cell">{formatMoment(entry.at)}</td>
              <td className="govuk-table__cell">{entry.actor}</td>
              <td className="govuk-table__cell">
                <ul className="govuk-list govuk-!-margin-bottom-0">
                  {entry.steps.map((step, i) => (
                    <li key={i}>
                      {step.kind}
                      {step.activity && (
                        <>
                          {" "}
                          at{" "}
                          <button type="button" className="rtm-link-button" onClick={() => setSelected(step.activity)}>
                            {step.activity}
                          </button>
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
