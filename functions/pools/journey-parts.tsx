import { actingOrg, loadConsortium, requireActive } from '../../shared/consortia/access';
import type { Caller } from '../../shared/consortia/caller';
import { pounds } from '../../shared/platform/format';
import { poolsTable } from '../../shared/pools/aws';
import { financialYearOf } from '../../shared/pools/pledge';
import type { Lot } from '../../shared/pools/pool';
import { loadPool } from '../../shared/pools/pools';
import type { PostedForm } from '../lib/web/form';
import type { FieldError, Option } from '../lib/web/govuk';

/** Pieces the pools journeys share: financial years and lots as radio options, and a list's own error. */

/** `2026-27` → "2026-27 (April 2026 to March 2027)": the code a funder's finance team uses, with what it means. */
export const financialYearInWords = (fy: string) => {
  const start = Number(fy.slice(0, 4));
  return `${fy} (April ${start} to March ${start + 1})`;
};

/**
 * The financial years a pledge may name, from last year to four years ahead: a person picks one
 * rather than typing "2026-27" in the right form; the API still checks any year it is sent.
 */
export function financialYearOptions(now: Date): Option[] {
  const start = Number(financialYearOf(now).slice(0, 4)) - 1;
  return Array.from({ length: 6 }, (_, i) => {
    const y = start + i;
    const fy = `${y}-${String((y + 1) % 100).padStart(2, '0')}`;
    return { value: fy, label: financialYearInWords(fy) };
  });
}

/** A pool's lots as radios, with "Not restricted" first (`core`). */
export const restrictionOptions = (lots: Lot[]): Option[] => [
  { value: 'core', label: 'Not restricted', hint: 'The money can fund any grant from the pool.' },
  ...lots.map((l) => ({ value: l.id, label: `Only grants in ${l.name}` })),
];

/** "£1,250.00" for what was typed as pounds, or what was typed if it is not an amount (the check page shows it as typed). */
export function typedPounds(raw: unknown): string {
  const text = String(raw ?? '')
    .replace(/^£/, '')
    .replace(/,/g, '')
    .trim();
  return /^\d+(\.\d{1,2})?$/.test(text) ? pounds(Math.round(Number(text) * 100)) : String(raw ?? '');
}

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

/** A GOV.UK text input for pounds: a £ prefix, numeric keyboard. */
export function PoundsInput(p: { name: string; label: string; hint?: string; typed: PostedForm; errors: FieldError[] }) {
  const error = p.errors.find((e) => e.field === p.name)?.message;
  const described = [p.hint && `${p.name}-hint`, error && `${p.name}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label class="govuk-label govuk-label--s" for={p.name}>
        {p.label}
      </label>
      {p.hint && (
        <div id={`${p.name}-hint`} class="govuk-hint">
          {p.hint}
        </div>
      )}
      {error && (
        <p id={`${p.name}-error`} class="govuk-error-message">
          <span class="govuk-visually-hidden">Error:</span> {error}
        </p>
      )}
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
          aria-describedby={described}
        />
      </div>
    </div>
  );
}

/**
 * A pool and its consortium, for a journey only the lead's admins of an active consortium may
 * take (opening a round, a direct award: the use cases' own rule); anyone else gets the
 * not-found page.
 */
export async function poolForLeadAdmins(caller: Caller, poolId: string) {
  const pool = await loadPool(poolsTable, poolId);
  const consortium = await loadConsortium(poolsTable, pool.consortiumId);
  actingOrg(caller, consortium, ['lead'], 'admin', { what: 'pool', id: poolId });
  requireActive(consortium);
  return { pool, consortium };
}
