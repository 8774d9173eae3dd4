import dagre from "@dagrejs/dagre";
import type { Definition } from "./types";

export const NODE_WIDTH = 180;
export const NODE_HEIGHT = 90;

/**
 * Where each activity is drawn: its own `position` when it has one; otherwise where dagre puts it in a
 * left-to-right layout of the whole graph, so a definition written by hand (or imported) is readable at once.
 * Positions that are laid out are not written into the definition: only a designer's move does that.
 */
export function layout(definition: Definition): Map<string, { x: number; y: number }> {
  const positions = new Map<string, { x: number; y: number }>();
  const missing = definition.activities.filter((a) => !a.position);
  for (const a of definition.activities) if (a.position) positions.set(a.id, { x: a.position.x, y: a.position.y });
  if (missing.length === 0) return positions;

  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: "LR", nodesep: 40, ranksep: 80 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const a of definition.activities) graph.setNode(a.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const c of definition.connections ?? [])
    if (graph.hasNode(c.source.activity) && graph.hasNode(c.target.activity)) graph.setEdge(c.source.activity, c.target.activity);
  dagre.layout(graph);

  // When only some activities lack a position, the laid-out ones go below the drawn ones rather than on top.
  const offsetY = positions.size > 0 ? Math.max(...[...positions.values()].map((p) => p.y)) + NODE_HEIGHT * 2 : 0;
  for (const a of missing) {
    const node = graph.node(a.id);
    positions.set(a.id, { x: node.x - NODE_WIDTH / 2, y: node.y - NODE_HEIGHT / 2 + offsetY });
  }
  return positions;
}
