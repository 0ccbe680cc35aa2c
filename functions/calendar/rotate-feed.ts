import { calendarTable } from '../../shared/calendar/aws';
import { rotateFeed } from '../../shared/calendar/rotate';
import { staffRoute } from '../consortia/staff';
import type { View } from '../lib/api';
import { parse } from '../lib/http';
import { feedOwnerPath } from './paths';
import type * as views from './views';

/** A council's feed, or one contract's: the new URL is in this answer only. */
export const handler = staffRoute(async (event, caller) => {
  const { orgId, contractId } = parse(feedOwnerPath, event.pathParameters ?? {}, 'path');
  const owner = contractId ? ({ kind: 'contract', id: contractId } as const) : ({ kind: 'council', id: orgId ?? '' } as const);
  return { status: 201, body: (await rotateFeed(calendarTable, caller, owner)) satisfies View<typeof views.rotated> };
});
