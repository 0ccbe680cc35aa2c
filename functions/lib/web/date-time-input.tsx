import type { DateFieldError, DatePart } from './form';
import type { FieldError } from './govuk';

/**
 * GOV.UK's date input (day, month and year boxes in a fieldset, named `<name>-day`, `-month`,
 * `-year`, which the form decoder's `date` kind reads) and, with `time`, an hour and a minute box
 * after the year: a moment on the London clock (24-hour), which the `datetime` kind turns into
 * the instant it is. The design system has no time component; its date input's markup serves all
 * five boxes. An error marks only the boxes it names (`parts`), or all of them when the date as a
 * whole is wrong.
 */
type Props = { name: string; legend: string; hint: string; typed: Record<string, string>; errors: FieldError[] };

export const DateTimeInput = (p: Props) => <DateBoxes {...p} time />;

export function DateBoxes(p: Props & { time?: boolean }) {
  const parts: DatePart[] = p.time ? ['day', 'month', 'year', 'hour', 'minute'] : ['day', 'month', 'year'];
  const error: Partial<DateFieldError> | undefined = p.errors.find((e) => e.field.startsWith(`${p.name}-`));
  const wrong = error ? (error.parts ?? parts) : [];
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
