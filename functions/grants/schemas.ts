import { conditionKinds, grantStatuses } from '../../shared/grants/grant-plan';
import { frequencies } from '../../shared/grants/report-schedule';
import { deferred } from '../../shared/platform/lazy';
import { currency, date, id, pence, text } from '../lib/schemas';
import * as z from '../lib/zod';

export const grantIdPath = deferred(() => z.object({ grantId: id }));
export const consortiumIdPath = deferred(() => z.object({ consortiumId: id }));
export const conditionPath = deferred(() =>
  z.object({
    grantId: id,
    conditionId: z.string().check(z.regex(/^C\d{1,3}$/, 'must be a condition id such as C1')),
  }),
);

const template = deferred(() => z.enum(['light', 'full']));
const reason = text(3, 1000);
/** What a condition asks of the provider, and a milestone's name: named so the pages state their limits from them. */
export const conditionText = text(5, 500);
export const milestoneName = deferred(() => z.string().check(z.maxLength(200)));

export const grantPlan = deferred(() =>
  z.strictObject({
    conditions: z._default(
      z
        .array(
          z.strictObject({ description: conditionText, kind: z.enum(conditionKinds), trancheIndex: z.optional(z.int().check(z.gte(0))) }),
        )
        .check(z.maxLength(20)),
      [],
    ),
    tranches: z
      .array(z.strictObject({ amount: pence, dueDate: date, reportIndex: z.optional(z.int().check(z.gte(0))) }))
      .check(z.minLength(1, 'a grant is paid in at least one tranche'), z.maxLength(24)),
    reporting: z.optional(
      z.strictObject({
        frequency: z.optional(z.enum(frequencies)),
        template: z.optional(template),
        dueDate: z.optional(date),
        milestone: z.optional(milestoneName),
      }),
    ),
  }),
);

export const conditionDecision = deferred(() =>
  z.strictObject({
    outcome: z.enum(['met', 'waived', 'not-met']),
    reason: z.optional(z.string().check(z.maxLength(1000))),
  }),
);

/** The three kinds of amendment, each its own shape (named so a page's form can be checked against the one it sends). */
export const amountAmendment = deferred(() => z.strictObject({ kind: z.literal('amount'), amount: pence, currency, reason }));
export const datesAmendment = deferred(() => z.strictObject({ kind: z.literal('dates'), plannedStart: date, plannedEnd: date, reason }));
export const conditionAmendment = deferred(() =>
  z.strictObject({
    kind: z.literal('conditions'),
    add: z.strictObject({ description: conditionText, kind: z.literal('ongoing') }),
    reason,
  }),
);
export const amendment = deferred(() => z.discriminatedUnion('kind', [amountAmendment, datesAmendment, conditionAmendment]));

/** Why a grant was amended or its status changed. */
export const changeReason = reason;

export const grantStatusChange = deferred(() => z.strictObject({ status: z.enum(grantStatuses), reason }));

const tier = deferred(() => z.strictObject({ frequency: z.enum(['quarterly', 'six-monthly', 'annual']), template }));
export const reportingPolicy = deferred(() =>
  z.strictObject({
    thresholdPence: pence,
    small: tier,
    large: tier,
    dueDaysAfterPeriodEnd: z.int().check(z.gte(7), z.lte(120)),
    reminderOffsetsDays: z.array(z.int().check(z.gte(-60), z.lte(60))).check(z.maxLength(8)),
    veryLateAfterDays: z.int().check(z.gte(1), z.lte(180)),
  }),
);
