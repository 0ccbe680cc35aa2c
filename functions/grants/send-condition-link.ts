import { grantsTable } from '../../shared/grants/aws';
import { sendNewConditionLink } from '../../shared/grants/condition-new-link';
import { staffRoute } from '../consortia/staff';
import type { View } from '../lib/api';
import { parse } from '../lib/http';
import { conditionPath } from './schemas';
import type * as views from './views';

/** A new evidence link for the provider (emailed by the function following the event); every earlier link of the condition stops working. */
export const handler = staffRoute(async (event, caller) => {
  const { grantId, conditionId } = parse(conditionPath, event.pathParameters ?? {}, 'path');
  return {
    status: 201,
    body: (await sendNewConditionLink(grantsTable, caller, grantId, conditionId)) satisfies View<typeof views.linkSent>,
  };
});
