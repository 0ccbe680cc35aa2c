import { staffPage } from '../consortia/web-sessions';
import { byRoute } from '../lib/web/page-route';
import { grantPublishingPage } from './grant-page';
import { publishingSettingsPage } from './settings-page';

/** What a consortium publishes, and a grant's publishing details: the settings people choose before anything is public. */
export const handler = staffPage(
  byRoute({
    '/app/consortia/{consortiumId}/publishing': publishingSettingsPage,
    '/app/grants/{grantId}/publishing': grantPublishingPage,
  }),
);
