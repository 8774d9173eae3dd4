import { api } from "../api/client";
import type { ActivityDescriptor, Definition, DefinitionList, StoredVersion, VersionSummary } from "./types";

const base = "/api/workflow-definitions";

/** The quoted form the API sends in ETag and accepts in If-Match. */
const quoted = (hash: string) => `"${hash}"`;

export const definitionsApi = {
  list: () => api.get<DefinitionList>(base),
  descriptors: () => api.get<ActivityDescriptor[]>("/api/activity-descriptors"),
  version: (id: string, version?: number) =>
    api.get<StoredVersion>(`${base}/${encodeURIComponent(id)}${version ? `?version=${version}` : ""}`),
  versions: (id: string) => api.get<VersionSummary[]>(`${base}/${encodeURIComponent(id)}/versions`),
  validate: (definition: Definition) => api.post<{ valid: boolean }>(`${base}/validate`, definition),
  /** Saves a draft; `replacing` is the content hash of the draft being replaced (none to create a version). */
  save: (definition: Definition, replacing?: string) =>
    api.post<VersionSummary>(base, definition, replacing ? { headers: { "If-Match": quoted(replacing) } } : undefined),
  publish: (id: string, version: number, reviewed?: string) =>
    api.post<VersionSummary>(`${base}/${encodeURIComponent(id)}/publish`, { version }, reviewed ? { headers: { "If-Match": quoted(reviewed) } } : undefined),
};
