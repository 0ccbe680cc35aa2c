import type { FieldError } from '../lib/web/govuk';

/**
 * The GOV.UK date input (day, month and year fields in a fieldset) and how its answer is read:
 * the three fields become the YYYY-MM-DD the API takes, so the page then decodes it with the
 * same zod schema as the API route. Messages follow the design system's date input guidance.
 */

type Part = 'day' | 'month' | 'year';
const parts: Part[] = ['day', 'month', 'year'];

/** A field error that names which of the three fields are wrong (all three when the date as a whole is). */
export interface DateError extends FieldError {
  parts: Part[];
}

export const dateError = (name: string, message: string, wrong: Part[] = parts): DateError => ({
  field: `${name}-${wrong[0] ?? 'day'}`,
  message,
  parts: wrong,
});

const listed = (names: string[]) => (names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? ''));

/**
 * The date typed into `name`-day, -month and -year as YYYY-MM-DD; an error in plain English
 * naming the field as labelled (`label`, e.g. "Date paid"); nothing at all if it is optional and
 * left blank.
 */
export function readDate(
  form: Record<string, string>,
  name: string,
  label: string,
  optional = false,
): { value?: string; error?: DateError } {
  const typed = Object.fromEntries(parts.map((p) => [p, (form[`${name}-${p}`] ?? '').trim()])) as Record<Part, string>;
  const missing = parts.filter((p) => !typed[p]);
  if (missing.length === 3)
    return optional ? {} : { error: dateError(name, `Enter the ${label.charAt(0).toLowerCase()}${label.slice(1)}`) };
  if (missing.length) return { error: dateError(name, `${label} must include a ${listed(missing)}`, missing) };
  if (!/^\d{4}$/.test(typed.year)) return { error: dateError(name, 'Year must include 4 numbers', ['year']) };
  if (!/^\d{1,2}$/.test(typed.day) || !/^\d{1,2}$/.test(typed.month)) return { error: dateError(name, `${label} must be a real date`) };
  const iso = `${typed.year}-${typed.month.padStart(2, '0')}-${typed.day.padStart(2, '0')}`;
  const d = new Date(`${iso}T12:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) return { error: dateError(name, `${label} must be a real date`) };
  return { value: iso };
}

export function DateInput(p: { name: string; legend: string; hint: string; typed: Record<string, string>; errors: FieldError[] }) {
  const error = p.errors.find((e) => e.field.startsWith(`${p.name}-`)) as DateError | FieldError | undefined;
  const wrong = error ? ((error as DateError).parts ?? parts) : [];
  const describedBy = [`${p.name}-hint`, error && `${p.name}-error`].filter(Boolean).join(' ');
  return (
    <div class={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset class="govuk-fieldset" aria-describedby={describedBy}>
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{p.legend}</legend>
        <div id={`${p.name}-hint`} class="govuk-hint">
          {p.hint}
        </div>
        {error && (
          <p id={`${p.name}-error`} class="govuk-error-message">
            <span class="govuk-visually-hidden">Error:</span> {error.message}
          </p>
        )}
        <div class="govuk-date-input" id={p.name}>
          {parts.map((part) => (
            <div class="govuk-date-input__item">
              <div class="govuk-form-group">
                <label class="govuk-label govuk-date-input__label" for={`${p.name}-${part}`}>
                  {part.charAt(0).toUpperCase() + part.slice(1)}
                </label>
                <input
                  class={`govuk-input govuk-date-input__input govuk-input--width-${part === 'year' ? 4 : 2}${wrong.includes(part) ? ' govuk-input--error' : ''}`}
                  id={`${p.name}-${part}`}
                  name={`${p.name}-${part}`}
                  type="text"
                  inputmode="numeric"
                  value={p.typed[`${p.name}-${part}`] ?? ''}
                />
              </div>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
