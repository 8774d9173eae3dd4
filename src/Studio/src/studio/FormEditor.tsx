import { useRef } from "react";
import type { FormField } from "../api/types";
import { CheckboxField, ListField, SelectField, TextField } from "./fields";

const fieldTypes = ["text", "date", "number", "yesNo", "choice", "document"].map((t) => ({ value: t, label: t }));

/** A UserTask's form (docs/definitions.md#usertask): the questions the person answers, one field each. */
export function FormEditor({ id, value, outcomes, onChange, disabled, errorFor }: { id: string; value: FormField[]; outcomes: string[]; onChange(value: FormField[] | undefined): void; disabled?: boolean; errorFor(path: string): string | undefined }) {
  const update = (index: number, change: Partial<FormField>) => {
    const next = value.map((f, i) => {
      if (i !== index) return f;
      const merged: FormField = { ...f, ...change };
      // Only a choice has options (task.field.options); leaving them on another type is an error.
      if (merged.type !== "choice") delete merged.options;
      for (const key of Object.keys(merged)) if (merged[key] === undefined || merged[key] === "") delete merged[key];
      return merged;
    });
    onChange(next);
  };
  // A Remove button goes with its field: focus moves to the form's legend rather than being lost.
  const legend = useRef<HTMLLegendElement>(null);
  return (
    <fieldset className="govuk-fieldset rtm-form-editor">
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--s" ref={legend} tabIndex={-1}>
        Form
      </legend>
      {value.length === 0 && <p className="govuk-body-s">The task has no form.</p>}
      {value.map((field, index) => {
        const fid = `${id}-${index}`;
        return (
          <fieldset key={index} className="govuk-fieldset rtm-form-editor__field">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--xs">Field {index + 1}</legend>
            <TextField id={`${fid}-name`} label="Field name" hint="A letter, then letters and digits." value={field.name ?? ""} disabled={disabled} error={errorFor(`[${index}].name`)} onChange={(v) => update(index, { name: v })} />
            <TextField id={`${fid}-label`} label="Question" value={field.label ?? ""} disabled={disabled} error={errorFor(`[${index}].label`)} onChange={(v) => update(index, { label: v })} />
            <SelectField id={`${fid}-type`} label="Answer type" value={field.type ?? "text"} options={fieldTypes} disabled={disabled} onChange={(v) => update(index, { type: v })} />
            <CheckboxField id={`${fid}-required`} label="Always required" checked={field.required === true} disabled={disabled} onChange={(v) => update(index, { required: v || undefined })} />
            <SelectField
              id={`${fid}-requiredFor`}
              label="Required for the outcome"
              value={field.requiredFor ?? ""}
              options={[{ value: "", label: "No outcome" }, ...outcomes.map((o) => ({ value: o, label: o }))]}
              disabled={disabled}
              onChange={(v) => update(index, { requiredFor: v || undefined })}
            />
            <TextField id={`${fid}-hint`} label="Hint" value={field.hint ?? ""} disabled={disabled} onChange={(v) => update(index, { hint: v || undefined })} />
            {field.type === "choice" && (
              <ListField id={`${fid}-options`} label="Options" value={field.options ?? []} disabled={disabled} error={errorFor(`[${index}].options`)} onChange={(v) => update(index, { options: v })} />
            )}
            {!disabled && (
              <button type="button" className="govuk-button govuk-button--warning govuk-!-margin-bottom-2" onClick={() => {
                  onChange(value.length === 1 ? undefined : value.filter((_, i) => i !== index));
                  legend.current?.focus();
                }}>
                Remove field {index + 1}
              </button>
            )}
          </fieldset>
        );
      })}
      {!disabled && (
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => onChange([...value, { name: `field${value.length + 1}`, label: "", type: "text" }])}>
          Add a form field
        </button>
      )}
    </fieldset>
  );
}
