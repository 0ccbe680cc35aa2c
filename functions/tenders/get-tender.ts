import { tendersTable } from '../../shared/tenders/aws';
import { tenderView } from '../../shared/tenders/views';
import { staffRoute } from '../consortia/staff';
import { parse } from '../lib/http';
import { tenderIdPath } from './paths';

/** GET /tenders/{tenderId}: says nothing about bids before the submission deadline. */
export const handler = staffRoute(async (event, caller) => {
  const { tenderId } = parse(tenderIdPath, event.pathParameters ?? {}, 'path');
  return { body: await tenderView(tendersTable, caller, tenderId) };
});
