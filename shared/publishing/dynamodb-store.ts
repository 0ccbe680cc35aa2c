import { listRecords, readRecord } from '../platform/aws/dynamodb';
import { putAt, putNew, writeVersioned } from '../platform/aws/transact';
import { StaleWriteError } from '../platform/errors';
import { grantPublishingRecord, settingsRecord } from './codecs';
import { keys } from './keys';
import type { PublishingStore } from './store';

/** A record's first version is created (refused if one exists meanwhile); a later one replaces it under the version read. */
const versioned = (item: Record<string, unknown>, expectedVersion: number) =>
  expectedVersion === 0 ? putNew(item) : putAt(item, expectedVersion);

export const settingsChanged = (consortiumId: string) => new StaleWriteError('publishing-settings', consortiumId);
export const grantPublishingChanged = (grantId: string) => new StaleWriteError('grant-publishing', grantId);

export const dynamoPublishing: PublishingStore = {
  // Strongly consistent (one item, one read unit): a rebuild that follows a change must see it.
  getSettings: (consortiumId) => readRecord(settingsRecord, keys.settings(consortiumId), true),

  saveSettings: (settings, expectedVersion, event) =>
    writeVersioned(versioned(settingsRecord.toItem(settings), expectedVersion), event, () => settingsChanged(settings.consortiumId)),

  getGrantPublishing: (consortiumId, grantId) => readRecord(grantPublishingRecord, keys.grant(consortiumId, grantId)),

  saveGrantPublishing: (record, expectedVersion, event) =>
    writeVersioned(versioned(grantPublishingRecord.toItem(record), expectedVersion), event, () => grantPublishingChanged(record.grantId)),

  listGrantPublishing: (consortiumId) => listRecords(grantPublishingRecord, keys.settings(consortiumId).pk, keys.prefix.grant),
};
