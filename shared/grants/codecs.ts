import * as z from 'zod/mini';
import { keys as consortiaKeys } from '../consortia/keys';
import { type Item, readAttribute, recordsOf } from '../platform/codec';
import { lazy } from '../platform/lazy';
import { allocationRequestShape } from '../pools/codecs';
import type { Grant } from './grant';
import { type Condition, type ConditionToDecide, grantStatuses, type Tranche } from './grant-plan';
import { keys } from './keys';
import { defaultReportingPolicy, frequencies, type ReportingPolicy } from './report-schedule';
import type { Amendment } from './store';

/** The grants feature's records: the only place their stored shapes are spelled (docs/ARCHITECTURE.md, "Record kinds"). */
const record = /* @__PURE__ */ recordsOf('grants');

/** A grant as stored: with the version its item was created at (an internal guard the domain type does not carry). */
export type StoredGrant = Grant & { version: number };

/**
 * The grant item. Created in the award's ledger transaction (pools' `ledgerTransaction` puts
 * `grantRecord.toItem`), so the money and the grant are one write; every later change is a grants
 * use case (status, dates, plan, amount).
 */
export const grantRecord = /* @__PURE__ */ record<StoredGrant>()('grant', ['GRANT#', 'GRANT'], {
  schema: () =>
    z.object({
      ...allocationRequestShape(),
      id: z.string(),
      poolId: z.string(),
      consortiumId: z.string(),
      currency: z.literal('GBP'),
      fundingType: z.enum(['core', 'restricted']),
      plannedStart: z.string(),
      plannedEnd: z.string(),
      awardedAt: z.string(),
      awardedBy: z.string(),
      status: z.enum(grantStatuses),
      roundId: z.optional(z.string()),
      tenderId: z.optional(z.string()),
      tenderLotId: z.optional(z.string()),
      beneficiaryOrgIds: z.array(z.string()),
      planSetAt: z.optional(z.string()),
      version: z.number(),
    }),
  keys: (g) => ({ ...keys.grant(g.id), ...keys.grantIndex(g.poolId, g.id, g.recipientOrgId) }),
});

/** The grant as the domain sees it: the stored item less its internal version. */
export const grantOf = (stored: StoredGrant): Grant => {
  const { version: _v, ...grant } = stored;
  return grant;
};

export const conditionRecord = /* @__PURE__ */ record<Condition>()('condition', ['GRANT#', 'COND#'], {
  schema: () =>
    z.object({
      id: z.string(),
      grantId: z.string(),
      description: z.string(),
      kind: z.enum(['before-first-payment', 'before-tranche', 'ongoing']),
      trancheId: z.optional(z.string()),
      status: z.enum(['pending', 'evidence-submitted', 'met', 'waived', 'not-met']),
      evidence: z.optional(z.object({ text: z.optional(z.string()), url: z.optional(z.string()), submittedAt: z.string() })),
      decision: z.optional(
        z.object({ outcome: z.enum(['met', 'waived', 'not-met']), reason: z.optional(z.string()), by: z.string(), at: z.string() }),
      ),
      linkGeneration: z.optional(z.number()),
      linksReplacedAt: z.optional(z.string()),
      version: z.number(),
    }),
  keys: (c) => keys.condition(c.grantId, c.id),
});

export const conditionToDecideRecord = /* @__PURE__ */ record<ConditionToDecide>()('condition-to-decide', ['GRANT#', 'DECIDE#'], {
  schema: () =>
    z.object({
      consortiumId: z.string(),
      grantId: z.string(),
      grantTitle: z.string(),
      recipientOrgId: z.string(),
      conditionId: z.string(),
      description: z.string(),
      submittedAt: z.string(),
    }),
  keys: (d) => ({
    ...keys.conditionToDecide(d.grantId, d.conditionId),
    ...keys.conditionToDecideIndex(d.consortiumId, d.submittedAt, d.grantId, d.conditionId),
  }),
});

export const trancheRecord = /* @__PURE__ */ record<Tranche>()('tranche', ['GRANT#', 'TRANCHE#'], {
  schema: () =>
    z.object({
      id: z.string(),
      grantId: z.string(),
      seq: z.number(),
      amount: z.number(),
      dueDate: z.string(),
      reportId: z.optional(z.string()),
      status: z.enum(['scheduled', 'released', 'cancelled']),
      releasedAt: z.optional(z.string()),
      blockedByConditionsAt: z.optional(z.string()),
    }),
  keys: (t) => keys.tranche(t.grantId, t.seq),
});

const amendmentFields = lazy(() => ({ id: z.string(), reason: z.string(), by: z.string(), at: z.string() }));

export const amendmentRecord = /* @__PURE__ */ record<Amendment, [grantId: string]>()('amendment', ['GRANT#', 'AMEND#'], {
  // One shape per kind: what changed, as [before, after] (the Amendment union).
  schema: () =>
    z.discriminatedUnion('kind', [
      z.object({
        ...amendmentFields(),
        kind: z.literal('dates'),
        changes: z.object({ plannedStart: z.array(z.string()), plannedEnd: z.array(z.string()) }),
      }),
      z.object({ ...amendmentFields(), kind: z.literal('conditions'), changes: z.object({ added: z.string(), description: z.string() }) }),
      z.object({ ...amendmentFields(), kind: z.literal('status'), changes: z.object({ status: z.array(z.enum(grantStatuses)) }) }),
      z.object({
        ...amendmentFields(),
        kind: z.literal('amount'),
        changes: z.object({
          amount: z.array(z.number()),
          tranches: z.array(z.object({ seq: z.number(), amount: z.number(), status: z.enum(['scheduled', 'cancelled']) })),
        }),
      }),
    ]),
  keys: (a, grantId) => keys.amendment(grantId, a.at, a.id),
});

/** A grant's plan from the items of its partition (one Query on `GRANT#<id>`), each kind by its sort-key prefix. */
export function planOf(items: Item[]) {
  const under = (prefix: string) => items.filter((i) => String(i.sk).startsWith(prefix));
  return {
    conditions: under(keys.prefix.condition).map(conditionRecord.fromItem),
    tranches: under(keys.prefix.tranche).map(trancheRecord.fromItem),
    amendments: under(keys.prefix.amendment).map((i) => amendmentRecord.fromItem(i)),
  };
}

/** The consortium's reporting policy: grants' own, stored on the consortium item (consortia keeps it opaque). */
export const reportingPolicySchema = lazy((): z.ZodMiniType<ReportingPolicy> => {
  const tier = z.object({ frequency: z.enum(frequencies), template: z.enum(['light', 'full']) });
  return z.object({
    thresholdPence: z.number(),
    small: tier,
    large: tier,
    dueDaysAfterPeriodEnd: z.number(),
    reminderOffsetsDays: z.array(z.number()),
    veryLateAfterDays: z.number(),
  });
});

/** The consortium's own policy (stored on the consortium, read with grants' schema), or the default. */
export const policyOf = (c: { id: string; reportingPolicy?: unknown }): ReportingPolicy =>
  c.reportingPolicy === undefined
    ? defaultReportingPolicy
    : readAttribute(reportingPolicySchema(), c.reportingPolicy, {
        kind: 'consortium',
        key: consortiaKeys.consortium(c.id),
        field: 'reportingPolicy',
      });

/** Every record kind grants owns (the ownership test reads their prefixes). */
export const records = [grantRecord, conditionRecord, conditionToDecideRecord, trancheRecord, amendmentRecord];
