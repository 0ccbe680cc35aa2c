import { contractStatuses, kpiRatings, milestoneTypes } from '../../shared/contracts/contract';
import { deferred } from '../../shared/platform/lazy';
import { regimes } from '../../shared/tenders/regime';
import { date, email, id, name, pence, text } from '../lib/schemas';
import * as z from '../lib/zod';

export const milestoneBody = deferred(() =>
  z.strictObject({
    title: name,
    type: z.enum(milestoneTypes),
    dueDate: date,
    deliverable: text(1, 2000),
    evidenceRequested: text(1, 2000),
    payment: z.optional(z.int().check(z.gte(0), z.lte(99))),
  }),
);

export const kpiBody = deferred(() => z.strictObject({ name, target: text(1, 500) }));

export const newContract = deferred(() =>
  z.strictObject({
    title: name,
    description: z._default(text(0, 5000), ''),
    supplier: z.strictObject({ name, email, identifier: z.optional(text(3, 100)) }),
    value: pence,
    period: z.strictObject({ startDate: date, endDate: date }),
    funding: z._default(
      z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('council') }),
        // Typed on the page as references: the length is stated so a page can say it.
        z.strictObject({ kind: z.literal('pool'), poolId: id.check(z.maxLength(26)), grantId: id.check(z.maxLength(26)) }),
      ]),
      { kind: 'council' as const },
    ),
    status: z.optional(z.enum(['pending', 'active'])),
    /** Omitted: derived from the value (light touch unless `lightTouch` is false). */
    regime: z.optional(z.enum(regimes)),
    lightTouch: z.optional(z.boolean()),
    payments: z._default(z.array(z.strictObject({ dueDate: date, amount: pence })).check(z.maxLength(100)), []),
    milestones: z._default(z.array(milestoneBody).check(z.maxLength(100)), []),
    kpis: z._default(z.array(kpiBody).check(z.maxLength(30)), []),
  }),
);

export const policyBody = deferred(() =>
  z.strictObject({
    amberWithinDays: z.int(),
    alertOffsetsDays: z.array(z.int()).check(z.maxLength(5)),
  }),
);

export const decisionBody = deferred(() =>
  z.strictObject({
    status: z.enum(['met', 'partiallyMet', 'notMet']),
    reason: z.optional(text(0, 2000)),
    dateMet: z.optional(date),
  }),
);

export const ratingBody = deferred(() =>
  z.strictObject({
    period: z.strictObject({ startDate: date, endDate: date }),
    rating: z.enum(kpiRatings),
    reason: z.optional(text(0, 2000)),
  }),
);

export const amendmentBody = deferred(() =>
  z.strictObject({
    why: text(1, 2000),
    value: z.optional(pence),
    endDate: z.optional(date),
    dueDates: z.optional(z.record(z.string().check(z.regex(/^M[1-9][0-9]{0,2}$/, 'must be a milestone id (M1…)')), date)),
    addMilestones: z.optional(z.array(milestoneBody).check(z.maxLength(20))),
    addKpis: z.optional(z.array(kpiBody).check(z.maxLength(30))),
  }),
);

export const statusBody = deferred(() => z.strictObject({ status: z.enum(contractStatuses), reason: z.optional(text(0, 2000)) }));

/** The day the supplier's invoice was received, and the day it says payment falls due if it names one (s.68(2)). */
export const invoiceBody = deferred(() => z.strictObject({ receivedOn: date, fallsDueOn: z.optional(date) }));

/** The day the money reached the supplier. */
export const paidBody = deferred(() => z.strictObject({ paidOn: date }));
