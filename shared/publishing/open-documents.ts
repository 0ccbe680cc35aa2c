import { fromParts, type StoredDocument } from './documents';
import type { FeedStore } from './feed-store';

/**
 * A consortium's public document as last rebuilt: the document; `absent` when there is none
 * (nothing published, a page past the end); or `changing` when its parts are of two versions,
 * read while a rebuild was replacing them (a Query does not see a transaction's writes all at
 * once), which a retry a moment later finds whole.
 */
export async function readOpenDocument(
  deps: { feeds: Pick<FeedStore, 'readDocument'> },
  consortiumId: string,
  name: string,
): Promise<StoredDocument | 'absent' | 'changing'> {
  const parts = await deps.feeds.readDocument(consortiumId, name);
  if (!parts.length) return 'absent';
  return fromParts(parts) ?? 'changing';
}
