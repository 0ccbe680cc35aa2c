import ical, { ICalEvent, ICalEventStatus } from 'ical-generator';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { londonTime, londonWallClock } from '../platform/london-time';

/** A London wall-clock time: `YYYY-MM-DD`, `HH:MM`. */
interface WallClock {
  date: string;
  time: string;
}

/** One calendar entry; its UID is stable and its sequence only grows. */
export interface FeedEvent {
  uid: string;
  sequence: number;
  summary: string;
  description: string;
  /** When it starts: a London wall-clock time, or an instant (ISO 8601) shown at its London time. */
  start: WallClock | string;
  minutes: number;
  url?: string;
  cancelled?: boolean;
}

/** Where a skipped event is reported: the handler's Powertools logger (tests pass a spy). */
export interface FeedLog {
  warn(message: string, attributes: Record<string, unknown>): void;
}

const ZONE = 'Europe/London';

/**
 * The instant a wall-clock time stands for. Checked strictly, because `Date` would quietly roll
 * an impossible date (30 February) or hour (24:15) into the next one and the event would show on
 * a day nobody set.
 */
function wallInstant({ date, time }: WallClock): Date {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  const real = d && new Date(Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]))).toISOString().slice(0, 10) === date;
  if (!real || !t || Number(t[1]) > 23 || Number(t[2]) > 59) throw new RangeError(`"${date} ${time}" is not a London date and time`);
  return londonTime(date, time);
}

function instant(iso: string): Date {
  const at = new Date(iso);
  const day = iso.slice(0, 10);
  const real = /^\d{4}-\d{2}-\d{2}$/.test(day) && new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day;
  if (!real || Number.isNaN(at.getTime())) throw new RangeError(`"${iso}" is not a date and time`);
  return at;
}

const wallString = ({ date, time }: WallClock) => `${date}T${time}:00`;

/**
 * The event's start and end as London wall-clock strings (the generator writes them as given,
 * whatever the machine's own zone). The end is the start plus the duration in real time, read
 * back on London's clock: after midnight it falls on the next day, and across a clock change it
 * carries the new offset (00:45 + 30 minutes is 02:15 on the last Sunday of March).
 */
function span(e: FeedEvent): { start: string; end: string } {
  if (!Number.isInteger(e.minutes) || e.minutes <= 0) throw new RangeError(`a duration of ${e.minutes} minutes`);
  const from = typeof e.start === 'string' ? instant(e.start) : wallInstant(e.start);
  const to = new Date(from.getTime() + e.minutes * 60_000);
  return { start: wallString(londonWallClock(from)), end: wallString(londonWallClock(to)) };
}

/**
 * An iCalendar feed Outlook and Google can subscribe to: times in Europe/London with its
 * VTIMEZONE, a refresh interval, the calendar's name. An event that cannot be written (a date
 * that does not exist) is left out and logged, so one bad record never costs a council its
 * whole calendar.
 */
export function renderCalendar(name: string, events: FeedEvent[], now: Date, log: FeedLog): string {
  const cal = ical({
    name,
    prodId: { company: 'grantloop', product: 'grantloop', language: 'EN' },
    // No calendar-wide zone: with one, the generator writes DTSTAMP as floating time (RFC 5545 wants UTC). Each event
    // carries TZID=Europe/London, and the generator adds that zone's VTIMEZONE.
    timezone: { name: null, generator: (tz) => tzlib_get_ical_block(tz)[0] ?? null },
    ttl: 60 * 60,
  });
  for (const e of events) {
    try {
      const event = new ICalEvent(
        {
          id: e.uid,
          sequence: e.sequence,
          stamp: now,
          ...span(e),
          timezone: ZONE,
          summary: e.summary,
          description: e.description,
          ...(e.url ? { url: e.url } : {}),
          status: e.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
        },
        cal,
      );
      // Written out once here, so an event that would break the calendar's own toString is caught with its UID.
      event.toString();
      cal.createEvent(event);
    } catch (error) {
      // The UID names the record (ids only); the feed's token is never passed in, so it cannot be logged.
      log.warn('calendar event skipped', { uid: e.uid, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return cal.toString();
}
