import { keys as consortiaKeys } from '../../../shared/consortia/keys';
import { conflict, StaleWriteError } from '../../../shared/platform/errors';
import { bidRecord, interestRecord, questionRecord, tenderRecord } from '../../../shared/tenders/codecs';
import { keys } from '../../../shared/tenders/keys';
import { requireUnsealed } from '../../../shared/tenders/sealed';
import type { TenderLedger, TenderStore } from '../../../shared/tenders/store';
import type { Tender } from '../../../shared/tenders/tender';
import { consumeLinkOp } from './platform';
import { ledgerOps } from './pools';
import { createOnce, eventOp, holds, type MemoryTable, newOp, putAtOp, refuse } from './table';

const changed = (id: string) => new StaleWriteError('tender', id);

// The whole item replaced, as the DynamoDB adapter's Put does.
const tenderOp = (tender: Tender, expectedVersion: number) => putAtOp(tenderRecord, tender, expectedVersion, () => changed(tender.id));

/** Tenders on the in-memory table (fast tests): same codecs, keys and conditions as shared/tenders/dynamodb-store.ts. */
export function memoryTenders(table: MemoryTable): TenderStore {
  return {
    createTender: (tender, event) =>
      createOnce(table, tenderRecord.toItem(tender), event, () => conflict(`tender ${tender.id} already exists`)),
    getTender: async (tenderId) => table.read(tenderRecord, keys.tender(tenderId)),
    listTenders: async (consortiumId) => table.list(tenderRecord, consortiaKeys.consortium(consortiumId).pk, keys.prefix.tender, 'gsi1'),
    async saveTender(tender, expectedVersion, event) {
      table.transact([tenderOp(tender, expectedVersion), eventOp(event)]);
    },
    addInterest: (interest, event) =>
      createOnce(table, interestRecord.toItem(interest), event, () => conflict(`interest ${interest.id} already exists`)),
    getInterest: async (tenderId, interestId) => table.read(interestRecord, keys.interest(tenderId, interestId)),
    listInterests: async (tenderId) => table.list(interestRecord, keys.tender(tenderId).pk, keys.prefix.interest),
    async addQuestion(question, linkHash, now, event) {
      return table.attempt([consumeLinkOp(linkHash, now), newOp(questionRecord.toItem(question)), eventOp(event)]);
    },
    async answerQuestion(question, event) {
      table.transact([
        {
          key: keys.question(question.tenderId, question.id),
          check: holds(
            questionRecord,
            (q) => !q.answer,
            () => conflict(`question ${question.id} was already answered`),
          ),
          write: () => questionRecord.toItem(question),
        },
        eventOp(event),
      ]);
    },
    listQuestions: async (tenderId) => table.list(questionRecord, keys.tender(tenderId).pk, keys.prefix.question),
    async submitBid(bid, linkHash, now, event) {
      return table.attempt([
        consumeLinkOp(linkHash, now),
        {
          key: keys.tender(bid.tenderId),
          check: holds(tenderRecord, (t) => t.status === 'published' && t.dates.submissionDeadline > now),
        },
        {
          key: keys.bid(bid.tenderId, bid.interestId),
          check: (cur) => ((cur ? bidRecord.fromItem(cur).revision : 0) === bid.revision - 1 ? undefined : refuse()),
          write: () => bidRecord.toItem(bid),
        },
        eventOp(event),
      ]);
    },
    getBid: async (tenderId, interestId) => table.read(bidRecord, keys.bid(tenderId, interestId)),
    async listBids(tender, now) {
      requireUnsealed(tender, now);
      return table.query(keys.tender(tender.id).pk, keys.prefix.bid).map(bidRecord.fromItem);
    },
  };
}

export const memoryTenderLedger = (table: MemoryTable): TenderLedger => ({
  async saveTenderWithLedger(tender, expectedVersion, write, event) {
    table.transact([...ledgerOps(write), tenderOp(tender, expectedVersion), ...(event ? [eventOp(event)] : [])]);
  },
});
