import { daysUntil } from "./dates";

/** "Overdue", "Due today", "Due in 3 days": the GOV.UK tag colours officers expect for urgency. */
export function DueTag({ lastDay, overdue }: { lastDay?: string; overdue?: boolean }) {
  if (!lastDay) return null;
  const days = daysUntil(lastDay);
  if (overdue || days < 0) return <strong className="govuk-tag govuk-tag--red">Overdue</strong>;
  if (days === 0) return <strong className="govuk-tag govuk-tag--orange">Due today</strong>;
  if (days === 1) return <strong className="govuk-tag govuk-tag--orange">Due tomorrow</strong>;
  if (days <= 7) return <strong className="govuk-tag govuk-tag--yellow">Due in {days} days</strong>;
  return <strong className="govuk-tag govuk-tag--grey">Due in {days} days</strong>;
}
