import type { TimelineStage } from "../../api/types";
import { formatDay } from "../../components/dates";

type Shown = "Completed" | "In progress" | "Not started" | "Cannot start yet";

/**
 * A stage's status as the committee reads it: stages after the one in progress cannot start until it ends, so they
 * say so rather than "Not started", which would suggest someone could begin them.
 */
function statusOf(stage: TimelineStage, stages: TimelineStage[]): Shown {
  if (stage.status === "completed") return "Completed";
  if (stage.status === "in-progress") return "In progress";
  const current = stages.filter((s) => s.status === "in-progress").map((s) => s.number);
  return current.length > 0 && stage.number > Math.min(...current) ? "Cannot start yet" : "Not started";
}

function hintOf(stage: TimelineStage): string {
  const parts: string[] = [];
  if (stage.started) parts.push(`Started ${formatDay(stage.started)}`);
  if (stage.ended) parts.push(`finished ${formatDay(stage.ended)}`);
  if (!stage.started && stage.plannedStart) parts.push(`Planned to start ${formatDay(stage.plannedStart)}`);
  let text = parts.join(", ");
  if (stage.dueBy) text += `${text ? ". " : ""}Due by ${formatDay(stage.dueBy)}${stage.dueSource ? ` (${stage.dueSource.replace(/\.$/, "")})` : ""}`;
  return text ? `${text}.` : "";
}

/** The process's stages as a GOV.UK task list: where the case is, what is done and what is still to come. */
export function StageTaskList({ stages }: { stages: TimelineStage[] }) {
  return (
    <ul className="govuk-task-list">
      {stages.map((stage) => {
        const status = statusOf(stage, stages);
        const hint = hintOf(stage);
        const id = `stage-${stage.number}`;
        return (
          <li key={stage.number} className="govuk-task-list__item">
            <div className="govuk-task-list__name-and-hint">
              <div className="govuk-body govuk-!-margin-0">{stage.label}</div>
              {hint && (
                <div className="govuk-task-list__hint" id={`${id}-hint`}>
                  {hint}
                </div>
              )}
            </div>
            <div
              className={`govuk-task-list__status${status === "Cannot start yet" ? " govuk-task-list__status--cannot-start-yet" : ""}`}
              id={`${id}-status`}
            >
              {status === "In progress" ? (
                <strong className="govuk-tag govuk-tag--light-blue rtm-nowrap">In progress</strong>
              ) : status === "Not started" ? (
                <strong className="govuk-tag govuk-tag--blue rtm-nowrap">Not started</strong>
              ) : (
                status
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
