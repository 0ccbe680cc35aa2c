import { documentPartRecord, rebuildRecord } from '../../../shared/publishing/codecs';
import type { FeedStore } from '../../../shared/publishing/feed-store';
import { keys } from '../../../shared/publishing/keys';
import { holds, type MemoryOp, type MemoryTable } from './table';

/** The public documents in memory: the same keys, parts and claim conditions as `dynamoFeeds`. */
export function memoryFeeds(table: MemoryTable): FeedStore {
  const stillOurs = (consortiumId: string, claim: number): MemoryOp => ({
    key: keys.rebuild(consortiumId),
    check: holds(rebuildRecord, (r) => r.claim === claim),
  });
  const remove = (key: { pk: string; sk: string }): MemoryOp => ({ key, write: () => undefined });
  return {
    readDocument: async (consortiumId, name) => table.list(documentPartRecord, keys.openPartition(consortiumId), keys.documentPrefix(name)),
    listDocuments: async (consortiumId) =>
      table.list(documentPartRecord, keys.openPartition(consortiumId), keys.documentsPrefix).filter((p) => p.part === 0),
    lastClaim: async (consortiumId) => table.read(rebuildRecord, keys.rebuild(consortiumId))?.claim,
    async claimRebuild(consortiumId) {
      const claim = (table.read(rebuildRecord, keys.rebuild(consortiumId))?.claim ?? 0) + 1;
      table.put(keys.rebuild(consortiumId), rebuildRecord.toItem({ consortiumId, claim }));
      return claim;
    },
    async writeDocument(claim, parts, previousParts) {
      const [first] = parts;
      if (!first) throw new Error('a document has at least one part');
      const stale = Array.from({ length: Math.max(0, previousParts - parts.length) }, (_, i) =>
        remove(keys.document(first.consortiumId, first.name, parts.length + i)),
      );
      return table.attempt([
        stillOurs(first.consortiumId, claim),
        ...parts.map((p) => ({ key: keys.document(p.consortiumId, p.name, p.part), write: () => documentPartRecord.toItem(p) })),
        ...stale,
      ]);
    },
    async deleteDocument(claim, consortiumId, name, parts) {
      return table.attempt([
        stillOurs(consortiumId, claim),
        ...Array.from({ length: parts }, (_, i) => remove(keys.document(consortiumId, name, i))),
      ]);
    },
  };
}
