import { defineApi, idsPath } from '../lib/api';
import { openPath, pageQuery } from './paths';
import { consortiumIdPath, grantIdPath, grantPublishingInput, publishingSettingsInput } from './schemas';
import * as views from './views';

/** The standards' own schemas, at the versions the feeds are validated against (../shared/schemas). */
const standards = {
  giving360: 'https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4.3/schema/360-giving-package-schema.json',
  ocdsReleases: 'https://standard.open-contracting.org/schema/1__1__5/release-package-schema.json',
  ocdsRecords: 'https://standard.open-contracting.org/schema/1__1__5/record-package-schema.json',
};

const open = (summary: string, media: 'application/json' | 'text/csv' | 'text/html', more: { paged?: boolean; standard?: string } = {}) =>
  ({
    summary,
    path: openPath,
    ...(more.paged ? { query: pageQuery } : {}),
    produces: 'open-data',
    media,
    ...(more.standard ? { standardSchema: more.standard } : {}),
  }) as const;

export const publishingApi = defineApi({
  'PUT /consortia/{consortiumId}/publishing': {
    summary:
      "What the consortium publishes: licence, its place, which parts are public, its purpose, and whether it is published (the lead's officers).",
    path: consortiumIdPath,
    body: publishingSettingsInput,
    response: views.publishingSettings,
  },
  'PUT /grants/{grantId}/publishing': {
    summary:
      "A grant's areas (GSS codes from the shipped list of places) and the functions of local infrastructure it pays for (officers of the consortium's funders).",
    path: grantIdPath,
    body: grantPublishingInput,
    response: views.grantPublishing,
  },
  'GET /app/consortia/{consortiumId}/publishing': {
    summary: "The consortium's publishing settings (its members); the lead's officers get the form to change them.",
    path: idsPath('consortiumId'),
  },
  'POST /app/consortia/{consortiumId}/publishing': {
    summary: 'Saves the settings, through the same schema and use case as PUT /consortia/{consortiumId}/publishing.',
    status: 303,
    path: idsPath('consortiumId'),
    form: '`csrf`, `action` (`settings`), `licence`, `placeCode`, `show-grants`, `show-tenders`, `show-successRates`, `show-decisions`, `purpose` and `published` (`yes` or `no`).',
  },
  'GET /app/grants/{grantId}/publishing': {
    summary: "A grant's publishing details (its consortium's members); officers of its funders get the form to change them.",
    path: idsPath('grantId'),
  },
  'POST /app/grants/{grantId}/publishing': {
    summary: 'Saves them, through the same schema and use case as PUT /grants/{grantId}/publishing.',
    status: 303,
    path: idsPath('grantId'),
    form: '`csrf`, `action` (`details`), `areaCodes.0` … `areaCodes.4` (a place each, or none) and `functions` (repeated).',
  },
  'GET /open/{consortiumId}': open(
    'The consortium’s public page: what it funds, its timetable, success rates, decisions and its feeds (once the lead publishes).',
    'text/html',
  ),
  'GET /open/{consortiumId}/360giving.json': open(
    'Every grant from the consortium’s pools, and each funder’s contribution into them, as a 360Giving 1.4 package.',
    'application/json',
    { standard: standards.giving360 },
  ),
  'GET /open/{consortiumId}/360giving.csv': open('The same grants in 360Giving’s spreadsheet columns.', 'text/csv'),
  'GET /open/{consortiumId}/ocds/releases': open(
    'OCDS 1.1 release package of the consortium’s tenders and their contracts, one page of releases (`links.next` to the next).',
    'application/json',
    { paged: true, standard: standards.ocdsReleases },
  ),
  'GET /open/{consortiumId}/ocds/records': open(
    'OCDS 1.1 record package: one record per tender, with its compiled release (`links.next` to the next page).',
    'application/json',
    { paged: true, standard: standards.ocdsRecords },
  ),
});
