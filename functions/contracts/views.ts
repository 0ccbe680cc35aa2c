/**
 * What the contracts routes answer: a zod schema of each view model the use cases return. The
 * API contract states these (`api.ts`) and each handler checks its body against the same
 * schema's type (`satisfies View<typeof …>`), so the document and the answer cannot drift apart.
 */
import { contractShapes } from '../../shared/contracts/codecs';
import { contractStatuses, kpiRatings, milestoneStatuses, milestoneTypes } from '../../shared/contracts/contract';
import { regimes } from '../../shared/tenders/regime';
import { isoDate, isoTime, wholePence } from '../lib/api';
import * as z from '../lib/zod';
import { ocdsRelease } from '../tenders/views';

const status = z.enum(contractStatuses);
const period = z.strictObject({ startDate: isoDate, endDate: isoDate });
const named = z.strictObject({ id: z.string(), name: z.string() });

const milestoneFields = {
  id: z.string(),
  title: z.string(),
  type: z.enum(milestoneTypes),
  dueDate: isoDate,
  deliverable: z.string(),
  evidenceRequested: z.string(),
  paymentId: z.optional(z.string()),
  status: z.enum(milestoneStatuses),
  evidence: z.optional(
    z.strictObject({ text: z.string(), url: z.optional(z.string()), submittedAt: isoTime, via: z.enum(['link', 'staff']) }),
  ),
  decision: z.optional(
    z.strictObject({ status: z.enum(['met', 'partiallyMet', 'notMet']), reason: z.string(), by: z.string(), at: isoTime }),
  ),
  dateMet: z.optional(isoDate),
  sequence: z.int(),
};
const paymentFields = {
  id: z.string(),
  dueDate: isoDate,
  amount: wholePence,
  invoice: z.optional(
    z.strictObject({ receivedOn: isoDate, fallsDueOn: z.optional(isoDate), payBy: isoDate, by: z.string(), at: isoTime }),
  ),
  paid: z.optional(z.strictObject({ paidOn: isoDate, by: z.string(), at: isoTime })),
};

/** A contract as recorded: every route that changes one answers it whole. */
const contractFields = {
  id: z.string(),
  councilOrgId: z.string(),
  title: z.string(),
  description: z.string(),
  supplier: z.strictObject(contractShapes().supplier),
  value: wholePence,
  currency: z.literal('GBP'),
  period,
  funding: z.union([z.strictObject(contractShapes().councilFunding), z.strictObject(contractShapes().poolFunding)]),
  source: z.union([z.strictObject(contractShapes().directSource), z.strictObject(contractShapes().tenderSource)]),
  regime: z.optional(z.enum(regimes)),
  status,
  statusReason: z.optional(z.string()),
  statusChangedAt: z.optional(isoTime),
  kpis: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      target: z.string(),
      ratings: z.array(z.strictObject({ period, rating: z.enum(kpiRatings), reason: z.optional(z.string()), by: z.string(), at: isoTime })),
    }),
  ),
  amendments: z.array(
    z.strictObject({
      id: z.string(),
      at: isoTime,
      by: z.string(),
      why: z.string(),
      changes: z.array(z.strictObject({ field: z.string(), from: z.string(), to: z.string() })),
      notice: z.optional(z.strictObject({ type: z.literal('UK10'), publishedAt: isoTime })),
    }),
  ),
  createdAt: isoTime,
  createdBy: z.string(),
  version: z.int(),
};

export const contract = z.strictObject({
  ...contractFields,
  payments: z.array(z.strictObject(paymentFields)),
  milestones: z.array(z.strictObject(milestoneFields)),
});

const rag = z.enum(['green', 'amber', 'red']);
const ragResult = z.strictObject({ rag, why: z.string() });
const contractRag = z.nullable(
  z.strictObject({ rag, why: z.string(), counts: z.strictObject({ green: z.int(), amber: z.int(), red: z.int() }) }),
);
const policy = z.strictObject({ amberWithinDays: z.int(), alertOffsetsDays: z.array(z.int()) });
const paymentState = z.enum(['awaiting-invoice', 'awaiting-payment', 'overdue', 'paid-on-time', 'paid-late']);

/** A contract with its policy and, now, the RAG of it and of each milestone, and each payment's state. */
export const contractView = z.strictObject({
  ...contractFields,
  policy,
  rag: contractRag,
  milestones: z.array(z.strictObject({ ...milestoneFields, rag: z.optional(ragResult), overdue: z.boolean() })),
  payments: z.array(
    z.strictObject({ ...paymentFields, status: z.strictObject({ state: paymentState, daysLate: z.int(), label: z.string() }) }),
  ),
});

export const councilContracts = z.strictObject({
  council: named,
  policy,
  filter: z.strictObject({ status: z.optional(status), supplier: z.optional(z.string()) }),
  rows: z.array(
    z.strictObject({
      rag: contractRag,
      id: z.string(),
      title: z.string(),
      supplier: z.string(),
      status,
      value: wholePence,
      period,
      overdue: z.int(),
      nextMilestone: z.optional(z.strictObject({ id: z.string(), title: z.string(), dueDate: isoDate })),
    }),
  ),
  suppliers: z.array(z.string()),
});

export const policySet = z.strictObject({ councilOrgId: z.string(), policy });
export const evidenceRequested = z.strictObject({ contractId: z.string(), milestoneId: z.string(), sentTo: z.string() });

/** Rows as the CSV has them: a date not yet known is an empty string. */
const maybeDate = z.string().check(z.regex(/^(\d{4}-\d{2}-\d{2})?$/));
const maybeTime = z.string().check(z.describe('an ISO 8601 date and time, or empty'));

/** A council's rows, one per payment or milestone, each with its contract and supplier. */
const councilRows = <S extends z.core.$ZodLooseShape>(row: S) =>
  z.strictObject({
    council: named,
    asOf: isoTime,
    rows: z.array(
      z.strictObject({
        contractId: z.string(),
        contract: z.string(),
        contractStatus: status,
        supplier: z.string(),
        supplierIdentifier: z.string(),
        ...row,
      }),
    ),
  });

export const latePayments = councilRows({
  regime: z.string(),
  paymentId: z.string(),
  amount: wholePence,
  receivedOn: maybeDate,
  payBy: maybeDate,
  paidOn: maybeDate,
  status: paymentState,
  daysLate: z.int(),
});

export const councilMilestones = councilRows({
  milestoneId: z.string(),
  milestone: z.string(),
  type: z.enum(milestoneTypes),
  dueDate: isoDate,
  status: z.enum(milestoneStatuses),
  dateMet: maybeDate,
  rag: z.string(),
  why: z.string(),
  evidenceAt: maybeTime,
  decidedAt: maybeTime,
  decisionReason: z.string(),
  payment: z.union([z.string(), wholePence]),
});

const paidPayment = z.strictObject({
  contractId: z.string(),
  contract: z.string(),
  supplier: z.string(),
  supplierIdentifier: z.string(),
  paymentId: z.string(),
  amount: wholePence,
  receivedOn: isoDate,
  payBy: isoDate,
  paidOn: isoDate,
  daysToPay: z.int(),
  daysLate: z.int(),
});
const periodOf = { first: isoDate, last: isoDate, publishBy: isoDate, section: z.string() };
const leftOut = z.strictObject({ regimeNotStated: z.int(), belowThreshold: z.int() });
const share = z.strictObject({ count: z.int(), percent: z.nullable(z.number()) });

export const paymentNotices = z.strictObject({
  council: z.strictObject({ id: z.string(), name: z.string(), identifier: z.string(), contactEmail: z.string() }),
  asOf: isoTime,
  significantPayments: z.strictObject({
    over: wholePence,
    inForceFrom: isoDate,
    quarters: z.array(z.strictObject({ ...periodOf, payments: z.array(paidPayment), ended: z.boolean(), publishByPassed: z.boolean() })),
    leftOut,
    notHeld: z.array(z.string()),
  }),
  paymentsCompliance: z.optional(
    z.strictObject({
      period: z.strictObject(periodOf),
      ended: z.boolean(),
      required: z.boolean(),
      paid: z.strictObject({
        count: z.int(),
        totalDays: z.int(),
        averageDays: z.nullable(z.number()),
        bands: z.strictObject({ upTo30: share, from31To60: share, from61: share }),
        lateUnderSection68: z.int(),
        payments: z.array(paidPayment),
      }),
      becamePayable: z.strictObject({ count: z.int(), notPaidInPeriod: share }),
      leftOut,
      notHeld: z.array(z.string()),
    }),
  ),
  periods: z.array(z.strictObject(periodOf)),
});

export const ocdsPackage = z.strictObject({
  uri: z.string(),
  version: z.string(),
  publishedDate: isoTime,
  publisher: z.strictObject({ name: z.string() }),
  extensions: z.array(z.string()),
  releases: z.array(ocdsRelease),
});
