import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { documentPartRecord, settingsRecord } from '../../shared/publishing/codecs';
import { answerDocument, documentName, notModified } from '../../shared/publishing/conditional-get';
import type { SubjectReaders } from '../../shared/publishing/consortia-of';
import {
  type BuiltDocument,
  contentHashOf,
  type DocumentPart,
  etagOf,
  fromParts,
  type StoredDocument,
  toParts,
} from '../../shared/publishing/documents';
import { keys } from '../../shared/publishing/keys';
import { readOpenDocument } from '../../shared/publishing/open-documents';
import { rebuildDocuments } from '../../shared/publishing/rebuild';
import { rebuildConsortia } from '../../shared/publishing/rebuild-consortia';
import { defaultSettings } from '../../shared/publishing/settings';
import { memoryPublishing } from '../support/in-memory/publishing';
import { memoryFeeds } from '../support/in-memory/publishing-feeds';
import { MemoryTable } from '../support/in-memory/table';

const doc = async (body: string, name = '360giving.json'): Promise<StoredDocument> => ({
  name,
  contentType: 'application/json',
  body,
  contentHash: await contentHashOf({ render: () => body }),
  etag: etagOf(body),
  lastModified: '2026-12-05T10:15:30.250Z',
});

describe('a document in parts', () => {
  it('comes back whole from several parts, and not at all from parts of two versions', async () => {
    // Random hex does not compress below half: 1.2 MB of it needs several 300,000-character parts.
    const body = randomBytes(600_000).toString('hex');
    const parts = toParts('C1', await doc(body));
    expect(parts.length).toBeGreaterThan(1);
    expect(fromParts(parts)?.body).toBe(body);
    const other = toParts('C1', await doc(randomBytes(600_000).toString('hex')));
    expect(fromParts([parts[0], ...other.slice(1)].filter((p) => p !== undefined))).toBeUndefined();
    expect(fromParts(parts.slice(0, -1))).toBeUndefined();
    expect(fromParts([])).toBeUndefined();
  });
});

describe('conditional GET (RFC 9110 §13)', async () => {
  const d = await doc('{"grants":[]}');
  // Last-Modified is sent to the second: 10:15:30 GMT.
  it.each([
    [{ 'if-none-match': d.etag }, true],
    [{ 'if-none-match': `W/${d.etag}` }, true],
    [{ 'if-none-match': `"other", ${d.etag}` }, true],
    [{ 'if-none-match': '*' }, true],
    [{ 'if-none-match': '"other"' }, false],
    // If-None-Match decides alone when sent (§13.2.2).
    [{ 'if-none-match': '"other"', 'if-modified-since': 'Sat, 05 Dec 2026 10:15:30 GMT' }, false],
    [{ 'if-modified-since': 'Sat, 05 Dec 2026 10:15:30 GMT' }, true],
    [{ 'if-modified-since': 'Sat, 05 Dec 2026 10:16:00 GMT' }, true],
    [{ 'if-modified-since': 'Sat, 05 Dec 2026 10:15:29 GMT' }, false],
    [{ 'if-modified-since': 'not a date' }, false],
    // The obsolete forms a recipient must accept (§5.6.7), and an ISO date, which is no HTTP-date and is ignored.
    [{ 'if-modified-since': 'Saturday, 05-Dec-26 10:15:30 GMT' }, true],
    [{ 'if-modified-since': 'Sat Dec  5 10:15:30 2026' }, true],
    [{ 'if-modified-since': 'Sat Dec  5 10:15:29 2026' }, false],
    [{ 'if-modified-since': '2026-12-05T10:16:00Z' }, false],
    [{}, false],
  ])('%o → not modified: %s', (headers, expected) => {
    expect(notModified(d, headers)).toBe(expected);
  });

  it('answers 304 without a body but with the validators a 200 carries', () => {
    const full = answerDocument(d, {});
    const short = answerDocument(d, { 'if-none-match': d.etag });
    expect([full.status, short.status, short.body]).toEqual([200, 304, '']);
    // The same validators and caching rule; no Content-Type, as there is no content.
    const { 'content-type': type, ...rest } = full.headers;
    expect(short.headers).toEqual(rest);
    expect(type).toBe('application/json');
    expect(full.headers['last-modified']).toBe('Sat, 05 Dec 2026 10:15:30 GMT');
  });

  it.each([
    ['', 1, 'page'],
    ['360giving.json', 1, '360giving.json'],
    ['360giving.csv', 1, '360giving.csv'],
    ['ocds/releases', 3, 'ocds-releases-3'],
    ['ocds/records', 1, 'ocds-records-1'],
    ['ocds/other', 1, undefined],
  ])('%s page %d names %s', (rest, page, name) => {
    expect(documentName(rest, page)).toBe(name);
  });
});

describe('rebuilding a consortium’s documents', () => {
  const setup = () => {
    let now = new Date('2026-12-05T09:00:00Z');
    const deps = { feeds: memoryFeeds(new MemoryTable()), clock: { now: () => now } };
    return { deps, later: (ms: number) => (now = new Date(now.getTime() + ms)) };
  };
  const built = (...bodies: [string, string][]): BuiltDocument[] =>
    bodies.map(([name, body]) => ({ name, contentType: 'application/json', render: (at) => `${body} built ${at}` }));

  it('writes what changed, keeps what did not (same ETag, same Last-Modified), deletes what is no longer built', async () => {
    const { deps, later } = setup();
    const first = await rebuildDocuments(deps, 'C1', async () => built(['a', '1'], ['b', '2'], ['c', '3']));
    expect(first).toMatchObject({ written: ['a', 'b', 'c'], unchanged: [], deleted: [] });
    const aBefore = await readOpenDocument(deps, 'C1', 'a');
    later(60_000);
    const second = await rebuildDocuments(deps, 'C1', async () => built(['a', '1'], ['b', '2 changed']));
    expect(second).toMatchObject({ written: ['b'], unchanged: ['a'], deleted: ['c'], superseded: false });
    expect(await readOpenDocument(deps, 'C1', 'a')).toEqual(aBefore);
    // The changed one states its new build time; the unchanged one still states its first.
    expect(await readOpenDocument(deps, 'C1', 'b')).toMatchObject({
      lastModified: '2026-12-05T09:01:00.000Z',
      body: '2 changed built 2026-12-05T09:01:00.000Z',
    });
    expect(aBefore).toMatchObject({ body: '1 built 2026-12-05T09:00:00.000Z' });
    expect(await readOpenDocument(deps, 'C1', 'c')).toBe('absent');
    // Another consortium's folder is its own.
    expect(await readOpenDocument(deps, 'C2', 'a')).toBe('absent');
  });

  it('tells a document caught half-replaced (parts of two versions) from one that is not there', async () => {
    const table = new MemoryTable();
    const feeds = memoryFeeds(table);
    const claim = await feeds.claimRebuild('C1');
    const [first, second] = [toParts('C1', await doc('x'.repeat(10), 'p')), toParts('C1', await doc('y'.repeat(10), 'p'))];
    await feeds.writeDocument(claim, first, 0);
    // What a Query can see while a two-part version replaces a one-part one: the new part 0 beside… nothing else, or an old part.
    table.put(keys.document('C1', 'p', 0), documentPartRecord.toItem({ ...(second[0] as DocumentPart), parts: 2 }));
    expect(await readOpenDocument({ feeds }, 'C1', 'p')).toBe('changing');
    expect(await readOpenDocument({ feeds }, 'C1', 'q')).toBe('absent');
  });

  it('lets the rebuild that began last stand: an older one still reading when it began writes nothing after', async () => {
    const { deps } = setup();
    const slow = rebuildDocuments(deps, 'C1', async () => {
      // While the slow rebuild has read old records, a newer one runs start to finish.
      await rebuildDocuments(deps, 'C1', async () => built(['a', 'new']));
      return built(['a', 'old']);
    });
    expect((await slow).superseded).toBe(true);
    expect(await readOpenDocument(deps, 'C1', 'a')).toMatchObject({ body: expect.stringMatching(/^new built/) });
  });
});

describe('which consortia an event rebuilds', () => {
  const clock = { now: () => new Date('2026-12-05T09:00:00Z') };
  // The subject names the consortium itself: no other record is read to find it.
  const noReads = {} as SubjectReaders;
  const setup = () => {
    const table = new MemoryTable();
    const deps = { ...noReads, feeds: memoryFeeds(table), publishing: memoryPublishing(table), clock };
    const publish = (published: boolean, version: number) =>
      table.put(keys.settings('C1'), settingsRecord.toItem({ ...defaultSettings('C1'), published, version }));
    return { table, deps, publish };
  };
  // As consortiumDocuments builds: nothing unless published.
  const build = (deps: ReturnType<typeof setup>['deps']) => async () =>
    (await deps.publishing.getSettings('C1'))?.published ? [{ name: 'page', contentType: 'text/html', render: () => 'page' }] : [];

  it('writes nothing at all for a consortium never published, then builds, then takes it all down when it stops', async () => {
    const { table, deps, publish } = setup();
    expect(await rebuildConsortia(deps, 'consortium#C1', build(deps))).toEqual({
      C1: { written: [], unchanged: [], deleted: [], superseded: false },
    });
    expect(table.size).toBe(0);
    publish(true, 1);
    expect((await rebuildConsortia(deps, 'consortium#C1', build(deps))).C1?.written).toEqual(['page']);
    publish(false, 2);
    // Unpublished now, but built before: the rebuild runs and takes the page down.
    expect((await rebuildConsortia(deps, 'consortium#C1', build(deps))).C1?.deleted).toEqual(['page']);
    expect(await readOpenDocument(deps, 'C1', 'page')).toBe('absent');
  });
});
