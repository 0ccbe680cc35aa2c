import { regrantTypes } from '../../shared/pools/grant';
import { currency, date, id, name, pence, slug } from '../lib/schemas';
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

export const newPledge = z.strictObject({
  funderOrgId: id,
  currency,
  years: z
    .array(z.strictObject({ financialYear: z.string(), amount: pence }))
    .check(z.minLength(1, 'a pledge covers at least one financial year'), z.maxLength(10)),
  restriction: z._default(restriction, { kind: 'core' }),
});

export const newContribution = z.strictObject({ amount: pence, currency, receivedOn: date, financialYear: z.optional(z.string()) });

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

export const moneyMovement = z.strictObject({ amount: pence, currency, memo: z.optional(z.string().check(z.maxLength(200))) });
export const newRound = z.strictObject({ name });
export const newVote = z.strictObject({
  decision: z.enum(['approve', 'reject']),
  comment: z.optional(z.string().check(z.maxLength(1000))),
});
export const leadDecisionBody = z.strictObject({ decision: z.enum(['approve', 'reject']) });
