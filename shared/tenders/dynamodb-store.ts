import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { keys as consortiaKeys } from '../consortia/keys';
import { byPrefix, documentClient as db, queryAll } from '../platform/aws/dynamodb';
import { attempt, consumeLinkItem, eventItem, eventRecorded, type TransactItem, transact } from '../platform/aws/transact';
import { config } from '../platform/config';
import { conflict, StaleWriteError } from '../platform/errors';
import { bidRecord, interestRecord, questionRecord, tenderRecord } from './codecs';
import { keys } from './keys';
import { requireUnsealed } from './sealed';
import type { TenderStore } from './store';
import type { Tender } from './tender';

const table = () => config.tableName();
export const changed = (id: string) => new StaleWriteError('tender', id);

/** The whole tender item, replaced under its version (the process state lives on it). */
export function tenderItem(tender: Tender, expectedVersion: number): TransactItem {
  return {
    Put: {
      TableName: table(),
      Item: tenderRecord.toItem(tender),
      ConditionExpression: 'version = :expected',
      ExpressionAttributeValues: { ':expected': expectedVersion },
    },
  };
}

const read = async (key: { pk: string; sk: string }) => (await db.send(new GetCommand({ TableName: table(), Key: key }))).Item;

export const dynamoTenders: TenderStore = {
  async createTender(tender, event) {
    await transact(
      [
        {
          Put: {
            TableName: table(),
            Item: tenderRecord.toItem(tender),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        eventItem(event),
      ],
      () => conflict(`tender ${tender.id} already exists`),
    );
  },

  getTender: async (tenderId) => tenderRecord.fromOptional(await read(keys.tender(tenderId))),

  async listTenders(consortiumId) {
    const items = await queryAll(byPrefix(table(), consortiaKeys.consortium(consortiumId).pk, keys.prefix.tender, 'gsi1'));
    return items.map(tenderRecord.fromItem);
  },

  async saveTender(tender, expectedVersion, event) {
    await transact([tenderItem(tender, expectedVersion), eventItem(event)], (i) => (i === 0 ? changed(tender.id) : eventRecorded(event)));
  },

  async addInterest(interest, event) {
    await transact(
      [
        {
          Put: {
            TableName: table(),
            Item: interestRecord.toItem(interest),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        eventItem(event),
      ],
      () => conflict(`interest ${interest.id} already exists`),
    );
  },

  getInterest: async (tenderId, interestId) => interestRecord.fromOptional(await read(keys.interest(tenderId, interestId))),

  async listInterests(tenderId) {
    const items = await queryAll(byPrefix(table(), keys.tender(tenderId).pk, keys.prefix.interest));
    return items.map(interestRecord.fromItem);
  },

  async addQuestion(question, linkHash, now, event) {
    return attempt([
      consumeLinkItem(linkHash, now),
      {
        Put: {
          TableName: table(),
          Item: questionRecord.toItem(question),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      eventItem(event),
    ]);
  },

  async answerQuestion(question, event) {
    await transact(
      [
        {
          Put: {
            TableName: table(),
            Item: questionRecord.toItem(question),
            ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(answer)',
          },
        },
        eventItem(event),
      ],
      () => conflict(`question ${question.id} was already answered`),
    );
  },

  async listQuestions(tenderId) {
    const items = await queryAll(byPrefix(table(), keys.tender(tenderId).pk, keys.prefix.question));
    return items.map(questionRecord.fromItem);
  },

  async submitBid(bid, linkHash, now, event) {
    return attempt([
      consumeLinkItem(linkHash, now),
      {
        // The deadline is checked by DynamoDB at the moment of writing, not by an earlier read.
        ConditionCheck: {
          TableName: table(),
          Key: keys.tender(bid.tenderId),
          ConditionExpression: '#status = :published AND dates.submissionDeadline > :now',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':published': 'published', ':now': now },
        },
      },
      {
        Put: {
          TableName: table(),
          Item: bidRecord.toItem(bid),
          ConditionExpression: bid.revision === 1 ? 'attribute_not_exists(pk)' : 'revision = :previous',
          ...(bid.revision === 1 ? {} : { ExpressionAttributeValues: { ':previous': bid.revision - 1 } }),
        },
      },
      eventItem(event),
    ]);
  },

  getBid: async (tenderId, interestId) => bidRecord.fromOptional(await read(keys.bid(tenderId, interestId))),

  async listBids(tender, now) {
    requireUnsealed(tender, now);
    const items = await queryAll(byPrefix(table(), keys.tender(tender.id).pk, keys.prefix.bid));
    return items.map(bidRecord.fromItem);
  },
};
