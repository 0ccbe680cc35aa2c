import { documentClient as db, op, partition, queryAll } from '../platform/aws/dynamodb';
import { attempt, consumeLinkItem, eventItem, put, putNew, takeWaitingItem, transact } from '../platform/aws/transact';
import { config } from '../platform/config';
import { conflict } from '../platform/errors';
import { draftRecord, reportOf, reportRecord, reviewRecord, submissionRecord } from './codecs';
import { keys } from './keys';
import { awaitingSubmission } from './report';
import type { ReportStore } from './store';

const table = () => config.tableName();

export const dynamoReports: ReportStore = {
  async getReport(reportId) {
    const items = await queryAll(partition(table(), keys.report(reportId).pk));
    return reportOf(items, reportId);
  },

  async listReportsByStatus(consortiumId, status) {
    const items = await queryAll(partition(table(), keys.statusPartition(consortiumId, status), 'gsi2'));
    return items.map(reportRecord.fromItem);
  },

  async setReportStatus(report, from, to, event) {
    const index = keys.byStatus(report.consortiumId, to, report.dueDate, report.id);
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

  async replaceLinks(report, generation, at, event) {
    const awaiting = awaitingSubmission.map((s, i) => [`:s${i}`, s] as const);
    return attempt([
      {
        Update: {
          TableName: table(),
          Key: keys.report(report.id),
          UpdateExpression: 'SET linkGeneration = :g, linksReplacedAt = :at, version = version + :one',
          ConditionExpression: `version = :v AND #status IN (${awaiting.map(([k]) => k).join(', ')})`,
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':g': generation, ':at': at, ':one': 1, ':v': report.version, ...Object.fromEntries(awaiting) },
        },
      },
      eventItem(event),
    ]);
  },

  async countReminder(reportId) {
    await db.send(
      op.update({
        TableName: table(),
        Key: keys.report(reportId),
        UpdateExpression: 'ADD remindersSent :one',
        ExpressionAttributeValues: { ':one': 1 },
      }),
    );
  },

  async saveDraft(reportId, draft) {
    await db.send(op.put({ TableName: table(), Item: draftRecord.toItem(draft, reportId) }));
  },

  async submitViaLink(linkHash, report, submission, now, event, waiting) {
    const index = keys.byStatus(report.consortiumId, 'submitted', report.dueDate, report.id);
    return attempt([
      consumeLinkItem(linkHash, now),
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
      putNew(submissionRecord.toItem(submission, report.id)),
      { Delete: { TableName: table(), Key: keys.draft(report.id) } },
      eventItem(event),
      ...(waiting ? [takeWaitingItem(waiting)] : []),
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
            // One review per submission: the n-th review answers the n-th submission.
            ConditionExpression: '#status = :submitted AND reviews = :before AND submissions = :n',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':n': review.n, ':before': review.n - 1, ':submitted': 'submitted' },
          },
        },
        put(reviewRecord.toItem(review, report.id)),
        eventItem(event),
      ],
      () => conflict(`report ${report.id} is not waiting for a review (it may already have been reviewed)`, { rule: 'review-once' }),
    );
  },
};
