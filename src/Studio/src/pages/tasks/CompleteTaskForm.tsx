import { useState, type FormEvent } from "react";
import type { CaseDocument } from "../../api/cases";
import { ApiError } from "../../api/problem";
import { tasksApi, type TaskActionResult } from "../../api/tasks";
import type { FormField } from "../../api/types";
import { humanise } from "../../components/words";
import { FormFieldInput } from "./FormFieldInput";
import { appliesTo, check, emptyState, fromProblem, summaryOf, type DateParts, type FormErrors, type FormState } from "./taskForm";

interface Props {
  taskId: string;
  form: FormField[];
  outcomes: string[];
  documents: CaseDocument[];
  onCompleted: (result: TaskActionResult, outcome: string) => void;
  /** Errors are reported through the page's one error summary, at its top. */
  onErrors: (summary: ReturnType<typeof summaryOf>) => void;
  /** The task changed under the user (someone else took or completed it): the page reloads it. */
  onStale: () => void;
}

const noDate: DateParts = { day: "", month: "", year: "" };

/**
 * The task's questions and its outcome, checked in the browser first and then by the API, whose refusals land on
 * the same fields. Questions that belong to one outcome (reasons for refusing) are revealed under that outcome.
 */
export function CompleteTaskForm({ taskId, form, outcomes, documents, onCompleted, onErrors, onStale }: Props) {
  // A task with one way to finish (e.g. "recorded") asks no question about it: the outcome is that one.
  const single = outcomes.length === 1 ? outcomes[0] : undefined;
  const [state, setState] = useState<FormState>(() => ({ ...emptyState(), outcome: single ?? "" }));
  const [errors, setErrors] = useState<FormErrors>(new Map());
  const [busy, setBusy] = useState(false);

  const report = (found: FormErrors) => {
    setErrors(found);
    onErrors(summaryOf(found, form));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const { errors: found, data } = check(form, state);
    report(found);
    if (found.size > 0) return;
    setBusy(true);
    try {
      onCompleted(await tasksApi.complete(taskId, state.outcome, data), state.outcome);
    } catch (error) {
      if (error instanceof ApiError && error.status === 422) report(fromProblem(error.problem, error.message));
      else if (error instanceof ApiError && error.status === 409) {
        report(new Map([["page", `The task cannot be completed now. ${error.message}`]]));
        onStale();
      }
      else report(new Map([["page", error instanceof Error ? error.message : String(error)]]));
    } finally {
      setBusy(false);
    }
  }

  const input = (field: FormField) => (
    <FormFieldInput
      key={field.name}
      field={field}
      value={state.values[field.name] ?? ""}
      date={state.dates[field.name] ?? noDate}
      error={errors.get(`data.${field.name}`)}
      documents={documents}
      required={field.required === true || (!!field.requiredFor && field.requiredFor === state.outcome)}
      onChange={(value) => setState((s) => ({ ...s, values: { ...s.values, [field.name]: value } }))}
      onDateChange={(date) => setState((s) => ({ ...s, dates: { ...s.dates, [field.name]: date } }))}
    />
  );

  const outcomeError = errors.get("outcome");
  return (
    <form onSubmit={submit} noValidate>
      {form.filter((f) => !f.requiredFor).map(input)}
      {single !== undefined ? form.filter((f) => f.requiredFor === single).map(input) : (
      <div className={`govuk-form-group${outcomeError ? " govuk-form-group--error" : ""}`}>
        <fieldset className="govuk-fieldset" aria-describedby={outcomeError ? "outcome-error" : undefined}>
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
            <h3 className="govuk-fieldset__heading">Outcome</h3>
          </legend>
          {outcomeError && (
            <p id="outcome-error" className="govuk-error-message">
              <span className="govuk-visually-hidden">Error:</span> {outcomeError}
            </p>
          )}
          <div className="govuk-radios">
            {outcomes.map((outcome, i) => {
              const id = i === 0 ? "outcome" : `outcome-${i + 1}`;
              const own = form.filter((f) => f.requiredFor === outcome);
              const selected = state.outcome === outcome;
              return (
                <div key={outcome}>
                  <div className="govuk-radios__item">
                    <input
                      className="govuk-radios__input"
                      id={id}
                      name="outcome"
                      type="radio"
                      value={outcome}
                      checked={selected}
                      aria-controls={own.length > 0 ? `${id}-conditional` : undefined}
                      onChange={() => setState((s) => ({ ...s, outcome }))}
                    />
                    <label className="govuk-label govuk-radios__label" htmlFor={id}>
                      {humanise(outcome)}
                    </label>
                  </div>
                  {own.length > 0 && (
                    <div className={`govuk-radios__conditional${selected ? "" : " govuk-radios__conditional--hidden"}`} id={`${id}-conditional`}>
                      {selected && own.filter((f) => appliesTo(f, state.outcome)).map(input)}
                    </div>
                  )}
                </div>
              );
            })}
          </div>
        </fieldset>
      </div>
      )}
      <button type="submit" className="govuk-button" disabled={busy}>
        Complete task
      </button>
    </form>
  );
}
