import { fromParts, type StoredDocument } from './documents';
import type { FeedStore } from './feed-store';

/**
 * A consortium's public document as last rebuilt, or undefined: nothing published, a page past
 * the end, or a document half-way through being replaced (its parts from two versions), which
 * a retry a moment later finds whole.
 */
export async function readOpenDocument(deps: { feeds: Pick<FeedStore, 'readDocument'> }, consortiumId: string, name: string) {
  return fromParts(await deps.feeds.readDocument(consortiumId, name)) satisfies StoredDocument | undefined;
}
