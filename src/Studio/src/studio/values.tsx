import type { Definition, InputDescriptor, Period, PeriodUnit } from "./types";
import { CheckboxField, JsonField, ListField, NumberField, SelectField, TextField } from "./fields";

export const periodUnits: { value: PeriodUnit; label: string }[] = [
  { value: "calendarDays", label: "Calendar days" },
  { value: "workingDays", label: "Working days" },
  { value: "calendarMonths", label: "Calendar months" },
];

export function isPeriod(value: unknown): value is Period {
  return typeof value === "object" && value !== null && "value" in value && "unit" in value;
}

/** The statutory period editor: a whole number of calendar days, working days or calendar months. */
export function PeriodEditor({ id, legend, value, onChange, disabled, error }: { id: string; legend: string; value: Period | undefined; onChange(value: Period | undefined): void; disabled?: boolean; error?: string }) {
  const period = value ?? { value: 28, unit: "calendarDays" as PeriodUnit };
  return (
    <fieldset className={`govuk-fieldset rtm-period${error ? " govuk-form-group--error" : ""}`} aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
      {error && (
        <p id={`${id}-error`} className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      )}
      <div className="rtm-inline">
        <NumberField id={`${id}-value`} label="Number" integer value={value?.value} disabled={disabled} onChange={(n) => onChange(n === undefined ? undefined : { ...period, value: n })} />
        <SelectField id={`${id}-unit`} label="Unit" value={period.unit} options={periodUnits} disabled={disabled} onChange={(u) => onChange({ ...period, value: value?.value ?? period.value, unit: u as PeriodUnit })} />
      </div>
    </fieldset>
  );
}

type Mode = "value" | "parameter" | "variable";

function modeOf(value: unknown): Mode {
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === "$parameter") return "parameter";
    if (keys[0] === "$variable" && keys.every((k) => k === "$variable" || k === "path")) return "variable";
  }
  return "value";
}

/** A literal of the input's type, by its UI hint and type; JSON for what has no better editor. */
function LiteralEditor({ id, label, input, value, onChange, disabled, error, definition }: { id: string; label: string; input: InputDescriptor; value: unknown; onChange(value: unknown): void; disabled?: boolean; error?: string; definition: Definition }) {
  const hint = input.description;
  const common = { id, label, hint, disabled, error };
  if (input.options && input.options.length > 0)
    return (
      <SelectField
        {...common}
        value={typeof value === "string" ? value : ""}
        options={[{ value: "", label: input.default !== undefined ? `Default (${String(input.default)})` : "Not given" }, ...input.options.map((o) => ({ value: o, label: o }))]}
        onChange={(v) => onChange(v === "" ? undefined : v)}
      />
    );
  if (input.uiHint === "variable-picker")
    return (
      <SelectField
        {...common}
        value={typeof value === "string" ? value : ""}
        options={[{ value: "", label: "Choose a variable" }, ...(definition.variables ?? []).map((v) => ({ value: v.name, label: v.name }))]}
        onChange={(v) => onChange(v === "" ? undefined : v)}
      />
    );
  if (input.uiHint === "activity-picker")
    return (
      <SelectField
        {...common}
        value={typeof value === "string" ? value : ""}
        options={[{ value: "", label: "Choose an activity" }, ...definition.activities.map((a) => ({ value: a.id, label: a.displayName || a.id }))]}
        onChange={(v) => onChange(v === "" ? undefined : v)}
      />
    );
  switch (input.type) {
    case "text":
      return <TextField {...common} multiline={input.uiHint === "multi-line"} value={typeof value === "string" ? value : ""} onChange={(v) => onChange(v === "" ? undefined : v)} />;
    case "date":
      return <TextField {...common} hint={[hint, "For example, 2027-04-01."].filter(Boolean).join(" ")} value={typeof value === "string" ? value : ""} onChange={(v) => onChange(v === "" ? undefined : v)} />;
    case "dateTime":
      return <TextField {...common} hint={[hint, "For example, 2027-05-05T17:00:00+01:00."].filter(Boolean).join(" ")} value={typeof value === "string" ? value : ""} onChange={(v) => onChange(v === "" ? undefined : v)} />;
    case "number":
    case "integer":
      return <NumberField {...common} integer={input.type === "integer"} value={typeof value === "number" ? value : undefined} onChange={onChange} />;
    case "boolean":
      return <CheckboxField id={id} label={label} hint={hint} disabled={disabled} checked={typeof value === "boolean" ? value : input.default === true} onChange={onChange} />;
    case "textList":
      return <ListField {...common} value={Array.isArray(value) ? value.map(String) : []} onChange={(v) => onChange(v.length === 0 ? undefined : v)} />;
    case "period":
      return <PeriodEditor id={id} legend={label} value={isPeriod(value) ? value : undefined} onChange={onChange} disabled={disabled} error={error} />;
    default:
      return <JsonField {...common} value={value} onChange={onChange} />;
  }
}

/**
 * One input of an activity: a literal, or a `$parameter` / `$variable` reference (docs/definitions.md#9), with the
 * parameters and variables of a compatible type offered.
 */
export function ValueEditor(props: { id: string; label: string; input: InputDescriptor; value: unknown; onChange(value: unknown): void; disabled?: boolean; error?: string; definition: Definition }) {
  const { id, label, input, value, onChange, disabled, definition } = props;
  const mode = modeOf(value);
  const compatible = (type: string) => type === input.type || type === "json" || input.type === "json" || (type === "integer" && input.type === "number");
  const names = mode === "parameter" ? (definition.parameters ?? []).filter((p) => compatible(p.type)).map((p) => p.name) : (definition.variables ?? []).filter((v) => compatible(v.type)).map((v) => v.name);
  const referenced = mode === "parameter" ? (value as { $parameter: string }).$parameter : mode === "variable" ? (value as { $variable: string }).$variable : "";
  return (
    <div className="rtm-value">
      <SelectField
        id={`${id}-source`}
        label={`${label} comes from`}
        value={mode}
        disabled={disabled}
        options={[
          { value: "value", label: "A fixed value" },
          { value: "parameter", label: "A parameter" },
          { value: "variable", label: "A variable" },
        ]}
        onChange={(m) => onChange(m === "parameter" ? { $parameter: "" } : m === "variable" ? { $variable: "" } : undefined)}
      />
      {mode === "value" ? (
        <LiteralEditor {...props} />
      ) : (
        <SelectField
          id={id}
          label={label}
          hint={input.description}
          error={props.error}
          disabled={disabled}
          value={referenced}
          options={[{ value: "", label: `Choose a ${mode}` }, ...(names.includes(referenced) || !referenced ? names : [referenced, ...names]).map((n) => ({ value: n, label: n }))]}
          onChange={(n) => onChange(mode === "parameter" ? { $parameter: n } : { ...(value as object), $variable: n })}
        />
      )}
    </div>
  );
}
