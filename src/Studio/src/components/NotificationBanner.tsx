import { useEffect, useRef, type ReactNode } from "react";

let next = 0;

/**
 * The GOV.UK notification banner. A success banner follows an action the user took, so it is announced and
 * focused (role alert); an important one tells of a state, so it is a labelled region.
 */
export function NotificationBanner({ success, title, heading, children }: { success?: boolean; title?: string; heading: ReactNode; children?: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const id = useRef(`notification-banner-title-${++next}`).current;
  useEffect(() => {
    if (success) ref.current?.focus();
  }, [success, heading]);
  return (
    <div
      ref={ref}
      className={`govuk-notification-banner${success ? " govuk-notification-banner--success" : ""}`}
      role={success ? "alert" : "region"}
      aria-labelledby={id}
      tabIndex={success ? -1 : undefined}
      data-module="govuk-notification-banner"
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id={id}>
          {title ?? (success ? "Success" : "Important")}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <h3 className="govuk-notification-banner__heading">{heading}</h3>
        {children}
      </div>
    </div>
  );
}
