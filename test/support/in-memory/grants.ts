import { keys as consortiaKeys } from '../../../shared/consortia/keys';
import type { Condition, ConditionToDecide, Tranche } from '../../../shared/grants/grant-plan';
import { keys } from '../../../shared/grants/keys';
import type { Report } from '../../../shared/grants/report-schedule';
import { type Amendment, type GrantStore, TrancheReleasedError } from '../../../shared/grants/store';
import { conflict } from '../../../shared/platform/errors';
import { consumeLinkOp } from './platform';
import { ledgerOps } from './pools';
import { eventOp, type Item, type MemoryOp, type MemoryTable, mustExist, mustNotExist, refuse, strip } from './table';

/** A report item with both its indexes, as the DynamoDB adapter writes it. */
export const memoryReportItem = (r: Report): Item => ({
  ...keys.reportIndex(r.grantId, r.consortiumId, r.status, r.dueDate, r.id),
  entity: 'report',
  ...r,
});

/** The sparse item listing a condition as waiting for a decision, as the DynamoDB adapter writes it. */
const memoryToDecideItem = (d: ConditionToDecide): Item => ({
  ...keys.conditionToDecideIndex(d.consortiumId, d.submittedAt, d.grantId, d.conditionId),
  entity: 'condition-to-decide',
  ...d,
});

const amendmentOp = (grantId: string, a: Amendment): MemoryOp => ({
  key: keys.amendment(grantId, a.at, a.id),
  write: () => ({ entity: 'amendment', ...a }),
});

/** Grants on the in-memory table (fast tests); same keys, same conditions as shared/grants/dynamodb-store.ts. */
export function memoryGrants(table: MemoryTable): GrantStore {
  return {
    async setPlan(grantId, plan, event) {
      const once = () => conflict(`grant ${grantId} already has a plan; change it with an amendment`, { rule: 'plan-once' });
      table.transact([
        {
          key: keys.grant(grantId),
          check: (cur) => (cur && !cur.planSetAt ? undefined : once()),
          write: (cur) => ({ ...cur, planSetAt: event.occurredAt, status: cur?.status ?? 'awarded' }),
        },
        ...plan.conditions.map((c) => ({ key: keys.condition(grantId, c.id), write: () => ({ entity: 'condition', ...c }) })),
        ...plan.tranches.map((t) => ({ key: keys.tranche(grantId, t.seq), write: () => ({ entity: 'tranche', ...t }) })),
        ...plan.reports.map((r) => ({ key: keys.report(r.id), check: mustNotExist(once), write: () => memoryReportItem(r) })),
        eventOp(event),
      ]);
    },
    async getPlan(grantId) {
      const of = <T>(prefix: string) => table.query(keys.grant(grantId).pk, prefix).map((i) => strip<T>(i) as T);
      return {
        conditions: of<Condition>(keys.prefix.condition),
        tranches: of<Tranche>(keys.prefix.tranche),
        amendments: of<Amendment>(keys.prefix.amendment),
      };
    },
    async listGrantReports(grantId) {
      return table.query(keys.grant(grantId).pk, keys.prefix.report, 'gsi1').map((i) => strip<Report>(i) as Report);
    },
    async saveCondition(c, expectedVersion, event) {
      table.transact([
        {
          key: keys.condition(c.grantId, c.id),
          check: (cur) =>
            cur?.version === expectedVersion ? undefined : conflict(`condition ${c.id} was changed by someone else; reload and try again`),
          write: () => ({ entity: 'condition', ...c }),
        },
        { key: keys.conditionToDecide(c.grantId, c.id), write: () => undefined },
        eventOp(event),
      ]);
    },
    async markTrancheBlocked(grantId, seq, at) {
      table.attempt([
        {
          key: keys.tranche(grantId, seq),
          check: (cur) => (cur?.blockedByConditionsAt ? refuse() : undefined),
          write: (cur) => ({ ...cur, blockedByConditionsAt: at }),
        },
      ]);
    },
    async saveGrantStatus(grantId, from, to, amendment, event) {
      table.transact([
        {
          key: keys.grant(grantId),
          check: (cur) => (cur?.status === from ? undefined : conflict(`grant ${grantId} is no longer ${from}; reload and try again`)),
          write: (cur) => ({ ...cur, status: to }),
        },
        amendmentOp(grantId, amendment),
        eventOp(event),
      ]);
    },
    async amendDates(grantId, dates, amendment, event) {
      table.transact([
        {
          key: keys.grant(grantId),
          check: mustExist(() => conflict(`grant ${grantId} does not exist`)),
          write: (cur) => ({ ...cur, ...dates }),
        },
        amendmentOp(grantId, amendment),
        eventOp(event),
      ]);
    },
    async addCondition(c, amendment, event) {
      table.transact([
        {
          key: keys.condition(c.grantId, c.id),
          check: mustNotExist(() => conflict(`condition ${c.id} already exists`)),
          write: () => ({ entity: 'condition', ...c }),
        },
        amendmentOp(c.grantId, amendment),
        eventOp(event),
      ]);
    },
    async submitEvidence(linkHash, c, toDecide, now, event) {
      return table.attempt([
        consumeLinkOp(linkHash, now),
        { key: keys.conditionToDecide(c.grantId, c.id), write: () => memoryToDecideItem(toDecide) },
        {
          key: keys.condition(c.grantId, c.id),
          check: (cur) => (cur?.status === 'pending' || cur?.status === 'not-met' ? undefined : refuse()),
          write: (cur) => ({ ...cur, status: 'evidence-submitted', evidence: c.evidence, version: ((cur?.version as number) ?? 0) + 1 }),
        },
        eventOp(event),
      ]);
    },
    async listConditionsToDecide(consortiumId) {
      return table.query(keys.conditionsToDecide(consortiumId), '', 'gsi2').map((i) => strip<ConditionToDecide>(i) as ConditionToDecide);
    },
    async releaseTranche(write, { grantId, seq }) {
      table.transact([
        ...ledgerOps(write),
        {
          key: keys.tranche(grantId, seq),
          check: (cur) => (cur?.status === 'scheduled' ? undefined : new TrancheReleasedError(grantId, seq)),
          write: (cur) => ({ ...cur, status: 'released', releasedAt: write.at }),
        },
      ]);
    },
    async amendAmount(write, { grantId, tranches, amendment }) {
      table.transact([
        ...ledgerOps(write),
        ...tranches.map((t) => ({
          key: keys.tranche(grantId, t.seq),
          check: (cur: Item | undefined) =>
            cur?.status === 'scheduled'
              ? undefined
              : conflict(`tranche ${t.seq} of grant ${grantId} was paid meanwhile; reload and try again`),
          write: (cur: Item | undefined) => ({ ...cur, amount: t.amount, status: t.status }),
        })),
        amendmentOp(grantId, amendment),
      ]);
    },
    async saveReportingPolicy(consortiumId, policy, expectedVersion, event) {
      table.transact([
        {
          key: consortiaKeys.consortium(consortiumId),
          check: (cur) =>
            cur?.version === expectedVersion
              ? undefined
              : conflict(`consortium ${consortiumId} was changed by someone else; reload and try again`),
          write: (cur) => ({ ...cur, reportingPolicy: policy, version: expectedVersion + 1 }),
        },
        eventOp(event),
      ]);
    },
  };
}
