import { useMemo, useState, type FormEvent } from "react";
import { ApiError } from "../api/problem";
import { ErrorSummary } from "../components/ErrorSummary";
import { definitionsApi } from "./api";
import { messagesOf, pathNote, type PathError } from "./errors";
import { TextField } from "./fields";
import type { Definition } from "./types";

/** Saves a copy under a new id, as draft version 1: how a shipped (read-only) definition is changed. */
export function SaveAsNew({ definition, onSaved, onCancel }: { definition: Definition; onSaved(id: string): void; onCancel(): void }) {
  const [id, setId] = useState(`${definition.id}-local`);
  const [name, setName] = useState(`${definition.name} (local)`);
  const [errors, setErrors] = useState<PathError[]>([]);
  const [busy, setBusy] = useState(false);
  const errorFor = (path: string) => errors.filter((e) => e.path === path).map((e) => e.message).join(" ") || undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      await definitionsApi.save({ ...definition, id: id.trim(), name: name.trim(), version: 1 });
      onSaved(id.trim());
    } catch (e) {
      // 409: the id has a published version 1; 428: it has a draft version 1 with other content.
      if (e instanceof ApiError && (e.status === 409 || e.status === 428)) setErrors([{ path: "$.id", message: `There is already a definition with the id ${id.trim()}. Choose another id.` }]);
      else setErrors(messagesOf(e));
    } finally {
      setBusy(false);
    }
  }

  // Memoised: the summary takes focus whenever its list changes, which must not be at every keystroke.
  const summary = useMemo(
    () => errors.map((e) => (e.path === "$.id" ? { field: "new-id", message: e.message } : e.path === "$.name" ? { field: "new-name", message: e.message } : { field: "", message: e.message + pathNote(e.path) })),
    [errors],
  );
  return (
    <form className="rtm-save-as" onSubmit={submit} noValidate aria-labelledby="save-as-title">
      <h2 className="govuk-heading-s" id="save-as-title">
        Save as a new definition
      </h2>
      <ErrorSummary errors={summary} title="The copy could not be saved" />
      <TextField id="new-id" label="New definition id" hint="Lower-case letters, digits and hyphens, e.g. right-to-manage-ealing." value={id} error={errorFor("$.id")} onChange={setId} />
      <TextField id="new-name" label="New definition name" value={name} error={errorFor("$.name")} onChange={setName} />
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button" disabled={busy}>
          Save the copy
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
