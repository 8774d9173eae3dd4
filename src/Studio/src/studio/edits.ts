import type { Activity, ActivityDescriptor, Definition } from "./types";
import { newActivityId } from "./names";
import { connectionKey } from "./graph";

// Every edit returns a new definition and leaves the old one as it was: the undo history keeps the old ones.

export function updateActivity(definition: Definition, id: string, change: (a: Activity) => Activity): Definition {
  return { ...definition, activities: definition.activities.map((a) => (a.id === id ? change(a) : a)) };
}

export function moveActivity(definition: Definition, id: string, position: { x: number; y: number }): Definition {
  const rounded = { x: Math.round(position.x), y: Math.round(position.y) };
  const current = definition.activities.find((a) => a.id === id)?.position;
  if (current && current.x === rounded.x && current.y === rounded.y) return definition;
  return updateActivity(definition, id, (a) => ({ ...a, position: rounded }));
}

/**
 * Renaming an activity renames it where it is named too, so those keep pointing at it: in the connections, and in
 * the inputs whose type names an activity (the activity picker, e.g. a Decision's `activity`), when they hold it
 * as a literal.
 */
export function renameActivity(definition: Definition, from: string, to: string, descriptors: Map<string, ActivityDescriptor>): Definition {
  const renameInputs = (a: Activity): Activity => {
    const named = (descriptors.get(a.type)?.inputs ?? []).filter((i) => i.uiHint === "activity-picker" && a.inputs?.[i.name] === from);
    if (named.length === 0) return a;
    const inputs = { ...a.inputs };
    for (const input of named) inputs[input.name] = to;
    return { ...a, inputs };
  };
  return {
    ...definition,
    activities: definition.activities.map((a) => renameInputs(a.id === from ? { ...a, id: to } : a)),
    connections: (definition.connections ?? []).map((c) => ({
      source: c.source.activity === from ? { ...c.source, activity: to } : c.source,
      target: c.target.activity === from ? { ...c.target, activity: to } : c.target,
    })),
  };
}

/** New activities get their required inputs' declared defaults, so what the palette adds is as ready as it can be. */
export function addActivity(
  definition: Definition,
  type: string,
  descriptor: ActivityDescriptor | undefined,
  position: { x: number; y: number },
): { definition: Definition; id: string } {
  const id = newActivityId(type, definition.activities.map((a) => a.id));
  const inputs: Record<string, unknown> = {};
  for (const input of descriptor?.inputs ?? []) if (input.required && input.default !== undefined && input.default !== null) inputs[input.name] = input.default;
  const activity: Activity = { id, type, position: { x: Math.round(position.x), y: Math.round(position.y) } };
  if (Object.keys(inputs).length > 0) activity.inputs = inputs;
  return { definition: { ...definition, activities: [...definition.activities, activity] }, id };
}

export function removeActivities(definition: Definition, ids: string[]): Definition {
  const gone = new Set(ids);
  return {
    ...definition,
    activities: definition.activities.filter((a) => !gone.has(a.id)),
    connections: (definition.connections ?? []).filter((c) => !gone.has(c.source.activity) && !gone.has(c.target.activity)),
  };
}

/** Removes the connections with these keys (see connectionKey). */
export function removeConnections(definition: Definition, keys: string[]): Definition {
  const gone = new Set(keys);
  if (gone.size === 0) return definition;
  return { ...definition, connections: (definition.connections ?? []).filter((c) => !gone.has(connectionKey(c))) };
}

/** The format allows one connection per source activity, port and target, so a repeat is ignored. */
export function connect(definition: Definition, source: string, port: string, target: string): Definition {
  const connections = definition.connections ?? [];
  if (connections.some((c) => c.source.activity === source && c.source.port === port && c.target.activity === target)) return definition;
  return { ...definition, connections: [...connections, { source: { activity: source, port }, target: { activity: target } }] };
}

/** Where a keyboard "Add" puts a node: below everything drawn so far, so it never lands on another. */
export function freePosition(laidOut: Map<string, { x: number; y: number }>): { x: number; y: number } {
  const all = [...laidOut.values()];
  if (all.length === 0) return { x: 0, y: 0 };
  return { x: Math.min(...all.map((p) => p.x)), y: Math.max(...all.map((p) => p.y)) + 160 };
}
