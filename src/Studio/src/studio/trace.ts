import type { JournalEntry } from "../api/types";

/**
 * Where a case has been and where it is: every activity named by a journal step is on the path taken; the
 * activities of its open waits (bookmarks) and open tasks are where it is now, which wins over "taken".
 */
export function traceOf(journal: JournalEntry[], current: string[]): Map<string, "taken" | "current"> {
  const trace = new Map<string, "taken" | "current">();
  for (const entry of journal) for (const step of entry.steps) if (step.activity) trace.set(step.activity, "taken");
  for (const activity of current) trace.set(activity, "current");
  return trace;
}
