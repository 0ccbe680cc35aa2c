import { eventItem, eventRecorded, transact } from '../platform/aws/transact';
import { ledgerTransaction } from '../pools/ledger-transaction';
import { changed, tenderItem } from './dynamodb-store';
import type { TenderLedger } from './store';

/** The pool's ledger transaction with the tender item added under its version: one write, or none. */
export const dynamoTenderLedger: TenderLedger = {
  async saveTenderWithLedger(tender, expectedVersion, write, event) {
    const tx = ledgerTransaction(write).push(tenderItem(tender, expectedVersion), () => changed(tender.id));
    if (event) tx.push(eventItem(event), () => eventRecorded(event));
    await transact(tx.items, tx.explain);
  },
};
