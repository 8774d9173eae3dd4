import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router-dom";
import { Loading } from "../../components/Loading";
import { NotificationBanner } from "../../components/NotificationBanner";
import { useApi } from "../../components/useApi";
import { usePageTitle } from "../../components/usePageTitle";
import { definitionsApi } from "../../studio/api";
import { Canvas } from "../../studio/Canvas";
import { Palette } from "../../studio/Palette";
import { PropertyPanel } from "../../studio/PropertyPanel";
import { DefinitionPanel } from "../../studio/DefinitionPanel";
import { ErrorList } from "../../studio/ErrorList";
import { SaveAsNew } from "../../studio/SaveAsNew";
import { errorsByActivity } from "../../studio/errors";
import { layout } from "../../studio/layout";
import { addActivity, freePosition, removeActivities } from "../../studio/edits";
import { downloadJson, readDefinitionFile } from "../../studio/files";
import { useDefinitionEditor } from "../../studio/useDefinitionEditor";
import { useUnsavedWarning } from "../../studio/useUnsavedWarning";
import type { Definition } from "../../studio/types";

/** Typing in a field keeps the browser's own undo there; the editor's undo is for the rest of the page. */
function inTextField(target: EventTarget | null) {
  return target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
}

export function EditorPage() {
  const { id = "" } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const requested = params.get("version") ? Number(params.get("version")) : undefined;
  const editor = useDefinitionEditor(id, requested);
  const { definition, base, history, errors } = editor;
  const descriptorList = useApi(definitionsApi.descriptors, []);
  const descriptors = useMemo(() => new Map((descriptorList.data ?? []).map((d) => [d.typeName, d])), [descriptorList.data]);
  const [selectedId, setSelectedId] = useState<string>();
  const [savingAs, setSavingAs] = useState(false);
  // Where focus goes after the next render: an error followed goes to its field (or the activity's heading); a
  // deleted activity's panel gives way to the definition's, whose heading takes focus.
  const [pendingFocus, setPendingFocus] = useState<{ target: "error" | "definition" }>();
  const side = useRef<HTMLElement>(null);
  const readOnly = base?.readOnly ?? true;
  usePageTitle(definition ? `${definition.name} – Studio` : "Studio", errors.length > 0);
  useUnsavedWarning(editor.dirty);

  const change = useCallback((next: Definition) => !readOnly && history.set(next), [history, readOnly]);
  // Typing in the panels changes the definition at each keystroke; those merge into one undo step per field.
  const type = useCallback(
    (next: Definition) => {
      const field = document.activeElement;
      const typing = (field instanceof HTMLInputElement && field.type !== "checkbox") || field instanceof HTMLTextAreaElement;
      if (!readOnly) history.set(next, typing ? field.id : undefined);
    },
    [history, readOnly],
  );

  useEffect(() => {
    const keydown = (event: KeyboardEvent) => {
      if (readOnly || !(event.ctrlKey || event.metaKey) || inTextField(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === "z" && !event.shiftKey) history.undo();
      else if ((key === "z" && event.shiftKey) || key === "y") history.redo();
      else return;
      // Handled here, before React Flow's own key tracking sees it: a Ctrl+Z it half-sees leaves it thinking a key
      // is still down, and its Delete key stops working.
      event.preventDefault();
      event.stopPropagation();
    };
    window.addEventListener("keydown", keydown, { capture: true });
    return () => window.removeEventListener("keydown", keydown, { capture: true });
  }, [history, readOnly]);

  const nodeErrors = useMemo(() => errorsByActivity(errors), [errors]);

  useEffect(() => {
    if (!pendingFocus) return;
    setPendingFocus(undefined);
    if (pendingFocus.target === "definition") {
      document.getElementById("definition-panel-title")?.focus();
      return;
    }
    const field = side.current?.querySelector(".govuk-form-group--error")?.querySelector<HTMLElement>("input:enabled, select:enabled, textarea:enabled");
    (field ?? document.getElementById("activity-panel-title"))?.focus();
  }, [pendingFocus]);

  if (editor.loadError) return <Loading error={editor.loadError} />;
  if (!definition || !base || descriptorList.loading) return <Loading error={descriptorList.error} />;

  const selected = definition.activities.find((a) => a.id === selectedId);
  const select = (activityId: string | undefined) => setSelectedId(activityId);

  const reload = async () => {
    const loaded = await editor.reload();
    if (loaded && loaded.version !== requested) navigate(`/studio/definitions/${encodeURIComponent(loaded.id)}?version=${loaded.version}`, { replace: true });
  };

  const add = (type: string) => {
    const { definition: next, id: added } = addActivity(definition, type, descriptors.get(type), freePosition(layout(definition)));
    change(next);
    setSelectedId(added);
  };

  const saveDraft = async () => {
    const saved = await editor.save();
    if (saved) navigate(`/studio/definitions/${encodeURIComponent(saved.id)}?version=${saved.version}`, { replace: true });
  };

  const publish = async () => {
    const published = await editor.publish();
    if (published && published.version !== requested) navigate(`/studio/definitions/${encodeURIComponent(id)}?version=${published.version}`, { replace: true });
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      const imported = await readDefinitionFile(file);
      // The editor saves to the definition it opened: the file's content comes in under this id and version.
      change({ ...imported, id: definition.id, version: definition.version });
      editor.setErrors([]);
      editor.setNotice({ kind: "info", text: `${file.name} is loaded into the editor (as ${definition.id}, version ${definition.version}). Validate and save it to keep it.` });
    } catch (e) {
      editor.setErrors([{ path: "", message: e instanceof Error ? e.message : String(e) }]);
    }
  };

  const status = base.published ? "Published" : "Draft";
  return (
    <div className="rtm-editor">
      <div className="rtm-editor__header">
        <div>
          <span className="govuk-caption-m">
            <Link className="govuk-link" to="/studio">
              Studio
            </Link>{" "}
            / {definition.id}
          </span>
          <h1 className="govuk-heading-l govuk-!-margin-bottom-2">{definition.name}</h1>
          <p className="govuk-body-s govuk-!-margin-bottom-2">
            Version {base.version}{" "}
            <strong className={`govuk-tag ${base.published ? "govuk-tag--green" : "govuk-tag--yellow"}`} data-testid="version-status">
              {status}
            </strong>{" "}
            {base.origin === "file" ? "Shipped file" : "Database"}
            {editor.dirty && (
              <>
                {" "}
                <strong className="govuk-tag govuk-tag--orange">Unsaved changes</strong>
              </>
            )}
            {base.published && !readOnly && <span> Saving makes version {editor.latestVersion + 1}, a draft.</span>}
          </p>
        </div>
      </div>

      {readOnly && (
        <NotificationBanner title="Read only" heading="This definition is shipped as a file with RightToManage, so it cannot be changed here.">
          <p className="govuk-body">Save it as a new definition to make your own version of it; the shipped one stays as it is.</p>
          {!savingAs && (
            <button type="button" className="govuk-button govuk-!-margin-bottom-0" onClick={() => setSavingAs(true)}>
              Save as a new definition
            </button>
          )}
        </NotificationBanner>
      )}
      {savingAs && (
        <SaveAsNew
          definition={definition}
          onCancel={() => setSavingAs(false)}
          onSaved={(newId) => {
            setSavingAs(false);
            navigate(`/studio/definitions/${encodeURIComponent(newId)}?version=1`);
          }}
        />
      )}

      {editor.notice && <NotificationBanner success={editor.notice.kind === "success"} heading={editor.notice.text} />}
      <ErrorList
        errors={errors}
        reported={editor.reported}
        definition={definition}
        onFollow={(error) => {
          select(error.activity);
          setPendingFocus({ target: "error" });
        }}
        action={
          editor.conflict && (
            <>
              <p className="govuk-body">
                Reloading replaces the work in the editor with version {editor.conflict.version} as it is saved now: your unsaved changes are lost. To keep them, use Export JSON first.
              </p>
              <button type="button" className="govuk-button govuk-button--warning govuk-!-margin-bottom-0" onClick={() => void reload()} disabled={editor.busy}>
                Reload from the server
              </button>
            </>
          )
        }
      />

      <div className="rtm-toolbar" role="toolbar" aria-label="Definition actions">
        {!readOnly && (
          <>
            <button type="button" className="govuk-button govuk-button--secondary" onClick={history.undo} disabled={!history.canUndo} aria-keyshortcuts="Control+Z">
              Undo
            </button>
            <button type="button" className="govuk-button govuk-button--secondary" onClick={history.redo} disabled={!history.canRedo} aria-keyshortcuts="Control+Shift+Z Control+Y">
              Redo
            </button>
          </>
        )}
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => void editor.validate()} disabled={editor.busy}>
          Validate
        </button>
        {!readOnly && (
          <>
            <button type="button" className="govuk-button" onClick={() => void saveDraft()} disabled={editor.busy}>
              Save draft
            </button>
            <button type="button" className="govuk-button" onClick={() => void publish()} disabled={editor.busy || (base.published && !editor.dirty)}>
              Publish
            </button>
          </>
        )}
        {!readOnly && !savingAs && (
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setSavingAs(true)}>
            Save as a new definition
          </button>
        )}
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => downloadJson(definition)}>
          Export JSON
        </button>
        <Link className="govuk-button govuk-button--secondary" to={`/studio/definitions/${encodeURIComponent(id)}/versions`}>
          Version history
        </Link>
        {!readOnly && (
          <div className="rtm-import">
            <label className="govuk-label govuk-label--s" htmlFor="import-json">
              Import JSON
            </label>
            <input
              className="govuk-file-upload"
              id="import-json"
              type="file"
              accept="application/json,.json"
              onChange={(e) => {
                void importFile(e.target.files?.[0]);
                e.target.value = "";
              }}
            />
          </div>
        )}
      </div>

      <div className={`rtm-editor__body${readOnly ? " rtm-editor__body--read-only" : ""}`}>
        {!readOnly && <Palette descriptors={descriptorList.data ?? []} onAdd={add} />}
        <Canvas
          label={`Flowchart of ${definition.name}`}
          definition={definition}
          descriptors={descriptors}
          errors={nodeErrors}
          readOnly={readOnly}
          selectedId={selectedId}
          onSelect={select}
          onChange={change}
        />
        {/* Focusable so the panel can be scrolled by keyboard even when it holds no control (read only). */}
        <aside className="rtm-editor__side" aria-label="Properties" tabIndex={0} ref={side}>
          {selected ? (
            <>
              <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-2" onClick={() => select(undefined)}>
                Show definition properties
              </button>
              <PropertyPanel
                key={definition.activities.indexOf(selected)}
                definition={definition}
                activity={selected}
                descriptor={descriptors.get(selected.type)}
                descriptors={descriptors}
                errors={errors}
                readOnly={readOnly}
                onChange={type}
                onRenamed={(from, to) => {
                  editor.renameErrors(from, to);
                  select(to);
                }}
                onDelete={() => {
                  change(removeActivities(definition, [selected.id]));
                  select(undefined);
                  setPendingFocus({ target: "definition" });
                }}
              />
            </>
          ) : (
            <DefinitionPanel definition={definition} errors={errors} readOnly={readOnly} onChange={type} />
          )}
          <p className="govuk-body-s govuk-!-margin-top-4">Select an activity on the flowchart to edit it. Drag from a port to an activity to connect them; Delete removes what is selected.</p>
        </aside>
      </div>
    </div>
  );
}
