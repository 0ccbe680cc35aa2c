import ical, { ICalEventStatus } from 'ical-generator';
import { tzlib_get_ical_block } from 'timezones-ical-library';

/** One calendar entry, at a London wall-clock time; its UID is stable and its sequence only grows. */
export interface FeedEvent {
  uid: string;
  sequence: number;
  summary: string;
  description: string;
  /** London wall clock: `YYYY-MM-DD`, `HH:MM`. */
  date: string;
  time: string;
  minutes: number;
  url?: string;
  cancelled?: boolean;
}

const ZONE = 'Europe/London';
const wall = (date: string, time: string, plusMinutes = 0) => {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const total = h * 60 + m + plusMinutes;
  return `${date}T${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}:00`;
};

/**
 * An iCalendar feed Outlook and Google can subscribe to: times in Europe/London with its
 * VTIMEZONE, a refresh interval, the calendar's name. Wall-clock strings are given to the
 * generator (it formats them as given, whatever the machine's own zone).
 */
export function renderCalendar(name: string, events: FeedEvent[], now: Date): string {
  const cal = ical({
    name,
    prodId: { company: 'grantloop', product: 'grantloop', language: 'EN' },
    // No calendar-wide zone: with one, the generator writes DTSTAMP as floating time (RFC 5545 wants UTC). Each event
    // carries TZID=Europe/London, and the generator adds that zone's VTIMEZONE.
    timezone: { name: null, generator: (tz) => tzlib_get_ical_block(tz)[0] ?? null },
    ttl: 60 * 60,
  });
  for (const e of events) {
    cal.createEvent({
      id: e.uid,
      sequence: e.sequence,
      stamp: now,
      start: wall(e.date, e.time),
      end: wall(e.date, e.time, e.minutes),
      timezone: ZONE,
      summary: e.summary,
      description: e.description,
      ...(e.url ? { url: e.url } : {}),
      status: e.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return cal.toString();
}
