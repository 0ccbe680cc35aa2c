import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { config } from '../../config/env';
import { conflict } from '../../domain/errors';
import type { Condition, Tranche } from '../../domain/grant-plan';
import type { LinkRecord } from '../../domain/link-token';
import type { Draft, Report, Review, Submission } from '../../domain/report';
import type { Amendment, GrantStore } from '../../ports/grants';
import { keys } from '../../store/keys';
import { documentClient as db } from './client';
import { byPrefix, entity, queryAll } from './query';
import { eventItem, type TransactItem, transact } from './transact';

const table = () => config.tableName();
const epoch = (iso: string) => Math.floor(new Date(iso).getTime() / 1000);

const reportItem = (r: Report) => ({
  ...keys.report(r.id),
  ...keys.reportIndex(r.grantId, r.consortiumId, r.status, r.dueDate, r.id),
  entity: 'report',
  ...r,
});

const amendmentItem = (grantId: string, a: Amendment): TransactItem => ({
  Put: { TableName: table(), Item: { ...keys.amendment(grantId, a.at, a.id), entity: 'amendment', ...a } },
});

/** Runs a transaction whose conditions express "still allowed"; a refusal is a plain false. */
async function attempt(items: TransactItem[]): Promise<boolean> {
  try {
    await db.send(new TransactWriteCommand({ TransactItems: items }));
    return true;
  } catch (error) {
    if (error instanceof TransactionCanceledException && (error.CancellationReasons ?? []).some((r) => r.Code === 'ConditionalCheckFailed'))
      return false;
    throw error;
  }
}

const usedLink = (hash: string, now: string): TransactItem => ({
  Update: {
    TableName: table(),
    Key: keys.link(hash),
    UpdateExpression: 'SET #status = :used, usedAt = :now',
    // Single use, and only before it expires: checked by DynamoDB, not by a read first.
    ConditionExpression: '#status = :active AND expiresAtIso > :now',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':used': 'used', ':active': 'active', ':now': now },
  },
});

export const dynamoGrantStore: GrantStore = {
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
        ...plan.conditions.map((c) => ({
          Put: { TableName: table(), Item: { ...keys.condition(grantId, c.id), entity: 'condition', ...c } },
        })),
        ...plan.tranches.map((t) => ({ Put: { TableName: table(), Item: { ...keys.tranche(grantId, t.seq), entity: 'tranche', ...t } } })),
        ...plan.reports.map((r) => ({ Put: { TableName: table(), Item: reportItem(r), ConditionExpression: 'attribute_not_exists(pk)' } })),
        eventItem(event),
      ],
      () => conflict(`grant ${grantId} already has a plan; change it with an amendment`, { rule: 'plan-once' }),
    );
  },

  async getPlan(grantId) {
    const items = await queryAll({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.grant(grantId).pk },
    });
    const of = <T>(prefix: string) => items.filter((i) => String(i.sk).startsWith(prefix)).map((i) => entity<T>(i) as T);
    return { conditions: of<Condition>('COND#'), tranches: of<Tranche>('TRANCHE#'), amendments: of<Amendment>('AMEND#') };
  },

  async listGrantReports(grantId) {
    return (await queryAll(byPrefix(table(), keys.grant(grantId).pk, 'REPORT#', 'gsi1'))).map((i) => entity<Report>(i) as Report);
  },

  async listReportsByStatus(consortiumId, status) {
    const items = await queryAll({
      TableName: table(),
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': `REPORTS#${consortiumId}#${status}` },
    });
    return items.map((i) => entity<Report>(i) as Report);
  },

  async saveCondition(c, expectedVersion, event) {
    await transact(
      [
        {
          Put: {
            TableName: table(),
            Item: { ...keys.condition(c.grantId, c.id), entity: 'condition', ...c },
            ConditionExpression: 'version = :expected',
            ExpressionAttributeValues: { ':expected': expectedVersion },
          },
        },
        eventItem(event),
      ],
      () => conflict(`condition ${c.id} was changed by someone else; reload and try again`),
    );
  },

  async markTrancheBlocked(grantId, seq, at) {
    await db
      .send(
        new UpdateCommand({
          TableName: table(),
          Key: keys.tranche(grantId, seq),
          UpdateExpression: 'SET blockedByConditionsAt = :at',
          ConditionExpression: 'attribute_not_exists(blockedByConditionsAt)',
          ExpressionAttributeValues: { ':at': at },
        }),
      )
      .catch((e: Error) => {
        if (e.name !== 'ConditionalCheckFailedException') throw e;
      });
  },

  async saveGrantStatus(grantId, from, to, amendment, event) {
    await transact(
      [
        {
          Update: {
            TableName: table(),
            Key: keys.grant(grantId),
            UpdateExpression: 'SET #status = :to',
            ConditionExpression: '#status = :from',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':to': to, ':from': from },
          },
        },
        amendmentItem(grantId, amendment),
        eventItem(event),
      ],
      () => conflict(`grant ${grantId} is no longer ${from}; reload and try again`),
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
    await transact(
      [
        {
          Put: {
            TableName: table(),
            Item: { ...keys.condition(c.grantId, c.id), entity: 'condition', ...c },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        amendmentItem(c.grantId, amendment),
        eventItem(event),
      ],
      () => conflict(`condition ${c.id} already exists`),
    );
  },

  async getReport(reportId) {
    const items = await queryAll({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.report(reportId).pk },
    });
    const header = items.find((i) => i.sk === 'REPORT');
    if (!header) return undefined;
    const of = <T>(prefix: string) => items.filter((i) => String(i.sk).startsWith(prefix)).map((i) => entity<T>(i) as T);
    const draft = items.find((i) => i.sk === 'DRAFT');
    return {
      report: entity<Report>(header) as Report,
      submissions: of<Submission>('SUBMISSION#'),
      reviews: of<Review>('REVIEW#'),
      ...(draft ? { draft: entity<Draft>(draft) as Draft } : {}),
    };
  },

  async setReportStatus(report, from, to, event) {
    const index = keys.reportIndex(report.grantId, report.consortiumId, to, report.dueDate, report.id);
    return attempt([
      {
        Update: {
          TableName: table(),
          Key: keys.report(report.id),
          UpdateExpression: 'SET #status = :to, gsi2pk = :gsi2pk, version = version + :one',
          ConditionExpression: `#status IN (${from.map((_, i) => `:from${i}`).join(', ')})`,
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':to': to,
            ':gsi2pk': index.gsi2pk,
            ':one': 1,
            ...Object.fromEntries(from.map((f, i) => [`:from${i}`, f])),
          },
        },
      },
      ...(event ? [eventItem(event)] : []),
    ]);
  },

  async countReminder(reportId) {
    await db.send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.report(reportId),
        UpdateExpression: 'ADD remindersSent :one',
        ExpressionAttributeValues: { ':one': 1 },
      }),
    );
  },

  async saveDraft(reportId, draft) {
    await db.send(new PutCommand({ TableName: table(), Item: { ...keys.draft(reportId), entity: 'draft', ...draft } }));
  },

  async submitViaLink(linkHash, report, submission, now, event) {
    const index = keys.reportIndex(report.grantId, report.consortiumId, 'submitted', report.dueDate, report.id);
    return attempt([
      usedLink(linkHash, now),
      {
        Update: {
          TableName: table(),
          Key: keys.report(report.id),
          UpdateExpression: 'SET #status = :submitted, gsi2pk = :gsi2pk, submissions = :n, version = version + :one',
          // One submission per request: the count must not have moved since the page was read.
          ConditionExpression: '#status IN (:requested, :changes, :overdue, :veryLate) AND submissions = :before',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':submitted': 'submitted',
            ':gsi2pk': index.gsi2pk,
            ':n': submission.n,
            ':before': submission.n - 1,
            ':one': 1,
            ':requested': 'requested',
            ':changes': 'changes-requested',
            ':overdue': 'overdue',
            ':veryLate': 'very-late',
          },
        },
      },
      {
        Put: {
          TableName: table(),
          Item: { ...keys.submission(report.id, submission.n), entity: 'submission', ...submission },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      { Delete: { TableName: table(), Key: keys.draft(report.id) } },
      eventItem(event),
    ]);
  },

  async submitEvidence(linkHash, c, now, event) {
    return attempt([
      usedLink(linkHash, now),
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

  async addReview(report, review, event) {
    await transact(
      [
        {
          Update: {
            TableName: table(),
            Key: keys.report(report.id),
            UpdateExpression: 'SET reviews = :n',
            ConditionExpression: '#status = :submitted AND reviews = :before',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':n': review.n, ':before': review.n - 1, ':submitted': 'submitted' },
          },
        },
        { Put: { TableName: table(), Item: { ...keys.review(report.id, review.n), entity: 'review', ...review } } },
        eventItem(event),
      ],
      () => conflict(`report ${report.id} is not waiting for a review (it may already have been reviewed)`, { rule: 'review-once' }),
    );
  },

  async putLink(link) {
    await db.send(
      new PutCommand({
        TableName: table(),
        // The TTL removes the record a month after the link expires.
        Item: {
          ...keys.link(link.hash),
          entity: 'link',
          ...link,
          expiresAtIso: link.expiresAt,
          expiresAt: epoch(link.expiresAt) + 30 * 86400,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  },

  async getLink(hash) {
    const out = await db.send(new GetCommand({ TableName: table(), Key: keys.link(hash) }));
    if (!out.Item) return undefined;
    const { pk, sk, entity: _e, expiresAt: _ttl, expiresAtIso, ...rest } = out.Item;
    return { ...(rest as Omit<LinkRecord, 'expiresAt'>), expiresAt: expiresAtIso as string };
  },
};
