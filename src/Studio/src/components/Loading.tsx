import type { ApiError } from "../api/problem";

/** What a page shows while its data loads, or when it could not be loaded. */
export function Loading({ error }: { error?: ApiError }) {
  if (error)
    return (
      <div className="govuk-error-summary" role="alert">
        <h2 className="govuk-error-summary__title">{error.status === 404 ? "Page not found" : "Sorry, there is a problem"}</h2>
        <div className="govuk-error-summary__body">
          <p className="govuk-body">{error.status === 404 ? "It does not exist, or you do not have access to it." : error.message}</p>
        </div>
      </div>
    );
  return <p className="govuk-body" aria-live="polite">Loading…</p>;
}
