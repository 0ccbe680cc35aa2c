import { defineSlice, functionsIn, read, readWrite, route } from '../platform/catalog';
import { publishingEventNotes, publishingEvents } from './events';
import { rebuildTriggers } from './rebuild-triggers';

const { api, pages, handler, onEvents } = functionsIn('publishing');

export const publishingSlice = defineSlice({
  feature: 'publishing',
  summary:
    'Open by default: what a consortium publishes (licence, place, public parts), each grant’s areas and functions; its public page and 360Giving and OCDS feeds, rebuilt by the event stream and served with ETags.',
  functions: {
    setPublishingSettings: api('set-publishing', 'PUT /consortia/{consortiumId}/publishing', readWrite),
    setGrantPublishing: api('set-grant-publishing', 'PUT /grants/{grantId}/publishing', readWrite),
    publishingPages: pages('pages', "Pages: a consortium's publishing settings, a grant's publishing details", [
      'GET POST /app/consortia/{consortiumId}/publishing',
      'GET POST /app/grants/{grantId}/publishing',
    ]),
    // 'web' for the page's security headers (HSTS where the service is on HTTPS).
    openData: handler('open-data', 'GET /open/{consortiumId}[/…]: a consortium’s public page and feeds, as last rebuilt', [...read, 'web']),
    rebuildOpenData: onEvents(
      'rebuild-open-data',
      rebuildTriggers,
      'rebuild the public page and feeds of the consortium the event concerns',
      // 'web' for the feeds' own URLs; 'open-data' for the ocid prefix.
      [...readWrite, 'web', 'open-data'],
      // It reads every record a consortium publishes: a minute leaves room for a large one.
      { timeoutSeconds: 60 },
    ),
  },
  routes: [
    route.public('GET /open/{consortiumId}', 'openData'),
    route.public('GET /open/{consortiumId}/360giving.json', 'openData'),
    route.public('GET /open/{consortiumId}/360giving.csv', 'openData'),
    route.public('GET /open/{consortiumId}/ocds/releases', 'openData'),
    route.public('GET /open/{consortiumId}/ocds/records', 'openData'),
  ],
  events: publishingEvents,
  eventNotes: publishingEventNotes,
});
