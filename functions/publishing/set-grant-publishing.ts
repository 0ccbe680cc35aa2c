import { publishingTable } from '../../shared/publishing/aws';
import { setGrantPublishing } from '../../shared/publishing/publishing';
import { staffCommand } from '../consortia/staff';
import type { View } from '../lib/api';
import { grantIdPath, grantPublishingInput } from './schemas';
import type * as views from './views';

export const handler = staffCommand(
  { path: grantIdPath, body: grantPublishingInput },
  async (caller, { grantId }, input) =>
    (await setGrantPublishing(publishingTable, caller, grantId, input)) satisfies View<typeof views.grantPublishing>,
);
