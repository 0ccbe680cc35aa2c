import { formatPounds } from '../../../shared/platform/money';

/** How figures and dates read on staff pages (tables keep exact pence; CSVs carry raw values). */
export const pounds = formatPounds;

export const dayMonthYear = (isoDate: string) =>
  new Date(`${isoDate.slice(0, 10)}T12:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });

export const dateTime = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/London',
  });

/** `changes-requested` → `Changes requested`. */
export const humanise = (s: string) => (s.charAt(0).toUpperCase() + s.slice(1)).replace(/-/g, ' ');

export const statusColour: Record<string, 'green' | 'red' | 'yellow' | 'grey' | 'blue' | 'orange' | 'purple'> = {
  scheduled: 'grey',
  requested: 'blue',
  submitted: 'purple',
  'changes-requested': 'yellow',
  overdue: 'orange',
  'very-late': 'red',
  accepted: 'green',
  'not-submitted': 'red',
  released: 'green',
  blocked: 'red',
  cancelled: 'grey',
  met: 'green',
  waived: 'grey',
  'not-met': 'red',
  pending: 'blue',
  'evidence-submitted': 'purple',
};
