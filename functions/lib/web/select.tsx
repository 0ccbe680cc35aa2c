import { Field, type FieldError, type Option } from './govuk';

/** Options under a heading of their own (HTML's optgroup), as a long list is easier to scan. */
export interface OptionGroup {
  label: string;
  options: Option[];
}

/**
 * GOV.UK's select (the design system's `govukSelect` markup: label, hint, error message, and the
 * error state on the group and the control), with its options in groups. `blank` is the first,
 * empty option (nothing chosen yet, or an optional answer left unanswered).
 */
export function GroupedSelect(p: {
  name: string;
  label: string;
  hint?: string;
  blank: string;
  groups: OptionGroup[];
  value?: string | undefined;
  errors: FieldError[];
  labelClass?: string;
}) {
  return (
    <Field {...p}>
      {(describedBy, error) => (
        <select class={`govuk-select${error ? ' govuk-select--error' : ''}`} id={p.name} name={p.name} aria-describedby={describedBy}>
          <option value="" selected={!p.value}>
            {p.blank}
          </option>
          {p.groups.map((g) => (
            <optgroup label={g.label}>
              {g.options.map((o) => (
                <option value={o.value} selected={o.value === p.value}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      )}
    </Field>
  );
}
