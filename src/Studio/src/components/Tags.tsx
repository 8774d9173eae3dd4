import type { CaseSummary, TaskSummary } from "../api/types";

// Tags carry their meaning in words, never only in colour.

const priorityColour: Record<TaskSummary["priority"], string> = { low: "grey", normal: "blue", high: "orange", urgent: "red" };

export function PriorityTag({ priority }: { priority: TaskSummary["priority"] }) {
  const label = priority.charAt(0).toUpperCase() + priority.slice(1);
  return <strong className={`govuk-tag govuk-tag--${priorityColour[priority] ?? "grey"}`}>{label} priority</strong>;
}

export function TaskStatusTag({ status }: { status: TaskSummary["status"] }) {
  if (status === "completed") return <strong className="govuk-tag govuk-tag--green">Completed</strong>;
  if (status === "cancelled") return <strong className="govuk-tag govuk-tag--grey">Cancelled</strong>;
  return <strong className="govuk-tag govuk-tag--light-blue">Open</strong>;
}

const caseStatus: Record<string, [string, string]> = {
  waiting: ["In progress", "light-blue"],
  faulted: ["Needs attention", "red"],
  completed: ["Completed", "green"],
  cancelled: ["Cancelled", "grey"],
};

export function CaseStatusTag({ status, onHold }: { status: CaseSummary["status"]; onHold?: boolean }) {
  if (onHold && status === "waiting") return <strong className="govuk-tag govuk-tag--yellow">On hold</strong>;
  const [label, colour] = caseStatus[status] ?? [status, "grey"];
  return <strong className={`govuk-tag govuk-tag--${colour}`}>{label}</strong>;
}
