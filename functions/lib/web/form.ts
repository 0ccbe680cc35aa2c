import { DomainError } from '../../../shared/platform/errors';
import { wholeNumber } from '../../../shared/platform/format';
import { londonTime, londonWallClock } from '../../../shared/platform/london-time';
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
 * - `date`: the GOV.UK date input, fields `<name>-day`, `-month`, `-year` → YYYY-MM-DD; a box
 *   missing or a year not of 4 numbers is reported against that box (`DateFieldError`).
 * - `datetime`: the date input with an hour and a minute box (`<name>-hour`, `-minute`), a time
 *   on the London clock (BST or GMT as the day falls) → the ISO instant (`…Z`) it is. A time
 *   the clocks skip (1:30am on the last Sunday of March) is refused; one they repeat (1:30am on
 *   the last Sunday of October) is the second, in GMT: a deadline then is never an hour early.
 * - `whole`: a whole number ("12").
 * - `wholes`: whole numbers typed in one box, separated by commas ("-14, -3, 0, 7") → an array;
 *   left blank, an empty one. An issue with one of them is the box's.
 * - `choice`: radios or a select: the value chosen.
 * - `checkboxes`: every value ticked, as an array (the field repeated).
 * - `flag`: a single checkbox: true when ticked.
 * - `list`: an "add another" list as a whole (its items are fields of their own): nothing is read
 *   under its name, so a value posted there cannot stand where the items go; it is named so the
 *   list's own rule ("at least one") has a label and a `missing` message.
 */
type FieldKind = 'text' | 'pounds' | 'date' | 'datetime' | 'whole' | 'wholes' | 'choice' | 'checkboxes' | 'flag' | 'list';

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
const boxed = (spec: FieldSpec) => spec.as === 'date' || spec.as === 'datetime';
/** The id the error summary links to: a date input's first box, otherwise the field itself. */
export const fieldId = (path: string, spec: FieldSpec) => (boxed(spec) ? `${nameOf(path, spec)}-day` : nameOf(path, spec));

/** The names a field is posted under: a date input's three boxes (five with the time), otherwise its own name. */
export function postedNames(path: string, spec: FieldSpec): string[] {
  const name = nameOf(path, spec);
  if (spec.as === 'date') return dateParts.map((p) => `${name}-${p}`);
  if (spec.as === 'datetime') return dateTimeParts.map((p) => `${name}-${p}`);
  return [name];
}

type Read = { value?: unknown; error?: string; blank?: boolean; parts?: DatePart[] };

export type DatePart = 'day' | 'month' | 'year' | 'hour' | 'minute';

/**
 * A date input's error when only some of its three boxes are wrong: the summary links to the
 * first of them and only they are marked (the design system's date input guidance). Without
 * `parts`, the date as a whole is wrong and all three are marked.
 */
export interface DateFieldError extends FieldError {
  parts: DatePart[];
}

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

const dateParts: DatePart[] = ['day', 'month', 'year'];
const dateTimeParts: DatePart[] = [...dateParts, 'hour', 'minute'];

function readDate(form: PostedForm, name: string, label: string): Read {
  const typed = Object.fromEntries(dateParts.map((p) => [p, first(form[`${name}-${p}`])])) as Record<DatePart, string>;
  const missing = dateParts.filter((p) => !typed[p]);
  if (missing.length === 3) return { blank: true };
  if (missing.length) return { error: `${label} must include a ${missing.join(' and ')}`, parts: missing };
  if (!/^\d{4}$/.test(typed.year)) return { error: 'Year must include 4 numbers', parts: ['year'] };
  if (!/^\d{1,2}$/.test(typed.day) || !/^\d{1,2}$/.test(typed.month)) return { error: `${label} must be a real date` };
  const iso = `${typed.year}-${typed.month.padStart(2, '0')}-${typed.day.padStart(2, '0')}`;
  const d = new Date(`${iso}T12:00:00Z`);
  // 31 February and 31 April are not dates: Date would roll them into March and May.
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) return { error: `${label} must be a real date` };
  return { value: iso };
}

/** A date and a time on the London clock, as the instant it is (see `datetime` above). */
function readDateTime(form: PostedForm, name: string, label: string): Read {
  const typed = Object.fromEntries(dateTimeParts.map((p) => [p, first(form[`${name}-${p}`])])) as Record<DatePart, string>;
  const missing = dateTimeParts.filter((p) => !typed[p]);
  if (missing.length === dateTimeParts.length) return { blank: true };
  if (missing.length)
    return { error: `${label} must include ${missing[0] === 'hour' ? 'an' : 'a'} ${missing.join(' and ')}`, parts: missing };
  const day = readDate(form, name, label);
  if (day.error) return day;
  const wrong = (['hour', 'minute'] as const).filter((p) => !/^\d{1,2}$/.test(typed[p]) || Number(typed[p]) > (p === 'hour' ? 23 : 59));
  if (wrong.length) return { error: `${label} must be a real time, from 0:00 to 23:59 on the 24-hour clock`, parts: wrong };
  const time = `${typed.hour.padStart(2, '0')}:${typed.minute.padStart(2, '0')}`;
  const instant = londonTime(day.value as string, time);
  const back = londonWallClock(instant);
  // The hour the clocks skip in spring has no instant: londonTime lands an hour off, and that is refused, not moved.
  if (back.date !== day.value || back.time !== time)
    return { error: `${label} is a time that does not exist in London: the clocks go forward an hour that night`, parts: ['hour'] };
  return { value: instant.toISOString().replace('.000Z', 'Z') };
}

/** Bytes that were not UTF-8, as the page route read them (each replaced by U+FFFD). */
const unreadable = (v: string | string[] | undefined) => (Array.isArray(v) ? v : [v ?? '']).some((x) => x.includes('\uFFFD'));

function read(form: PostedForm, path: string, spec: FieldSpec): Read {
  const name = nameOf(path, spec);
  const posted = postedNames(path, spec).map((n) => form[n]);
  // Refused by field, not as a whole form, so the person sees which answer to type again and keeps the rest.
  if (posted.some(unreadable)) return { error: `${spec.label} has characters that could not be read: type it again` };
  switch (spec.as ?? 'text') {
    case 'pounds':
      return readPounds(first(form[name]), spec.label);
    case 'date':
      return readDate(form, name, spec.label);
    case 'datetime':
      return readDateTime(form, name, spec.label);
    case 'whole': {
      const raw = first(form[name]).replace(/,/g, '');
      if (!raw) return { blank: true };
      return /^-?\d{1,15}$/.test(raw) ? { value: Number(raw) } : { error: `${spec.label} must be a whole number, like 12` };
    }
    case 'wholes': {
      const items = first(form[name])
        .split(',')
        .map((x) => x.trim());
      if (items.join('') === '') return { value: [] };
      return items.every((x) => /^-?\d{1,15}$/.test(x))
        ? { value: items.map(Number) }
        : { error: `${spec.label} must be whole numbers separated by commas, like -3, 0, 7` };
    }
    case 'checkboxes': {
      const v = form[name];
      return { value: (Array.isArray(v) ? v : v ? [v] : []).map((x) => x.trim()).filter(Boolean) };
    }
    case 'list':
      return { blank: true };
    case 'flag':
      return { value: Boolean(first(form[name])) };
    default: {
      const raw = first(form[name]);
      return raw ? { value: raw } : { blank: true };
    }
  }
}

/** A field that could not be read: a date with only some boxes wrong is reported against the first of them. */
function readError(path: string, spec: FieldSpec, message: string, parts: DatePart[] | undefined): FieldError | DateFieldError {
  const part = parts?.[0];
  return part && parts ? { field: `${nameOf(path, spec)}-${part}`, message, parts } : { field: fieldId(path, spec), message };
}

/** Sets `value` at a dotted path (`funders.0.amount`), making the arrays and objects on the way. */
function put(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let at: Record<string, unknown> = target;
  keys.slice(0, -1).forEach((k, i) => {
    const nextIsIndex = /^\d+$/.test(keys[i + 1] ?? '');
    // Only an object or array can hold the rest of the path: a value posted under a list's own name ("lots=x") gives way.
    if (typeof at[k] !== 'object' || at[k] === null) at[k] = nextIsIndex ? [] : {};
    at = at[k] as Record<string, unknown>;
  });
  at[keys.at(-1) as string] = value;
}

/** What to say of a field left empty: its own words, or "Enter …" / "Select …" and its label. */
function emptyMessage(spec: FieldSpec): string {
  const picks = spec.as === 'choice' || spec.as === 'checkboxes' || spec.as === 'flag';
  return spec.missing ?? (picks ? `Select ${lower(spec.label)}` : `Enter ${lower(spec.label)}`);
}

/** What a zod issue says to a person, naming the field by its label (a table per rule, not zod's English). */
function messageFor(issue: z.core.$ZodIssue, spec: FieldSpec): string {
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
      // An "add another" list left empty, or too short, says what to add (its `missing`), not "Select".
      if (issue.origin === 'array')
        return spec.missing ?? (min <= 1 ? `Select ${lower(label)}` : `Select at least ${min} for ${lower(label)}`);
      if (spec.as === 'pounds') return `${label} must be more than £0.00`;
      return `${label} must be ${issue.inclusive ? '' : 'more than '}${min}${issue.inclusive ? ' or more' : ''}`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return `${label} must be ${max.toLocaleString('en-GB')} characters or fewer`;
      if (issue.origin === 'array')
        return spec.as === 'wholes' ? `Enter no more than ${max} ${lower(label)}` : `Select no more than ${max} for ${lower(label)}`;
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

/** The field an issue is about: its own path, or the nearest field above it (one number of a `wholes` box). */
function fieldAt(fields: FormFields, path: string): [string, FieldSpec] {
  for (let p = path; p; p = p.slice(0, Math.max(p.lastIndexOf('.'), 0))) {
    const spec = fields[p];
    if (spec) return [p, spec];
  }
  return [path, { label: path }];
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
  /** Derives what the person does not type from what they did (a lot's id from its name), before the schema checks it. */
  adapt: (input: Record<string, unknown>) => Record<string, unknown> = (x) => x,
): Decoded<z.infer<S>> {
  const input: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  // Fields already reported (by the id the summary links to), so the schema's issue for the same one is not added.
  const failed = new Set<string>();
  // Paths that could not be read: an object left empty because its fields were not read (both dates of a period) is not a mistake of its own.
  const unread: string[] = [];
  // Fields left empty: whatever rule the schema then breaks (a minimum length of 2, say), the person is asked to fill them in.
  const blank = new Set<string>();
  for (const [path, spec] of Object.entries(fields)) {
    const r = read(form, path, spec);
    if (r.error) {
      failed.add(fieldId(path, spec));
      unread.push(path);
      errors.push(readError(path, spec, r.error, r.parts));
    } else if (!r.blank) put(input, path, r.value);
    else if (!spec.optional && spec.as !== 'list') {
      blank.add(path);
      put(input, path, spec.as === 'pounds' || spec.as === 'whole' || boxed(spec) ? undefined : '');
    }
  }
  for (const [path, value] of Object.entries(fixed)) put(input, path, value);
  const parsed = schema.safeParse(adapt(input));
  if (parsed.success && !errors.length) return { value: parsed.data };
  const issues = parsed.success ? [] : parsed.error.issues;
  // Text over its limit is said first (an email address of 300 characters is also malformed): it must be shortened whatever else is wrong.
  const tooLong = new Set(issues.filter((i) => i.code === 'too_big' && i.origin === 'string').map((i) => i.path.join('.')));
  for (const issue of issues) {
    const at = issue.path.join('.');
    if (unread.some((p) => p.startsWith(`${at}.`))) continue;
    if (tooLong.has(at) && issue.code !== 'too_big') continue;
    const [path, spec] = fieldAt(fields, at);
    const field = fieldId(path, spec);
    if (failed.has(field)) continue;
    failed.add(field);
    errors.push({ field, message: blank.has(path) ? emptyMessage(spec) : messageFor(issue, spec) });
  }
  return { errors };
}

/**
 * A control of the form, not an answer: which page of a journey it came from, which button was
 * pressed. Answers go through `decodeForm`; controls only choose what happens.
 */
export const control = (form: PostedForm, name: string) => first(form[name]);

/**
 * The answers among what was posted, as typed: the fields named, and any under a prefix (the
 * item being added to a journey's list). A journey keeps them, undecoded, until it is sent.
 */
export function answersAmong(form: PostedForm, names: Set<string>, prefix?: string): PostedForm {
  const out: PostedForm = {};
  for (const [k, v] of Object.entries(form)) if (names.has(k) || (prefix && k.startsWith(prefix))) out[k] = v;
  return out;
}

/**
 * Which of a page's forms was posted, by its hidden `action` field. A form the page does not have
 * is refused whole (400), as the API refuses a route it does not have. Own keys only: `__proto__`
 * or `toString` is no form. Call it once the caller is known to see the record, so an outsider
 * gets the not-found a made-up id gets.
 */
export function chosenForm<T>(form: PostedForm, forms: Record<string, T>): T {
  const name = first(form.action);
  if (!Object.hasOwn(forms, name)) throw new DomainError('validation', 'this page has no such form');
  return forms[name] as T;
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
    if (!spec) return { field: formId, message: capital(text) };
    // "the date paid must be today or in the past" already names "Date paid": prefixing the label again would say it twice.
    const named = text.toLowerCase().includes(spec.label.toLowerCase());
    return { field: fieldId(i.field, spec), message: named ? capital(text) : `${spec.label}: ${text}` };
  });
}

/** What a page needs to act on one of its forms: the use case's schema, the fields as the page asks for them, and the form's id. */
export interface FormAction<S extends z.ZodMiniType> {
  schema: S;
  fields: FormFields;
  /** What a refusal that is no one field's links to: the form's own id. */
  formId: string;
  /** What the page knows and the person does not type (an id from the path). */
  fixed?: Record<string, unknown>;
}

/**
 * A page's form from post to use case: decodes it into the schema's input, runs the use case on
 * it, and shows a refusal as `refusal` does. Gives what the use case answered, or the errors to
 * show beside what was typed (nothing was written).
 */
export async function submitForm<S extends z.ZodMiniType, R>(
  form: PostedForm,
  action: FormAction<S>,
  useCase: (input: z.infer<S>) => Promise<R>,
): Promise<Decoded<R>> {
  const decoded = decodeForm(action.schema, action.fields, form, action.fixed);
  if (decoded.errors) return { errors: decoded.errors };
  try {
    return { value: await useCase(decoded.value) };
  } catch (error) {
    return { errors: refusal(error, action.fields, action.formId) };
  }
}

/** The most characters a free-text field's schema allows, looking through `optional` and `_default`. */
export function maxLengthOf(schema: z.core.$ZodType): number | undefined {
  const def = schema._zod.def as { innerType?: z.core.$ZodType; checks?: z.core.$ZodCheck[] };
  if (def.innerType) return maxLengthOf(def.innerType);
  const max = def.checks?.map((c) => c._zod.def).find((d) => d.check === 'max_length') as z.core.$ZodCheckMaxLengthDef | undefined;
  return max?.maximum;
}

/**
 * The hint that tells the person a free-text field's limit, read from the schema that enforces
 * it, so the limit is stated once. A field without a limit is a mistake: it throws.
 */
export function lengthHint(schema: z.core.$ZodType): string {
  const max = maxLengthOf(schema);
  if (max === undefined) throw new Error('a free-text field needs a maximum length in its schema');
  return `At most ${wholeNumber(max)} characters.`;
}
