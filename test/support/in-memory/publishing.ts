import type { RecordCodec } from '../../../shared/platform/codec';
import { StaleWriteError } from '../../../shared/platform/errors';
import { grantPublishingRecord, settingsRecord } from '../../../shared/publishing/codecs';
import { keys } from '../../../shared/publishing/keys';
import type { PublishingStore } from '../../../shared/publishing/store';
import { eventOp, type MemoryTable, newOp, putAtOp } from './table';

/** A record's first version is created (refused if one exists meanwhile); a later one replaces it under the version read. */
const versioned = <T extends { version: number }>(codec: RecordCodec<T>, value: T, expectedVersion: number, stale: () => Error) =>
  expectedVersion === 0 ? newOp(codec.toItem(value), stale) : putAtOp(codec, value, expectedVersion, stale);

/** Publishing on the in-memory table (fast tests): same codecs, keys and conditions as shared/publishing/dynamodb-store.ts. */
export function memoryPublishing(table: MemoryTable): PublishingStore {
  return {
    getSettings: async (consortiumId) => table.read(settingsRecord, keys.settings(consortiumId)),
    async saveSettings(settings, expectedVersion, event) {
      const stale = () => new StaleWriteError('publishing-settings', settings.consortiumId);
      table.transact([versioned(settingsRecord, settings, expectedVersion, stale), eventOp(event)]);
    },
    getGrantPublishing: async (consortiumId, grantId) => table.read(grantPublishingRecord, keys.grant(consortiumId, grantId)),
    async saveGrantPublishing(record, expectedVersion, event) {
      const stale = () => new StaleWriteError('grant-publishing', record.grantId);
      table.transact([versioned(grantPublishingRecord, record, expectedVersion, stale), eventOp(event)]);
    },
    listGrantPublishing: async (consortiumId) => table.list(grantPublishingRecord, keys.settings(consortiumId).pk, keys.prefix.grant),
  };
}
