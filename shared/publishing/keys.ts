import { keys as consortiaKeys } from '../consortia/keys';
import { key, ordered } from '../platform/keys';

/**
 * Keys of what a consortium chose to publish (docs/ARCHITECTURE.md, "Access patterns"). Both live
 * in the consortium's partition, beside its item: the settings one record, each grant's details
 * one record under `PUBLISH#GRANT#`, so the feed builder reads every grant's with one Query.
 */
export const keys = {
  settings: (consortiumId: string) => key(consortiaKeys.consortium(consortiumId).pk, 'PUBLISH#SETTINGS'),
  grant: (consortiumId: string, grantId: string) => key(consortiaKeys.consortium(consortiumId).pk, `PUBLISH#GRANT#${grantId}`),
  prefix: { grant: 'PUBLISH#GRANT#' },
  /**
   * The public documents (page and feeds), in a partition of their own, apart from the
   * consortium's staff records, so a public read can only ever reach these.
   */
  openPartition: (consortiumId: string) => `OPEN#${consortiumId}`,
  /** One part of a public document; part 0 first. */
  document: (consortiumId: string, name: string, part: number) => key(`OPEN#${consortiumId}`, `DOC#${name}#${ordered(part, 3)}`),
  /** Every part of one document, in order (the `#` ends the name: `ocds-releases-1#` is not a prefix of `ocds-releases-10#`). */
  documentPrefix: (name: string) => `DOC#${name}#`,
  documentsPrefix: 'DOC#',
  /** The consortium's rebuild counter: the latest claim, which alone may write its documents. */
  rebuild: (consortiumId: string) => key(`OPEN#${consortiumId}`, 'REBUILD'),
} as const;
