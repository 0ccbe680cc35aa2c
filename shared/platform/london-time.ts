/**
 * Reminders go out at a set local time in England whatever the season, so times are computed
 * as Europe/London wall-clock moments and turned into UTC instants (BST is UTC+1, GMT is UTC).
 */
let formatter: Intl.DateTimeFormat | undefined;

/**
 * Made on first use, not at import: the first time-zone formatter of a process loads ICU's zone
 * and locale data (about 13 ms of CPU), and most functions whose bundles hold this module never
 * call it, so doing it at import lengthened their cold start for nothing.
 */
function londonParts(instant: Date): Record<string, string> {
  formatter ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  return Object.fromEntries(formatter.formatToParts(instant).map((x) => [x.type, x.value]));
}

/** Minutes London is ahead of UTC at an instant (0 in winter, 60 in summer). */
export function londonOffsetMinutes(instant: Date): number {
  const p = londonParts(instant);
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** The UTC instant of a London wall-clock time on a date (`YYYY-MM-DD`, `HH:MM`). */
export function londonTime(date: string, time = '09:00'): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [h, min] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, h, min);
  // Two passes settle the offset even on the day the clocks change.
  let instant = wall - londonOffsetMinutes(new Date(wall)) * 60_000;
  instant = wall - londonOffsetMinutes(new Date(instant)) * 60_000;
  return new Date(instant);
}

/**
 * The last minute of a London calendar day, as an instant: an emailed link valid "to the end of"
 * a day works until 11:59pm there in winter and in summer alike, and its email can say so.
 */
export const endOfLondonDay = (date: string): string => londonTime(date, '23:59').toISOString();

/** The London calendar date of an instant. */
export function londonDate(instant: Date): string {
  const p = londonParts(instant);
  return `${p.year}-${p.month}-${p.day}`;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** An instant as London wall-clock date and time (`YYYY-MM-DD`, `HH:MM`), for calendars that carry TZID=Europe/London. */
export function londonWallClock(instant: Date): { date: string; time: string } {
  const p = londonParts(instant);
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}
