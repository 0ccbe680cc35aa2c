import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { type FeedEvent, renderCalendar } from '../../shared/calendar/feed';

const NOW = new Date('2026-04-01T09:00:00Z');

const event = (uid: string, start: FeedEvent['start'], minutes = 30): FeedEvent => ({
  uid: `${uid}@grantloop`,
  sequence: 0,
  summary: `Event ${uid}`,
  description: 'A test event.',
  start,
  minutes,
});

/** A spy standing in for the handler's logger. */
function spyLog() {
  const warnings: { message: string; attributes: Record<string, unknown> }[] = [];
  return { warnings, warn: (message: string, attributes: Record<string, unknown>) => warnings.push({ message, attributes }) };
}

/** Parsed by ical.js, an independent strict parser: it throws on anything malformed (such as T24:15:00). */
function parse(ics: string) {
  const comp = new ICAL.Component(ICAL.parse(ics));
  for (const tz of comp.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return comp.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      tzid: e.endDate.zone?.tzid,
      start: e.startDate.toString(),
      end: e.endDate.toString(),
      startUtc: e.startDate.toJSDate().toISOString(),
      endUtc: e.endDate.toJSDate().toISOString(),
    };
  });
}

describe('calendar events that cross midnight', () => {
  it('a 30-minute event at 23:45 London ends at 00:15 the next day, from a wall-clock time or from an instant', () => {
    const log = spyLog();
    const ics = renderCalendar(
      'Test',
      [event('wall', { date: '2026-06-10', time: '23:45' }), event('instant', '2026-06-10T22:45:00Z')],
      NOW,
      log,
    );
    expect(ics).not.toContain('T24');
    // June is BST (UTC+1): 23:45 London is 22:45 UTC.
    const expected = {
      tzid: 'Europe/London',
      start: '2026-06-10T23:45:00',
      end: '2026-06-11T00:15:00',
      startUtc: '2026-06-10T22:45:00.000Z',
      endUtc: '2026-06-10T23:15:00.000Z',
    };
    expect(parse(ics)).toEqual([
      { uid: 'wall@grantloop', ...expected },
      { uid: 'instant@grantloop', ...expected },
    ]);
    expect(log.warnings).toEqual([]);
  });

  it('on the nights the clocks change, the end is the real duration later, on the new offset', () => {
    const ics = renderCalendar(
      'Test',
      [
        // Saturday 24 October 2026, 23:45 BST; the clocks go back at 02:00 BST on Sunday 25 October.
        event('october', { date: '2026-10-24', time: '23:45' }, 240),
        // Saturday 28 March 2026, 23:45 GMT; the clocks go forward at 01:00 GMT on Sunday 29 March.
        event('march', { date: '2026-03-28', time: '23:45' }, 120),
        // 00:45 GMT on Sunday 29 March: half an hour later it is 02:15 BST (01:15 never happens that night).
        event('gap', '2026-03-29T00:45:00Z'),
      ],
      NOW,
      spyLog(),
    );
    expect(parse(ics).map(({ uid, start, end, startUtc, endUtc }) => ({ uid, start, end, startUtc, endUtc }))).toEqual([
      {
        uid: 'october@grantloop',
        start: '2026-10-24T23:45:00',
        end: '2026-10-25T02:45:00',
        startUtc: '2026-10-24T22:45:00.000Z',
        endUtc: '2026-10-25T02:45:00.000Z',
      },
      {
        uid: 'march@grantloop',
        start: '2026-03-28T23:45:00',
        end: '2026-03-29T02:45:00',
        startUtc: '2026-03-28T23:45:00.000Z',
        endUtc: '2026-03-29T01:45:00.000Z',
      },
      {
        uid: 'gap@grantloop',
        start: '2026-03-29T00:45:00',
        end: '2026-03-29T02:15:00',
        startUtc: '2026-03-29T00:45:00.000Z',
        endUtc: '2026-03-29T01:15:00.000Z',
      },
    ]);
  });

  it('an event that cannot be written is left out and logged by its UID; the rest of the feed is served', () => {
    const log = spyLog();
    const ics = renderCalendar(
      'Test',
      [
        event('before', { date: '2026-06-10', time: '09:00' }),
        event('thirtieth-february', { date: '2026-02-30', time: '09:00' }),
        event('hour-24', { date: '2026-06-10', time: '24:15' }),
        event('not-a-date', 'soon'),
        event('no-length', { date: '2026-06-10', time: '10:00' }, 0),
        event('after', '2026-06-12T11:00:00Z'),
      ],
      NOW,
      log,
    );
    expect(parse(ics).map((e) => [e.uid, e.start, e.end])).toEqual([
      ['before@grantloop', '2026-06-10T09:00:00', '2026-06-10T09:30:00'],
      ['after@grantloop', '2026-06-12T12:00:00', '2026-06-12T12:30:00'],
    ]);
    expect(log.warnings.map((w) => [w.message, w.attributes.uid])).toEqual([
      ['calendar event skipped', 'thirtieth-february@grantloop'],
      ['calendar event skipped', 'hour-24@grantloop'],
      ['calendar event skipped', 'not-a-date@grantloop'],
      ['calendar event skipped', 'no-length@grantloop'],
    ]);
    expect(log.warnings[0]?.attributes.reason).toBe('"2026-02-30 09:00" is not a London date and time');
  });
});
