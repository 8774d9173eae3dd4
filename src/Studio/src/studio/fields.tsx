import { useState, type ReactNode } from "react";

// GOV.UK form fields, small: the property panels are dense, and every input has its own <label>.

interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  disabled?: boolean;
}

function Group({ id, label, hint, error, children }: FieldProps & { children: ReactNode }) {
  return (
    <div className={`govuk-form-group rtm-field${error ? " govuk-form-group--error" : ""}`}>
      <label className="govuk-label govuk-label--s" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div id={`${id}-hint`} className="govuk-hint">
          {hint}
        </div>
      )}
      {error && (
        <p id={`${id}-error`} className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      )}
      {children}
    </div>
  );
}

const describedBy = ({ id, hint, error }: FieldProps) => [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;

export function TextField(props: FieldProps & { value: string; onChange(value: string): void; multiline?: boolean; type?: string }) {
  const { id, value, onChange, multiline, error, disabled, type = "text" } = props;
  return (
    <Group {...props}>
      {multiline ? (
        <textarea
          className={`govuk-textarea${error ? " govuk-textarea--error" : ""}`}
          id={id}
          rows={3}
          value={value}
          disabled={disabled}
          aria-describedby={describedBy(props)}
          onChange={(e) => onChange(e.target.value)}
        />
      ) : (
        <input
          className={`govuk-input${error ? " govuk-input--error" : ""}`}
          id={id}
          type={type}
          value={value}
          disabled={disabled}
          aria-describedby={describedBy(props)}
          spellCheck={false}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Group>
  );
}

/** A number typed in; an empty box or one that is not a number is "not given" (undefined). */
export function NumberField(props: FieldProps & { value: number | undefined; onChange(value: number | undefined): void; integer?: boolean }) {
  const { id, value, onChange, error, disabled, integer } = props;
  return (
    <Group {...props}>
      <input
        className={`govuk-input govuk-input--width-5${error ? " govuk-input--error" : ""}`}
        id={id}
        type="number"
        step={integer ? 1 : "any"}
        inputMode={integer ? "numeric" : "decimal"}
        value={value ?? ""}
        disabled={disabled}
        aria-describedby={describedBy(props)}
        onChange={(e) => {
          const n = e.target.valueAsNumber;
          onChange(Number.isNaN(n) ? undefined : n);
        }}
      />
    </Group>
  );
}

export function SelectField(props: FieldProps & { value: string; options: { value: string; label: string }[]; onChange(value: string): void }) {
  const { id, value, options, onChange, error, disabled } = props;
  return (
    <Group {...props}>
      <select
        className={`govuk-select${error ? " govuk-select--error" : ""}`}
        id={id}
        value={value}
        disabled={disabled}
        aria-describedby={describedBy(props)}
        onChange={(e) => onChange(e.target.value)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Group>
  );
}

export function CheckboxField({ id, label, checked, onChange, disabled, hint }: { id: string; label: string; checked: boolean; onChange(value: boolean): void; disabled?: boolean; hint?: string }) {
  return (
    <div className="govuk-form-group rtm-field">
      <div className="govuk-checkboxes govuk-checkboxes--small">
        <div className="govuk-checkboxes__item">
          <input
            className="govuk-checkboxes__input"
            id={id}
            type="checkbox"
            checked={checked}
            disabled={disabled}
            aria-describedby={hint ? `${id}-hint` : undefined}
            onChange={(e) => onChange(e.target.checked)}
          />
          <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
            {label}
          </label>
          {hint && (
            <div id={`${id}-hint`} className="govuk-hint govuk-checkboxes__hint">
              {hint}
            </div>
          )}
        </div>
      </div>
    </div>
  );
}

/**
 * A text box whose text is parsed into a value: the text is kept while it is typed (a half-typed line, JSON not
 * yet closed), and taken from the value again only when the value changes from outside (undo, another panel).
 */
function ParsedField<T>(
  props: FieldProps & { value: T; format(value: T): string; parse(text: string): { value: T } | { error: string }; onChange(value: T): void },
) {
  const { value, format, parse, onChange, error, ...rest } = props;
  const [text, setText] = useState(() => format(value));
  const [problem, setProblem] = useState<string>();
  const [last, setLast] = useState(value);
  if (value !== last) {
    setLast(value);
    setText(format(value));
    setProblem(undefined);
  }
  return (
    <TextField
      {...rest}
      error={problem ?? error}
      multiline
      value={text}
      onChange={(next) => {
        setText(next);
        const parsed = parse(next);
        if ("error" in parsed) return setProblem(parsed.error);
        setProblem(undefined);
        setLast(parsed.value);
        onChange(parsed.value);
      }}
    />
  );
}

/** A list of strings edited one a line: the shape of textList inputs, outcomes, roles and options. */
export function ListField(props: FieldProps & { value: string[]; onChange(value: string[]): void }) {
  return (
    <ParsedField<string[]>
      {...props}
      hint={[props.hint, "One a line."].filter(Boolean).join(" ")}
      format={(list) => list.join("\n")}
      parse={(text) => ({ value: text.split("\n").map((s) => s.trim()).filter((s) => s !== "") })}
    />
  );
}

/** Any JSON value, for inputs the panel has no better editor for. */
export function JsonField(props: FieldProps & { value: unknown; onChange(value: unknown): void }) {
  return (
    <ParsedField<unknown>
      {...props}
      hint={[props.hint, "JSON."].filter(Boolean).join(" ")}
      format={(v) => (v === undefined ? "" : JSON.stringify(v, null, 2))}
      parse={(text) => {
        if (text.trim() === "") return { value: undefined };
        try {
          return { value: JSON.parse(text) as unknown };
        } catch {
          return { error: "This is not valid JSON" };
        }
      }}
    />
  );
}
