import { useEffect, useRef, type ReactNode } from "react";
import type { Definition } from "./types";
import { pathNote, type EditorError } from "./errors";

/**
 * The GOV.UK error summary for a definition's errors. An error about an activity names it and, when followed,
 * selects it on the canvas and moves focus to its properties (to the offending field when there is one).
 * `action` is what the designer can do about the errors (reloading after a conflict), shown under them.
 */
export function ErrorList({ errors, reported, definition, onFollow, action }: { errors: EditorError[]; reported?: number; definition: Definition | null; onFollow(error: EditorError & { activity: string }): void; action?: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  // Focused when errors are reported (`reported` counts that), not when they are only carried along by a rename.
  useEffect(() => {
    if (errors.length > 0) ref.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reported ?? errors]);
  if (errors.length === 0) return null;
  const exists = (id: string) => definition?.activities.some((a) => a.id === id) ?? false;
  return (
    <div className="govuk-error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">There is a problem</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {errors.map((error, i) => {
              const activity = error.activity;
              return (
                <li key={i}>
                  {activity !== undefined && exists(activity) ? (
                    <a
                      href={`#node-${activity}`}
                      onClick={(e) => {
                        e.preventDefault();
                        onFollow({ ...error, activity });
                      }}
                    >
                      {activity}: {error.message}
                    </a>
                  ) : activity !== undefined ? (
                    <>
                      {activity}: {error.message}
                    </>
                  ) : (
                    <>
                      {error.message}
                      {pathNote(error.path) && <span className="rtm-path">{pathNote(error.path)}</span>}
                    </>
                  )}
                </li>
              );
            })}
          </ul>
          {action}
        </div>
      </div>
    </div>
  );
}
