import { londonWallClock } from './london-time';

/**
 * How grantloop writes figures and dates for people, on staff pages, emailed-link pages and in
 * emails alike: money in pounds with separators, dates in words in England's calendar, times
 * on the London clock in GOV.UK style ("5pm on 11 December 2026"), codes as words. One module,
 * so an email and the page it links to never write the same figure two ways. CSVs, 360Giving
 * and the API keep raw values; this is only for reading.
 */

const months = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

const grouped = (n: number, digits: number) => n.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** £1,250.00: exact to the penny (integer pence in). */
export const pounds = (pence: number): string => `${pence < 0 ? '-' : ''}£${grouped(Math.abs(pence) / 100, 2)}`;

/** £150,000: to the nearest pound, for chart ticks and rough sizes where pence would be noise. */
export const wholePounds = (pence: number): string => {
  const whole = Math.round(Math.abs(pence) / 100);
  return `${pence < 0 && whole > 0 ? '-' : ''}£${grouped(whole, 0)}`;
};

/**
 * 1,234: a whole number grouped as en-GB writes it, without ICU. Form hints ("At most 2,000
 * characters.") are built when a page's module loads, and a first `toLocaleString` there cost
 * every cold start about 10 ms of ICU set-up (issue 27).
 */
export const wholeNumber = (n: number): string => String(Math.trunc(n)).replace(/\B(?=(\d{3})+$)/g, ',');

/** 1,234 (whole numbers), or up to two decimals where a measure has them. */
export const count = (n: number): string => n.toLocaleString('en-GB', { maximumFractionDigits: 2 });

/** Scores, averages and ratios: always one decimal place (7.0, 12.5). */
export const oneDecimal = (n: number): string => grouped(n, 1);

/** 45.3% (one decimal place). */
export const percent = (n: number): string => `${grouped(n, 1)}%`;

/** "1 proposal", "2 proposals", "1,250 organisations"; `many` for plurals not made with -s. */
export const plural = (n: number, one: string, many = `${one}s`): string => `${count(n)} ${n === 1 ? one : many}`;

/** "a, b and c". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** A calendar date (YYYY-MM-DD) as its parts; an instant as the London calendar date it falls on. */
function dayParts(dateOrInstant: string | Date): { y: number; m: number; d: number } {
  const date =
    typeof dateOrInstant === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(dateOrInstant)
      ? dateOrInstant
      : londonWallClock(new Date(dateOrInstant)).date;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return { y, m, d };
}

/**
 * "11 December 2026". A date (`2026-12-11`) is a day in England's calendar and is never moved
 * by a time zone; an instant (`2026-06-30T23:30:00Z`) is the London day it falls on (1 July).
 */
export function dayInWords(dateOrInstant: string | Date): string {
  const { y, m, d } = dayParts(dateOrInstant);
  return `${d} ${months[m - 1]} ${y}`;
}

/** "December 2026". */
export function monthInWords(dateOrInstant: string | Date): string {
  const { y, m } = dayParts(dateOrInstant);
  return `${months[m - 1]} ${y}`;
}

/** "Dec 2026": chart ticks only, where a whole month name does not fit. */
export function shortMonth(dateOrInstant: string | Date): string {
  const { y, m } = dayParts(dateOrInstant);
  return `${months[m - 1]?.slice(0, 3)} ${y}`;
}

/** "5pm", "9:30am", "midday": the GOV.UK style for a time on the London clock. */
export function clockInWords(instant: string | Date): string {
  const [h, min] = londonWallClock(new Date(instant)).time.split(':').map(Number) as [number, number];
  if (h === 12 && min === 0) return 'midday';
  const hour = h % 12 || 12;
  return `${hour}${min ? `:${String(min).padStart(2, '0')}` : ''}${h < 12 ? 'am' : 'pm'}`;
}

/**
 * "5pm on 11 December 2026", on the London clock (BST in summer, GMT in winter). Midnight is
 * written as the start of its day: "midnight on 11 December" is read both ways.
 */
export function timeInWords(instant: string | Date): string {
  const { time } = londonWallClock(new Date(instant));
  if (time === '00:00') return `midnight at the start of ${dayInWords(instant)}`;
  return `${clockInWords(instant)} on ${dayInWords(instant)}`;
}

/** Words written in capitals wherever a code carries them. */
const acronyms: Record<string, string> = {
  icb: 'ICB',
  nhs: 'NHS',
  kpi: 'KPI',
  kpis: 'KPIs',
  rag: 'RAG',
  vat: 'VAT',
  uk: 'UK',
  ocds: 'OCDS',
  csv: 'CSV',
  cic: 'CIC',
};

/** A code as words: `changes-requested` → "Changes requested", `icb` → "ICB", `notMet` → "Not met". */
export function humanise(code: string): string {
  const words = code
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .split(/[-_\s:]+/)
    .filter(Boolean)
    .map((w) => acronyms[w.toLowerCase()] ?? w.toLowerCase());
  const [first = '', ...rest] = words;
  return [first.charAt(0).toUpperCase() + first.slice(1), ...rest].join(' ');
}
