import { defineEvents, type EventNotes, eventMaker, subjectOf } from '../platform/events';
import * as z from '../platform/zod';
import { infrastructureFunctions } from '../reporting/templates';
import { licences } from './settings';

/** What publishing writes, each with its payload: what the feeds' consumer may rely on. */
export const publishingEvents = /* @__PURE__ */ defineEvents('publishing', () => ({
  'consortium.publishing-set': z.strictObject({
    consortiumId: z.string(),
    published: z.boolean(),
    licence: z.enum(licences),
    placeCode: z.optional(z.string()),
    show: z.strictObject({ grants: z.boolean(), tenders: z.boolean(), successRates: z.boolean(), decisions: z.boolean() }),
    version: z.int(),
  }),
  'grant.publishing-set': z.strictObject({
    grantId: z.string(),
    consortiumId: z.string(),
    areaCodes: z.array(z.string()),
    functions: z.array(z.enum(infrastructureFunctions)),
    version: z.int(),
  }),
}));

/**
 * Who writes each type, and what a field means beyond its type: for the event catalogue in
 * docs/ARCHITECTURE.md only (through the catalog slice), so no Lambda bundle carries the prose.
 */
export const publishingEventNotes: EventNotes<typeof publishingEvents> = {
  'consortium.publishing-set': {
    writtenBy: "PUT /consortia/{consortiumId}/publishing, or the consortium's publishing page (the lead's officers)",
    note: 'The purpose is left out (free text); read the settings. The feeds and the public page are rebuilt on it: nothing is public until `published`.',
    fields: {
      placeCode: "the consortium's area: an ONS GSS code from the shipped list of places",
      version: 'of the settings record, from 1',
    },
  },
  'grant.publishing-set': {
    writtenBy: "PUT /grants/{grantId}/publishing, or the grant's publishing page (officers of the consortium's funders)",
    fields: {
      areaCodes: 'ONS GSS codes from the shipped list of places: the 360Giving beneficiary locations',
      functions: 'the functions of local infrastructure it pays for: the 360Giving classifications',
      version: 'of the grant’s publishing record, from 1',
    },
  },
};

export const makeEvent = /* @__PURE__ */ eventMaker(publishingEvents);

export const subject = {
  consortium: (consortiumId: string) => subjectOf('consortium', consortiumId),
  grant: (grantId: string) => subjectOf('grant', grantId),
};
