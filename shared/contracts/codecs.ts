import * as z from 'zod/mini';
import { recordsOf } from '../platform/codec';
import { lazy } from '../platform/lazy';
import { regimes } from '../tenders/regime';
import { type Contract, contractStatuses, kpiRatings, milestoneStatuses, milestoneTypes } from './contract';
import { keys } from './keys';
import type { ContractPolicy } from './rag';

/** The contracts feature's records: the only place their stored shapes are spelled (docs/ARCHITECTURE.md, "Record kinds"). */
const owner = 'contracts';
const record = /* @__PURE__ */ recordsOf(owner);

/**
 * The fields of a contract's supplier, funding and source, stated once: the stored codec holds
 * them in plain objects (an old item with an extra field still reads), the API's view in strict
 * ones (functions/contracts/views.ts), so the two cannot disagree on what a field is.
 */
export const contractShapes = lazy(() => ({
  supplier: { name: z.string(), email: z.string(), identifier: z.optional(z.string()) },
  councilFunding: { kind: z.literal('council') },
  poolFunding: { kind: z.literal('pool'), poolId: z.string(), grantId: z.string() },
  directSource: { kind: z.literal('direct') },
  tenderSource: { kind: z.literal('tender'), tenderId: z.string(), lotId: z.string() },
}));

/** The shapes of a contract's parts, built with its schema on first use (issue 27), not when the module loads. */
const shapes = lazy(() => {
  const at = z.string();

  const s = contractShapes();
  const period = z.object({ startDate: z.string(), endDate: z.string() });

  const milestone = z.object({
    id: z.string(),
    title: z.string(),
    type: z.enum(milestoneTypes),
    dueDate: z.string(),
    deliverable: z.string(),
    evidenceRequested: z.string(),
    paymentId: z.optional(z.string()),
    status: z.enum(milestoneStatuses),
    evidence: z.optional(z.object({ text: z.string(), url: z.optional(z.string()), submittedAt: at, via: z.enum(['link', 'staff']) })),
    decision: z.optional(z.object({ status: z.enum(['met', 'partiallyMet', 'notMet']), reason: z.string(), by: z.string(), at })),
    dateMet: z.optional(z.string()),
    sequence: z.number(),
  });

  const payment = z.object({
    id: z.string(),
    dueDate: z.string(),
    amount: z.number(),
    invoice: z.optional(z.object({ receivedOn: z.string(), fallsDueOn: z.optional(z.string()), payBy: z.string(), by: z.string(), at })),
    paid: z.optional(z.object({ paidOn: z.string(), by: z.string(), at })),
  });

  const kpi = z.object({
    id: z.string(),
    name: z.string(),
    target: z.string(),
    ratings: z.array(z.object({ period, rating: z.enum(kpiRatings), reason: z.optional(z.string()), by: z.string(), at })),
  });

  const amendment = z.object({
    id: z.string(),
    at,
    by: z.string(),
    why: z.string(),
    changes: z.array(z.object({ field: z.string(), from: z.string(), to: z.string() })),
    notice: z.optional(z.object({ type: z.literal('UK10'), publishedAt: at })),
  });
  return { at, s, period, milestone, payment, kpi, amendment };
});

/** The whole contract (milestones, payments, KPIs, amendments on it), replaced under its version. */
export const contractRecord = /* @__PURE__ */ record<Contract>()('contract', ['CONTRACT#', 'CONTRACT'], {
  schema: () => {
    const { at, s, period, milestone, payment, kpi, amendment } = shapes();
    return z.object({
      id: z.string(),
      councilOrgId: z.string(),
      title: z.string(),
      description: z.string(),
      supplier: z.object(s.supplier),
      value: z.number(),
      currency: z.literal('GBP'),
      period,
      funding: z.union([z.object(s.councilFunding), z.object(s.poolFunding)]),
      source: z.union([z.object(s.directSource), z.object(s.tenderSource)]),
      regime: z.optional(z.enum(regimes)),
      status: z.enum(contractStatuses),
      statusReason: z.optional(z.string()),
      statusChangedAt: z.optional(at),
      payments: z.array(payment),
      milestones: z.array(milestone),
      kpis: z.array(kpi),
      amendments: z.array(amendment),
      createdAt: at,
      createdBy: z.string(),
      version: z.number(),
    });
  },
  keys: (c) => ({ ...keys.contract(c.id), ...keys.contractIndex(c.councilOrgId, c.id) }),
});

/** How a council colours and alerts its contracts, beside its organisation item. */
export const policyRecord = /* @__PURE__ */ record<{ policy: ContractPolicy }, [councilOrgId: string]>()(
  'contract-policy',
  ['ORG#', 'CONTRACT-POLICY'],
  {
    schema: () => z.object({ policy: z.object({ amberWithinDays: z.number(), alertOffsetsDays: z.array(z.number()) }) }),
    keys: (_p, councilOrgId) => keys.policy(councilOrgId),
  },
);

/** Which evidence link of a milestone is live now: the platform's link pointer, under the contract's key. */
export const milestoneLinkPointer = { owner, kind: 'milestone-link', prefix: { pk: 'CONTRACT#', sk: 'MILESTONE-LINK#' } };

/** Every record kind contracts owns (the ownership test reads their prefixes). */
export const records = [contractRecord, policyRecord, milestoneLinkPointer];
