import { defineSlice, functionsIn, read, readWrite, route } from '../platform/catalog';
import { calendarEventNotes, calendarEvents } from './events';

const { open, handler } = functionsIn('calendar');

export const calendarSlice = defineSlice({
  feature: 'calendar',
  summary:
    "iCalendar feeds for Outlook and Google: a council's milestones, report due dates and tender deadlines, or one contract's, at a secret URL the council rotates.",
  functions: {
    // 'web' for APP_URL: the answer carries the new feed URL.
    rotateCalendarFeed: handler(
      'rotate-feed',
      'POST /councils/{orgId}/calendar-feed and /contracts/{contractId}/calendar-feed: a new secret URL, the old one revoked',
      [...readWrite, 'web'],
    ),
    calendarFeed: open('feed', 'GET /cal/{token}: the .ics behind a feed URL', [...read, 'web']),
  },
  routes: [
    route.staff('POST /councils/{orgId}/calendar-feed', 'rotateCalendarFeed'),
    route.staff('POST /contracts/{contractId}/calendar-feed', 'rotateCalendarFeed'),
  ],
  events: calendarEvents,
  eventNotes: calendarEventNotes,
  linkKinds: ['calendar-feed'],
});
