import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from "react";
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  applyEdgeChanges,
  applyNodeChanges,
  useReactFlow,
  type Connection as FlowConnection,
  type Edge,
  type EdgeChange,
  type NodeChange,
} from "@xyflow/react";
import type { ActivityDescriptor, Definition } from "./types";
import { toEdges, toNodes, type ActivityNode } from "./graph";
import { NODE_HEIGHT, NODE_WIDTH, layout } from "./layout";
import { ActivityNodeView } from "./ActivityNodeView";
import { PALETTE_DRAG_TYPE } from "./Palette";
import { addActivity, connect, moveActivity, removeActivities, removeConnections } from "./edits";

const nodeTypes = { activity: ActivityNodeView };

export interface CanvasProps {
  definition: Definition;
  descriptors: Map<string, ActivityDescriptor>;
  errors: Map<string, string[]>;
  trace?: Map<string, "taken" | "current">;
  readOnly: boolean;
  selectedId?: string;
  onSelect(id: string | undefined): void;
  onChange(definition: Definition): void;
  label: string;
}

function CanvasInner({ definition, descriptors, errors, trace, readOnly, selectedId, onSelect, onChange, label }: CanvasProps) {
  const flow = useReactFlow();
  const positions = useMemo(() => layout(definition), [definition]);
  // A case's flowchart opens on where the case waits: a whole statutory process fitted in view is too small to read.
  const focus = useMemo(() => (trace ? [...trace].filter(([, state]) => state === "current").map(([id]) => ({ id })) : []), [trace]);
  // Edges are state too, for React Flow to mark the selected one (which the Delete key removes). Their ids are the
  // connections' keys, so a selection stays on its connection when others come and go.
  const [edges, setEdges] = useState<Edge[]>([]);
  useEffect(() => {
    setEdges((previous) => {
      const selected = new Set(previous.filter((e) => e.selected).map((e) => e.id));
      return toEdges(definition, trace).map((e) => ({ ...e, deletable: !readOnly, selected: selected.has(e.id) }));
    });
  }, [definition, trace, readOnly]);
  const onEdgesChange = useCallback((changes: EdgeChange[]) => setEdges((current) => applyEdgeChanges(changes.filter((c) => c.type === "select"), current)), []);
  // React Flow keeps what it measures (sizes) on the nodes, so they are state; they are rebuilt from the
  // definition whenever it changes, keeping the measurements of the nodes that remain.
  const [nodes, setNodes] = useState<ActivityNode[]>([]);
  useEffect(() => {
    setNodes((previous) => {
      const old = new Map(previous.map((n) => [n.id, n]));
      return toNodes(definition, descriptors, positions, errors, trace).map((n) => ({
        ...n,
        measured: old.get(n.id)?.measured,
        selected: n.id === selectedId,
        deletable: !readOnly,
      }));
    });
  }, [definition, descriptors, positions, errors, trace, selectedId, readOnly]);

  // An activity selected from elsewhere (added from the palette, an error followed) may be out of view: bring it in.
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const position = selectedId ? positions.get(selectedId) : undefined;
    const box = container.current?.getBoundingClientRect();
    if (!position || !box) return;
    const { x, y, zoom } = flow.getViewport();
    const left = position.x * zoom + x;
    const top = position.y * zoom + y;
    if (left < 0 || top < 0 || left + NODE_WIDTH * zoom > box.width || top + NODE_HEIGHT * zoom > box.height)
      void flow.setCenter(position.x + NODE_WIDTH / 2, position.y + NODE_HEIGHT / 2, { zoom, duration: 300 });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedId]);

  const onNodesChange = useCallback(
    (changes: NodeChange<ActivityNode>[]) => {
      setNodes((current) => applyNodeChanges(changes, current));
      for (const change of changes) {
        if (change.type === "position" && change.dragging === false && change.position && !readOnly)
          onChange(moveActivity(definition, change.id, change.position));
        if (change.type === "select" && change.selected) onSelect(change.id);
      }
    },
    [definition, onChange, onSelect, readOnly],
  );

  // Deleting a node also deletes its edges: both arrive here together, so they make one edit (one undo step).
  const onDelete = useCallback(
    ({ nodes: gone, edges: goneEdges }: { nodes: ActivityNode[]; edges: Edge[] }) => {
      if (readOnly) return;
      const withoutEdges = removeConnections(definition, goneEdges.map((e) => e.id));
      onChange(removeActivities(withoutEdges, gone.map((n) => n.id)));
      if (gone.length > 0) onSelect(undefined);
    },
    [definition, onChange, onSelect, readOnly],
  );

  const onConnect = useCallback(
    (c: FlowConnection) => {
      if (readOnly || !c.sourceHandle) return;
      onChange(connect(definition, c.source, c.sourceHandle, c.target));
    },
    [definition, onChange, readOnly],
  );

  const onDrop = useCallback(
    (event: DragEvent) => {
      const type = event.dataTransfer.getData(PALETTE_DRAG_TYPE);
      if (!type || readOnly) return;
      event.preventDefault();
      const position = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const { definition: next, id } = addActivity(definition, type, descriptors.get(type), position);
      onChange(next);
      onSelect(id);
    },
    [definition, descriptors, flow, onChange, onSelect, readOnly],
  );

  return (
    <div className="rtm-canvas" ref={container} onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
      <ReactFlow
        aria-label={label}
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onDelete={onDelete}
        onConnect={onConnect}
        onPaneClick={() => onSelect(undefined)}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        deleteKeyCode={readOnly ? null : ["Delete", "Backspace"]}
        fitView
        fitViewOptions={focus.length > 0 ? { nodes: focus, maxZoom: 1, minZoom: 0.4 } : { minZoom: 0.4 }}
        minZoom={0.1}
        proOptions={{ hideAttribution: false }}
      >
        <Background />
        <Controls aria-label="Zoom controls" />
        <MiniMap aria-label="Overview of the flowchart" pannable zoomable />
      </ReactFlow>
    </div>
  );
}

/** The flowchart of a definition: editable in the editor, read-only for shipped files and the case viewer. */
export function Canvas(props: CanvasProps) {
  return (
    <ReactFlowProvider>
      <CanvasInner {...props} />
    </ReactFlowProvider>
  );
}
