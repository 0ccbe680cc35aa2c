import { byPrefix, documentClient as db, op, partition, queryAll } from '../platform/aws/dynamodb';
import { isAwsError } from '../platform/aws/lite';
import { attempt, consumeLinkItem, eventItem, put, putAt, putNew, type TransactItem, transact } from '../platform/aws/transact';
import { config } from '../platform/config';
import { conflict } from '../platform/errors';
import { ledgerTransaction } from '../pools/ledger-transaction';
import { reportRecord } from '../reporting/codecs';
import { keys as reportKeys } from '../reporting/keys';
import { amendmentRecord, conditionRecord, conditionToDecideRecord, planOf, type StoredGrant, trancheRecord } from './codecs';
import { keys } from './keys';
import { type Amendment, type GrantStore, TrancheReleasedError } from './store';

const table = () => config.tableName();

const amendmentItem = (grantId: string, a: Amendment): TransactItem => put(amendmentRecord.toItem(a, grantId));

/** The grant's status or amount moved from the value read to the next, only if it still has the value read. */
const moveGrant = <F extends 'status' | 'amount'>(grantId: string, field: F, from: StoredGrant[F], to: StoredGrant[F]): TransactItem => ({
  Update: {
    TableName: table(),
    Key: keys.grant(grantId),
    UpdateExpression: 'SET #field = :to',
    ConditionExpression: '#field = :from',
    ExpressionAttributeNames: { '#field': field },
    ExpressionAttributeValues: { ':to': to, ':from': from },
  },
});

export const dynamoGrants: GrantStore = {
  async setPlan(grantId, plan, event) {
    await transact(
      [
        {
          Update: {
            TableName: table(),
            Key: keys.grant(grantId),
            UpdateExpression: 'SET planSetAt = :at, #status = if_not_exists(#status, :awarded)',
            ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(planSetAt)',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':at': event.occurredAt, ':awarded': 'awarded' },
          },
        },
        ...plan.conditions.map((c) => put(conditionRecord.toItem(c))),
        ...plan.tranches.map((t) => put(trancheRecord.toItem(t))),
        // The reports the plan owes are reporting's records, created here in the plan's one write.
        ...plan.reports.map((r) => putNew(reportRecord.toItem(r))),
        eventItem(event),
      ],
      () => conflict(`grant ${grantId} already has a plan; change it with an amendment`, { rule: 'plan-once' }),
    );
  },

  async getPlan(grantId) {
    return planOf(await queryAll(partition(table(), keys.grant(grantId).pk)));
  },

  async listGrantReports(grantId) {
    // Reporting's records, read by its keys and codec: a grant's reports by due date.
    return (await queryAll(byPrefix(table(), reportKeys.grantPartition(grantId), reportKeys.prefix.report, 'gsi1'))).map(
      reportRecord.fromItem,
    );
  },

  async saveCondition(c, expectedVersion, event) {
    await transact(
      [
        putAt(conditionRecord.toItem(c), expectedVersion),
        // Decided (or changed in any way): it no longer waits on anyone. Deleting an absent item is no error.
        { Delete: { TableName: table(), Key: keys.conditionToDecide(c.grantId, c.id) } },
        eventItem(event),
      ],
      () => conflict(`condition ${c.id} was changed by someone else; reload and try again`),
    );
  },

  async markTrancheBlocked(grantId, seq, at) {
    await db
      .send(
        op.update({
          TableName: table(),
          Key: keys.tranche(grantId, seq),
          UpdateExpression: 'SET blockedByConditionsAt = :at',
          ConditionExpression: 'attribute_not_exists(blockedByConditionsAt)',
          ExpressionAttributeValues: { ':at': at },
        }),
      )
      .catch((e: unknown) => {
        if (!isAwsError(e, 'ConditionalCheckFailedException')) throw e;
      });
  },

  async saveGrantStatus(grantId, from, to, amendment, event) {
    await transact([moveGrant(grantId, 'status', from, to), amendmentItem(grantId, amendment), eventItem(event)], () =>
      conflict(`grant ${grantId} is no longer ${from}; reload and try again`),
    );
  },

  async amendDates(grantId, dates, amendment, event) {
    await transact(
      [
        {
          Update: {
            TableName: table(),
            Key: keys.grant(grantId),
            UpdateExpression: 'SET plannedStart = :s, plannedEnd = :e',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':s': dates.plannedStart, ':e': dates.plannedEnd },
          },
        },
        amendmentItem(grantId, amendment),
        eventItem(event),
      ],
      () => conflict(`grant ${grantId} does not exist`),
    );
  },

  async addCondition(c, amendment, event) {
    await transact([putNew(conditionRecord.toItem(c)), amendmentItem(c.grantId, amendment), eventItem(event)], () =>
      conflict(`condition ${c.id} already exists`),
    );
  },

  async submitEvidence(linkHash, c, toDecide, now, event) {
    return attempt([
      consumeLinkItem(linkHash, now),
      put(conditionToDecideRecord.toItem(toDecide)),
      {
        Update: {
          TableName: table(),
          Key: keys.condition(c.grantId, c.id),
          UpdateExpression: 'SET #status = :submitted, evidence = :evidence, version = version + :one',
          ConditionExpression: '#status IN (:pending, :notMet)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':submitted': 'evidence-submitted',
            ':evidence': c.evidence,
            ':one': 1,
            ':pending': 'pending',
            ':notMet': 'not-met',
          },
        },
      },
      eventItem(event),
    ]);
  },

  async listConditionsToDecide(consortiumId) {
    const items = await queryAll(partition(table(), keys.conditionsToDecide(consortiumId), 'gsi2'));
    return items.map(conditionToDecideRecord.fromItem);
  },

  async releaseTranche(write, { grantId, seq }) {
    const tx = ledgerTransaction(write).push(
      {
        Update: {
          TableName: table(),
          Key: keys.tranche(grantId, seq),
          UpdateExpression: 'SET #status = :released, releasedAt = :at',
          ConditionExpression: '#status = :scheduled',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':released': 'released', ':scheduled': 'scheduled', ':at': write.at },
        },
      },
      () => new TrancheReleasedError(grantId, seq),
    );
    await transact(tx.items, tx.explain);
  },

  async amendAmount(write, { grantId, tranches, amendment }) {
    const tx = ledgerTransaction(write);
    // The grant's own amount moves with the ledger entry and its funders' shares (pools' items).
    if (write.grantAmount) {
      const { from, to } = write.grantAmount;
      tx.push(moveGrant(grantId, 'amount', from, to), () => conflict(`grant ${grantId} was amended by someone else; reload and try again`));
    }
    for (const t of tranches) {
      tx.push(
        {
          Update: {
            TableName: table(),
            Key: keys.tranche(grantId, t.seq),
            UpdateExpression: 'SET #amount = :amount, #status = :status',
            ConditionExpression: '#status = :scheduled',
            ExpressionAttributeNames: { '#status': 'status', '#amount': 'amount' },
            ExpressionAttributeValues: { ':amount': t.amount, ':status': t.status, ':scheduled': 'scheduled' },
          },
        },
        () => conflict(`tranche ${t.seq} of grant ${grantId} was paid meanwhile; reload and try again`),
      );
    }
    tx.push(amendmentItem(grantId, amendment), () => conflict('amendment already recorded'));
    await transact(tx.items, tx.explain);
  },
};
