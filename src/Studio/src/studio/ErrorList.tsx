import { useEffect, useRef } from "react";
import type { Definition } from "./types";
import { activityOfError, type PathError } from "./graph";

/**
 * The GOV.UK error summary for a definition's errors. An error about an activity names it and, when followed,
 * selects it on the canvas so its properties (and the offending field) are in view.
 */
export function ErrorList({ errors, definition, onSelect }: { errors: PathError[]; definition: Definition | null; onSelect(activityId: string): void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length > 0) ref.current?.focus();
  }, [errors]);
  if (errors.length === 0) return null;
  return (
    <div className="govuk-error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">There is a problem</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {errors.map((error, i) => {
              const activity = definition && error.path ? activityOfError(definition, error.path) : undefined;
              return (
                <li key={i}>
                  {activity ? (
                    <a
                      href={`#node-${activity}`}
                      onClick={(e) => {
                        e.preventDefault();
                        onSelect(activity);
                      }}
                    >
                      {activity}: {error.message}
                    </a>
                  ) : (
                    <>
                      {error.message}
                      {error.path && error.path !== "$" && <span className="rtm-path"> ({error.path})</span>}
                    </>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      </div>
    </div>
  );
}
