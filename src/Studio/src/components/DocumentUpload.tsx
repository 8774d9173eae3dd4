import { useRef, useState, type FormEvent } from "react";
import { uploadDocument, type CaseDocument } from "../api/cases";
import { messageOf } from "../api/client";
import { ApiError } from "../api/problem";

function uploadProblem(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 413) return "The file is too big.";
    if (error.status === 415) {
      const accepted = error.problem.accepted;
      return `This type of file is not accepted${Array.isArray(accepted) ? `. Upload one of: ${accepted.join(", ")}` : ""}.`;
    }
    return error.messages.map((m) => m.message).join(" ");
  }
  return messageOf(error);
}

/** The GOV.UK file upload: adds a document to the case (for a task's document questions), then tells its owner. */
export function DocumentUpload({ caseId, taskId, onUploaded }: { caseId: string; taskId?: string; onUploaded: (document: CaseDocument) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) {
      setError("Select a file to upload");
      return;
    }
    setBusy(true);
    try {
      const document = await uploadDocument(caseId, file, taskId);
      setError(undefined);
      if (input.current) input.current.value = "";
      onUploaded(document);
    } catch (reason) {
      setError(uploadProblem(reason));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
        <label className="govuk-label govuk-label--s" htmlFor="document-file">
          Add a document to the case
        </label>
        <div id="document-file-hint" className="govuk-hint">
          For example a PDF, a Word document or a photo. It can then be chosen in the questions below.
        </div>
        {error && (
          <p id="document-file-error" className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {error}
          </p>
        )}
        <input
          ref={input}
          className={`govuk-file-upload${error ? " govuk-file-upload--error" : ""}`}
          id="document-file"
          name="file"
          type="file"
          aria-describedby={`document-file-hint${error ? " document-file-error" : ""}`}
        />
      </div>
      <button type="submit" className="govuk-button govuk-button--secondary" disabled={busy}>
        Upload document
      </button>
    </form>
  );
}
