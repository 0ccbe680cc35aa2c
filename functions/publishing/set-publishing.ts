import { publishingTable } from '../../shared/publishing/aws';
import { setPublishingSettings } from '../../shared/publishing/publishing';
import { staffCommand } from '../consortia/staff';
import type { View } from '../lib/api';
import { consortiumIdPath, publishingSettingsInput } from './schemas';
import type * as views from './views';

export const handler = staffCommand(
  { path: consortiumIdPath, body: publishingSettingsInput },
  async (caller, { consortiumId }, input) =>
    (await setPublishingSettings(publishingTable, caller, consortiumId, input)) satisfies View<typeof views.publishingSettings>,
);
