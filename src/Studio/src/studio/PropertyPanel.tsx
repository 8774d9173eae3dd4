import type { FormField } from "../api/types";
import type { Activity, ActivityDescriptor, Definition } from "./types";
import { useState } from "react";
import type { EditorError } from "./errors";
import { humanise } from "../components/words";
import { SelectField, TextField } from "./fields";
import { ValueEditor } from "./values";
import { FormEditor } from "./FormEditor";
import { DeadlineEditor } from "./DeadlineEditor";
import { ConnectionsEditor } from "./ConnectionsEditor";
import { renameActivity, updateActivity } from "./edits";

// The descriptors do not say which types wait; the format allows a deadline only on these
// (docs/definitions.md#writing-a-deadline). One already written on another type is still shown, for the validator.
const WAITING_TYPES = new Set(["WaitForEvent", "UserTask"]);

/** The activity without a member: the format reads a member left out as "not given", so none is left empty. */
function withoutMember(activity: Activity, key: keyof Activity): Activity {
  const { [key]: _removed, ...rest } = activity;
  return rest as Activity;
}

export interface PropertyPanelProps {
  definition: Definition;
  activity: Activity;
  descriptor: ActivityDescriptor | undefined;
  descriptors: Map<string, ActivityDescriptor>;
  errors: EditorError[];
  readOnly: boolean;
  onChange(definition: Definition): void;
  onRenamed(from: string, to: string): void;
  onDelete(): void;
}

/** The selected activity's properties, generated from its type's descriptor. */
export function PropertyPanel({ definition, activity, descriptor, descriptors, errors, readOnly, onChange, onRenamed, onDelete }: PropertyPanelProps) {
  // Errors are resolved to activity ids when they arrive, so they stay on this activity whatever its place.
  const own = errors.filter((e) => e.activity === activity.id && e.within !== undefined);
  const errorFor = (path: string) => own.find((e) => e.within === path)?.message;
  const errorsUnder = (path: string) => own.filter((e) => e.within!.startsWith(path)).map((e) => e.message).join(" ") || undefined;
  const change = (update: (a: Activity) => Activity) => onChange(updateActivity(definition, activity.id, update));
  const setMember = <K extends keyof Activity>(key: K, value: Activity[K] | undefined) =>
    change((a) => (value === undefined || value === "" ? withoutMember(a, key) : { ...a, [key]: value }));
  const setInput = (name: string, value: unknown) =>
    change((a) => {
      const inputs = { ...(a.inputs ?? {}), [name]: value };
      if (value === undefined) delete inputs[name];
      return Object.keys(inputs).length === 0 ? withoutMember(a, "inputs") : { ...a, inputs };
    });
  const setOutput = (name: string, variable: string) =>
    change((a) => {
      const outputs = { ...(a.outputs ?? {}), [name]: variable };
      if (!variable) delete outputs[name];
      return Object.keys(outputs).length === 0 ? withoutMember(a, "outputs") : { ...a, outputs };
    });
  const idTaken = (id: string) => definition.activities.some((a) => a !== activity && a.id === id);
  // The id box keeps what is typed, even an empty or taken id on the way to another ("end" before "end2"); the
  // activity is renamed at each keystroke that makes a usable id. Undo (a change from outside) resets it.
  const [idText, setIdText] = useState(activity.id);
  const [lastId, setLastId] = useState(activity.id);
  if (activity.id !== lastId) {
    setLastId(activity.id);
    setIdText(activity.id);
  }
  const idProblem = (id: string) => (id === "" ? "Enter an id" : idTaken(id) ? "Another activity has this id" : undefined);
  const stages = definition.stages ?? [];
  const outcomes = Array.isArray(activity.inputs?.outcomes) ? (activity.inputs.outcomes as string[]) : [];

  return (
    <section className="rtm-panel" aria-labelledby="activity-panel-title">
      <h2 className="govuk-heading-s" id="activity-panel-title" tabIndex={-1}>
        {activity.displayName || activity.id} <span className="govuk-caption-s">{humanise(descriptor?.displayName ?? activity.type)}</span>
      </h2>
      {descriptor?.description && <p className="govuk-body-s">{descriptor.description}</p>}
      {!descriptor && <p className="govuk-body-s govuk-error-message">There is no activity type named {activity.type}.</p>}
      <fieldset className="govuk-fieldset" disabled={readOnly}>
        <TextField
          id="prop-id"
          label="Activity id"
          hint="Connections use it. A letter, then letters, digits, _ or -."
          value={idText}
          error={idProblem(idText.trim()) ?? (idText.trim() === activity.id ? errorFor(".id") : undefined)}
          onChange={(text) => {
            setIdText(text);
            const id = text.trim();
            if (idProblem(id) || id === activity.id) return;
            setLastId(id);
            onChange(renameActivity(definition, activity.id, id, descriptors));
            onRenamed(activity.id, id);
          }}
        />
        <TextField id="prop-displayName" label="Display name" value={activity.displayName ?? ""} error={errorFor(".displayName")} onChange={(v) => setMember("displayName", v)} />
        {stages.length > 0 ? (
          <SelectField
            id="prop-stage"
            label="Stage"
            value={activity.stage ?? ""}
            error={errorFor(".stage")}
            options={[{ value: "", label: "No stage (the case stays in its current stage)" }, ...stages.map((s) => ({ value: s.name, label: s.name }))]}
            onChange={(v) => setMember("stage", v)}
          />
        ) : (
          <TextField id="prop-stage" label="Stage" value={activity.stage ?? ""} error={errorFor(".stage")} onChange={(v) => setMember("stage", v)} />
        )}
        <TextField id="prop-description" label="Description" hint="For designers, typically the regulation the step implements." multiline value={activity.description ?? ""} onChange={(v) => setMember("description", v)} />

        {descriptor && descriptor.inputs.length > 0 && <h3 className="govuk-heading-s govuk-!-margin-top-4">Inputs</h3>}
        {errorFor(".inputs") && <p className="govuk-error-message">{errorFor(".inputs")}</p>}
        {descriptor?.inputs.map((input) => {
          const label = `${humanise(input.displayName || input.name)}${input.required ? "" : " (optional)"}`;
          if (activity.type === "UserTask" && input.name === "form")
            return (
              <FormEditor
                key={input.name}
                id="prop-form"
                value={Array.isArray(activity.inputs?.form) ? (activity.inputs.form as FormField[]) : []}
                outcomes={outcomes}
                disabled={readOnly}
                errorFor={(path) => errorFor(`.inputs.form${path}`) ?? (path === "" ? errorFor(".inputs.form") : undefined)}
                onChange={(v) => setInput("form", v)}
              />
            );
          return (
            <ValueEditor
              key={input.name}
              id={`prop-input-${input.name}`}
              label={label}
              input={input}
              value={activity.inputs?.[input.name]}
              definition={definition}
              disabled={readOnly}
              error={errorsUnder(`.inputs.${input.name}`)}
              onChange={(v) => setInput(input.name, v)}
            />
          );
        })}

        {descriptor && descriptor.outputs.length > 0 && <h3 className="govuk-heading-s govuk-!-margin-top-4">Outputs</h3>}
        {descriptor?.outputs.map((output) => (
          <SelectField
            key={output.name}
            id={`prop-output-${output.name}`}
            label={`Write ${humanise(output.name).toLowerCase()} (${output.type}) to`}
            hint={output.description}
            value={activity.outputs?.[output.name] ?? ""}
            error={errorFor(`.outputs.${output.name}`)}
            options={[{ value: "", label: "Not kept" }, ...(definition.variables ?? []).map((v) => ({ value: v.name, label: `${v.name} (${v.type})` }))]}
            onChange={(v) => setOutput(output.name, v)}
          />
        ))}

        {(WAITING_TYPES.has(activity.type) || activity.deadline) && (
          <DeadlineEditor
            id="prop-deadline"
            deadline={activity.deadline}
            definition={definition}
            disabled={readOnly}
            errorFor={(path) => errorsUnder(`.deadline${path}`)}
            onChange={(d) => setMember("deadline", d)}
          />
        )}
      </fieldset>
      <ConnectionsEditor definition={definition} activity={activity} descriptors={descriptors} readOnly={readOnly} onChange={onChange} />
      {!readOnly && (
        <button type="button" className="govuk-button govuk-button--warning" onClick={onDelete}>
          Delete activity
        </button>
      )}
    </section>
  );
}
