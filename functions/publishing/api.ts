import { defineApi, idsPath } from '../lib/api';
import { consortiumIdPath, grantIdPath, grantPublishingInput, publishingSettingsInput } from './schemas';
import * as views from './views';

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
});
