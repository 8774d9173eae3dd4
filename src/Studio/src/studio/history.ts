import { useCallback, useReducer } from "react";

/**
 * Undo and redo over whole values (the definition JSON): each edit pushes the previous value. Values are never
 * mutated in place, so keeping them is cheap and restoring one is exact.
 */
interface State<T> {
  past: T[];
  present: T;
  future: T[];
}

type Action<T> = { kind: "set"; value: T } | { kind: "reset"; value: T } | { kind: "undo" } | { kind: "redo" };

const LIMIT = 200;

function reducer<T>(state: State<T>, action: Action<T>): State<T> {
  switch (action.kind) {
    case "set":
      if (action.value === state.present) return state;
      return { past: [...state.past, state.present].slice(-LIMIT), present: action.value, future: [] };
    case "reset":
      return { past: [], present: action.value, future: [] };
    case "undo":
      if (state.past.length === 0) return state;
      return { past: state.past.slice(0, -1), present: state.past[state.past.length - 1], future: [state.present, ...state.future] };
    case "redo":
      if (state.future.length === 0) return state;
      return { past: [...state.past, state.present], present: state.future[0], future: state.future.slice(1) };
  }
}

export interface History<T> {
  value: T;
  set(value: T): void;
  /** Starts a new history at this value (after loading), with nothing to undo. */
  reset(value: T): void;
  undo(): void;
  redo(): void;
  canUndo: boolean;
  canRedo: boolean;
}

export function useHistory<T>(initial: T): History<T> {
  const [state, dispatch] = useReducer(reducer<T>, { past: [], present: initial, future: [] });
  const set = useCallback((value: T) => dispatch({ kind: "set", value }), []);
  const reset = useCallback((value: T) => dispatch({ kind: "reset", value }), []);
  const undo = useCallback(() => dispatch({ kind: "undo" }), []);
  const redo = useCallback(() => dispatch({ kind: "redo" }), []);
  return { value: state.present, set, reset, undo, redo, canUndo: state.past.length > 0, canRedo: state.future.length > 0 };
}
