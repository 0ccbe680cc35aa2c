import { tendersTable } from '../../shared/tenders/aws';
import { tenderView } from '../../shared/tenders/views';
import { staffRoute } from '../consortia/staff';
import type { View } from '../lib/api';
import { parse } from '../lib/http';
import { tenderIdPath } from './paths';
import type * as views from './views';

/** GET /tenders/{tenderId}: says nothing about bids before the submission deadline. */
export const handler = staffRoute(async (event, caller) => {
  const { tenderId } = parse(tenderIdPath, event.pathParameters ?? {}, 'path');
  return { body: (await tenderView(tendersTable, caller, tenderId)) satisfies View<typeof views.tenderView> };
});
