import { defineEvents, eventMaker, subjectOf } from '../platform/events';
import * as z from '../platform/zod';

/** What calendar writes, with its payload. */
export const calendarEvents = /* @__PURE__ */ defineEvents('calendar', () => ({
  'calendar.feed-rotated': {
    writtenBy: 'a council officer',
    data: z.strictObject({ owner: z.enum(['council', 'contract']), id: z.string(), replaced: z.boolean() }),
  },
}));

export const makeEvent = /* @__PURE__ */ eventMaker(calendarEvents);

export const subject = (owner: { kind: string; id: string }) => subjectOf(owner.kind, owner.id);
