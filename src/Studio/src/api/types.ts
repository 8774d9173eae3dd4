// The shapes the API answers with (docs/api.md). Only the members the web app reads are declared.

export interface Organisation {
  id: string;
  name: string;
  kind: string;
}

export interface Me {
  userId: string;
  email: string;
  displayName: string;
  organisation: Organisation | null;
  roles: string[];
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
  totalIsExact?: boolean;
}

export interface TaskSummary {
  id: string;
  caseId: string;
  caseReference?: string;
  definitionId: string;
  activity: string;
  title: string;
  candidateOrganisation?: string;
  candidateRole?: string;
  assignee?: string;
  priority: "low" | "normal" | "high" | "urgent";
  status: "open" | "completed" | "cancelled";
  lastDay?: string;
  dueAt?: string;
  overdue?: boolean;
  createdAt: string;
  completedAt?: string;
  completedBy?: string;
  outcome?: string;
}

export interface FormField {
  name: string;
  label: string;
  type: string;
  required?: boolean;
  hint?: string;
  maxLength?: number;
  options?: string[];
  requiredFor?: string;
  [member: string]: unknown;
}

export interface TaskDetail {
  task: TaskSummary;
  instructions?: string;
  source?: string;
  outcomes?: string[];
  form?: FormField[];
  canClaim: boolean;
  canComplete: boolean;
  canReassign: boolean;
}

export interface CaseSummary {
  id: string;
  definitionId: string;
  definitionVersion: number;
  reference?: string;
  status: "waiting" | "faulted" | "completed" | "cancelled" | string;
  outcome?: string;
  stage?: string;
  createdAt: string;
  updatedAt: string;
  nextDeadline?: string;
}

export interface TimelineStage {
  stage: string;
  number: number;
  of: number;
  label: string;
  status: "not-started" | "in-progress" | "completed";
  started?: string;
  ended?: string;
  dueBy?: string;
  dueSource?: string;
  plannedStart?: string;
  plannedEnd?: string;
}

export interface JournalEntry {
  sequence: number;
  at: string;
  actor: string;
  steps: { kind: string; activity?: string; data?: unknown }[];
  previousHash?: string;
  hash: string;
}
