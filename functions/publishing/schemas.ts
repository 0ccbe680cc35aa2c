import { deferred } from '../../shared/platform/lazy';
import { placeByCode } from '../../shared/platform/places/places';
import { licences, MAX_GRANT_AREAS, PURPOSE_MAX } from '../../shared/publishing/settings';
import { infrastructureFunctions } from '../../shared/reporting/templates';
import { id } from '../lib/schemas';
import * as z from '../lib/zod';

export const consortiumIdPath = deferred(() => z.object({ consortiumId: id }));
export const grantIdPath = deferred(() => z.object({ grantId: id }));

/** A place from the shipped list (shared/platform/places), by its ONS GSS code: never a place typed free-hand. */
const placeCode = deferred(() =>
  z
    .string()
    .check(z.refine((code) => placeByCode(code) !== undefined, 'must be a place on grantloop’s list of English places, by its GSS code')),
);

const unique = (values: readonly string[]) => new Set(values).size === values.length;

/**
 * What the lead chooses to publish: the body of PUT /consortia/{consortiumId}/publishing and the
 * consortium's publishing page's form, one schema (in the order the page asks, which is the order
 * its error summary lists problems in).
 */
export const publishingSettingsInput = deferred(() =>
  z.strictObject({
    licence: z.enum(licences),
    placeCode: z.optional(placeCode),
    show: z.strictObject({ grants: z.boolean(), tenders: z.boolean(), successRates: z.boolean(), decisions: z.boolean() }),
    purpose: z.optional(z.string().check(z.trim(), z.maxLength(PURPOSE_MAX))),
    published: z.boolean(),
  }),
);

/** A grant's areas and functions: the body of PUT /grants/{grantId}/publishing and the grant's publishing page's form. */
export const grantPublishingInput = deferred(() =>
  z.strictObject({
    areaCodes: z.array(placeCode).check(z.maxLength(MAX_GRANT_AREAS), z.refine(unique, 'must name each place once')),
    functions: z.array(z.enum(infrastructureFunctions)).check(z.refine(unique, 'must name each function once')),
  }),
);
