import type { Child } from 'hono/jsx';
import { ChoiceItem, ErrorMessage, type FieldError } from './govuk';

/**
 * "Add one on the way": GOV.UK radios choosing one of the organisations listed or, after a
 * divider, one that is not, whose fields are revealed beneath it (conditional reveal; without
 * JavaScript they are always shown). A round's proposal chooses its recipient this way, a
 * tender's invitation its provider.
 */
export function ListedOrNew(p: {
  name: string;
  legend: string;
  legendSize: 'm' | 's';
  hint: string;
  listed: { id: string; name: string }[];
  /** The radio's value for "not listed", its label, and the id of the fields it reveals. */
  notListed: { value: string; label: string; revealId: string };
  chosen: string;
  errors: FieldError[];
  children: Child;
}) {
  const error = p.errors.find((e) => e.field === p.name)?.message;
  const item = (value: string, label: string, id: string, controls?: string) => (
    <ChoiceItem kind="radio" name={p.name} id={id} option={{ value, label }} checked={p.chosen === value} controls={controls} />
  );
  const { value, label, revealId } = p.notListed;
  return (
    <div class={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset class="govuk-fieldset" aria-describedby={`${p.name}-hint${error ? ` ${p.name}-error` : ''}`}>
        <legend class={`govuk-fieldset__legend govuk-fieldset__legend--${p.legendSize}`}>{p.legend}</legend>
        <div id={`${p.name}-hint`} class="govuk-hint">
          {p.hint}
        </div>
        <ErrorMessage id={p.name} message={error} />
        <div class="govuk-radios" data-module="govuk-radios">
          {p.listed.map((o, i) => item(o.id, o.name, i === 0 ? p.name : `${p.name}-${i + 1}`))}
          {p.listed.length > 0 && <div class="govuk-radios__divider">or</div>}
          {item(value, label, p.listed.length ? `${p.name}-new` : p.name, revealId)}
          <div class={`govuk-radios__conditional${p.chosen === value ? '' : ' govuk-radios__conditional--hidden'}`} id={revealId}>
            {p.children}
          </div>
        </div>
      </fieldset>
    </div>
  );
}
