import { defineApi } from '../lib/api';
import * as z from '../lib/zod';
import { feedOwnerPath } from './paths';
import * as views from './views';

// zod's JSON Schema leaves out the refine (exactly one of the two owners): each route names one.
export const calendarApi = defineApi({
  'POST /councils/{orgId}/calendar-feed': {
    summary: "A new address for the council's calendar feed (the old one stops working); shown in this answer only.",
    status: 201,
    path: feedOwnerPath,
    response: views.rotated,
  },
  'POST /contracts/{contractId}/calendar-feed': {
    summary: "A new address for one contract's calendar feed; shown in this answer only.",
    status: 201,
    path: feedOwnerPath,
    response: views.rotated,
  },
  'GET /cal/{token}': {
    summary: 'The calendar (iCalendar), for Outlook and Google to poll; a 404 in plain text for an unknown address.',
    path: z.object({ token: z.string().check(z.regex(/^[A-Za-z0-9_-]{43}(\.ics)?$/)) }),
    produces: 'calendar',
  },
});
