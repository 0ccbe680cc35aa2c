import { contractsTable } from '../../shared/contracts/aws';
import { contractFromAward } from '../../shared/contracts/from-tender';
import { tendersEvents } from '../../shared/tenders/events';
import { eventOf, taskHandler } from '../lib/task';

// Read with tenders' own schema for tender.lot-awarded: the contract is built from the event alone.
const lotAwarded = eventOf(tendersEvents, 'tender.lot-awarded');

export const handler = taskHandler(lotAwarded, (event) => contractFromAward(contractsTable, event.detail.data));
