import { defineSlice } from '../platform/catalog';
import { calendarEventNotes, calendarEvents } from './events';

const fn = (name: string) => `functions/calendar/${name}.ts`;

export const calendarSlice = defineSlice({
  feature: 'calendar',
  summary:
    "iCalendar feeds for Outlook and Google: a council's milestones, report due dates and tender deadlines, or one contract's, at a secret URL the council rotates.",
  functions: {
    rotateCalendarFeed: {
      entry: fn('rotate-feed'),
      description: 'POST /councils/{orgId}/calendar-feed and /contracts/{contractId}/calendar-feed: a new secret URL, the old one revoked',
      // 'web' for APP_URL: the answer carries the new feed URL.
      needs: ['table-read', 'table-write', 'web'],
    },
    calendarFeed: { entry: fn('feed'), description: 'GET /cal/{token}: the .ics behind a feed URL', needs: ['table-read', 'web'] },
  },
  routes: [
    { method: 'POST', path: '/councils/{orgId}/calendar-feed', fn: 'rotateCalendarFeed', auth: 'staff' },
    { method: 'POST', path: '/contracts/{contractId}/calendar-feed', fn: 'rotateCalendarFeed', auth: 'staff' },
    { method: 'GET', path: '/cal/{token}', fn: 'calendarFeed', auth: 'public' },
  ],
  rules: [],
  workflows: [],
  events: calendarEvents,
  eventNotes: calendarEventNotes,
  linkKinds: ['calendar-feed'],
});
