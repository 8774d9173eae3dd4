// The case shapes the case tracker reads (docs/api.md#cases, #documents), and the calls that fetch them.
import { api, query } from "./client";
import type { CaseSummary, JournalEntry, Page, TaskSummary, TimelineStage } from "./types";

export interface CaseHold {
  activity: string;
  reason: string;
  source?: string;
  since: string;
}

export interface CaseDeadline {
  activity: string;
  stage?: string;
  lastDay: string;
  passesAt: string;
  source?: string;
}

export interface CaseDetail {
  id: string;
  definitionId: string;
  definitionVersion: number;
  reference?: string;
  status: CaseSummary["status"];
  outcome?: string;
  stages: string[];
  stageLabels: string[];
  hold?: CaseHold | null;
  organisations: Record<string, string>;
  deadlines: CaseDeadline[];
  openIncident?: string | null;
  createdAt: string;
  updatedAt: string;
  tasks: TaskSummary[];
}

export interface CaseDocument {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  uploadedBy: string;
  uploadedAt: string;
  taskId?: string;
}

export interface CaseFilters {
  status?: string;
  deadlineWithinDays?: number;
  page?: number;
  pageSize?: number;
}

export const casesApi = {
  list: (filters: CaseFilters) => api.get<Page<CaseSummary>>(`/api/cases${query({ ...filters })}`),
  get: (id: string) => api.get<CaseDetail>(`/api/cases/${encodeURIComponent(id)}`),
  timeline: (id: string) => api.get<TimelineStage[]>(`/api/cases/${encodeURIComponent(id)}/timeline`),
  journal: (id: string) => api.get<JournalEntry[]>(`/api/cases/${encodeURIComponent(id)}/journal`),
  documents: (id: string) => api.get<CaseDocument[]>(`/api/cases/${encodeURIComponent(id)}/documents`),
  documentHref: (caseId: string, documentId: string) =>
    `/api/cases/${encodeURIComponent(caseId)}/documents/${encodeURIComponent(documentId)}`,
};

/** Uploads one file to a case as multipart form data (docs/api.md#documents). */
export function uploadDocument(caseId: string, file: File, taskId?: string): Promise<CaseDocument> {
  const form = new FormData();
  form.append("file", file, file.name);
  if (taskId) form.append("taskId", taskId);
  return api.postForm<CaseDocument>(`/api/cases/${encodeURIComponent(caseId)}/documents`, form);
}
