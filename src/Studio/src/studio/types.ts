// The definition format (docs/definitions.md) and the definition API's answers (docs/api.md#definitions), as the
// studio reads and writes them. Members the studio does not edit are carried through untouched (index signatures),
// so a round trip through the editor never drops what it does not know.

export type PeriodUnit = "calendarDays" | "calendarMonths" | "workingDays";
export interface Period {
  value: number;
  unit: PeriodUnit;
}
export type Reference = { $parameter: string } | { $variable: string; path?: string };

export interface Position {
  x: number;
  y: number;
}

export interface Reminder {
  before?: unknown;
  onTheDay?: boolean;
  every?: unknown;
}

export interface NotificationRule {
  to: string[];
  template?: string | null;
}

export interface Deadline {
  period?: unknown;
  from?: unknown;
  onExpiry?: "interrupt" | "escalate";
  reminders?: Reminder[];
  source?: string | null;
  notify?: NotificationRule | null;
  escalate?: NotificationRule | null;
  [member: string]: unknown;
}

export interface Activity {
  id: string;
  type: string;
  displayName?: string | null;
  stage?: string | null;
  description?: string | null;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, string>;
  deadline?: Deadline | null;
  position?: Position | null;
  [member: string]: unknown;
}

export interface Connection {
  source: { activity: string; port: string };
  target: { activity: string; port?: string | null };
}

export interface Parameter {
  name: string;
  displayName?: string | null;
  description?: string | null;
  type: string;
  value: unknown;
  unit?: PeriodUnit | null;
  measure?: string | null;
  source: string;
  confidence: "high" | "medium" | "low" | "not-found";
}

export interface Variable {
  name: string;
  type: string;
  description?: string | null;
  default?: unknown;
}

export interface Stage {
  name: string;
  description?: string | null;
  plannedDuration?: Period | null;
}

export interface Definition {
  id: string;
  version: number;
  name: string;
  description?: string | null;
  parameters?: Parameter[];
  variables?: Variable[];
  stages?: Stage[];
  activities: Activity[];
  connections?: Connection[];
  [member: string]: unknown;
}

export interface InputDescriptor {
  name: string;
  displayName?: string;
  type: string;
  required: boolean;
  default?: unknown;
  uiHint?: string;
  description?: string;
  options?: string[];
}

export interface ActivityDescriptor {
  typeName: string;
  category: string;
  displayName: string;
  description?: string;
  inputs: InputDescriptor[];
  outputs: { name: string; type: string; description?: string }[];
  ports: { name: string; description?: string }[];
  dynamicPortsInput?: string;
  isStart?: boolean;
  isTerminal?: boolean;
}

export interface DefinitionSummary {
  id: string;
  name: string;
  origin: "file" | "database";
  readOnly: boolean;
  latestVersion: number;
  publishedVersion?: number | null;
  versions: number[];
  lastChange: string;
}

export interface FileError {
  file: string;
  errors: { path: string; code: string; message: string }[];
}

export interface DefinitionList {
  definitions: DefinitionSummary[];
  fileErrors: FileError[];
}

export interface VersionSummary {
  id?: string;
  version: number;
  name: string;
  published: boolean;
  origin: string;
  createdAt: string;
  contentHash: string;
}

export interface StoredVersion extends VersionSummary {
  id: string;
  readOnly: boolean;
  definition: Definition;
}
