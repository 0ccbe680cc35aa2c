import { defineEvents, type EventNotes, eventMaker, subjectOf } from '../platform/events';
import * as z from '../platform/zod';

/** What calendar writes, with its payload. */
export const calendarEvents = /* @__PURE__ */ defineEvents('calendar', () => ({
  'calendar.feed-rotated': z.strictObject({ owner: z.enum(['council', 'contract']), id: z.string(), replaced: z.boolean() }),
}));

/**
 * Who writes each type, and what a field means beyond its type: for the event catalogue in
 * docs/ARCHITECTURE.md only (through the catalog slice), so no Lambda bundle carries the prose.
 */
export const calendarEventNotes: EventNotes<typeof calendarEvents> = {
  'calendar.feed-rotated': { writtenBy: 'a council officer' },
};

export const makeEvent = /* @__PURE__ */ eventMaker(calendarEvents);

export const subject = (owner: { kind: string; id: string }) => subjectOf(owner.kind, owner.id);
