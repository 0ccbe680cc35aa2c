import { grantRecord } from '../grants/codecs';
import type { TransactItem } from '../platform/aws/transact';
import { eventItem } from '../platform/aws/transact';
import type { Item } from '../platform/codec';
import { config } from '../platform/config';
import { conflict } from '../platform/errors';
import { bucketRecord, ledgerEntryRecord, shareRecord } from './codecs';
import { keys } from './keys';
import { type Bucket, GrantExistsError, type LedgerWrite, StaleLedgerError } from './store';

const table = () => config.tableName();
const totalsFields = ['pledged', 'received', 'committed', 'paid', 'returned', 'reserved'] as const;
const bucketFields = ['available', 'received', 'committed', 'paid', 'returned', 'reserved'] as const;

/** A bucket item as both adapters store it (`BUCKET#<bucket>`), read back as the port's Bucket: a figure never added is 0. */
export const bucketOf = (item: Item): Bucket => {
  const b = bucketRecord.fromItem(item);
  return {
    bucket: String(item.sk).slice(keys.prefix.bucket.length),
    funderOrgId: b.funderOrgId,
    restriction: b.restriction,
    available: b.available ?? 0,
    received: b.received ?? 0,
    committed: b.committed ?? 0,
    paid: b.paid ?? 0,
    returned: b.returned ?? 0,
    reserved: b.reserved ?? 0,
  };
};

/** ADD clauses for the non-zero deltas, with their values. */
function adds(prefix: string, deltas: Partial<Record<string, number>>, fields: readonly string[]) {
  const clauses: string[] = [];
  const values: Record<string, number> = {};
  for (const f of fields) {
    const d = deltas[f];
    if (d) {
      clauses.push(`${f} :${prefix}${f}`);
      values[`:${prefix}${f}`] = d;
    }
  }
  return { clauses, values };
}

/** Transaction items, each with the error its failed condition means. */
class Transaction {
  readonly items: TransactItem[] = [];
  private readonly reasons: (() => Error)[] = [];

  push(item: TransactItem, reason: () => Error): this {
    this.items.push(item);
    this.reasons.push(reason);
    return this;
  }

  explain = (i: number): Error => (this.reasons[i] ?? (() => conflict('the change could not be recorded')))();
}

/**
 * Every money movement is one transaction: the pool's sequence moves by one (so concurrent
 * plans are detected), the entry and event are written, and each bucket, pledge, grant and
 * share is changed under its own condition. Nothing is half-written on failure. Other features
 * add their own items (a tranche released, an amendment) to the same transaction.
 */
export function ledgerTransaction(w: LedgerWrite): Transaction {
  const tx = new Transaction();
  const totals = adds('t', w.totals, totalsFields);
  tx.push(
    {
      Update: {
        TableName: table(),
        Key: keys.pool(w.poolId),
        UpdateExpression: `SET ledgerSeq = :next${totals.clauses.length ? ` ADD ${totals.clauses.join(', ')}` : ''}`,
        ConditionExpression: 'ledgerSeq = :seq',
        ExpressionAttributeValues: { ':seq': w.expectedSeq, ':next': w.expectedSeq + 1, ...totals.values },
      },
    },
    () => new StaleLedgerError(w.poolId),
  );
  const seq = w.expectedSeq + 1;
  tx.push(
    {
      Put: {
        TableName: table(),
        Item: ledgerEntryRecord.toItem({ seq, at: w.at, actor: w.actor, ...w.entry }, w.poolId),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    () => new StaleLedgerError(w.poolId),
  );
  tx.push(eventItem(w.event), () => conflict(`event ${w.event.id} was already recorded`));
  bucketItems(tx, w);
  if (w.pledgeReceipt) {
    const r = w.pledgeReceipt;
    tx.push(
      {
        Update: {
          TableName: table(),
          Key: keys.pledge(w.poolId, r.pledgeId),
          UpdateExpression: `SET years[${r.yearIndex}].received = years[${r.yearIndex}].received + :amount`,
          ConditionExpression: `years[${r.yearIndex}].received <= :max`,
          ExpressionAttributeValues: { ':amount': r.amount, ':max': r.maxReceivedBefore },
        },
      },
      () => conflict('over-receipt: another receipt against this pledge arrived first; reload the pledge', { rule: 'no-over-receipt' }),
    );
  }
  grantItems(tx, w);
  return tx;
}

function bucketItems(tx: Transaction, w: LedgerWrite): void {
  for (const b of w.buckets) {
    const delta = adds('b', b.delta, bucketFields);
    const debit = Math.max(0, -(b.delta.available ?? 0));
    const unreserve = Math.max(0, -(b.delta.reserved ?? 0));
    const conditions = [...(debit ? ['available >= :debit'] : []), ...(unreserve ? ['reserved >= :unreserve'] : [])];
    tx.push(
      {
        Update: {
          TableName: table(),
          Key: keys.bucket(w.poolId, b.bucket),
          UpdateExpression: `SET entity = :entity, funderOrgId = :funder, restriction = :restriction ADD ${delta.clauses.join(', ')}`,
          ...(conditions.length ? { ConditionExpression: conditions.join(' AND ') } : {}),
          ExpressionAttributeValues: {
            ':entity': 'bucket',
            ':funder': b.funderOrgId,
            ':restriction': b.restriction,
            ...delta.values,
            ...(debit ? { ':debit': debit } : {}),
            ...(unreserve ? { ':unreserve': unreserve } : {}),
          },
        },
      },
      () => conflict(`not enough money left in ${b.bucket}`, { rule: 'bucket-not-negative' }),
    );
  }
}

function grantItems(tx: Transaction, w: LedgerWrite): void {
  if (w.newGrant) {
    const { grant, shares } = w.newGrant;
    tx.push(
      {
        Put: {
          TableName: table(),
          // The grants feature's record, written with its codec: the money and the grant are one write.
          Item: grantRecord.toItem({ ...grant, version: 1 }),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      () => new GrantExistsError(grant.id),
    );
    for (const s of shares) {
      tx.push(
        {
          Put: {
            TableName: table(),
            Item: shareRecord.toItem({ grantId: grant.id, ...s }, grant.poolId),
          },
        },
        () => new GrantExistsError(grant.id),
      );
    }
  }
  for (const s of w.shareDeltas ?? []) {
    const delta = adds('s', { paid: s.paid, returned: s.returned }, ['paid', 'returned']);
    const { pk, sk } = keys.grantShare(s.grantId, s.bucket, s.funderOrgId, s.poolId);
    tx.push(
      {
        Update: {
          TableName: table(),
          Key: { pk, sk },
          UpdateExpression: `ADD ${delta.clauses.join(', ')}`,
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: delta.values,
        },
      },
      () => conflict(`grant ${s.grantId} has no share for ${s.bucket}`),
    );
  }
  if (w.grantAmount) grantAmountItems(tx, w.poolId, w.grantAmount);
}

/** The funders' shares move with a grant's new amount (the grant item itself is grants' write, in the same transaction). */
function grantAmountItems(tx: Transaction, poolId: string, g: NonNullable<LedgerWrite['grantAmount']>): void {
  for (const sh of g.shares) {
    const share = keys.grantShare(g.grantId, sh.bucket, sh.funderOrgId, poolId);
    tx.push(
      {
        Update: {
          TableName: table(),
          Key: { pk: share.pk, sk: share.sk },
          // A raise may bring in a funder the grant did not use before: create its share then.
          UpdateExpression:
            'SET gsi1pk = :gpk, gsi1sk = :gsk, entity = :entity, grantId = :grant, #bucket = :bucket, funderOrgId = :funder, restriction = :restriction, ' +
            'paid = if_not_exists(paid, :zero), returned = if_not_exists(returned, :zero) ADD #amount :delta',
          ...(sh.delta < 0 ? { ConditionExpression: '#amount >= :cut' } : {}),
          // Both are DynamoDB reserved words.
          ExpressionAttributeNames: { '#bucket': 'bucket', '#amount': 'amount' },
          ExpressionAttributeValues: {
            ':gpk': share.gsi1pk,
            ':gsk': share.gsi1sk,
            ':entity': 'grant-share',
            ':grant': g.grantId,
            ':bucket': sh.bucket,
            ':funder': sh.funderOrgId,
            ':restriction': sh.restriction,
            ':zero': 0,
            ':delta': sh.delta,
            ...(sh.delta < 0 ? { ':cut': -sh.delta } : {}),
          },
        },
      },
      () => conflict(`grant ${g.grantId}: a funder's share changed meanwhile; reload and try again`),
    );
  }
}
