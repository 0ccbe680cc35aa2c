import { DomainError } from '../../../shared/platform/errors';
import type * as z from '../zod';
import type { FieldError } from './govuk';

/**
 * One way to read a form: the page names each field of the use case's input (the very schema
 * the JSON route parses with), how the page asks for it and how it is labelled; `decodeForm`
 * turns what was typed into that input, or into GOV.UK error messages in plain English that name
 * each field as the page labels it. Nothing reads a raw form field outside this module.
 *
 * - `text` (default): trimmed; blank and `optional`, left out.
 * - `pounds`: "£1,250.50" → 125050 pence; at most two decimal places, never negative.
 * - `date`: the GOV.UK date input, fields `<name>-day`, `-month`, `-year` → YYYY-MM-DD.
 * - `whole`: a whole number ("12").
 * - `choice`: radios or a select: the value chosen.
 * - `checkboxes`: every value ticked, as an array (the field repeated).
 * - `flag`: a single checkbox: true when ticked.
 */
export type FieldKind = 'text' | 'pounds' | 'date' | 'whole' | 'choice' | 'checkboxes' | 'flag';

export interface FieldSpec {
  /** The label (or legend) as the page shows it: error messages name the field by it. */
  label: string;
  as?: FieldKind;
  /** The form field's name, if not the schema path itself (`scores.delivery`). */
  name?: string;
  /** Left blank, the field is left out of the input (the schema decides whether it may be). */
  optional?: boolean;
  /** What to say when it is left empty, where "Enter …" or "Select …" and the label would read badly. */
  missing?: string;
}

/** Schema path (`funders.0.amount`) → how the page asks for it. */
export type FormFields = Record<string, FieldSpec>;

/** Every value posted under each name (a checkbox group repeats its name). */
export type PostedForm = Record<string, string | string[]>;

export type Decoded<T> = { value: T; errors?: undefined } | { value?: undefined; errors: FieldError[] };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();
const lower = (label: string) => (/^[A-Z]{2}/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1));
const nameOf = (path: string, spec: FieldSpec) => spec.name ?? path;
/** The id the error summary links to: a date input's first box, otherwise the field itself. */
export const fieldId = (path: string, spec: FieldSpec) => (spec.as === 'date' ? `${nameOf(path, spec)}-day` : nameOf(path, spec));

type Read = { value?: unknown; error?: string; blank?: boolean };

function readPounds(raw: string, label: string): Read {
  if (!raw) return { blank: true };
  const text = raw.replace(/^£/, '').replace(/,/g, '').trim();
  if (text.startsWith('-')) return { error: `${label} must be £0.00 or more` };
  if (!/^\d+(\.\d+)?$/.test(text)) return { error: `${label} must be an amount in pounds, like 1250 or 1,250.50` };
  if (/\.\d{3,}$/.test(text)) return { error: `${label} must be in pounds and pence, with no more than 2 decimal places` };
  const [pounds = '0', pence = ''] = text.split('.');
  const value = Number(pounds) * 100 + Number(pence.padEnd(2, '0'));
  return Number.isSafeInteger(value) ? { value } : { error: `${label} is too large` };
}

const dateParts = ['day', 'month', 'year'] as const;

function readDate(form: PostedForm, name: string, label: string): Read {
  const typed = Object.fromEntries(dateParts.map((p) => [p, first(form[`${name}-${p}`])])) as Record<(typeof dateParts)[number], string>;
  const missing = dateParts.filter((p) => !typed[p]);
  if (missing.length === 3) return { blank: true };
  if (missing.length) return { error: `${label} must include a ${missing.join(' and a ')}` };
  if (!/^\d{4}$/.test(typed.year)) return { error: 'Year must include 4 numbers' };
  if (!/^\d{1,2}$/.test(typed.day) || !/^\d{1,2}$/.test(typed.month)) return { error: `${label} must be a real date` };
  const iso = `${typed.year}-${typed.month.padStart(2, '0')}-${typed.day.padStart(2, '0')}`;
  const d = new Date(`${iso}T12:00:00Z`);
  // 31 February and 31 April are not dates: Date would roll them into March and May.
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) return { error: `${label} must be a real date` };
  return { value: iso };
}

function read(form: PostedForm, path: string, spec: FieldSpec): Read {
  const name = nameOf(path, spec);
  switch (spec.as ?? 'text') {
    case 'pounds':
      return readPounds(first(form[name]), spec.label);
    case 'date':
      return readDate(form, name, spec.label);
    case 'whole': {
      const raw = first(form[name]).replace(/,/g, '');
      if (!raw) return { blank: true };
      return /^-?\d{1,15}$/.test(raw) ? { value: Number(raw) } : { error: `${spec.label} must be a whole number, like 12` };
    }
    case 'checkboxes': {
      const v = form[name];
      return { value: (Array.isArray(v) ? v : v ? [v] : []).map((x) => x.trim()).filter(Boolean) };
    }
    case 'flag':
      return { value: Boolean(first(form[name])) };
    default: {
      const raw = first(form[name]);
      return raw ? { value: raw } : { blank: true };
    }
  }
}

/** Sets `value` at a dotted path (`funders.0.amount`), making the arrays and objects on the way. */
function put(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let at: Record<string, unknown> = target;
  keys.slice(0, -1).forEach((k, i) => {
    const nextIsIndex = /^\d+$/.test(keys[i + 1] ?? '');
    at[k] ??= nextIsIndex ? [] : {};
    at = at[k] as Record<string, unknown>;
  });
  at[keys.at(-1) as string] = value;
}

/** What a zod issue says to a person, naming the field by its label (a table per rule, not zod's English). */
export function messageFor(issue: z.core.$ZodIssue, spec: FieldSpec): string {
  const label = spec.label;
  const picks = spec.as === 'choice' || spec.as === 'checkboxes' || spec.as === 'flag';
  const custom = issue.message && !/^(Invalid|Too (small|big)|Expected)/.test(issue.message) ? issue.message : undefined;
  const empty = spec.missing ?? (picks ? `Select ${lower(label)}` : `Enter ${lower(label)}`);
  switch (issue.code) {
    case 'invalid_type':
      return empty;
    case 'invalid_value':
      return spec.missing ?? `Select ${lower(label)}`;
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? empty : `${label} must be ${min} characters or more`;
      if (issue.origin === 'array') return min <= 1 ? `Select ${lower(label)}` : `Select at least ${min} for ${lower(label)}`;
      if (spec.as === 'pounds') return `${label} must be more than £0.00`;
      return `${label} must be ${issue.inclusive ? '' : 'more than '}${min}${issue.inclusive ? ' or more' : ''}`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return `${label} must be ${max.toLocaleString('en-GB')} characters or fewer`;
      if (issue.origin === 'array') return `Select no more than ${max} for ${lower(label)}`;
      return `${label} must be ${max.toLocaleString('en-GB')} or less`;
    }
    case 'invalid_format':
      if (issue.format === 'date') return `${label} must be a real date`;
      if (issue.format === 'email') return `Enter ${lower(label)} in the correct format, like name@example.org`;
      if (issue.format === 'url') return `${label} must be a link starting with https://`;
      return custom ? `${label} ${custom}` : `${label} is not in the right format`;
    default:
      return custom ? `${label}: ${custom}` : `${label} is not valid`;
  }
}

/**
 * Decodes a posted form into the schema's input. `fixed` adds what the page knows and the person
 * does not type (a hidden id, the action). Every problem is reported at once, each against its
 * field, with what was typed left for the page to show again.
 */
export function decodeForm<S extends z.ZodMiniType>(
  schema: S,
  fields: FormFields,
  form: PostedForm,
  fixed: Record<string, unknown> = {},
): Decoded<z.infer<S>> {
  const input: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  for (const [path, spec] of Object.entries(fields)) {
    const r = read(form, path, spec);
    if (r.error) errors.push({ field: fieldId(path, spec), message: r.error });
    else if (!r.blank) put(input, path, r.value);
    else if (!spec.optional) put(input, path, spec.as === 'pounds' || spec.as === 'whole' || spec.as === 'date' ? undefined : '');
  }
  for (const [path, value] of Object.entries(fixed)) put(input, path, value);
  const parsed = schema.safeParse(input);
  if (parsed.success && !errors.length) return { value: parsed.data };
  const failed = new Set(errors.map((e) => e.field));
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const path = issue.path.join('.');
    const spec = fields[path] ?? { label: path };
    const field = fieldId(path, spec);
    if (failed.has(field)) continue;
    failed.add(field);
    errors.push({ field, message: messageFor(issue, spec) });
  }
  return { errors };
}

/**
 * A use case's refusal as the page shows it, the same way everywhere: a validation issue against
 * its field (by the page's label), anything else (a conflict: the record's state refuses it) as
 * one message linked to the form it came from. Errors that are not the domain's are rethrown.
 */
export function refusal(error: unknown, fields: FormFields, formId: string): FieldError[] {
  if (!(error instanceof DomainError) || !['validation', 'conflict'].includes(error.kind)) throw error;
  const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  const issues = error.kind === 'validation' ? (error.issues ?? []) : [];
  if (!issues.length) return [{ field: formId, message: capital(error.message) }];
  return issues.map((i) => {
    const spec = fields[i.field];
    const text = i.message.replace(new RegExp(`^${i.field.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `), '');
    return spec ? { field: fieldId(i.field, spec), message: `${spec.label}: ${text}` } : { field: formId, message: capital(text) };
  });
}
