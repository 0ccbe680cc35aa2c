import type { Child } from 'hono/jsx';

/**
 * GOV.UK Frontend components as server-rendered JSX (the markup of the design system's own
 * macros, so its CSS applies unchanged). Everything is escaped unless marked raw.
 */

export interface FieldError {
  field: string;
  message: string;
  /** Where the summary's link goes when the field is on another page (a journey's check page links back to its question). */
  href?: string;
}

const errorFor = (errors: FieldError[] | undefined, field: string) => errors?.find((e) => e.field === field)?.message;
const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

export function ErrorSummary({ errors }: { errors: FieldError[] }) {
  if (!errors.length) return null;
  return (
    <div class="govuk-error-summary" data-module="govuk-error-summary">
      <div role="alert">
        <h2 class="govuk-error-summary__title">There is a problem</h2>
        <div class="govuk-error-summary__body">
          <ul class="govuk-list govuk-error-summary__list">
            {errors.map((e) => (
              <li>
                <a href={e.href ?? `#${e.field}`}>{e.message}</a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

export function ErrorMessage({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={`${id}-error`} class="govuk-error-message">
      <span class="govuk-visually-hidden">Error:</span> {message}
    </p>
  );
}

interface FieldProps {
  name: string;
  label: string;
  hint?: string;
  value?: string | undefined;
  errors?: FieldError[];
  /** Visually hidden label, for a field whose heading already says what it is. */
  labelClass?: string;
}

/** A text field's (or a select's) group: label, hint and error message, with the control inside. */
export function Field(p: FieldProps & { children: (describedBy: string | undefined, error: string | undefined) => Child }) {
  const error = errorFor(p.errors, p.name);
  return (
    <div class={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label class={`govuk-label ${p.labelClass ?? 'govuk-label--s'}`} for={p.name}>
        {p.label}
      </label>
      {p.hint && (
        <div id={`${p.name}-hint`} class="govuk-hint">
          {p.hint}
        </div>
      )}
      <ErrorMessage id={p.name} message={error} />
      {p.children(describedBy(p.hint && `${p.name}-hint`, error && `${p.name}-error`), error)}
    </div>
  );
}

export function Textarea(p: FieldProps & { rows?: number }) {
  return (
    <Field {...p}>
      {(aria, error) => (
        <textarea
          class={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`}
          id={p.name}
          name={p.name}
          rows={p.rows ?? 5}
          aria-describedby={aria}
        >
          {p.value ?? ''}
        </textarea>
      )}
    </Field>
  );
}

export function TextInput(
  p: FieldProps & { type?: string; width?: string; autocomplete?: string; inputmode?: 'decimal' | 'numeric' | 'email' },
) {
  return (
    <Field {...p}>
      {(aria, error) => (
        <input
          class={`govuk-input${p.width ? ` govuk-input--width-${p.width}` : ''}${error ? ' govuk-input--error' : ''}`}
          id={p.name}
          name={p.name}
          type={p.type ?? 'text'}
          value={p.value ?? ''}
          autocomplete={p.autocomplete}
          inputmode={p.inputmode}
          aria-describedby={aria}
        />
      )}
    </Field>
  );
}

/** A GOV.UK text input for pounds: a £ prefix, numeric keyboard. */
export function PoundsInput(p: {
  name: string;
  label: string;
  hint?: string | undefined;
  typed: Readonly<Record<string, unknown>>;
  errors: FieldError[];
}) {
  return (
    <Field {...p}>
      {(aria, error) => (
        <div class="govuk-input__wrapper">
          <div class="govuk-input__prefix" aria-hidden="true">
            £
          </div>
          <input
            class={`govuk-input govuk-input--width-10${error ? ' govuk-input--error' : ''}`}
            id={p.name}
            name={p.name}
            type="text"
            inputmode="decimal"
            spellcheck={false}
            value={String(p.typed[p.name] ?? '')}
            aria-describedby={aria}
          />
        </div>
      )}
    </Field>
  );
}

export interface Option {
  value: string;
  label: string;
  hint?: string;
}

/** A question of radios or checkboxes: the fieldset, its legend, hint and error, around the items. */
function ChoiceGroup(p: { name: string; legend: string; hint?: string | undefined; errors?: FieldError[] | undefined; children: Child }) {
  const error = errorFor(p.errors, p.name);
  return (
    <div class={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset class="govuk-fieldset" aria-describedby={describedBy(p.hint && `${p.name}-hint`, error && `${p.name}-error`)}>
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">{p.legend}</legend>
        {p.hint && (
          <div id={`${p.name}-hint`} class="govuk-hint">
            {p.hint}
          </div>
        )}
        <ErrorMessage id={p.name} message={error} />
        {p.children}
      </fieldset>
    </div>
  );
}

// The first item carries the field's id, so the error summary's link lands on it.
const itemId = (name: string, i: number) => (i === 0 ? name : `${name}-${i + 1}`);

/**
 * One radio or checkbox, its label and its hint. A checkbox's hint is tied to its box by
 * `aria-describedby`; `controls` names the fields a radio reveals (GOV.UK's conditional reveal).
 */
export function ChoiceItem(p: {
  kind: 'radio' | 'checkbox';
  name: string;
  id: string;
  option: Option;
  checked: boolean;
  controls?: string;
}) {
  const group = p.kind === 'radio' ? 'govuk-radios' : 'govuk-checkboxes';
  const hintId = p.kind === 'checkbox' && p.option.hint ? `${p.id}-item-hint` : undefined;
  return (
    <div class={`${group}__item`}>
      <input
        class={`${group}__input`}
        id={p.id}
        name={p.name}
        type={p.kind}
        value={p.option.value}
        checked={p.checked}
        aria-describedby={hintId}
        data-aria-controls={p.controls}
      />
      <label class={`govuk-label ${group}__label`} for={p.id}>
        {p.option.label}
      </label>
      {p.option.hint && (
        <div id={hintId} class={`govuk-hint ${group}__hint`}>
          {p.option.hint}
        </div>
      )}
    </div>
  );
}

export function Radios(p: {
  name: string;
  legend: string;
  options: Option[];
  value?: string | undefined;
  errors?: FieldError[];
  hint?: string;
}) {
  return (
    <ChoiceGroup {...p}>
      <div class="govuk-radios" data-module="govuk-radios">
        {p.options.map((o, i) => (
          <ChoiceItem kind="radio" name={p.name} id={itemId(p.name, i)} option={o} checked={p.value === o.value} />
        ))}
      </div>
    </ChoiceGroup>
  );
}

/** GOV.UK checkboxes: every value ticked is posted under the one name. */
export function Checkboxes(p: { name: string; legend: string; hint?: string; options: Option[]; value: string[]; errors: FieldError[] }) {
  return (
    <ChoiceGroup {...p}>
      <div class="govuk-checkboxes" data-module="govuk-checkboxes">
        {p.options.map((o, i) => (
          <ChoiceItem kind="checkbox" name={p.name} id={itemId(p.name, i)} option={o} checked={p.value.includes(o.value)} />
        ))}
      </div>
    </ChoiceGroup>
  );
}

export function Select(p: { name: string; label: string; options: Option[]; value?: string | undefined }) {
  return (
    <div class="govuk-form-group">
      <label class="govuk-label" for={p.name}>
        {p.label}
      </label>
      <select class="govuk-select" id={p.name} name={p.name}>
        {p.options.map((o) => (
          <option value={o.value} selected={o.value === (p.value ?? '')}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** GOV.UK's warning text: the "!" icon, hidden from screen readers, which hear "Warning" instead. */
export function WarningText({ children }: { children: Child }) {
  return (
    <div class="govuk-warning-text">
      <span class="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong class="govuk-warning-text__text">
        <span class="govuk-visually-hidden">Warning</span>
        {children}
      </strong>
    </div>
  );
}

/** A form's button; `warning` for one that deletes or ends something for good. */
export function Button(p: { children: Child; secondary?: boolean; warning?: boolean; name?: string; value?: string }) {
  const { children, secondary, warning, name, value } = p;
  return (
    <button
      type="submit"
      class={`govuk-button${secondary ? ' govuk-button--secondary' : ''}${warning ? ' govuk-button--warning' : ''}`}
      data-module="govuk-button"
      name={name}
      value={value}
    >
      {children}
    </button>
  );
}

/** Several answers, one a line (a check page's value); `none` when there are none. */
export function Lines({ items, none }: { items: string[]; none: string }) {
  if (!items.length) return <>{none}</>;
  return (
    <ul class="govuk-list">
      {items.map((i) => (
        <li>{i}</li>
      ))}
    </ul>
  );
}

/** A GOV.UK summary list; a row may end with an action ("Change"), as check-your-answers pages have. */
export function SummaryList({ rows }: { rows: ([string, Child] | [string, Child, { href: string; label: string }])[] }) {
  // The no-actions modifier is for the rows without one in a list where others have one.
  const someActions = rows.some((r) => r[2]);
  return (
    <dl class="govuk-summary-list">
      {rows.map(([key, value, action]) => (
        <div class={`govuk-summary-list__row${someActions && !action ? ' govuk-summary-list__row--no-actions' : ''}`}>
          <dt class="govuk-summary-list__key">{key}</dt>
          <dd class="govuk-summary-list__value">{value}</dd>
          {action && (
            <dd class="govuk-summary-list__actions">
              <a class="govuk-link" href={action.href}>
                {action.label}
                <span class="govuk-visually-hidden"> {key.toLowerCase()}</span>
              </a>
            </dd>
          )}
        </div>
      ))}
    </dl>
  );
}

const tagColours: Record<string, string> = {
  green: 'govuk-tag--green',
  red: 'govuk-tag--red',
  yellow: 'govuk-tag--yellow',
  grey: 'govuk-tag--grey',
  blue: 'govuk-tag--blue',
  orange: 'govuk-tag--orange',
  purple: 'govuk-tag--purple',
};

export function Tag({ children, colour }: { children: Child; colour?: keyof typeof tagColours }) {
  return <strong class={`govuk-tag ${colour ? tagColours[colour] : ''}`.trim()}>{children}</strong>;
}

export function SuccessBanner({ heading }: { heading: string }) {
  return (
    <div
      class="govuk-notification-banner govuk-notification-banner--success"
      role="alert"
      aria-labelledby="govuk-notification-banner-title"
      data-module="govuk-notification-banner"
    >
      <div class="govuk-notification-banner__header">
        <h2 class="govuk-notification-banner__title" id="govuk-notification-banner-title">
          Success
        </h2>
      </div>
      <div class="govuk-notification-banner__content">
        <p class="govuk-notification-banner__heading">{heading}</p>
      </div>
    </div>
  );
}

export function Breadcrumbs({ items }: { items: { href: string; label: string }[] }) {
  return (
    <nav class="govuk-breadcrumbs" aria-label="Breadcrumb">
      <ol class="govuk-breadcrumbs__list">
        {items.map((i) => (
          <li class="govuk-breadcrumbs__list-item">
            <a class="govuk-breadcrumbs__link" href={i.href}>
              {i.label}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** The per-session token every form carries; the page wrapper refuses a POST without it. */
export const Csrf = ({ token }: { token: string }) => <input type="hidden" name="csrf" value={token} />;
