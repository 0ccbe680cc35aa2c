import { keys as consortiaKeys } from '../consortia/keys';
import { conflict, StaleWriteError } from '../platform/errors';
import { consumeLinkOp } from '../platform/memory/platform-store';
import { eventOp, type MemoryTable, mustNotExist, refuse, strip } from '../platform/memory/table';
import { ledgerOps } from '../pools/memory-store';
import { keys } from './keys';
import { requireUnsealed } from './sealed';
import type { Bid, Interest, Question, TenderLedger, TenderStore } from './store';
import type { Tender } from './tender';

const changed = (id: string) => new StaleWriteError('tender', id);

const tenderOp = (tender: Tender, expectedVersion: number) => ({
  key: keys.tender(tender.id),
  check: (cur: Record<string, unknown> | undefined) => (cur?.version === expectedVersion ? undefined : changed(tender.id)),
  write: (cur: Record<string, unknown> | undefined) => ({ ...cur, ...tender }),
});

/** Tenders on the in-memory table (fast tests): same keys and conditions as the DynamoDB adapter. */
export function memoryTenders(table: MemoryTable): TenderStore {
  return {
    async createTender(tender, event) {
      table.transact([
        {
          key: keys.tender(tender.id),
          check: mustNotExist(() => conflict(`tender ${tender.id} already exists`)),
          write: () => ({ ...keys.tenderIndex(tender.consortiumId, tender.id), entity: 'tender', ...tender }),
        },
        eventOp(event),
      ]);
    },
    async getTender(tenderId) {
      return strip<Tender>(table.get(keys.tender(tenderId)));
    },
    async listTenders(consortiumId) {
      return table.query(consortiaKeys.consortium(consortiumId).pk, keys.prefix.tender, 'gsi1').map((i) => strip<Tender>(i) as Tender);
    },
    async saveTender(tender, expectedVersion, event) {
      table.transact([tenderOp(tender, expectedVersion), eventOp(event)]);
    },
    async addInterest(interest, event) {
      table.transact([
        { key: keys.interest(interest.tenderId, interest.id), check: mustNotExist(), write: () => ({ entity: 'interest', ...interest }) },
        eventOp(event),
      ]);
    },
    async getInterest(tenderId, interestId) {
      return strip<Interest>(table.get(keys.interest(tenderId, interestId)));
    },
    async listInterests(tenderId) {
      return table.query(keys.tender(tenderId).pk, keys.prefix.interest).map((i) => strip<Interest>(i) as Interest);
    },
    async addQuestion(question, linkHash, now, event) {
      return table.attempt([
        consumeLinkOp(linkHash, now),
        {
          key: keys.question(question.tenderId, question.id),
          check: mustNotExist(),
          write: () => ({ entity: 'question', ...question }),
        },
        eventOp(event),
      ]);
    },
    async answerQuestion(question, event) {
      table.transact([
        {
          key: keys.question(question.tenderId, question.id),
          check: (cur) => (cur && !cur.answer ? undefined : conflict(`question ${question.id} was already answered`)),
          write: (cur) => ({ ...cur, ...question }),
        },
        eventOp(event),
      ]);
    },
    async listQuestions(tenderId) {
      return table.query(keys.tender(tenderId).pk, keys.prefix.question).map((i) => strip<Question>(i) as Question);
    },
    async submitBid(bid, linkHash, now, event) {
      return table.attempt([
        consumeLinkOp(linkHash, now),
        {
          key: keys.tender(bid.tenderId),
          check: (cur) =>
            cur?.status === 'published' && String((cur.dates as Tender['dates']).submissionDeadline) > now ? undefined : refuse(),
        },
        {
          key: keys.bid(bid.tenderId, bid.interestId),
          check: (cur) => (((cur?.revision as number | undefined) ?? 0) === bid.revision - 1 ? undefined : refuse()),
          write: () => ({ entity: 'bid', ...bid }),
        },
        eventOp(event),
      ]);
    },
    async getBid(tenderId, interestId) {
      return strip<Bid>(table.get(keys.bid(tenderId, interestId)));
    },
    async listBids(tender, now) {
      requireUnsealed(tender, now);
      return table.query(keys.tender(tender.id).pk, keys.prefix.bid).map((i) => strip<Bid>(i) as Bid);
    },
  };
}

export const memoryTenderLedger = (table: MemoryTable): TenderLedger => ({
  async saveTenderWithLedger(tender, expectedVersion, write, event) {
    table.transact([...ledgerOps(write), tenderOp(tender, expectedVersion), ...(event ? [eventOp(event)] : [])]);
  },
});
