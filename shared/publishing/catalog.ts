import { defineSlice, functionsIn, readWrite } from '../platform/catalog';
import { publishingEventNotes, publishingEvents } from './events';

const { api, pages } = functionsIn('publishing');

export const publishingSlice = defineSlice({
  feature: 'publishing',
  summary:
    'Open by default: what a consortium publishes (licence, place, public parts), each grant’s areas and functions, and its public 360Giving and OCDS feeds.',
  functions: {
    setPublishingSettings: api('set-publishing', 'PUT /consortia/{consortiumId}/publishing', readWrite),
    setGrantPublishing: api('set-grant-publishing', 'PUT /grants/{grantId}/publishing', readWrite),
    publishingPages: pages('pages', "Pages: a consortium's publishing settings, a grant's publishing details", [
      'GET POST /app/consortia/{consortiumId}/publishing',
      'GET POST /app/grants/{grantId}/publishing',
    ]),
  },
  events: publishingEvents,
  eventNotes: publishingEventNotes,
});
