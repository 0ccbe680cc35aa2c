import type { ConsortiaStore } from '../consortia/store';
import type { DomainEvent } from '../platform/events';
import type { PoolStore } from '../pools/store';
import type { GrantPublishingRecord, PublishingSettings } from './settings';

/** What a consortium chose to publish, and each grant's publishing details. */
export interface PublishingStore {
  /** The stored settings; undefined when the lead has not chosen yet (`publishingSettings` gives the defaults then). */
  getSettings(consortiumId: string): Promise<PublishingSettings | undefined>;
  /** Saves the settings, with the event, only if the stored version is still `expectedVersion` (0: none stored); else a StaleWriteError. */
  saveSettings(settings: PublishingSettings, expectedVersion: number, event: DomainEvent): Promise<void>;
  getGrantPublishing(consortiumId: string, grantId: string): Promise<GrantPublishingRecord | undefined>;
  /** Saves a grant's details, with the event, under the version read (0: none stored); else a StaleWriteError. */
  saveGrantPublishing(record: GrantPublishingRecord, expectedVersion: number, event: DomainEvent): Promise<void>;
  /** Every grant's details in the consortium: one Query of its partition (the feed builder's read). */
  listGrantPublishing(consortiumId: string): Promise<GrantPublishingRecord[]>;
}

/** Everything the publishing use cases may use; each takes only what it picks. */
export interface PublishingDeps {
  consortia: ConsortiaStore;
  pools: Pick<PoolStore, 'getGrant'>;
  publishing: PublishingStore;
  clock: { now(): Date };
  /**
   * Why the consortium may not be published yet (the self-check's failures, in words), or
   * undefined when it may. Optional: without it, publishing is not held back.
   */
  readyToPublish?: (next: PublishingSettings) => Promise<string | undefined>;
}
