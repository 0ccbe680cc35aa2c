import { defineEvents, type EventNotes, eventMaker, subjectOf } from '../platform/events';
import * as z from '../platform/zod';

/** What grants writes, each with its payload: what its consumers may rely on. */
export const grantsEvents = /* @__PURE__ */ defineEvents('grants', () => {
  const grant = { grantId: z.string() };
  const condition = { ...grant, conditionId: z.string() };
  return {
    'grant.awarded': z.strictObject({
      ...grant,
      poolId: z.string(),
      amount: z.int(),
      recipientOrgId: z.string(),
      tenderId: z.optional(z.string()),
    }),
    'grant.plan-set': z.strictObject({ ...grant, reports: z.int(), tranches: z.int(), conditions: z.int() }),
    'grant.status-changed': z.strictObject({ ...grant, from: z.string(), to: z.string() }),
    'grant.amended': z.strictObject({
      ...grant,
      kind: z.enum(['dates', 'conditions', 'amount']),
      from: z.optional(z.int()),
      to: z.optional(z.int()),
    }),
    'condition.evidence-submitted': z.strictObject(condition),
    'condition.decided': z.strictObject({ ...condition, outcome: z.enum(['met', 'waived', 'not-met']) }),
    'condition.link-replaced': z.strictObject({ ...condition, linkGeneration: z.int(), validUntil: z.string() }),
    'consortium.reporting-policy-set': z.strictObject({ consortiumId: z.string(), thresholdPence: z.int() }),
  };
});

/**
 * Who writes each type, and what a field means beyond its type: for the event catalogue in
 * docs/ARCHITECTURE.md only (through the catalog slice), so no Lambda bundle carries the prose.
 */
export const grantsEventNotes: EventNotes<typeof grantsEvents> = {
  'grant.awarded': {
    writtenBy: "awardGrant: a round's proposal (allocation, under the pool's sequence), or a tender's lot",
    fields: { amount: 'pence', tenderId: "only for a grant awarded from a tender's lot" },
  },
  'grant.plan-set': { writtenBy: 'POST /grants/{id}/plan' },
  'grant.status-changed': { writtenBy: 'a status change, or the first release (awarded → active)' },
  'grant.amended': {
    writtenBy: 'an amendment: dates, an added condition, or the amount',
    fields: { from: 'pence, only for the amount', to: 'pence, only for the amount' },
  },
  'condition.evidence-submitted': { writtenBy: 'emailed link' },
  'condition.decided': { writtenBy: 'funder' },
  'condition.link-replaced': { writtenBy: 'POST /grants/{id}/conditions/{c}/link (or the grant page\'s "Send a new link")' },
  'consortium.reporting-policy-set': { writtenBy: 'PUT /consortia/{id}/reporting-policy', fields: { thresholdPence: 'pence' } },
};

export const makeEvent = /* @__PURE__ */ eventMaker(grantsEvents);

export const subject = {
  grant: (grantId: string) => subjectOf('grant', grantId),
  consortium: (consortiumId: string) => subjectOf('consortium', consortiumId),
};
