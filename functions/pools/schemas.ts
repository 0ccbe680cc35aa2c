import { regrantTypes } from '../../shared/pools/grant';
import { currency, date, email, id, name, pence, slug } from '../lib/schemas';
import * as z from '../lib/zod';

export const consortiumIdPath = z.object({ consortiumId: id });
export const poolIdPath = z.object({ poolId: id });
export const pledgePath = z.object({ poolId: id, pledgeId: id });
export const grantIdPath = z.object({ grantId: id });
export const roundIdPath = z.object({ roundId: id });
export const funderStatementPath = z.object({ poolId: id, orgId: id });

export const newPool = z.strictObject({
  name,
  purpose: z.string().check(z.trim(), z.minLength(2), z.maxLength(1000)),
  lots: z._default(z.array(z.strictObject({ id: slug, name })).check(z.maxLength(50)), []),
});

const restriction = z.union([
  z.strictObject({ kind: z.literal('core') }),
  z.strictObject({ kind: z.literal('restricted'), lotId: slug }),
  z.strictObject({ kind: z.literal('restricted'), purpose: slug }),
]);

/** `2026-27`: April 2026 to March 2027 (the domain checks the two years follow each other). */
const financialYear = z.string().check(z.regex(/^\d{4}-\d{2}$/, 'must be a financial year like 2026-27'));

export const newPledge = z.strictObject({
  funderOrgId: id,
  currency,
  years: z
    .array(z.strictObject({ financialYear, amount: pence }))
    .check(z.minLength(1, 'a pledge covers at least one financial year'), z.maxLength(10)),
  restriction: z._default(restriction, { kind: 'core' }),
});

export const newContribution = z.strictObject({ amount: pence, currency, receivedOn: date, financialYear: z.optional(financialYear) });

export const allocationRequest = z.strictObject({
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
});

/** A provider not yet on grantloop, added by the funder proposing a grant to it (its org-id checked as for any organisation). */
export const newRecipient = z.strictObject({
  name,
  identifier: z.string().check(z.trim(), z.minLength(4), z.maxLength(80)),
  contactEmail: email,
});

/** A round's proposal: to an organisation on grantloop (`recipientOrgId`), or to one added with it (`newRecipient`), not both. */
export const proposalRequest = z
  .strictObject({ ...allocationRequest.shape, recipientOrgId: z.optional(id), newRecipient: z.optional(newRecipient) })
  .check(
    z.refine((p) => (p.recipientOrgId === undefined) !== (p.newRecipient === undefined), {
      error: 'give one of recipientOrgId or newRecipient',
      path: ['recipientOrgId'],
    }),
  );

export const moneyMovement = z.strictObject({ amount: pence, currency, memo: z.optional(z.string().check(z.maxLength(200))) });
export const newRound = z.strictObject({ name });
export const newVote = z.strictObject({
  decision: z.enum(['approve', 'reject']),
  comment: z.optional(z.string().check(z.maxLength(1000))),
});
export const leadDecisionBody = z.strictObject({ decision: z.enum(['approve', 'reject']) });
