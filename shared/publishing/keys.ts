import { keys as consortiaKeys } from '../consortia/keys';
import { key } from '../platform/keys';

/**
 * Keys of what a consortium chose to publish (docs/ARCHITECTURE.md, "Access patterns"). Both live
 * in the consortium's partition, beside its item: the settings one record, each grant's details
 * one record under `PUBLISH#GRANT#`, so the feed builder reads every grant's with one Query.
 */
export const keys = {
  settings: (consortiumId: string) => key(consortiaKeys.consortium(consortiumId).pk, 'PUBLISH#SETTINGS'),
  grant: (consortiumId: string, grantId: string) => key(consortiaKeys.consortium(consortiumId).pk, `PUBLISH#GRANT#${grantId}`),
  prefix: { grant: 'PUBLISH#GRANT#' },
} as const;
