import { useEffect, useState, type FormEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { casesApi } from "../../api/cases";
import { query } from "../../api/client";
import { formatDay } from "../../components/dates";
import { DueTag } from "../../components/DueTag";
import { ErrorSummary, type FieldError } from "../../components/ErrorSummary";
import { lastDayOf } from "../../components/dates";
import { Loading } from "../../components/Loading";
import { Pagination } from "../../components/Pagination";
import { CaseStatusTag } from "../../components/Tags";
import { useApi } from "../../components/useApi";
import { usePageTitle } from "../../components/usePageTitle";
import { humanise } from "../../components/words";

const statuses = [
  ["", "Any status"],
  ["waiting", "In progress"],
  ["faulted", "Needs attention"],
  ["completed", "Completed"],
  ["cancelled", "Cancelled"],
] as const;

const pageSize = 25;

/** The cases the caller may see, newest first, with filters kept in the address so a filtered list can be shared. */
export function CasesPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const status = params.get("status") ?? "";
  const within = params.get("within") ?? "";
  const page = Math.max(1, Number(params.get("page")) || 1);
  const [statusInput, setStatusInput] = useState(status);
  const [withinInput, setWithinInput] = useState(within);
  // Back and Forward change the address: the boxes show the filter the list shows.
  useEffect(() => {
    setStatusInput(status);
    setWithinInput(within);
  }, [status, within]);
  const [errors, setErrors] = useState<FieldError[]>([]);
  usePageTitle("Cases", errors.length > 0);

  const withinDays = /^\d+$/.test(within) ? Number(within) : undefined;
  const list = useApi(() => casesApi.list({ status: status || undefined, deadlineWithinDays: withinDays, page, pageSize }), [status, within, page]);

  const hrefFor = (n: number) => `/cases${query({ status, within, page: n > 1 ? n : undefined })}`;

  function apply(event: FormEvent) {
    event.preventDefault();
    const days = withinInput.trim();
    if (days && (!/^\d+$/.test(days) || Number(days) > 3660)) {
      setErrors([{ field: "within", message: "Enter a whole number of days from 0 to 3660" }]);
      return;
    }
    setErrors([]);
    navigate(`/cases${query({ status: statusInput, within: days })}`);
  }

  const withinError = errors.find((e) => e.field === "within");
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">Cases</h1>
      <form onSubmit={apply} noValidate>
        <h2 className="govuk-heading-s">Filter cases</h2>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third">
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor="status">
                Status
              </label>
              <select className="govuk-select" id="status" name="status" value={statusInput} onChange={(e) => setStatusInput(e.target.value)}>
                {statuses.map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="govuk-grid-column-one-third">
            <div className={`govuk-form-group${withinError ? " govuk-form-group--error" : ""}`}>
              <label className="govuk-label" htmlFor="within">
                A deadline passes within (days)
              </label>
              {withinError && (
                <p id="within-error" className="govuk-error-message">
                  <span className="govuk-visually-hidden">Error:</span> {withinError.message}
                </p>
              )}
              <input
                className={`govuk-input govuk-input--width-4${withinError ? " govuk-input--error" : ""}`}
                id="within"
                name="within"
                type="text"
                inputMode="numeric"
                value={withinInput}
                aria-describedby={withinError ? "within-error" : undefined}
                onChange={(e) => setWithinInput(e.target.value)}
              />
            </div>
          </div>
        </div>
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button govuk-button--secondary">
            Apply filters
          </button>
          {(status || within) && (
            <Link className="govuk-link" to="/cases" onClick={() => { setStatusInput(""); setWithinInput(""); }}>
              Clear filters
            </Link>
          )}
        </div>
      </form>

      <h2 className="govuk-heading-m">
        {list.data ? `${list.data.total}${list.data.totalIsExact === false ? "+" : ""} ${list.data.total === 1 ? "case" : "cases"}` : "Cases"}
      </h2>
      {!list.data ? (
        <Loading error={list.error} />
      ) : list.data.items.length === 0 ? (
        <p className="govuk-body">{status || within ? "No cases match these filters." : "There are no cases yet."}</p>
      ) : (
        <>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-visually-hidden">Cases, newest first</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Reference</th>
                <th scope="col" className="govuk-table__header">Process</th>
                <th scope="col" className="govuk-table__header">Current stage</th>
                <th scope="col" className="govuk-table__header">Status</th>
                <th scope="col" className="govuk-table__header">Next deadline</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {list.data.items.map((c) => {
                const lastDay = c.nextDeadline ? lastDayOf(c.nextDeadline) : undefined;
                return (
                  <tr key={c.id} className="govuk-table__row">
                    <td className="govuk-table__cell rtm-nowrap">
                      <Link className="govuk-link" to={`/cases/${c.id}`}>
                        {c.reference ?? c.id}
                      </Link>
                    </td>
                    <td className="govuk-table__cell">{humanise(c.definitionId)}</td>
                    <td className="govuk-table__cell">{(c.status === "waiting" && c.stage) || "–"}</td>
                    <td className="govuk-table__cell rtm-nowrap">
                      <CaseStatusTag status={c.status} />
                    </td>
                    <td className="govuk-table__cell">
                      {lastDay ? (
                        <>
                          <span className="rtm-nowrap">{formatDay(lastDay)}</span>
                          <br />
                          <DueTag lastDay={lastDay} />
                        </>
                      ) : (
                        "None"
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <Pagination page={page} pageSize={list.data.pageSize} total={list.data.total} hrefFor={hrefFor} />
        </>
      )}
    </>
  );
}
