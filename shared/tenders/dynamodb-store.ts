import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { keys as consortiaKeys } from '../consortia/keys';
import { byPrefix, documentClient as db, entity, queryAll } from '../platform/aws/dynamodb';
import { attempt, consumeLinkItem, eventItem, eventRecorded, type TransactItem, transact } from '../platform/aws/transact';
import { config } from '../platform/config';
import { conflict, StaleWriteError } from '../platform/errors';
import { keys } from './keys';
import { requireUnsealed } from './sealed';
import type { Bid, Interest, Question, TenderStore } from './store';
import type { Tender } from './tender';

const table = () => config.tableName();
export const changed = (id: string) => new StaleWriteError('tender', id);

/** The whole tender item, replaced under its version (the process state lives on it). */
export function tenderItem(tender: Tender, expectedVersion: number): TransactItem {
  return {
    Put: {
      TableName: table(),
      Item: { ...keys.tender(tender.id), ...keys.tenderIndex(tender.consortiumId, tender.id), entity: 'tender', ...tender },
      ConditionExpression: 'version = :expected',
      ExpressionAttributeValues: { ':expected': expectedVersion },
    },
  };
}

const read = async <T>(key: { pk: string; sk: string }) =>
  entity<T>((await db.send(new GetCommand({ TableName: table(), Key: key }))).Item);

export const dynamoTenders: TenderStore = {
  async createTender(tender, event) {
    await transact(
      [
        {
          Put: {
            TableName: table(),
            Item: { ...keys.tender(tender.id), ...keys.tenderIndex(tender.consortiumId, tender.id), entity: 'tender', ...tender },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        eventItem(event),
      ],
      () => conflict(`tender ${tender.id} already exists`),
    );
  },

  getTender: (tenderId) => read<Tender>(keys.tender(tenderId)),

  async listTenders(consortiumId) {
    const items = await queryAll(byPrefix(table(), consortiaKeys.consortium(consortiumId).pk, keys.prefix.tender, 'gsi1'));
    return items.map((i) => entity<Tender>(i) as Tender);
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
            Item: { ...keys.interest(interest.tenderId, interest.id), entity: 'interest', ...interest },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        eventItem(event),
      ],
      () => conflict(`interest ${interest.id} already exists`),
    );
  },

  getInterest: (tenderId, interestId) => read<Interest>(keys.interest(tenderId, interestId)),

  async listInterests(tenderId) {
    const items = await queryAll(byPrefix(table(), keys.tender(tenderId).pk, keys.prefix.interest));
    return items.map((i) => entity<Interest>(i) as Interest);
  },

  async addQuestion(question, linkHash, now, event) {
    return attempt([
      consumeLinkItem(linkHash, now),
      {
        Put: {
          TableName: table(),
          Item: { ...keys.question(question.tenderId, question.id), entity: 'question', ...question },
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
            Item: { ...keys.question(question.tenderId, question.id), entity: 'question', ...question },
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
    return items.map((i) => entity<Question>(i) as Question);
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
          Item: { ...keys.bid(bid.tenderId, bid.interestId), entity: 'bid', ...bid },
          ConditionExpression: bid.revision === 1 ? 'attribute_not_exists(pk)' : 'revision = :previous',
          ...(bid.revision === 1 ? {} : { ExpressionAttributeValues: { ':previous': bid.revision - 1 } }),
        },
      },
      eventItem(event),
    ]);
  },

  getBid: (tenderId, interestId) => read<Bid>(keys.bid(tenderId, interestId)),

  async listBids(tender, now) {
    requireUnsealed(tender, now);
    const items = await queryAll(byPrefix(table(), keys.tender(tender.id).pk, keys.prefix.bid));
    return items.map((i) => entity<Bid>(i) as Bid);
  },
};
