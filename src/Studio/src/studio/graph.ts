import type { Edge, Node } from "@xyflow/react";
import type { Activity, ActivityDescriptor, Connection, Definition } from "./types";
import { humanise } from "../components/words";

/** What a node of the canvas carries: the activity as the definition holds it, and what to show on it. */
export interface ActivityNodeData extends Record<string, unknown> {
  activity: Activity;
  index: number;
  typeLabel: string;
  ports: string[];
  hasInput: boolean;
  errors: string[];
  /** On the case viewer: whether the case has been through here, or waits here now. */
  trace?: "taken" | "current";
}

export type ActivityNode = Node<ActivityNodeData, "activity">;

/**
 * The ports an activity has (docs/definitions.md#ports): its type's own, those named by a literal list in its
 * dynamic-ports input (Decision's cases, Fork's branches, UserTask's outcomes), and those its deadline adds.
 */
export function portsOf(activity: Activity, descriptor: ActivityDescriptor | undefined): string[] {
  const ports = descriptor ? descriptor.ports.map((p) => p.name) : [];
  const dynamic = descriptor?.dynamicPortsInput ? activity.inputs?.[descriptor.dynamicPortsInput] : undefined;
  if (Array.isArray(dynamic)) for (const p of dynamic) if (typeof p === "string" && p !== "" && !ports.includes(p)) ports.push(p);
  if (activity.deadline) {
    ports.push("overdue");
    if (activity.deadline.reminders && activity.deadline.reminders.length > 0) ports.push("reminder");
  }
  return ports;
}

export function toNodes(
  definition: Definition,
  descriptors: Map<string, ActivityDescriptor>,
  positions: Map<string, { x: number; y: number }>,
  errors: Map<string, string[]>,
  trace?: Map<string, "taken" | "current">,
): ActivityNode[] {
  return definition.activities.map((activity, index) => {
    const descriptor = descriptors.get(activity.type);
    return {
      id: activity.id,
      type: "activity",
      position: positions.get(activity.id) ?? { x: 0, y: 0 },
      data: {
        activity,
        index,
        typeLabel: humanise(descriptor?.displayName ?? activity.type),
        ports: portsOf(activity, descriptor),
        hasInput: !descriptor?.isStart,
        errors: errors.get(activity.id) ?? [],
        trace: trace?.get(activity.id),
      },
      ariaLabel: `${activity.displayName || activity.id} (${humanise(activity.type)})`,
    };
  });
}

/**
 * A connection's key: the format allows one connection per source activity, port and target, so this names it
 * whatever its place in the list. Edges are keyed by it, so removing one leaves the others' ids (and selection) alone.
 */
export function connectionKey(c: Connection): string {
  return `${c.source.activity}:${c.source.port}->${c.target.activity}`;
}

export function toEdges(definition: Definition, trace?: Map<string, "taken" | "current">): Edge[] {
  return (definition.connections ?? []).map((c) => ({
    id: connectionKey(c),
    source: c.source.activity,
    sourceHandle: c.source.port,
    target: c.target.activity,
    label: c.source.port,
    animated: trace ? trace.has(c.source.activity) && trace.has(c.target.activity) : false,
    ariaLabel: `Connection from ${c.source.activity} (${c.source.port}) to ${c.target.activity}`,
  }));
}
