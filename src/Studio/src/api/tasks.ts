// The task calls of the inbox and the task page (docs/api.md#tasks).
import { api, query } from "./client";
import type { Page, TaskDetail, TaskSummary } from "./types";

export type TaskView = "mine" | "team" | "overdue";

/** A form answer as the API takes it: text, a number, yes/no, or a date or document id as text. */
export type AnswerValue = string | number | boolean;

export interface TaskActionResult {
  outcome: string;
  message?: string;
  caseStatus?: string;
  task?: TaskSummary;
}

const path = (id: string, action = "") => `/api/tasks/${encodeURIComponent(id)}${action ? `/${action}` : ""}`;

export const tasksApi = {
  list: (view: TaskView, page = 1, pageSize = 25) => api.get<Page<TaskSummary>>(`/api/tasks${query({ view, page, pageSize })}`),
  get: (id: string) => api.get<TaskDetail>(path(id)),
  claim: (id: string) => api.post<TaskActionResult>(path(id, "claim")),
  unclaim: (id: string) => api.post<TaskActionResult>(path(id, "unclaim")),
  reassign: (id: string, assignee: string) => api.post<TaskActionResult>(path(id, "reassign"), { assignee }),
  complete: (id: string, outcome: string, data: Record<string, AnswerValue>) =>
    api.post<TaskActionResult>(path(id, "complete"), { outcome, data }),
};
