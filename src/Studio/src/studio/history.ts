import { useCallback, useReducer } from "react";

/**
 * Undo and redo over whole values (the definition JSON): each edit pushes the previous value. Values are never
 * mutated in place, so keeping them is cheap and restoring one is exact.
 */
interface State<T> {
  past: T[];
  present: T;
  future: T[];
  /** The group of the last edit and when it was made, to merge a run of keystrokes into one undo step. */
  group?: string;
  at?: number;
}

type Action<T> = { kind: "set"; value: T; group?: string; at: number } | { kind: "reset"; value: T } | { kind: "undo" } | { kind: "redo" };

const LIMIT = 200;
const MERGE_MS = 1000;

function reducer<T>(state: State<T>, action: Action<T>): State<T> {
  switch (action.kind) {
    case "set":
      if (action.value === state.present) return state;
      if (action.group && action.group === state.group && state.at !== undefined && action.at - state.at < MERGE_MS)
        return { ...state, present: action.value, future: [], at: action.at };
      return { past: [...state.past, state.present].slice(-LIMIT), present: action.value, future: [], group: action.group, at: action.at };
    case "reset":
      return { past: [], present: action.value, future: [] };
    case "undo":
      if (state.past.length === 0) return state;
      return { group: undefined, past: state.past.slice(0, -1), present: state.past[state.past.length - 1], future: [state.present, ...state.future] };
    case "redo":
      if (state.future.length === 0) return state;
      return { past: [...state.past, state.present], present: state.future[0], future: state.future.slice(1) };
  }
}

export interface History<T> {
  value: T;
  /** Edits with the same `group` (typing in one field) made less than a second apart are one undo step. */
  set(value: T, group?: string): void;
  /** Starts a new history at this value (after loading), with nothing to undo. */
  reset(value: T): void;
  undo(): void;
  redo(): void;
  canUndo: boolean;
  canRedo: boolean;
}

export function useHistory<T>(initial: T): History<T> {
  const [state, dispatch] = useReducer(reducer<T>, { past: [], present: initial, future: [] });
  const set = useCallback((value: T, group?: string) => dispatch({ kind: "set", value, group, at: Date.now() }), []);
  const reset = useCallback((value: T) => dispatch({ kind: "reset", value }), []);
  const undo = useCallback(() => dispatch({ kind: "undo" }), []);
  const redo = useCallback(() => dispatch({ kind: "redo" }), []);
  return { value: state.present, set, reset, undo, redo, canUndo: state.past.length > 0, canRedo: state.future.length > 0 };
}
