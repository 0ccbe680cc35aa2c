import { deferred } from '../../shared/platform/lazy';
import * as z from './zod';

/** Request shapes every feature uses. Business rules (lead count, org-id formats) live in the features. */
export const id = deferred(() => z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'must be a grantloop id (26 characters)')));
export const name = deferred(() =>
  z.string().check(z.trim(), z.minLength(2, 'must be at least 2 characters'), z.maxLength(200, 'must be at most 200 characters')),
);
export const email = deferred(() => z.email('must be an email address').check(z.maxLength(254)));

/** Money is whole pence with its currency, side by side: {"amount": 125000, "currency": "GBP"}. */
export const pence = deferred(() =>
  z
    .int('must be a whole number of pence, e.g. 125000 for £1,250.00')
    .check(z.positive('must be more than zero pence'), z.lte(Number.MAX_SAFE_INTEGER)),
);
export const currency = deferred(() => z.string().check(z.regex(/^[A-Z]{3}$/, 'must be a three-letter currency code such as GBP')));
export const slug = deferred(() =>
  z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be lower-case letters, digits and hyphens (at most 40)')),
);
export const date = deferred(() => z.iso.date('must be a date written YYYY-MM-DD'));
export const text = (min: number, max: number) => z.string().check(z.trim(), z.minLength(min), z.maxLength(max));

export const formatQuery = deferred(() => z.object({ format: z._default(z.enum(['json', 'csv']), 'json') }));
