import type { DocumentPart } from './documents';

/**
 * The public documents of each consortium. A rebuild first claims the consortium: the claim is
 * the next number of the consortium's rebuild counter, taken atomically, so claims are ordered
 * as they were taken. Its writes then hold only while no later rebuild has claimed, so a slow
 * rebuild that read older records can never overwrite a newer one's.
 */
export interface FeedStore {
  /** Every part of one document, in order. */
  readDocument(consortiumId: string, name: string): Promise<DocumentPart[]>;
  /** The first part of every document the consortium has (its name, ETag and when it changed). */
  listDocuments(consortiumId: string): Promise<DocumentPart[]>;
  /** The latest claim (strongly consistent), or undefined when the consortium's documents were never rebuilt. */
  lastClaim(consortiumId: string): Promise<number | undefined>;
  /** The consortium's next rebuild number, now the latest claim. */
  claimRebuild(consortiumId: string): Promise<number>;
  /** Replaces a document's parts (and deletes parts beyond them), only while `claim` is the latest. False when superseded. */
  writeDocument(claim: number, parts: DocumentPart[], previousParts: number): Promise<boolean>;
  /** Deletes a document's parts, only while `claim` is the latest. */
  deleteDocument(claim: number, consortiumId: string, name: string, parts: number): Promise<boolean>;
}
