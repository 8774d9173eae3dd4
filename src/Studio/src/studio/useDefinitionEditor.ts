import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError } from "../api/problem";
import { definitionsApi } from "./api";
import { useHistory } from "./history";
import { messagesOf, renameInErrors, resolveErrors, type EditorError } from "./errors";
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

/** A save refused because the stored version is not the one the work is based on: reloading it is offered. */
export interface Conflict {
  /** The version to load, replacing the work in the editor. */
  version: number;
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
  const [errors, setErrorList] = useState<EditorError[]>([]);
  // Counts the times errors were reported (not renamed), so the summary takes focus then and only then.
  const [reported, setReported] = useState(0);
  const setErrors = useCallback((list: EditorError[]) => {
    setErrorList(list);
    setReported((n) => n + 1);
  }, []);
  const [conflict, setConflict] = useState<Conflict>();
  const [notice, setNotice] = useState<Notice>();
  const [busy, setBusy] = useState(false);
  const baseRef = useRef<Base | undefined>(undefined);
  baseRef.current = base;

  const refreshVersions = useCallback(async () => {
    const list = await definitionsApi.versions(id);
    setVersions(list);
    return list;
  }, [id]);

  /** Loads a stored version into the editor, replacing the work there; `live` says whether the answer is still wanted. */
  const load = useCallback(
    async (version: number | undefined, live: () => boolean = () => true) => {
      const list = await definitionsApi.versions(id);
      const stored = await definitionsApi.version(id, version ?? list[0]?.version);
      if (!live()) return undefined;
      const loaded: Base = { id, version: stored.version, published: stored.published, readOnly: stored.readOnly, origin: stored.origin, contentHash: stored.contentHash };
      baseRef.current = loaded;
      setVersions(list);
      setBase(loaded);
      setSaved(stored.definition);
      history.reset(stored.definition);
      setErrors([]);
      setConflict(undefined);
      setLoadError(undefined);
      return loaded;
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [id],
  );

  useEffect(() => {
    // After a save the address names the saved version; that is what is already here, so nothing is loaded.
    const current = baseRef.current;
    if (current && current.id === id && current.version === requestedVersion) return;
    let live = true;
    load(requestedVersion, () => live).catch((e: unknown) => live && setLoadError(e instanceof ApiError ? e : new ApiError(0, { title: String(e) })));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, requestedVersion]);

  /**
   * Loads the stored version a refused save conflicted with, replacing the designer's unsaved work: only ever
   * called when they choose it.
   */
  const reload = useCallback(async (): Promise<Base | undefined> => {
    if (!conflict) return undefined;
    setBusy(true);
    try {
      const loaded = await load(conflict.version);
      setNotice({ kind: "info", text: `Version ${conflict.version} is loaded from the server. Your unsaved changes are gone.` });
      return loaded;
    } catch (e) {
      setErrors(messagesOf(e));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, [conflict, load]);

  /** After an activity is renamed its messages stay on it. */
  const renameErrors = useCallback((from: string, to: string) => setErrorList((list) => renameInErrors(list, from, to)), []);

  // Versions are listed again after a save or publish; that list failing does not undo what succeeded.
  const refreshQuietly = useCallback(() => refreshVersions().catch(() => undefined), [refreshVersions]);

  const definition = history.value;
  const dirty = definition !== null && definition !== saved;
  const latestVersion = Math.max(0, ...versions.map((v) => v.version));

  const validate = useCallback(async () => {
    if (!definition) return;
    setBusy(true);
    setNotice(undefined);
    setConflict(undefined);
    try {
      await definitionsApi.validate(definition);
      setErrors([]);
      setNotice({ kind: "success", text: "The definition is valid." });
    } catch (e) {
      setErrors(resolveErrors(definition, messagesOf(e)));
    } finally {
      setBusy(false);
    }
  }, [definition]);

  /** Saves the work as a draft: over the draft it was read from, or as the next version of a published one. */
  const save = useCallback(async (): Promise<Base | undefined> => {
    if (!definition || !base) return undefined;
    setBusy(true);
    setNotice(undefined);
    setConflict(undefined);
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
      await refreshQuietly();
      return next;
    } catch (e) {
      if (e instanceof ApiError && e.problem.code === "definition.changed") {
        setErrors([{ path: "", message: `Someone else saved version ${body.version} after you opened it, so your changes were not saved. Your work is still here: export it to keep a copy, or reload the saved version from the server.` }]);
        setConflict({ version: body.version });
      } else if (e instanceof ApiError && (e.status === 428 || e.problem.code === "definition.ifMatchRequired")) {
        setErrors([{ path: "", message: `A draft of version ${body.version} with other content was saved after you opened this one, so your changes were not saved. Your work is still here: export it to keep a copy, or reload that draft from the server.` }]);
        setConflict({ version: body.version });
      } else if (e instanceof ApiError && e.problem.code === "definition.readOnly")
        setErrors([{ path: "", message: "This definition comes from a shipped file and cannot be changed. Save it as a new definition." }]);
      else setErrors(resolveErrors(body, messagesOf(e)));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, [base, definition, history, latestVersion, refreshQuietly]);

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
      await refreshQuietly();
      return next;
    } catch (e) {
      if (e instanceof ApiError && e.problem.code === "definition.changed") {
        setErrors([{ path: "", message: `Version ${current.version} was changed on the server after you opened it, so it was not published. Reload it from the server to review what is there now.` }]);
        setConflict({ version: current.version });
      } else setErrors(resolveErrors(definition, messagesOf(e)));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, [base, definition, dirty, save, refreshQuietly]);

  return { history, definition, base, versions, latestVersion, dirty, loadError, errors, reported, setErrors, renameErrors, conflict, reload, notice, setNotice, busy, validate, save, publish };
}
