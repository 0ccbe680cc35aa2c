import { z } from 'zod';
import { consortiumRoles } from '../../shared/domain/consortium';
import { regrantTypes } from '../../shared/domain/grant';
import { conditionKinds, grantStatuses } from '../../shared/domain/grant-plan';
import { funderTypes, memberRoles, organisationKinds } from '../../shared/domain/organisation';
import { frequencies } from '../../shared/domain/reporting';

/** Request shapes. Business rules (lead count, org-id formats) live in the domain. */
const id = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'must be a grantloop id (26 characters)');
const name = z.string().trim().min(2, 'must be at least 2 characters').max(200, 'must be at most 200 characters');
const email = z.email('must be an email address').max(254);

export const orgIdPath = z.object({ orgId: id });
export const consortiumIdPath = z.object({ consortiumId: id });

export const newOrganisation = z.strictObject({
  name,
  kind: z.enum(organisationKinds),
  funderType: z.enum(funderTypes).optional(),
  identifier: z.string().trim().min(4).max(80),
  contactEmail: email,
});

export const listOrganisationsQuery = z.object({ kind: z.enum(organisationKinds) });

export const newMember = z.strictObject({
  email,
  name,
  role: z.enum(memberRoles),
});

export const newConsortium = z.strictObject({
  name,
  place: name,
  members: z
    .array(z.strictObject({ orgId: id, role: z.enum(consortiumRoles) }))
    .min(2, 'a consortium needs at least 2 member organisations')
    .max(50),
  quorumPercent: z.int().min(1).max(100).optional(),
});

export const poolIdPath = z.object({ poolId: id });
export const pledgePath = z.object({ poolId: id, pledgeId: id });
export const grantIdPath = z.object({ grantId: id });
export const roundIdPath = z.object({ roundId: id });
export const funderStatementPath = z.object({ poolId: id, orgId: id });
export const formatQuery = z.object({ format: z.enum(['json', 'csv']).default('json') });

/** Money is whole pence with its currency, side by side: {"amount": 125000, "currency": "GBP"}. */
const pence = z
  .int('must be a whole number of pence, e.g. 125000 for £1,250.00')
  .positive('must be more than zero pence')
  .max(Number.MAX_SAFE_INTEGER);
const currency = z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter currency code such as GBP');
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be lower-case letters, digits and hyphens (at most 40)');
const date = z.iso.date('must be a date written YYYY-MM-DD');

export const newPool = z.strictObject({
  name,
  purpose: z.string().trim().min(2).max(1000),
  lots: z
    .array(z.strictObject({ id: slug, name }))
    .max(50)
    .default([]),
});

export const restriction = z.union([
  z.strictObject({ kind: z.literal('core') }),
  z.strictObject({ kind: z.literal('restricted'), lotId: slug }),
  z.strictObject({ kind: z.literal('restricted'), purpose: slug }),
]);

export const newPledge = z.strictObject({
  funderOrgId: id,
  currency,
  years: z
    .array(z.strictObject({ financialYear: z.string(), amount: pence }))
    .min(1, 'a pledge covers at least one financial year')
    .max(10),
  restriction: restriction.default({ kind: 'core' }),
});

export const newContribution = z.strictObject({
  amount: pence,
  currency,
  receivedOn: date,
  financialYear: z.string().optional(),
});

export const allocationRequest = z.strictObject({
  recipientOrgId: id,
  title: name,
  description: z.string().trim().max(2000).optional(),
  amount: pence,
  currency,
  lotId: slug.optional(),
  purpose: slug.optional(),
  durationMonths: z.int().min(1).max(120),
  plannedStart: date.optional(),
  beneficiaryOrgIds: z.array(id).max(20).optional(),
  regrantType: z.enum(regrantTypes).optional(),
});

export const moneyMovement = z.strictObject({ amount: pence, currency, memo: z.string().max(200).optional() });
export const newRound = z.strictObject({ name });
export const newVote = z.strictObject({ decision: z.enum(['approve', 'reject']), comment: z.string().max(1000).optional() });
export const leadDecisionBody = z.strictObject({ decision: z.enum(['approve', 'reject']) });

export const conditionPath = z.object({ grantId: id, conditionId: z.string().regex(/^C\d{1,3}$/, 'must be a condition id such as C1') });
export const reportIdPath = z.object({ reportId: id });

export const grantPlan = z.strictObject({
  conditions: z
    .array(
      z.strictObject({
        description: z.string().trim().min(5).max(500),
        kind: z.enum(conditionKinds),
        trancheIndex: z.int().min(0).optional(),
      }),
    )
    .max(20)
    .default([]),
  tranches: z
    .array(z.strictObject({ amount: pence, dueDate: date, reportIndex: z.int().min(0).optional() }))
    .min(1, 'a grant is paid in at least one tranche')
    .max(24),
  reporting: z
    .strictObject({
      frequency: z.enum(frequencies).optional(),
      template: z.enum(['light', 'full']).optional(),
      dueDate: date.optional(),
      milestone: z.string().max(200).optional(),
    })
    .optional(),
});

export const conditionDecision = z.strictObject({ outcome: z.enum(['met', 'waived', 'not-met']), reason: z.string().max(1000).optional() });

export const amendment = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('amount'), amount: pence, currency, reason: z.string().trim().min(3).max(1000) }),
  z.strictObject({ kind: z.literal('dates'), plannedStart: date, plannedEnd: date, reason: z.string().trim().min(3).max(1000) }),
  z.strictObject({
    kind: z.literal('conditions'),
    add: z.strictObject({ description: z.string().trim().min(5).max(500), kind: z.literal('ongoing') }),
    reason: z.string().trim().min(3).max(1000),
  }),
]);

export const grantStatusChange = z.strictObject({ status: z.enum(grantStatuses), reason: z.string().trim().min(3).max(1000) });
export const reportReview = z.strictObject({ decision: z.enum(['accept', 'request-changes']), comments: z.string().max(2000).optional() });
export const reportStatusQuery = z.object({
  status: z.enum(['scheduled', 'requested', 'submitted', 'changes-requested', 'overdue', 'very-late', 'accepted', 'not-submitted']),
});

const tier = z.strictObject({ frequency: z.enum(['quarterly', 'six-monthly', 'annual']), template: z.enum(['light', 'full']) });
export const reportingPolicy = z.strictObject({
  thresholdPence: pence,
  small: tier,
  large: tier,
  dueDaysAfterPeriodEnd: z.int().min(7).max(120),
  reminderOffsetsDays: z.array(z.int().min(-60).max(60)).max(8),
  veryLateAfterDays: z.int().min(1).max(180),
});
