import { type BuiltDocument, contentHashOf, etagOf, toParts } from './documents';
import type { FeedStore } from './feed-store';

export interface RebuildDeps {
  feeds: FeedStore;
  clock: { now(): Date };
}

export interface RebuildOutcome {
  /** Documents whose content changed (new ETag and Last-Modified). */
  written: string[];
  unchanged: string[];
  deleted: string[];
  /** A later rebuild of the same consortium began before this one finished: it left the rest to that one. */
  superseded: boolean;
}

/**
 * Rebuilds a consortium's public documents from its records. The rebuild claims the consortium
 * first (the next number of its counter), then reads; each write holds only while no later
 * rebuild has claimed, so whichever claimed last, and so read the newest records, is the one
 * whose documents stand. A document whose content
 * (apart from the date it states) is unchanged is not written: its ETag and Last-Modified stay, and conditional GETs keep
 * answering 304. A document no longer built (a page past the new end, a part the lead stopped
 * publishing) is deleted.
 */
export async function rebuildDocuments(
  deps: RebuildDeps,
  consortiumId: string,
  build: (now: Date) => Promise<BuiltDocument[]>,
): Promise<RebuildOutcome> {
  const now = deps.clock.now();
  const outcome: RebuildOutcome = { written: [], unchanged: [], deleted: [], superseded: false };
  const claim = await deps.feeds.claimRebuild(consortiumId);
  const documents = await build(now);
  const stored = new Map((await deps.feeds.listDocuments(consortiumId)).map((p) => [p.name, p]));
  for (const doc of documents) {
    const contentHash = await contentHashOf(doc);
    const before = stored.get(doc.name);
    stored.delete(doc.name);
    if (before?.contentHash === contentHash && before.contentType === doc.contentType) {
      outcome.unchanged.push(doc.name);
      continue;
    }
    const builtAt = now.toISOString();
    const body = await doc.render(builtAt);
    const { name, contentType } = doc;
    const parts = toParts(consortiumId, { name, contentType, body, contentHash, etag: etagOf(body), lastModified: builtAt });
    if (!(await deps.feeds.writeDocument(claim, parts, before?.parts ?? 0))) return { ...outcome, superseded: true };
    outcome.written.push(doc.name);
  }
  for (const gone of stored.values()) {
    if (!(await deps.feeds.deleteDocument(claim, consortiumId, gone.name, gone.parts))) return { ...outcome, superseded: true };
    outcome.deleted.push(gone.name);
  }
  return outcome;
}
