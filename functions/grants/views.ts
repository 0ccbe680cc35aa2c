/**
 * What the grants routes answer: a zod schema of each view model the use cases return. The API
 * contract states these (`api.ts`) and each handler checks its body against the same schema's
 * type (`satisfies View<typeof …>`), so the document and the answer cannot drift apart.
 */
import { conditionKinds, grantStatuses } from '../../shared/grants/grant-plan';
import { frequencies } from '../../shared/grants/report-schedule';
import { reportSubject } from '../../shared/reporting/codecs';
import { reportStatuses } from '../../shared/reporting/report';
import { isoDate, isoTime, wholePence } from '../lib/api';
import * as z from '../lib/zod';
import { fundingShare, grantFields } from '../pools/views';

const outcome = z.enum(['met', 'waived', 'not-met']);

export const condition = z.strictObject({
  id: z.string(),
  grantId: z.string(),
  description: z.string(),
  kind: z.enum(conditionKinds),
  trancheId: z.optional(z.string()),
  status: z.enum(['pending', 'evidence-submitted', 'met', 'waived', 'not-met']),
  evidence: z.optional(z.strictObject({ text: z.optional(z.string()), url: z.optional(z.string()), submittedAt: isoTime })),
  decision: z.optional(z.strictObject({ outcome, reason: z.optional(z.string()), by: z.string(), at: isoTime })),
  linkGeneration: z.optional(z.int()),
  linksReplacedAt: z.optional(isoTime),
  version: z.int(),
});

const tranche = z.strictObject({
  id: z.string(),
  grantId: z.string(),
  seq: z.int(),
  amount: wholePence,
  dueDate: isoDate,
  reportId: z.optional(z.string()),
  status: z.enum(['scheduled', 'released', 'cancelled']),
  releasedAt: z.optional(isoTime),
  blockedByConditionsAt: z.optional(isoTime),
});

/** A report owed on a grant, as scheduled and tracked. */
export const report = z.strictObject({
  ...reportSubject(),
  index: z.int(),
  label: z.string(),
  periodStart: isoDate,
  periodEnd: isoDate,
  dueDate: isoDate,
  templateId: z.enum(['light', 'full']),
  status: z.enum(reportStatuses),
  submissions: z.int(),
  reviews: z.int(),
  remindersSent: z.int(),
  linkGeneration: z.optional(z.int()),
  linksReplacedAt: z.optional(isoTime),
  version: z.int(),
});

const recorded = { id: z.string(), reason: z.string(), by: z.string(), at: isoTime };
const pair = <T extends z.ZodMiniType>(t: T) => z.array(t).check(z.length(2));

/** A change to an awarded grant: what changed as [before, after]. */
export const amendment = z.union([
  z.strictObject({
    ...recorded,
    kind: z.literal('dates'),
    changes: z.strictObject({ plannedStart: pair(isoDate), plannedEnd: pair(isoDate) }),
  }),
  z.strictObject({ ...recorded, kind: z.literal('conditions'), changes: z.strictObject({ added: z.string(), description: z.string() }) }),
  z.strictObject({ ...recorded, kind: z.literal('status'), changes: z.strictObject({ status: pair(z.enum(grantStatuses)) }) }),
  z.strictObject({
    ...recorded,
    kind: z.literal('amount'),
    changes: z.strictObject({
      amount: pair(wholePence),
      tranches: z.array(z.strictObject({ seq: z.int(), amount: wholePence, status: z.enum(['scheduled', 'cancelled']) })),
    }),
  }),
]);

/** A grant with who gets it, who pays for it, and its plan. */
export const grantDetail = z.strictObject({
  ...grantFields,
  status: z.enum(grantStatuses),
  /** When the plan was set (the grant record carries it once it has one). */
  planSetAt: z.optional(isoTime),
  recipient: z.strictObject({ id: z.string(), name: z.optional(z.string()) }),
  funders: z.array(z.strictObject({ ...fundingShare, name: z.optional(z.string()) })),
  conditions: z.array(condition),
  tranches: z.array(tranche),
  reports: z.array(report),
  amendments: z.array(amendment),
});

export const linkSent = z.strictObject({
  conditionId: z.string(),
  sentTo: z.strictObject({ name: z.string(), email: z.string() }),
  validUntil: isoTime,
});

export const statusChanged = z.strictObject({ grantId: z.string(), status: z.enum(grantStatuses) });

const tier = z.strictObject({ frequency: z.enum(frequencies), template: z.enum(['light', 'full']) });

/** The consortium's reporting policy (its type allows every frequency; the request takes the periodic ones). */
export const policySet = z.strictObject({
  consortiumId: z.string(),
  reportingPolicy: z.strictObject({
    thresholdPence: wholePence,
    small: tier,
    large: tier,
    dueDaysAfterPeriodEnd: z.int(),
    reminderOffsetsDays: z.array(z.int()),
    veryLateAfterDays: z.int(),
  }),
});
