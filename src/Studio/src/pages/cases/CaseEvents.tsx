import type { JournalEntry, TaskSummary, TimelineStage } from "../../api/types";
import { formatDay, formatMoment } from "../../components/dates";
import { actorName, humanise } from "../../components/words";

interface Event {
  key: string;
  title: string;
  description?: string;
  by: string;
  at: string;
}

type Data = Record<string, unknown>;
const text = (data: Data, name: string) => (typeof data[name] === "string" ? (data[name] as string) : undefined);

/**
 * One journal step in plain English, or nothing for the engine's own bookkeeping (activities starting and
 * stopping, variables), which says nothing to the people following the case.
 */
function describe(kind: string, data: Data, taskTitle: (id?: string) => string, stageLabel: (stage?: string) => string): Pick<Event, "title" | "description"> | null {
  switch (kind) {
    case "caseStarted":
      return { title: "Case started", description: text(data, "reference") ? `Reference ${text(data, "reference")}.` : undefined };
    case "stageEntered":
      return { title: `Stage started: ${stageLabel(text(data, "stage"))}`, description: text(data, "previous") ? `After ${stageLabel(text(data, "previous"))}.` : undefined };
    case "taskCompleted":
      return { title: `Task completed: ${taskTitle(text(data, "task"))}`, description: `Outcome: ${humanise(text(data, "outcome"))}.` };
    case "taskClaimed":
      return { title: `Task taken: ${taskTitle(text(data, "task"))}`, description: `Now held by ${text(data, "assignee")}.` };
    case "taskUnclaimed":
      return { title: `Task put back: ${taskTitle(text(data, "task"))}`, description: "Anyone in the team can take it." };
    case "taskReassigned":
      return { title: `Task reassigned: ${taskTitle(text(data, "task"))}`, description: `Given to ${text(data, "to")}.` };
    case "deadlineSet":
      return {
        title: `Deadline set: last day ${formatDay(text(data, "lastDay"))}`,
        description: [text(data, "period") && `${text(data, "period")} from ${formatDay(text(data, "from"))}.`, text(data, "source")].filter(Boolean).join(" "),
      };
    case "deadlineExtended":
      return {
        title: `Deadline extended to ${formatDay(text(data, "lastDay"))}`,
        description: [`It was ${formatDay(text(data, "previousLastDay"))}.`, text(data, "reason"), text(data, "legalBasis")].filter(Boolean).join(" "),
      };
    case "deadlineExpired":
      return { title: `Deadline passed: the last day was ${formatDay(text(data, "lastDay"))}`, description: text(data, "source") };
    case "reminderDue":
      return { title: `Reminder: the last day is ${formatDay(text(data, "lastDay"))}` };
    case "outboxMessageAdded":
      return text(data, "kind") === "email" || !text(data, "kind") ? { title: "Email to the case's contacts queued for sending" } : { title: `${humanise(text(data, "kind"))} queued for sending` };
    case "eventReceived":
      return { title: humanise(text(data, "name")), description: typeof data.payload === "string" ? `Given: ${/^\d{4}-\d{2}-\d{2}$/.test(data.payload) ? formatDay(data.payload) : data.payload}.` : undefined };
    case "partiesChanged":
      return { title: "Contacts for the case's emails set" };
    case "caseHeld":
      return { title: "Case put on hold", description: [text(data, "reason"), text(data, "source")].filter(Boolean).join(" ") };
    case "caseReleased":
      return { title: "Hold ended: the case goes on" };
    case "caseCompleted":
      return { title: "Case completed", description: text(data, "outcome") ? `Outcome: ${humanise(text(data, "outcome"))}.` : undefined };
    case "caseCancelled":
      return { title: "Case cancelled", description: text(data, "reason") };
    case "incidentRaised":
      return { title: "A problem stopped the case", description: "An administrator has been told." };
    case "incidentRetried":
      return { title: "The stopped step was tried again" };
    default:
      return null;
  }
}

/** The case's history from its journal, newest first, as the MoJ timeline. */
export function CaseEvents({ journal, tasks, stages }: { journal: JournalEntry[]; tasks: TaskSummary[]; stages: TimelineStage[] }) {
  const taskTitle = (id?: string) => tasks.find((t) => t.id === id)?.title ?? "a task";
  const stageLabel = (stage?: string) => stages.find((s) => s.stage === stage)?.label ?? stage ?? "";
  const events: Event[] = journal.flatMap((record) =>
    record.steps.flatMap((step, i) => {
      const described = describe(step.kind, (step.data ?? {}) as Data, taskTitle, stageLabel);
      return described ? [{ key: `${record.sequence}-${i}`, ...described, by: actorName(record.actor), at: record.at }] : [];
    }),
  );
  events.reverse();
  if (events.length === 0) return <p className="govuk-body">Nothing has happened on this case yet.</p>;
  return (
    <div className="moj-timeline">
      {events.map((event) => (
        <div key={event.key} className="moj-timeline__item">
          <div className="moj-timeline__header">
            <h3 className="moj-timeline__title">{event.title}</h3>{" "}
            <p className="moj-timeline__byline">by {event.by}</p>
          </div>
          <p className="moj-timeline__date">
            <time dateTime={event.at}>{formatMoment(event.at)}</time>
          </p>
          {event.description && (
            <div className="moj-timeline__description">
              <p className="govuk-body">{event.description}</p>
            </div>
          )}
        </div>
      ))}
    </div>
  );
}
