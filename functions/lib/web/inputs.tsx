import type { Child } from 'hono/jsx';
import { DateBoxes } from './date-time-input';
import { type FieldError, type Option, PoundsInput, Radios, Textarea, TextInput } from './govuk';

/**
 * A form's inputs bound to what was typed into it and the errors to show, so that a page names
 * each field once and says only what is its own (label, hint, width): the value shown back and
 * the error against it come from the field's name. `prefix` is an "add another" item's path
 * (`lots.2.`), so an item's inputs are named as its fields are.
 */
export type Typed = Readonly<Record<string, string | string[] | undefined>>;

interface Named {
  name: string;
  label: string;
  hint?: string | undefined;
}

export function inputsFor(typed: Typed, errors: FieldError[], prefix = '') {
  const at = (name: string) => `${prefix}${name}`;
  const value = (name: string) => String(typed[at(name)] ?? '');
  return {
    Text: (p: Named & { width?: string; type?: string; autocomplete?: string; inputmode?: 'decimal' | 'email' }) => (
      <TextInput {...p} name={at(p.name)} value={value(p.name)} errors={errors} />
    ),
    /** A whole number: a narrow box with the numeric keyboard. */
    Whole: (p: Named & { width: string }) => (
      <TextInput {...p} name={at(p.name)} value={value(p.name)} errors={errors} inputmode="numeric" />
    ),
    Area: (p: Named & { rows?: number }) => <Textarea {...p} name={at(p.name)} value={value(p.name)} errors={errors} />,
    Pounds: (p: Named) => <PoundsInput {...p} name={at(p.name)} typed={typed} errors={errors} />,
    /** GOV.UK's date input: the legend is the label. */
    Day: (p: { name: string; legend: string; hint: string }) => (
      <DateBoxes {...p} name={at(p.name)} typed={typed as Record<string, string>} errors={errors} />
    ),
    /** A moment on the London clock: the date's boxes, then the hour's and the minute's. */
    Moment: (p: { name: string; legend: string; hint: string }) => (
      <DateBoxes {...p} name={at(p.name)} typed={typed as Record<string, string>} errors={errors} time />
    ),
    /** Radios; `value` where the choice shown is not simply what was typed (a default). */
    Choice: (p: { name: string; legend: string; hint?: string; options: Option[]; value?: string }) => (
      <Radios {...p} name={at(p.name)} value={p.value ?? value(p.name)} errors={errors} />
    ),
  };
}

export type Inputs = ReturnType<typeof inputsFor>;

/** The error of an "add another" list as a whole (none added yet), where the summary links to it. */
export function ListError({ id, errors }: { id: string; errors: FieldError[] }) {
  const error = errors.find((e) => e.field === id);
  return (
    <div id={id} class={error ? 'govuk-form-group govuk-form-group--error' : undefined}>
      {error && (
        <p id={`${id}-error`} class="govuk-error-message">
          <span class="govuk-visually-hidden">Error:</span> {error.message}
        </p>
      )}
    </div>
  );
}

/** A page's way on (a confirmation's, a form's way back): one link, in a paragraph of its own. */
export function GoTo({ href, children }: { href: string; children: Child }) {
  return (
    <p class="govuk-body">
      <a class="govuk-link" href={href}>
        {children}
      </a>
    </p>
  );
}

/** A record with a name (an organisation, a person) as a choice among radios. */
export const asOption = (o: { id: string; name: string }): Option => ({ value: o.id, label: o.name });

/** A link styled as GOV.UK's button, as its template writes it: the start of a journey (a secondary or warning button's look). */
export const StartLink = ({ href, kind, children }: { href: string; kind?: 'secondary' | 'warning'; children: Child }) => (
  // biome-ignore lint/a11y/useSemanticElements: GOV.UK's link styled as a button is an <a role="button">, as its template writes it.
  <a href={href} role="button" draggable="false" class={`govuk-button${kind ? ` govuk-button--${kind}` : ''}`} data-module="govuk-button">
    {children}
  </a>
);
