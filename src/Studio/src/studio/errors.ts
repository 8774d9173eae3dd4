import { ApiError } from "../api/problem";
import type { Definition } from "./types";

/** A message from the API, keyed by the JSON path of the value it is about ("" for the request as a whole). */
export interface PathError {
  path: string;
  message: string;
}

/**
 * A message as the editor keeps it: with the id of the activity it is about and the path within that activity
 * (".inputs.period"), resolved once, when it arrives. The JSON path names the activity by its index in the
 * definition that was sent, which points at another activity as soon as one is added or removed.
 */
export interface EditorError extends PathError {
  activity?: string;
  /** The rest of the path after `$.activities[n]`; undefined for an error about a connection. */
  within?: string;
}

/** Every message of a failed request, with its JSON path. */
export function messagesOf(error: unknown): PathError[] {
  if (error instanceof ApiError) return error.messages;
  return [{ path: "", message: error instanceof Error ? error.message : String(error) }];
}

/** The JSON path as a person can read it after the message, or "" when it says nothing more. */
export function pathNote(path: string): string {
  return path && path !== "$" ? ` (${path})` : "";
}

/** Resolves each message to the activity it is about in `sent`, the definition the API answered about. */
export function resolveErrors(sent: Definition, errors: PathError[]): EditorError[] {
  return errors.map((error) => {
    const activity = /^\$\.activities\[(\d+)\](.*)$/.exec(error.path);
    if (activity) {
      const id = sent.activities[Number(activity[1])]?.id;
      return id === undefined ? error : { ...error, activity: id, within: activity[2] };
    }
    // A bad connection is pinned on the activity it leaves.
    const connection = /^\$\.connections\[(\d+)\]/.exec(error.path);
    const source = connection ? sent.connections?.[Number(connection[1])]?.source.activity : undefined;
    return source === undefined ? error : { ...error, activity: source };
  });
}

/** The messages about each activity, for the nodes of the canvas. */
export function errorsByActivity(errors: EditorError[]): Map<string, string[]> {
  const byActivity = new Map<string, string[]>();
  for (const error of errors) if (error.activity !== undefined) byActivity.set(error.activity, [...(byActivity.get(error.activity) ?? []), error.message]);
  return byActivity;
}

/** The messages after an activity is renamed: they stay on it. */
export function renameInErrors(errors: EditorError[], from: string, to: string): EditorError[] {
  return errors.some((e) => e.activity === from) ? errors.map((e) => (e.activity === from ? { ...e, activity: to } : e)) : errors;
}
