import type { Definition, Parameter, PeriodUnit, Stage, Variable } from "./types";
import { useRef } from "react";
import type { PathError } from "./errors";
import { JsonField, NumberField, SelectField, TextField } from "./fields";
import { PeriodEditor } from "./values";

const dataTypes = ["text", "number", "integer", "boolean", "date", "dateTime", "textList", "period", "json"].map((t) => ({ value: t, label: t }));

const confidenceTag: Record<Parameter["confidence"], string> = {
  high: "govuk-tag--green",
  medium: "govuk-tag--yellow",
  low: "govuk-tag--orange",
  "not-found": "govuk-tag--red",
};

function replaceAt<T>(list: T[], index: number, item: T | undefined): T[] {
  return item === undefined ? list.filter((_, i) => i !== index) : list.map((x, i) => (i === index ? item : x));
}

/** A parameter's value as its type wants it; a period's unit is a separate member (docs/definitions.md#6-parameters). */
function ParameterValue({ parameter, index, disabled, error, onChange }: { parameter: Parameter; index: number; disabled: boolean; error?: string; onChange(p: Parameter): void }) {
  const id = `param-${index}-value`;
  const label = `Value of ${parameter.displayName || parameter.name}`;
  if (parameter.type === "period")
    return (
      <PeriodEditor
        id={id}
        legend={label}
        disabled={disabled}
        error={error}
        value={typeof parameter.value === "number" ? { value: parameter.value, unit: parameter.unit ?? "calendarDays" } : undefined}
        onChange={(p) => onChange({ ...parameter, value: p?.value ?? null, unit: (p?.unit ?? parameter.unit) as PeriodUnit })}
      />
    );
  if (parameter.type === "number" || parameter.type === "integer")
    return <NumberField id={id} label={label} hint={parameter.measure ?? undefined} integer={parameter.type === "integer"} disabled={disabled} error={error} value={typeof parameter.value === "number" ? parameter.value : undefined} onChange={(v) => onChange({ ...parameter, value: v ?? null })} />;
  if (parameter.type === "text" || parameter.type === "date")
    return <TextField id={id} label={label} disabled={disabled} error={error} value={typeof parameter.value === "string" ? parameter.value : ""} onChange={(v) => onChange({ ...parameter, value: v })} />;
  return <JsonField id={id} label={label} disabled={disabled} error={error} value={parameter.value} onChange={(v) => onChange({ ...parameter, value: v ?? null })} />;
}

/** What belongs to the definition as a whole: its name, stages, variables and parameters. */
export function DefinitionPanel({ definition, errors, readOnly, onChange }: { definition: Definition; errors: PathError[]; readOnly: boolean; onChange(definition: Definition): void }) {
  const errorAt = (path: string) => errors.filter((e) => e.path === path || e.path.startsWith(`${path}.`) || e.path.startsWith(`${path}[`)).map((e) => e.message).join(" ") || undefined;
  const stages = definition.stages ?? [];
  const variables = definition.variables ?? [];
  const parameters = definition.parameters ?? [];
  const setStages = (list: Stage[]) => onChange({ ...definition, stages: list });
  const setVariables = (list: Variable[]) => onChange({ ...definition, variables: list });
  // A Remove button goes with its row: focus moves to the list's heading rather than being lost.
  const stagesHeading = useRef<HTMLHeadingElement>(null);
  const variablesHeading = useRef<HTMLHeadingElement>(null);

  return (
    <section className="rtm-panel" aria-labelledby="definition-panel-title">
      <h2 className="govuk-heading-s" id="definition-panel-title" tabIndex={-1}>
        Definition
      </h2>
      <fieldset className="govuk-fieldset" disabled={readOnly}>
        <TextField id="def-name" label="Name" value={definition.name} error={errorAt("$.name")} onChange={(name) => onChange({ ...definition, name })} />
        <TextField id="def-description" label="Description" multiline value={definition.description ?? ""} onChange={(d) => onChange({ ...definition, description: d || undefined })} />

        <h3 className="govuk-heading-s govuk-!-margin-top-4" ref={stagesHeading} tabIndex={-1}>
          Stages
        </h3>
        {stages.length === 0 && <p className="govuk-body-s">No stages declared: the stages are those the activities name.</p>}
        {stages.map((stage, i) => (
          <div key={i} className="rtm-row">
            <TextField id={`stage-${i}`} label={`Stage ${i + 1}`} value={stage.name} error={errorAt(`$.stages[${i}]`)} onChange={(name) => setStages(replaceAt(stages, i, { ...stage, name }))} />
            {!readOnly && (
              <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-2" onClick={() => {
                  setStages(replaceAt(stages, i, undefined));
                  stagesHeading.current?.focus();
                }}>
                Remove stage {i + 1}
              </button>
            )}
          </div>
        ))}
        {!readOnly && (
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setStages([...stages, { name: `Stage ${stages.length + 1}` }])}>
            Add a stage
          </button>
        )}

        <h3 className="govuk-heading-s govuk-!-margin-top-4" ref={variablesHeading} tabIndex={-1}>
          Variables
        </h3>
        {variables.map((variable, i) => (
          <fieldset key={i} className="govuk-fieldset rtm-row">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--xs">Variable {i + 1}</legend>
            <TextField id={`var-${i}-name`} label="Variable name" value={variable.name} error={errorAt(`$.variables[${i}]`)} onChange={(name) => setVariables(replaceAt(variables, i, { ...variable, name }))} />
            <SelectField id={`var-${i}-type`} label="Type" value={variable.type} options={dataTypes} onChange={(type) => setVariables(replaceAt(variables, i, { ...variable, type }))} />
            <TextField id={`var-${i}-description`} label="What it holds" value={variable.description ?? ""} onChange={(d) => setVariables(replaceAt(variables, i, { ...variable, description: d || undefined }))} />
            {!readOnly && (
              <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-2" onClick={() => {
                  setVariables(replaceAt(variables, i, undefined));
                  variablesHeading.current?.focus();
                }}>
                Remove variable {variable.name}
              </button>
            )}
          </fieldset>
        ))}
        {!readOnly && (
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setVariables([...variables, { name: `variable${variables.length + 1}`, type: "text" }])}>
            Add a variable
          </button>
        )}

        <h3 className="govuk-heading-s govuk-!-margin-top-4">Parameters</h3>
        {parameters.length === 0 && <p className="govuk-body-s">No parameters.</p>}
        {parameters.map((parameter, i) => (
          <div key={parameter.name} className="rtm-parameter">
            <h4 className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">
              {parameter.displayName || parameter.name} <strong className={`govuk-tag ${confidenceTag[parameter.confidence]}`}>Confidence: {parameter.confidence}</strong>
            </h4>
            {parameter.confidence !== "high" && <p className="govuk-body-s govuk-!-margin-bottom-1">Unverified: check this value against the source before relying on it.</p>}
            <p className="govuk-body-s govuk-!-margin-bottom-1">
              <span className="govuk-!-font-weight-bold">Legal source:</span> {parameter.source}
            </p>
            <ParameterValue parameter={parameter} index={i} disabled={readOnly} error={errorAt(`$.parameters[${i}]`)} onChange={(p) => onChange({ ...definition, parameters: replaceAt(parameters, i, p) })} />
          </div>
        ))}
      </fieldset>
    </section>
  );
}
