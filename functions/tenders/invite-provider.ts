import { tendersTable } from '../../shared/tenders/aws';
import { inviteProvider } from '../../shared/tenders/providers';
import { staffCommand } from '../consortia/staff';
import type { View } from '../lib/api';
import { tenderIdPath } from './paths';
import { providerBody } from './schemas';
import type * as views from './views';

// No mail client: the links go from sendInterestLinks, which follows the interest's event.
export const handler = staffCommand(
  { path: tenderIdPath, body: providerBody, status: 201 },
  async (caller, { tenderId }, input) => (await inviteProvider(tendersTable, caller, tenderId, input)) satisfies View<typeof views.invited>,
);
