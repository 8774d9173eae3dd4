import type { CaseDocument } from "../../api/cases";
import type { FormField } from "../../api/types";
import { humanise } from "../../components/words";
import type { DateParts } from "./taskForm";

interface Props {
  field: FormField;
  value: string;
  date: DateParts;
  error?: string;
  documents: CaseDocument[];
  /** Whether an answer is needed for the outcome chosen: shown in the label, since "(optional)" is the GOV.UK way. */
  required: boolean;
  onChange: (value: string) => void;
  onDateChange: (date: DateParts) => void;
}

function ErrorMessage({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="govuk-error-message">
      <span className="govuk-visually-hidden">Error:</span> {message}
    </p>
  );
}

const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(" ") || undefined;

/** One question of a task's form, as the GOV.UK component for its type: text, date, number, yes/no, choice, document. */
export function FormFieldInput({ field, value, date, error, documents, required, onChange, onDateChange }: Props) {
  const id = `field-${field.name}`;
  const hintId = field.hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const label = `${field.label}${required ? "" : " (optional)"}`;
  const group = `govuk-form-group${error ? " govuk-form-group--error" : ""}`;
  const hint = field.hint && (
    <div id={hintId} className="govuk-hint">
      {field.hint}
    </div>
  );

  if (field.type === "date") {
    const parts: (keyof DateParts)[] = ["day", "month", "year"];
    return (
      <div className={group}>
        <fieldset className="govuk-fieldset" role="group" aria-describedby={describedBy(`${id}-hint`, errorId)}>
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{label}</legend>
          {field.hint ? hint : <div id={`${id}-hint`} className="govuk-hint">For example, 27 3 2027</div>}
          <ErrorMessage id={`${id}-error`} message={error} />
          <div className="govuk-date-input" id={id}>
            {parts.map((part) => (
              <div key={part} className="govuk-date-input__item">
                <div className="govuk-form-group">
                  <label className="govuk-label govuk-date-input__label" htmlFor={`${id}-${part}`}>
                    {humanise(part)}
                  </label>
                  <input
                    className={`govuk-input govuk-date-input__input govuk-input--width-${part === "year" ? 4 : 2}${error ? " govuk-input--error" : ""}`}
                    id={`${id}-${part}`}
                    name={`${field.name}-${part}`}
                    type="text"
                    inputMode="numeric"
                    value={date[part]}
                    onChange={(e) => onDateChange({ ...date, [part]: e.target.value })}
                  />
                </div>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
    );
  }

  if (field.type === "yesNo" || field.type === "choice") {
    const options = field.type === "yesNo" ? [["yes", "Yes"], ["no", "No"]] : (field.options ?? []).map((o) => [o, humanise(o)]);
    return (
      <div className={group}>
        <fieldset className="govuk-fieldset" aria-describedby={describedBy(hintId, errorId)}>
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{label}</legend>
          {hint}
          <ErrorMessage id={`${id}-error`} message={error} />
          <div className={`govuk-radios${field.type === "yesNo" ? " govuk-radios--inline" : ""}`}>
            {options.map(([option, text], i) => (
              <div key={option} className="govuk-radios__item">
                <input
                  className="govuk-radios__input"
                  id={i === 0 ? id : `${id}-${i + 1}`}
                  name={field.name}
                  type="radio"
                  value={option}
                  checked={value === option}
                  onChange={() => onChange(option)}
                />
                <label className="govuk-label govuk-radios__label" htmlFor={i === 0 ? id : `${id}-${i + 1}`}>
                  {text}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
    );
  }

  if (field.type === "document") {
    return (
      <div className={group}>
        <label className="govuk-label govuk-label--s" htmlFor={id}>
          {label}
        </label>
        {field.hint ? hint : documents.length === 0 && <div id={`${id}-hint`} className="govuk-hint">No documents have been added to this case yet.</div>}
        <ErrorMessage id={`${id}-error`} message={error} />
        <select
          className={`govuk-select${error ? " govuk-select--error" : ""}`}
          id={id}
          name={field.name}
          value={value}
          aria-describedby={describedBy(field.hint ? hintId : documents.length === 0 && `${id}-hint`, errorId)}
          onChange={(e) => onChange(e.target.value)}
        >
          <option value="">Choose a document</option>
          {documents.map((d) => (
            <option key={d.id} value={d.id}>
              {d.fileName}
            </option>
          ))}
        </select>
      </div>
    );
  }

  // Text: a short limit reads as one line, anything longer as a text area.
  const long = field.type !== "number" && (field.maxLength === undefined || field.maxLength > 200);
  const common = {
    id,
    name: field.name,
    value,
    "aria-describedby": describedBy(hintId, errorId),
    onChange: (e: { target: { value: string } }) => onChange(e.target.value),
  };
  return (
    <div className={group}>
      <label className="govuk-label govuk-label--s" htmlFor={id}>
        {label}
      </label>
      {hint}
      <ErrorMessage id={`${id}-error`} message={error} />
      {long ? (
        <textarea className={`govuk-textarea${error ? " govuk-textarea--error" : ""}`} rows={5} {...common} />
      ) : (
        <input
          className={`govuk-input${field.type === "number" ? " govuk-input--width-10" : ""}${error ? " govuk-input--error" : ""}`}
          type="text"
          inputMode={field.type === "number" ? "decimal" : undefined}
          spellCheck={field.type === "number" ? false : undefined}
          {...common}
        />
      )}
    </div>
  );
}
