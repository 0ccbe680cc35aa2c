import { byRoute } from '../lib/web/page-route';
import { giving360PrefixPage } from './giving360-prefix-page';
import { removePage, rolePage } from './member-pages';
import { newConsortiumPage } from './new-consortium';
import { newMemberPage } from './new-member';
import { newOrganisationPage } from './new-organisation';
import { organisationPage, organisationsPage } from './organisations-page';
import { staffPage } from './web-sessions';

/** Organisations and their staff (the list, an organisation's page, and the journeys and forms that change them, its 360Giving prefix), and proposing a consortium. */
export const handler = staffPage(
  byRoute({
    '/app/organisations': organisationsPage,
    '/app/organisations/new': newOrganisationPage,
    '/app/organisations/{orgId}': organisationPage,
    '/app/organisations/{orgId}/members/new': newMemberPage,
    '/app/organisations/{orgId}/members/{userId}/role': rolePage,
    '/app/organisations/{orgId}/members/{userId}/remove': removePage,
    '/app/organisations/{orgId}/giving360-prefix': giving360PrefixPage,
    '/app/consortia/new': newConsortiumPage,
  }),
);
