import { expect, it } from 'vitest';
import { StaleWriteError } from '../../../shared/platform/errors';
import { newId } from '../../../shared/platform/ids';
import type { DocumentPart } from '../../../shared/publishing/documents';
import { defaultSettings, type GrantPublishingRecord } from '../../../shared/publishing/settings';
import type { Stores } from '../store-contract';
import { at, consortium, event, NOW } from './fixtures';

const details = (consortiumId: string, grantId: string, version: number): GrantPublishingRecord => ({
  consortiumId,
  grantId,
  areaCodes: ['E10000034'],
  functions: ['convening'],
  updatedAt: at,
  updatedBy: 'test',
  version,
});

/** Publishing's records, on either adapter (see storeContract): each in its consortium's partition, saved only under its version. */
export function publishingRecords(stores: () => Stores) {
  it('publishing settings are created once, then replaced only under their version, beside the consortium without changing it', async () => {
    const { publishing, consortia } = stores();
    const c = consortium();
    await consortia.createConsortium(c, event(`consortium#${c.id}`));
    expect(await publishing.getSettings(c.id)).toBeUndefined();
    const first = { ...defaultSettings(c.id), placeCode: 'E10000034', updatedAt: at, updatedBy: 'test', version: 1 };
    await publishing.saveSettings(first, 0, event(`consortium#${c.id}`));
    // A second first write (another lead saving at the same moment) is stale, as is a write under an old version.
    await expect(publishing.saveSettings(first, 0, event(`consortium#${c.id}`))).rejects.toBeInstanceOf(StaleWriteError);
    const second = { ...first, published: true, purpose: 'Local infrastructure', version: 2 };
    await publishing.saveSettings(second, 1, event(`consortium#${c.id}`));
    await expect(publishing.saveSettings({ ...first, version: 2 }, 1, event(`consortium#${c.id}`))).rejects.toBeInstanceOf(StaleWriteError);
    expect(await publishing.getSettings(c.id)).toEqual(second);
    // The consortium reads as it was: its members' query and its own item are untouched by the record beside them.
    expect(await consortia.getConsortium(c.id)).toEqual(c);
  });

  it("a grant's publishing details are saved under their version, and a consortium's are listed together, no other consortium's", async () => {
    const { publishing } = stores();
    const [mine, other] = [newId(NOW), newId(NOW)];
    const [g1, g2, g3] = [newId(NOW), newId(NOW), newId(NOW)];
    await publishing.saveGrantPublishing(details(mine, g1, 1), 0, event(`grant#${g1}`));
    await publishing.saveGrantPublishing(details(mine, g2, 1), 0, event(`grant#${g2}`));
    await publishing.saveGrantPublishing(details(other, g3, 1), 0, event(`grant#${g3}`));
    await expect(publishing.saveGrantPublishing(details(mine, g1, 1), 0, event(`grant#${g1}`))).rejects.toBeInstanceOf(StaleWriteError);
    const changed = { ...details(mine, g1, 2), areaCodes: ['E07000234', 'E10000034'] };
    await publishing.saveGrantPublishing(changed, 1, event(`grant#${g1}`));
    await expect(publishing.saveGrantPublishing(details(mine, g1, 2), 1, event(`grant#${g1}`))).rejects.toBeInstanceOf(StaleWriteError);
    expect(await publishing.getGrantPublishing(mine, g1)).toEqual(changed);
    expect((await publishing.listGrantPublishing(mine)).map((d) => d.grantId).sort()).toEqual([g1, g2].sort());
    expect(await publishing.listGrantPublishing(other)).toEqual([details(other, g3, 1)]);
  });
}

const part = (consortiumId: string, name: string, i: number, parts: number, etag: string): DocumentPart => ({
  consortiumId,
  name,
  part: i,
  parts,
  contentType: 'application/json',
  contentHash: etag,
  etag,
  lastModified: at,
  body: `${etag}-${i}`,
});
const doc = (consortiumId: string, name: string, parts: number, etag: string) =>
  Array.from({ length: parts }, (_, i) => part(consortiumId, name, i, parts, etag));

/** The public documents, on either adapter: parts in order, replaced whole, and only by the latest rebuild's claim. */
export function openDocuments(stores: () => Stores) {
  it('claims are numbered in order; only the latest claim writes or deletes; a shorter version leaves no stale parts', async () => {
    const { feeds } = stores();
    const c = newId(NOW);
    expect(await feeds.lastClaim(c)).toBeUndefined();
    const first = await feeds.claimRebuild(c);
    expect(await feeds.lastClaim(c)).toBe(first);
    expect(await feeds.writeDocument(first, doc(c, 'ocds-releases-1', 3, '"a"'), 0)).toBe(true);
    // `ocds-releases-1#` is no prefix of `ocds-releases-10#`: each name reads its own parts.
    expect(await feeds.writeDocument(first, doc(c, 'ocds-releases-10', 1, '"b"'), 0)).toBe(true);
    expect(await feeds.readDocument(c, 'ocds-releases-1')).toEqual(doc(c, 'ocds-releases-1', 3, '"a"'));
    const second = await feeds.claimRebuild(c);
    expect(second).toBeGreaterThan(first);
    // The first rebuild, overtaken, can no longer write or delete.
    expect(await feeds.writeDocument(first, doc(c, 'ocds-releases-1', 1, '"old"'), 3)).toBe(false);
    expect(await feeds.deleteDocument(first, c, 'ocds-releases-10', 1)).toBe(false);
    expect(await feeds.writeDocument(second, doc(c, 'ocds-releases-1', 1, '"c"'), 3)).toBe(true);
    expect(await feeds.readDocument(c, 'ocds-releases-1')).toEqual(doc(c, 'ocds-releases-1', 1, '"c"'));
    expect((await feeds.listDocuments(c)).map((p) => [p.name, p.etag])).toEqual([
      ['ocds-releases-1', '"c"'],
      ['ocds-releases-10', '"b"'],
    ]);
    expect(await feeds.deleteDocument(second, c, 'ocds-releases-10', 1)).toBe(true);
    expect(await feeds.readDocument(c, 'ocds-releases-10')).toEqual([]);
    // Another consortium's documents are its own.
    expect(await feeds.listDocuments(newId(NOW))).toEqual([]);
  });
}
