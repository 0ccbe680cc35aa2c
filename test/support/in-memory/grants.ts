import {
  amendmentRecord,
  conditionRecord,
  conditionToDecideRecord,
  grantRecord,
  planOf,
  trancheRecord,
} from '../../../shared/grants/codecs';
import { keys } from '../../../shared/grants/keys';
import { type Amendment, type GrantStore, TrancheReleasedError } from '../../../shared/grants/store';
import { conflict } from '../../../shared/platform/errors';
import { reportRecord } from '../../../shared/reporting/codecs';
import { keys as reportKeys } from '../../../shared/reporting/keys';
import { consumeLinkOp } from './platform';
import { ledgerOps } from './pools';
import { change, eventOp, holds, type MemoryOp, type MemoryTable, newOp, putAtOp, putOp } from './table';

const amendmentOp = (grantId: string, a: Amendment): MemoryOp => putOp(amendmentRecord.toItem(a, grantId));

/** Grants on the in-memory table (fast tests); same codecs, keys and conditions as shared/grants/dynamodb-store.ts. */
export function memoryGrants(table: MemoryTable): GrantStore {
  return {
    async setPlan(grantId, plan, event) {
      const once = () => conflict(`grant ${grantId} already has a plan; change it with an amendment`, { rule: 'plan-once' });
      table.transact([
        {
          key: keys.grant(grantId),
          check: holds(grantRecord, (g) => !g.planSetAt, once),
          write: change(grantRecord, (g) => ({ ...g, planSetAt: event.occurredAt })),
        },
        ...plan.conditions.map((c) => putOp(conditionRecord.toItem(c))),
        ...plan.tranches.map((t) => putOp(trancheRecord.toItem(t))),
        ...plan.reports.map((r) => newOp(reportRecord.toItem(r), once)),
        eventOp(event),
      ]);
    },
    async getPlan(grantId) {
      return planOf(table.query(keys.grant(grantId).pk));
    },
    listGrantReports: async (grantId) => table.list(reportRecord, reportKeys.grantPartition(grantId), reportKeys.prefix.report, 'gsi1'),
    async saveCondition(c, expectedVersion, event) {
      table.transact([
        putAtOp(conditionRecord, c, expectedVersion, () => conflict(`condition ${c.id} was changed by someone else; reload and try again`)),
        { key: keys.conditionToDecide(c.grantId, c.id), write: () => undefined },
        eventOp(event),
      ]);
    },
    async markTrancheBlocked(grantId, seq, at) {
      table.attempt([
        {
          key: keys.tranche(grantId, seq),
          check: holds(trancheRecord, (t) => !t.blockedByConditionsAt),
          write: change(trancheRecord, (t) => ({ ...t, blockedByConditionsAt: at })),
        },
      ]);
    },
    async saveGrantStatus(grantId, from, to, amendment, event) {
      table.transact([
        {
          key: keys.grant(grantId),
          check: holds(
            grantRecord,
            (g) => g.status === from,
            () => conflict(`grant ${grantId} is no longer ${from}; reload and try again`),
          ),
          write: change(grantRecord, (g) => ({ ...g, status: to })),
        },
        amendmentOp(grantId, amendment),
        eventOp(event),
      ]);
    },
    async amendDates(grantId, dates, amendment, event) {
      table.transact([
        {
          key: keys.grant(grantId),
          check: holds(
            grantRecord,
            () => true,
            () => conflict(`grant ${grantId} does not exist`),
          ),
          write: change(grantRecord, (g) => ({ ...g, ...dates })),
        },
        amendmentOp(grantId, amendment),
        eventOp(event),
      ]);
    },
    async addCondition(c, amendment, event) {
      table.transact([
        newOp(conditionRecord.toItem(c), () => conflict(`condition ${c.id} already exists`)),
        amendmentOp(c.grantId, amendment),
        eventOp(event),
      ]);
    },
    async submitEvidence(linkHash, c, toDecide, now, event) {
      return table.attempt([
        consumeLinkOp(linkHash, now),
        putOp(conditionToDecideRecord.toItem(toDecide)),
        {
          key: keys.condition(c.grantId, c.id),
          check: holds(conditionRecord, (s) => s.status === 'pending' || s.status === 'not-met'),
          write: change(conditionRecord, (s) => ({
            ...s,
            status: 'evidence-submitted' as const,
            ...(c.evidence ? { evidence: c.evidence } : {}),
            version: s.version + 1,
          })),
        },
        eventOp(event),
      ]);
    },
    listConditionsToDecide: async (consortiumId) => table.list(conditionToDecideRecord, keys.conditionsToDecide(consortiumId), '', 'gsi2'),
    async releaseTranche(write, { grantId, seq }) {
      table.transact([
        ...ledgerOps(write),
        {
          key: keys.tranche(grantId, seq),
          check: holds(
            trancheRecord,
            (t) => t.status === 'scheduled',
            () => new TrancheReleasedError(grantId, seq),
          ),
          write: change(trancheRecord, (t) => ({ ...t, status: 'released' as const, releasedAt: write.at })),
        },
      ]);
    },
    async amendAmount(write, { grantId, tranches, amendment }) {
      const amount = write.grantAmount;
      table.transact([
        ...ledgerOps(write),
        ...(amount
          ? [
              {
                key: keys.grant(grantId),
                check: holds(
                  grantRecord,
                  (g) => g.amount === amount.from,
                  () => conflict(`grant ${grantId} was amended by someone else; reload and try again`),
                ),
                write: change(grantRecord, (g) => ({ ...g, amount: amount.to })),
              },
            ]
          : []),
        ...tranches.map((t) => ({
          key: keys.tranche(grantId, t.seq),
          check: holds(
            trancheRecord,
            (s) => s.status === 'scheduled',
            () => conflict(`tranche ${t.seq} of grant ${grantId} was paid meanwhile; reload and try again`),
          ),
          write: change(trancheRecord, (s) => ({ ...s, amount: t.amount, status: t.status })),
        })),
        amendmentOp(grantId, amendment),
      ]);
    },
  };
}
