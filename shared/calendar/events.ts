import { eventMaker, subjectOf } from '../platform/events';

export const calendarEvents = ['calendar.feed-rotated'] as const;

export const makeEvent = eventMaker(calendarEvents);

export const subject = (owner: { kind: string; id: string }) => subjectOf(owner.kind, owner.id);
