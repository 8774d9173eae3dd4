// The completion form's state, its checks in the browser, and the mapping of the API's 422 onto the same fields.
import type { FieldError } from "../../components/ErrorSummary";
import type { AnswerValue } from "../../api/tasks";
import type { FormField } from "../../api/types";
import type { Problem } from "../../api/problem";

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export interface FormState {
  outcome: string;
  /** Answers typed or chosen, by field name: text, a number as typed, "yes"/"no", a choice, a document id. */
  values: Record<string, string>;
  dates: Record<string, DateParts>;
}

/** What an error is about: the outcome, or one field of the form by its name. */
export type ErrorKey = { kind: "outcome" } | { kind: "field"; name: string } | { kind: "page" };

export type FormErrors = Map<string, string>;

export const keyOf = (key: ErrorKey) => (key.kind === "field" ? `data.${key.name}` : key.kind);

/** The id of the input an error summary link focuses: the first input of a group, as the GOV.UK components do. */
export function inputIdFor(key: ErrorKey, form: FormField[]): string {
  if (key.kind === "outcome") return "outcome";
  if (key.kind === "page") return "";
  const field = form.find((f) => f.name === key.name);
  return field?.type === "date" ? `field-${key.name}-day` : `field-${key.name}`;
}

export const emptyState = (): FormState => ({ outcome: "", values: {}, dates: {} });

/** A field applies to every outcome, or, with `requiredFor`, to that outcome only. */
export const appliesTo = (field: FormField, outcome: string) => !field.requiredFor || field.requiredFor === outcome;

const isRequired = (field: FormField, outcome: string) => field.required === true || (!!field.requiredFor && field.requiredFor === outcome);

function realDate({ day, month, year }: DateParts): string | null {
  if (!/^\d{1,2}$/.test(day.trim()) || !/^\d{1,2}$/.test(month.trim()) || !/^\d{4}$/.test(year.trim())) return null;
  const [d, m, y] = [Number(day), Number(month), Number(year)];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

const lower = (label: string) => label.charAt(0).toLowerCase() + label.slice(1);

/**
 * Checks the answers as the API would (required, number, real date), and builds the body to send. Fields that
 * belong to another outcome are left out, so an answer typed before changing one's mind is not sent.
 */
export function check(form: FormField[], state: FormState): { errors: FormErrors; data: Record<string, AnswerValue> } {
  const errors: FormErrors = new Map();
  const data: Record<string, AnswerValue> = {};
  if (!state.outcome) errors.set("outcome", "Select an outcome");
  for (const field of form) {
    if (!appliesTo(field, state.outcome)) continue;
    const key = keyOf({ kind: "field", name: field.name });
    const required = isRequired(field, state.outcome);
    if (field.type === "date") {
      const parts = state.dates[field.name] ?? { day: "", month: "", year: "" };
      const blank = !parts.day.trim() && !parts.month.trim() && !parts.year.trim();
      if (blank) {
        if (required) errors.set(key, `Enter ${lower(field.label)}`);
        continue;
      }
      const iso = realDate(parts);
      if (!iso) errors.set(key, `${field.label} must be a real date`);
      else data[field.name] = iso;
      continue;
    }
    const raw = (state.values[field.name] ?? "").trim();
    if (!raw) {
      if (required)
        errors.set(
          key,
          field.type === "yesNo"
            ? `Select yes or no for “${field.label}”`
            : field.type === "text" || field.type === "number" || !field.type
              ? `Enter ${lower(field.label)}`
              : `Select ${lower(field.label)}`,
        );
      continue;
    }
    switch (field.type) {
      case "number": {
        const n = Number(raw);
        const min = typeof field.min === "number" ? field.min : undefined;
        const max = typeof field.max === "number" ? field.max : undefined;
        if (!/^-?\d+(\.\d+)?$/.test(raw) || !Number.isFinite(n)) errors.set(key, `${field.label} must be a number`);
        else if (min !== undefined && n < min) errors.set(key, `${field.label} must be ${min} or more`);
        else if (max !== undefined && n > max) errors.set(key, `${field.label} must be ${max} or less`);
        else data[field.name] = n;
        break;
      }
      case "yesNo":
        data[field.name] = raw === "yes";
        break;
      default: {
        const maxLength = field.type === "text" || !field.type ? (field.maxLength ?? 2000) : undefined;
        if (maxLength !== undefined && raw.length > maxLength) errors.set(key, `${field.label} must be ${maxLength} characters or fewer`);
        else data[field.name] = raw;
      }
    }
  }
  return { errors, data };
}

/** The API's 422 errors (`$.outcome`, `$.data.reasons`) on the same keys as the browser's, the rest for the page. */
export function fromProblem(problem: Problem, fallback: string): FormErrors {
  const errors: FormErrors = new Map();
  for (const [path, messages] of Object.entries(problem.errors ?? {})) {
    const message = messages.join(" ");
    const field = /^\$\.data\.([A-Za-z][A-Za-z0-9]*)/.exec(path);
    const key = path === "$.outcome" ? "outcome" : field ? `data.${field[1]}` : "page";
    errors.set(key, errors.has(key) ? `${errors.get(key)} ${message}` : message);
  }
  if (errors.size === 0) errors.set("page", fallback);
  return errors;
}

/** The summary's list, in the order of the page, with page-wide messages first. */
export function summaryOf(errors: FormErrors, form: FormField[]): FieldError[] {
  const list: FieldError[] = [];
  if (errors.has("page")) list.push({ field: "", message: errors.get("page")! });
  const add = (fields: FormField[]) => {
    for (const field of fields) {
      const message = errors.get(`data.${field.name}`);
      if (message) list.push({ field: inputIdFor({ kind: "field", name: field.name }, form), message });
    }
  };
  // The page shows the general fields, then the outcomes with each outcome's own fields under it.
  add(form.filter((f) => !f.requiredFor));
  if (errors.has("outcome")) list.push({ field: "outcome", message: errors.get("outcome")! });
  add(form.filter((f) => f.requiredFor));
  // An error about a field the form does not declare still reaches the summary.
  for (const [key, message] of errors)
    if (key.startsWith("data.") && !form.some((f) => `data.${f.name}` === key)) list.push({ field: "", message });
  return list;
}
