import { keys as consortiaKeys } from '../consortia/keys';
import { byPrefix, listRecords, queryAll, readRecord } from '../platform/aws/dynamodb';
import {
  attempt,
  consumeLinkItem,
  createWithEvent,
  eventItem,
  putAt,
  putNew,
  statusCheck,
  type TransactItem,
  transact,
  writeVersioned,
} from '../platform/aws/transact';
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
export const tenderItem = (tender: Tender, expectedVersion: number): TransactItem => putAt(tenderRecord.toItem(tender), expectedVersion);

export const dynamoTenders: TenderStore = {
  createTender: (tender, event) =>
    createWithEvent(tenderRecord.toItem(tender), event, () => conflict(`tender ${tender.id} already exists`)),

  getTender: (tenderId) => readRecord(tenderRecord, keys.tender(tenderId)),

  listTenders: (consortiumId) => listRecords(tenderRecord, consortiaKeys.consortium(consortiumId).pk, keys.prefix.tender, 'gsi1'),

  saveTender: (tender, expectedVersion, event) => writeVersioned(tenderItem(tender, expectedVersion), event, () => changed(tender.id)),

  addInterest: (interest, event) =>
    createWithEvent(interestRecord.toItem(interest), event, () => conflict(`interest ${interest.id} already exists`)),

  getInterest: (tenderId, interestId) => readRecord(interestRecord, keys.interest(tenderId, interestId)),

  listInterests: (tenderId) => listRecords(interestRecord, keys.tender(tenderId).pk, keys.prefix.interest),

  async addQuestion(question, linkHash, now, event) {
    return attempt([consumeLinkItem(linkHash, now), putNew(questionRecord.toItem(question)), eventItem(event)]);
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

  listQuestions: (tenderId) => listRecords(questionRecord, keys.tender(tenderId).pk, keys.prefix.question),

  async submitBid(bid, linkHash, now, event) {
    return attempt([
      consumeLinkItem(linkHash, now),
      // The deadline is checked by DynamoDB at the moment of writing, not by an earlier read.
      statusCheck(keys.tender(bid.tenderId), ['published'], { condition: 'dates.submissionDeadline > :now', values: { ':now': now } }),
      bid.revision === 1
        ? putNew(bidRecord.toItem(bid))
        : {
            Put: {
              TableName: table(),
              Item: bidRecord.toItem(bid),
              ConditionExpression: 'revision = :previous',
              ExpressionAttributeValues: { ':previous': bid.revision - 1 },
            },
          },
      eventItem(event),
    ]);
  },

  getBid: (tenderId, interestId) => readRecord(bidRecord, keys.bid(tenderId, interestId)),

  async listBids(tender, now) {
    requireUnsealed(tender, now);
    const items = await queryAll(byPrefix(table(), keys.tender(tender.id).pk, keys.prefix.bid));
    return items.map(bidRecord.fromItem);
  },
};
