import { useEffect, useRef } from "react";
import type { Deadline, Definition, InputDescriptor, Reminder } from "./types";
import { ListField, SelectField, TextField } from "./fields";
import { ValueEditor, isPeriod, PeriodEditor } from "./values";

// A deadline's period and start take references like inputs do, so they are edited as inputs of these types.
const periodInput: InputDescriptor = { name: "period", displayName: "Period", type: "period", required: true, description: "Best a period parameter, which cites its legal source." };
const fromInput: InputDescriptor = { name: "from", displayName: "Counted from", type: "date", required: false, description: "Usually the variable holding the date of receipt; left out, the day the wait begins." };

type ReminderKind = "before" | "onTheDay" | "every";
const kindOf = (r: Reminder): ReminderKind => (r.onTheDay ? "onTheDay" : r.every !== undefined && r.every !== null ? "every" : "before");

/** A statutory deadline on a waiting activity (docs/definitions.md#writing-a-deadline). */
export function DeadlineEditor({ id, deadline, onChange, definition, disabled, errorFor }: { id: string; deadline: Deadline | null | undefined; onChange(value: Deadline | undefined): void; definition: Definition; disabled?: boolean; errorFor(path: string): string | undefined }) {
  // A Remove button goes with what it removes: focus moves to the reminders' legend, or (the deadline removed)
  // to the "Add a deadline" button that takes its place, rather than being lost.
  const remindersLegend = useRef<HTMLLegendElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const focusAdd = useRef(false);
  useEffect(() => {
    if (!deadline && focusAdd.current) addButton.current?.focus();
    focusAdd.current = false;
  }, [deadline]);
  if (!deadline)
    return disabled ? null : (
      <button type="button" ref={addButton} className="govuk-button govuk-button--secondary" onClick={() => onChange({ period: { value: 28, unit: "calendarDays" }, source: "" })}>
        Add a deadline
      </button>
    );
  const set = (change: Partial<Deadline>) => {
    const next: Deadline = { ...deadline, ...change };
    for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
    onChange(next);
  };
  const reminders = deadline.reminders ?? [];
  const setReminder = (index: number, reminder: Reminder | undefined) => {
    const list = reminder ? reminders.map((r, i) => (i === index ? reminder : r)) : reminders.filter((_, i) => i !== index);
    set({ reminders: list.length > 0 ? list : undefined, notify: list.length > 0 ? deadline.notify : undefined });
  };
  return (
    <fieldset className="govuk-fieldset rtm-deadline">
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Deadline</legend>
      <ValueEditor id={`${id}-period`} label="Period" input={periodInput} value={deadline.period} definition={definition} disabled={disabled} error={errorFor(".period")} onChange={(v) => set({ period: v })} />
      <ValueEditor id={`${id}-from`} label="Counted from" input={fromInput} value={deadline.from} definition={definition} disabled={disabled} error={errorFor(".from")} onChange={(v) => set({ from: v })} />
      <SelectField
        id={`${id}-onExpiry`}
        label="When it passes"
        value={deadline.onExpiry ?? "interrupt"}
        disabled={disabled}
        options={[
          { value: "interrupt", label: "Interrupt: the wait ends, the case leaves through overdue" },
          { value: "escalate", label: "Escalate: the wait goes on, a token leaves through overdue" },
        ]}
        onChange={(v) => set({ onExpiry: v === "escalate" ? "escalate" : undefined })}
      />
      <TextField id={`${id}-source`} label="Legal source of the deadline" value={deadline.source ?? ""} disabled={disabled} error={errorFor(".source")} onChange={(v) => set({ source: v })} />
      <fieldset className="govuk-fieldset">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--xs" ref={remindersLegend} tabIndex={-1}>
          Reminders
        </legend>
        {reminders.map((r, index) => {
          const kind = kindOf(r);
          const rid = `${id}-reminder-${index}`;
          const period = kind === "every" ? r.every : r.before;
          return (
            <div key={index} className="rtm-reminder">
              <SelectField
                id={`${rid}-kind`}
                label={`Reminder ${index + 1}`}
                value={kind}
                disabled={disabled}
                options={[
                  { value: "before", label: "Before the last day" },
                  { value: "onTheDay", label: "On the last day" },
                  { value: "every", label: "Every period after the last day" },
                ]}
                onChange={(k) => setReminder(index, k === "onTheDay" ? { onTheDay: true } : { [k]: isPeriod(period) ? period : { value: 7, unit: "calendarDays" } })}
              />
              {kind !== "onTheDay" && (
                <PeriodEditor id={`${rid}-period`} legend={`Reminder ${index + 1} period`} value={isPeriod(period) ? period : undefined} disabled={disabled} error={errorFor(`.reminders[${index}]`)} onChange={(p) => setReminder(index, { [kind]: p })} />
              )}
              {!disabled && (
                <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-2" onClick={() => {
                    setReminder(index, undefined);
                    remindersLegend.current?.focus();
                  }}>
                  Remove reminder {index + 1}
                </button>
              )}
            </div>
          );
        })}
        {!disabled && (
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => set({ reminders: [...reminders, { before: { value: 7, unit: "calendarDays" } }] })}>
            Add a reminder
          </button>
        )}
      </fieldset>
      {reminders.length > 0 && (
        <ListField id={`${id}-notify`} label="Email at each reminder (party roles)" value={deadline.notify?.to ?? []} disabled={disabled} error={errorFor(".notify")} onChange={(to) => set({ notify: to.length > 0 ? { ...deadline.notify, to } : undefined })} />
      )}
      <ListField id={`${id}-escalate`} label="Email when it passes (party roles)" value={deadline.escalate?.to ?? []} disabled={disabled} error={errorFor(".escalate")} onChange={(to) => set({ escalate: to.length > 0 ? { ...deadline.escalate, to } : undefined })} />
      {!disabled && (
        <button type="button" className="govuk-button govuk-button--warning" onClick={() => {
            focusAdd.current = true;
            onChange(undefined);
          }}
        >
          Remove the deadline
        </button>
      )}
    </fieldset>
  );
}
