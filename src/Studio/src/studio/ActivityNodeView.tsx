import { Handle, Position, type NodeProps } from "@xyflow/react";
import type { ActivityNode } from "./graph";

/** An activity on the canvas: its name, type and stage, a way in on the left and one labelled handle per port. */
export function ActivityNodeView({ data, selected }: NodeProps<ActivityNode>) {
  const { activity, typeLabel, ports, hasInput, errors, trace } = data;
  const classes = ["rtm-node", selected && "rtm-node--selected", errors.length > 0 && "rtm-node--error", trace && `rtm-node--${trace}`]
    .filter(Boolean)
    .join(" ");
  return (
    <div className={classes}>
      {hasInput && <Handle type="target" position={Position.Left} />}
      <div className="rtm-node__name">{activity.displayName || activity.id}</div>
      <div className="rtm-node__type">{typeLabel}</div>
      {activity.stage && <div className="rtm-node__stage">{activity.stage}</div>}
      {trace === "current" && <strong className="rtm-node__badge">Waiting here</strong>}
      {errors.length > 0 && (
        <ul className="rtm-node__errors">
          {errors.map((e, i) => (
            <li key={i}>{e}</li>
          ))}
        </ul>
      )}
      <div className="rtm-node__ports">
        {ports.map((port) => (
          <div key={port} className="rtm-node__port">
            <span>{port}</span>
            <Handle type="source" id={port} position={Position.Right} />
          </div>
        ))}
      </div>
    </div>
  );
}
