import { dayInWords, pounds } from '../../../shared/platform/format';
import type { PostedForm } from './form';

/** What a journey's draft holds, as typed, for its check page: dates in words where they are dates, and "add another" items. */

/** A date input's three boxes as typed, in words if they make a real date ("1 May 2026"), otherwise as typed. */
export function typedDay(typed: PostedForm, name: string): string {
  const [d, m, y] = ['day', 'month', 'year'].map((p) => String(typed[`${name}-${p}`] ?? '').trim());
  const iso = `${y}-${(m ?? '').padStart(2, '0')}-${(d ?? '').padStart(2, '0')}`;
  const real = /^\d{4}-\d{2}-\d{2}$/.test(iso) && new Date(`${iso}T12:00:00Z`).toISOString().slice(0, 10) === iso;
  return real ? dayInWords(iso) : [d, m, y].filter(Boolean).join('/');
}

/** The items of an "add another" list in the draft, in order, each with its fields as typed. */
export function itemsOf(typed: PostedForm, path: string): PostedForm[] {
  const indices = new Set<number>();
  for (const k of Object.keys(typed)) {
    const m = new RegExp(`^${path}\\.(\\d+)\\.`).exec(k);
    if (m) indices.add(Number(m[1]));
  }
  return [...indices]
    .sort((a, b) => a - b)
    .map((i) => {
      const out: PostedForm = {};
      for (const [k, v] of Object.entries(typed)) if (k.startsWith(`${path}.${i}.`)) out[k.slice(`${path}.${i}.`.length)] = v;
      return out;
    });
}

/** "£1,250.00" for what was typed as pounds, or what was typed if it is not an amount (the check page shows it as typed). */
export function typedPounds(raw: unknown): string {
  const text = String(raw ?? '')
    .replace(/^£/, '')
    .replace(/,/g, '')
    .trim();
  return /^\d+(\.\d{1,2})?$/.test(text) ? pounds(Math.round(Number(text) * 100)) : String(raw ?? '');
}
