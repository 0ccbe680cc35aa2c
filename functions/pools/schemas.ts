import { deferred } from '../../shared/platform/lazy';
import { regrantTypes } from '../../shared/pools/grant';
import { currency, date, email, id, name, pence, slug } from '../lib/schemas';
import * as z from '../lib/zod';

export const consortiumIdPath = deferred(() => z.object({ consortiumId: id }));
export const poolIdPath = deferred(() => z.object({ poolId: id }));
export const pledgePath = deferred(() => z.object({ poolId: id, pledgeId: id }));
export const grantIdPath = deferred(() => z.object({ grantId: id }));
export const roundIdPath = deferred(() => z.object({ roundId: id }));
export const funderStatementPath = deferred(() => z.object({ poolId: id, orgId: id }));

export const newPool = deferred(() =>
  z.strictObject({
    name,
    purpose: z.string().check(z.trim(), z.minLength(2), z.maxLength(1000)),
    lots: z._default(z.array(z.strictObject({ id: slug, name })).check(z.maxLength(50)), []),
  }),
);

const restriction = deferred(() =>
  z.union([
    z.strictObject({ kind: z.literal('core') }),
    z.strictObject({ kind: z.literal('restricted'), lotId: slug }),
    z.strictObject({ kind: z.literal('restricted'), purpose: slug }),
  ]),
);

/** `2026-27`: April 2026 to March 2027 (the domain checks the two years follow each other). */
const financialYear = deferred(() => z.string().check(z.regex(/^\d{4}-\d{2}$/, 'must be a financial year like 2026-27')));

export const newPledge = deferred(() =>
  z.strictObject({
    funderOrgId: id,
    currency,
    years: z
      .array(z.strictObject({ financialYear, amount: pence }))
      .check(z.minLength(1, 'a pledge covers at least one financial year'), z.maxLength(10)),
    restriction: z._default(restriction, { kind: 'core' }),
  }),
);

export const newContribution = deferred(() =>
  z.strictObject({ amount: pence, currency, receivedOn: date, financialYear: z.optional(financialYear) }),
);

export const allocationRequest = deferred(() =>
  z.strictObject({
    recipientOrgId: id,
    title: name,
    description: z.optional(z.string().check(z.trim(), z.maxLength(2000))),
    amount: pence,
    currency,
    lotId: z.optional(slug),
    purpose: z.optional(slug),
    durationMonths: z.int().check(z.gte(1), z.lte(120)),
    plannedStart: z.optional(date),
    beneficiaryOrgIds: z.optional(z.array(id).check(z.maxLength(20))),
    regrantType: z.optional(z.enum(regrantTypes)),
  }),
);

/** A provider not yet on grantloop, added by the funder proposing a grant to it (its org-id checked as for any organisation). */
export const newRecipient = deferred(() =>
  z.strictObject({
    name,
    identifier: z.string().check(z.trim(), z.minLength(4), z.maxLength(80)),
    contactEmail: email,
  }),
);

/** A round's proposal: to an organisation on grantloop (`recipientOrgId`), or to one added with it (`newRecipient`), not both. */
export const proposalRequest = deferred(() =>
  z.strictObject({ ...allocationRequest.shape, recipientOrgId: z.optional(id), newRecipient: z.optional(newRecipient) }).check(
    z.refine((p) => (p.recipientOrgId === undefined) !== (p.newRecipient === undefined), {
      error: 'give one of recipientOrgId or newRecipient',
      path: ['recipientOrgId'],
    }),
  ),
);

export const moneyMovement = deferred(() =>
  z.strictObject({ amount: pence, currency, memo: z.optional(z.string().check(z.maxLength(200))) }),
);
export const newRound = deferred(() => z.strictObject({ name }));
export const newVote = deferred(() =>
  z.strictObject({
    decision: z.enum(['approve', 'reject']),
    comment: z.optional(z.string().check(z.maxLength(1000))),
  }),
);
export const leadDecisionBody = deferred(() => z.strictObject({ decision: z.enum(['approve', 'reject']) }));
