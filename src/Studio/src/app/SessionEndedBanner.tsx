import { useState } from "react";
import { messageOf } from "../api/client";
import { useAuth } from "./auth";

/**
 * Shown over the page when the session ends mid-work (8 hours, or signed out elsewhere). The page underneath
 * keeps what was typed: the user signs in again in a new tab, comes back, and carries on.
 */
export function SessionEndedBanner() {
  const { sessionEnded, resume } = useAuth();
  const [problem, setProblem] = useState<string>();
  if (!sessionEnded) return null;
  return (
    <div className="govuk-notification-banner rtm-session-banner" role="alert" aria-labelledby="session-ended-title">
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="session-ended-title">Important</h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">Your session has ended. Nothing on this page has been lost.</p>
        <p className="govuk-body">
          <a className="govuk-notification-banner__link" href="/sign-in" target="_blank" rel="noopener">
            Sign in again in a new tab
          </a>
          , then come back here and continue.
        </p>
        {problem && <p className="govuk-error-message">{problem}</p>}
        <button
          type="button"
          className="govuk-button govuk-!-margin-bottom-0"
          onClick={() => resume().then(() => setProblem(undefined), (error) => setProblem(`You are not signed in yet. ${messageOf(error)}`))}
        >
          I have signed in again
        </button>
      </div>
    </div>
  );
}
