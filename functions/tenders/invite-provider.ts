import { tendersTable } from '../../shared/tenders/aws';
import { inviteProvider } from '../../shared/tenders/providers';
import { staffRoute } from '../consortia/staff';
import type { View } from '../lib/api';
import { jsonBody, parse } from '../lib/http';
import { tenderIdPath } from './paths';
import { providerBody } from './schemas';
import type * as views from './views';

// No mail client: the links go from sendInterestLinks, which follows the interest's event.
export const handler = staffRoute(async (event, caller) => {
  const { tenderId } = parse(tenderIdPath, event.pathParameters ?? {}, 'path');
  return {
    status: 201,
    body: (await inviteProvider(tendersTable, caller, tenderId, parse(providerBody, jsonBody(event), 'body'))) satisfies View<
      typeof views.invited
    >,
  };
});
