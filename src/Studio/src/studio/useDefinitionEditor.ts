import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError } from "../api/problem";
import { definitionsApi } from "./api";
import { useHistory } from "./history";
import type { PathError } from "./graph";
import type { Definition, VersionSummary } from "./types";

/** The stored version the editor's work is based on. */
export interface Base {
  id: string;
  version: number;
  published: boolean;
  readOnly: boolean;
  origin: string;
  /** The content hash read or last saved: the If-Match of the next save, and of publishing. */
  contentHash: string;
}

export interface Notice {
  kind: "success" | "info";
  text: string;
}

function messagesOf(error: unknown): PathError[] {
  if (error instanceof ApiError) return error.messages;
  return [{ path: "", message: error instanceof Error ? error.message : String(error) }];
}

/**
 * Loading, editing (with undo), validating, saving and publishing one definition. The designer's work is only
 * ever replaced by a load they asked for: a refused save or publish leaves it as it is.
 */
export function useDefinitionEditor(id: string, requestedVersion: number | undefined) {
  const history = useHistory<Definition | null>(null);
  const [base, setBase] = useState<Base>();
  const [saved, setSaved] = useState<Definition | null>(null);
  const [versions, setVersions] = useState<VersionSummary[]>([]);
  const [loadError, setLoadError] = useState<ApiError>();
  const [errors, setErrors] = useState<PathError[]>([]);
  const [notice, setNotice] = useState<Notice>();
  const [busy, setBusy] = useState(false);
  const baseRef = useRef<Base | undefined>(undefined);
  baseRef.current = base;

  const refreshVersions = useCallback(async () => {
    const list = await definitionsApi.versions(id);
    setVersions(list);
    return list;
  }, [id]);

  useEffect(() => {
    // After a save the address names the saved version; that is what is already here, so nothing is loaded.
    const current = baseRef.current;
    if (current && current.id === id && current.version === requestedVersion) return;
    let live = true;
    (async () => {
      const list = await definitionsApi.versions(id);
      const stored = await definitionsApi.version(id, requestedVersion ?? list[0]?.version);
      if (!live) return;
      setVersions(list);
      setBase({ id, version: stored.version, published: stored.published, readOnly: stored.readOnly, origin: stored.origin, contentHash: stored.contentHash });
      setSaved(stored.definition);
      history.reset(stored.definition);
      setErrors([]);
      setLoadError(undefined);
    })().catch((e: unknown) => live && setLoadError(e instanceof ApiError ? e : new ApiError(0, { title: String(e) })));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, requestedVersion]);

  const definition = history.value;
  const dirty = definition !== null && definition !== saved;
  const latestVersion = Math.max(0, ...versions.map((v) => v.version));

  const validate = useCallback(async () => {
    if (!definition) return;
    setBusy(true);
    setNotice(undefined);
    try {
      await definitionsApi.validate(definition);
      setErrors([]);
      setNotice({ kind: "success", text: "The definition is valid." });
    } catch (e) {
      setErrors(messagesOf(e));
    } finally {
      setBusy(false);
    }
  }, [definition]);

  /** Saves the work as a draft: over the draft it was read from, or as the next version of a published one. */
  const save = useCallback(async (): Promise<Base | undefined> => {
    if (!definition || !base) return undefined;
    setBusy(true);
    setNotice(undefined);
    let body: Definition = base.published ? { ...definition, version: latestVersion + 1 } : definition;
    const attempt = (d: Definition) => definitionsApi.save(d, d.version === base.version && !base.published ? base.contentHash : undefined);
    try {
      let result: VersionSummary;
      try {
        result = await attempt(body);
      } catch (e) {
        // Someone published the version in between: the API says which version to save instead.
        if (e instanceof ApiError && e.problem.code === "definition.published" && typeof e.problem.nextVersion === "number") {
          body = { ...body, version: e.problem.nextVersion };
          result = await definitionsApi.save(body);
        } else throw e;
      }
      if (body !== definition) history.set(body);
      setSaved(body);
      const next = { ...base, version: result.version, published: result.published, contentHash: result.contentHash };
      setBase(next);
      setErrors([]);
      setNotice({ kind: "success", text: `Version ${result.version} is saved as a draft.` });
      await refreshVersions();
      return next;
    } catch (e) {
      if (e instanceof ApiError && e.problem.code === "definition.changed")
        setErrors([{ path: "", message: "Someone else saved this draft after you opened it, so your changes were not saved. Your work is still here: export it, open the latest version and apply your changes there." }]);
      else if (e instanceof ApiError && e.problem.code === "definition.readOnly")
        setErrors([{ path: "", message: "This definition comes from a shipped file and cannot be changed. Save it as a new definition." }]);
      else setErrors(messagesOf(e));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, [base, definition, history, latestVersion, refreshVersions]);

  const publish = useCallback(async (): Promise<Base | undefined> => {
    if (!base || !definition) return undefined;
    const current = dirty ? await save() : base;
    if (!current) return undefined;
    setBusy(true);
    try {
      const result = await definitionsApi.publish(current.id, current.version, current.contentHash);
      const next = { ...current, published: true, contentHash: result.contentHash };
      setBase(next);
      setErrors([]);
      setNotice({ kind: "success", text: `Version ${result.version} is published. New cases start on it.` });
      await refreshVersions();
      return next;
    } catch (e) {
      setErrors(messagesOf(e));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, [base, definition, dirty, save, refreshVersions]);

  return { history, definition, base, versions, latestVersion, dirty, loadError, errors, setErrors, notice, setNotice, busy, validate, save, publish };
}
