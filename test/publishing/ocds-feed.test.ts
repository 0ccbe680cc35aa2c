import { describe, expect, it } from 'vitest';
import { buildOcdsFeed, loadOcdsSource, type OcdsFeed, type OcdsSource } from '../../shared/publishing/ocds-feed';
import type { Interest } from '../../shared/tenders/store';
import { ocdsValidators, offCodelist } from '../support/ocds';
import { award, bid, type FeedScenario, feedScenario } from '../support/ocds-feed';

/**
 * A consortium's public OCDS feed, built from the in-memory stores as the event consumer would
 * build it: every page valid against OCDS 1.1.5 with the lots, bids and UK extensions, pages
 * chained by links, ocids stable, release ids unique, and no bid of a tender whose deadline has
 * not passed on any page, nor anything of another consortium.
 */
const BASE = 'https://grantloop.test/open/C1';
const PREFIX = 'ocds-grloop';
const options = (pageSize: number) => ({ prefix: PREFIX, baseUrl: BASE, pageSize, licence: 'cc-by-4.0' as const });
const CC_BY = 'https://creativecommons.org/licenses/by/4.0/';

// Bidders named so that a name on a page can only have come from that tender's bids.
const earlyBidders: Interest[] = [
  {
    id: 'i-early-1',
    tenderId: '',
    orgName: 'Wyvern Voluntary Action',
    email: 'a@wva.test',
    identifier: 'GB-CHC-1077001',
    registeredAt: '',
    invited: false,
  },
  { id: 'i-early-2', tenderId: '', orgName: 'Marsh Lane Collective', email: 'b@marsh.test', registeredAt: '', invited: false },
];
const lateBidders = [
  { id: 'i-late-1', orgName: 'Quietwater Community Trust', email: 'c@quiet.test', identifier: 'GB-CHC-1099001' },
  { id: 'i-late-2', orgName: 'Sealed Envelope Partnership', email: 'd@sealed.test' },
];

async function scenario() {
  const s = await feedScenario();
  for (const [i, b] of earlyBidders.entries()) await bid(s, s.early, b, 3_500_000 + i * 100_000);
  for (const [i, b] of lateBidders.entries()) await bid(s, s.late, b, 3_600_000 + i * 100_000);
  await bid(s, s.other, { id: 'i-other', orgName: 'Faraway Bidder Ltd', email: 'e@far.test' }, 3_000_000);
  // 10 July: the early tender's deadline passed (6 July) and its lot awarded to the bidder with no org-id; the late one's is on 20 July.
  s.sys.advanceDays(9);
  await award(s, earlyBidders[1] as Interest, 3_600_000);
  return s;
}

const feedOf = async (s: FeedScenario, pageSize = 2) =>
  buildOcdsFeed(await loadOcdsSource(s.deps, s.mine.id, s.sys.clock.now()), options(pageSize));

// biome-ignore lint/suspicious/noExplicitAny: packages are checked as the JSON a consumer reads
type Json = Record<string, any>;
const pagesOf = (feed: OcdsFeed): Json[] => [...feed.releasePages, ...feed.recordPages];
/** Every release a page holds: a release page's, or each record's releases and compiled release. */
const releasesIn = (page: Json): Json[] => page.releases ?? page.records.flatMap((r: Json) => [...r.releases, r.compiledRelease]);
const ocid = (tenderId: string) => `${PREFIX}-${tenderId}`;

const { release: validRelease, record: validRecord } = ocdsValidators();
const schemaErrors = (check: typeof validRelease, pkg: unknown) =>
  check(pkg) ? [] : (check.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);

/** Where a tender's bids show on a page: a bids section, a count of tenderers, a tenderer, or a bidder's name anywhere. */
function bidTraces(page: Json, tenderId: string, names: string[]): string[] {
  const traces: string[] = [];
  for (const r of releasesIn(page).filter((x) => x.ocid === ocid(tenderId))) {
    if (r.bids) traces.push(`${r.id}: bids`);
    if (r.tender?.numberOfTenderers !== undefined) traces.push(`${r.id}: numberOfTenderers`);
    if (r.tender?.tenderers) traces.push(`${r.id}: tenderers`);
    if ((r.parties ?? []).some((p: Json) => p.roles.includes('tenderer'))) traces.push(`${r.id}: a tenderer party`);
  }
  const text = JSON.stringify(page);
  for (const n of names) if (text.includes(n)) traces.push(`${page.uri}: ${n}`);
  return traces;
}

/** Follows `links.next` from the first page: each page's uri is the one the previous named, and its prev names the previous. */
function walk(pages: Json[], kind: 'releases' | 'records') {
  const visited: string[] = [];
  let page: Json | undefined = pages[0];
  let prev: string | undefined;
  while (page) {
    expect(page.uri).toBe(`${BASE}/ocds/${kind}?page=${visited.length + 1}`);
    expect(page.links?.prev).toBe(prev);
    // `links` is the pagination extension's: a page with links declares it, a lone page (no links) does not.
    const pagination = 'https://raw.githubusercontent.com/open-contracting-extensions/ocds_pagination_extension/master/extension.json';
    expect(page.extensions.includes(pagination)).toBe(page.links !== undefined);
    visited.push(page.uri);
    prev = page.uri;
    const next: string | undefined = page.links?.next;
    page = next ? pages.find((p) => p.uri === next) : undefined;
    if (next) expect(page).toBeDefined();
  }
  return visited;
}

describe('a consortium’s OCDS feed', () => {
  it('validates page by page against OCDS 1.1.5 with the lots, bids and UK extensions, every code on its codelist', async () => {
    const s = await scenario();
    for (const moment of ['before the late deadline', 'after it']) {
      const feed = await feedOf(s);
      expect(feed.releasePages.length, moment).toBeGreaterThan(1);
      for (const page of feed.releasePages) {
        expect(schemaErrors(validRelease, page), `${moment} ${page.uri}`).toEqual([]);
        expect(offCodelist(page), page.uri).toEqual([]);
      }
      for (const page of feed.recordPages) {
        expect(schemaErrors(validRecord, page), `${moment} ${page.uri}`).toEqual([]);
        expect(offCodelist(page), page.uri).toEqual([]);
      }
      s.sys.advanceDays(11);
    }
  });

  it('holds every release of every published tender and the contract’s implementation, oldest first, each id once', async () => {
    const s = await scenario();
    const feed = await feedOf(s);
    const releases = feed.releasePages.flatMap((p) => p.releases);
    const ids = releases.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => !id.includes('-implementation-'))).toEqual([
      `${ocid('TEARLY')}-planning`,
      `${ocid('TLATE')}-planning`,
      `${ocid('TEARLY')}-tender`,
      `${ocid('TLATE')}-tender`,
      `${ocid('TEARLY')}-bids`,
      `${ocid('TEARLY')}-complete`,
      `${ocid('TEARLY')}-contract-support`,
    ]);
    const implementation = releases.filter((r) => r.tag.includes('implementation'));
    expect(implementation.map((r) => [r.ocid, (r.contracts as Json[])[0]?.id])).toEqual([[ocid('TEARLY'), 'GRANTEARLY']]);
    const dates = releases.map((r) => Date.parse(r.date));
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
    // The draft has no releases.
    expect(JSON.stringify(feed)).not.toContain('TDRAFT');
  });

  it('has one record per contracting process, whose supplier is one party (the tender’s and the contract’s)', async () => {
    const s = await scenario();
    const records = (await feedOf(s, 10)).recordPages.flatMap((p) => p.records);
    expect(records.map((r) => r.ocid)).toEqual([ocid('TEARLY'), ocid('TLATE')]);
    const early = records[0]?.compiledRelease as Json;
    const supplier = early.parties.filter((p: Json) => p.roles.includes('supplier'));
    expect(supplier).toEqual([expect.objectContaining({ id: '360G-grantloop-i-early-2', roles: ['tenderer', 'supplier'] })]);
    // The council keeps every role it has in the process: the contract's release names them all.
    expect(early.parties.find((p: Json) => p.id === 'GB-LAE-WYV')?.roles).toEqual(['buyer', 'procuringEntity', 'funder']);
    expect(early.contracts).toEqual([
      expect.objectContaining({ id: 'GRANTEARLY', awardID: 'award-support', implementation: expect.any(Object) }),
    ]);
  });

  it('chains its pages with links.next and links.prev, page 1 without prev and the last without next', async () => {
    const s = await scenario();
    for (const size of [1, 2, 3]) {
      const feed = await feedOf(s, size);
      const all = feed.releasePages.flatMap((p) => p.releases.map((r) => r.id));
      expect(feed.releasePages).toHaveLength(Math.ceil(all.length / size));
      expect(walk(feed.releasePages, 'releases')).toHaveLength(feed.releasePages.length);
      expect(walk(feed.recordPages, 'records')).toHaveLength(Math.ceil(2 / size));
      expect(feed.releasePages.at(-1)?.links?.next).toBeUndefined();
      for (const p of feed.releasePages) expect(p.releases.length).toBeLessThanOrEqual(size);
    }
  });

  it('has no pages while nothing is published (a package holds at least one release), and refuses an empty page size', async () => {
    const empty: OcdsSource = { consortium: { id: 'C1', name: 'Quiet' }, tenders: [], contracts: [] };
    expect(buildOcdsFeed(empty, options(2))).toEqual({ releasePages: [], recordPages: [] });
    expect(() => buildOcdsFeed(empty, options(0))).toThrow(/at least one item/);
    expect(() => buildOcdsFeed(empty, { ...options(2), prefix: 'ocds-x' })).toThrow(/ocds-xxxxxx/);
  });

  it('states its licence, publisher and, for each page, the date of its newest release (no clock)', async () => {
    const s = await scenario();
    const feed = await feedOf(s);
    for (const page of pagesOf(feed)) {
      expect(page).toMatchObject({ license: CC_BY, publisher: { name: s.mine.name }, version: '1.1' });
      const newest = Math.max(...releasesIn(page).map((r) => Date.parse(r.date)));
      expect(Date.parse(page.publishedDate)).toBe(newest);
    }
    const ogl = buildOcdsFeed(await loadOcdsSource(s.deps, s.mine.id, s.sys.clock.now()), { ...options(2), licence: 'ogl-uk-3.0' });
    expect(ogl.releasePages[0]?.license).toBe('https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/');
  });

  it('keeps ocids and release ids: the same source gives the same bytes, and a change only adds', async () => {
    const s = await scenario();
    const a = await feedOf(s);
    expect(JSON.stringify(await feedOf(s))).toBe(JSON.stringify(a));
    s.sys.advanceDays(11); // past the late deadline: its bids are added
    const b = await feedOf(s);
    const ids = (f: OcdsFeed) => f.releasePages.flatMap((p) => p.releases.map((r) => r.id));
    const ocids = (f: OcdsFeed) => f.recordPages.flatMap((p) => p.records.map((r) => r.ocid));
    expect(ocids(b)).toEqual(ocids(a));
    expect(ocids(a)).toEqual([ocid('TEARLY'), ocid('TLATE')]);
    expect(ids(b)).toEqual(expect.arrayContaining(ids(a)));
    expect(ids(b).filter((id) => !ids(a).includes(id))).toEqual([`${ocid('TLATE')}-bids`]);
  });
});

describe('what the feed never publishes', () => {
  const lateNames = lateBidders.map((b) => b.orgName);

  it('no bid, bid count or bidder of a tender before its deadline on any page; its bids, unnamed, once it has passed', async () => {
    const s = await scenario();
    const before = await feedOf(s, 1);
    for (const page of pagesOf(before)) expect(bidTraces(page, 'TLATE', lateNames), page.uri).toEqual([]);
    // The early tender's deadline has passed: its bids are there (the check does find them).
    expect(pagesOf(before).flatMap((p) => bidTraces(p, 'TEARLY', []))).toContain(`${ocid('TEARLY')}-bids: bids`);
    s.sys.advanceDays(10); // 20 July, 09:00 UTC: two hours before the deadline
    for (const page of pagesOf(await feedOf(s, 1))) expect(bidTraces(page, 'TLATE', lateNames), page.uri).toEqual([]);
    s.sys.advanceDays(1);
    const after = await feedOf(s, 1);
    const traces = pagesOf(after).flatMap((p) => bidTraces(p, 'TLATE', lateNames));
    expect(traces).toEqual(expect.arrayContaining([`${ocid('TLATE')}-bids: bids`, `${ocid('TLATE')}-bids: numberOfTenderers`]));
    const bids = after.releasePages.flatMap((p) => p.releases).find((r) => r.id === `${ocid('TLATE')}-bids`) as Json;
    expect(bids.tender.numberOfTenderers).toBe(2);
    expect(bids.bids.statistics[0]).toMatchObject({ measure: 'bids', value: 2 });
    expect(bids.bids.details.map((d: Json) => [d.id, d.tenderers])).toEqual([
      ['i-late-1.support', undefined],
      ['i-late-2.support', undefined],
    ]);
    // Nobody has won it yet: no bidder is named, on any page.
    expect(traces.filter((t) => lateNames.some((n) => t.includes(n)))).toEqual([]);
  });

  it('names a bidder only in the release that made it the supplier; the bids release stays anonymous, never one that did not win', async () => {
    const s = await scenario();
    const feed = await feedOf(s, 1);
    const text = JSON.stringify(feed);
    for (const loser of ['Wyvern Voluntary Action', 'GB-CHC-1077001']) expect(text).not.toContain(loser);
    const releases = feed.releasePages.flatMap((p) => p.releases) as Json[];
    const bids = releases.find((r) => r.id === `${ocid('TEARLY')}-bids`) as Json;
    expect(bids.bids.details.map((d: Json) => [d.id, d.tenderers])).toEqual([
      ['i-early-1.support', undefined],
      ['i-early-2.support', undefined],
    ]);
    expect(bids.tender.numberOfTenderers).toBe(2);
    expect(bids.tender.tenderers).toBeUndefined();
    expect(JSON.stringify(bids)).not.toContain('Marsh Lane Collective');
    // The winner is named where it became the supplier: the award notice's update, the award, the contract's implementation.
    const naming = releases.filter((r) => JSON.stringify(r).includes('Marsh Lane Collective')).map((r) => r.tag);
    expect(naming.length).toBeGreaterThan(0);
    expect(naming).toEqual([['tenderUpdate', 'contractUpdate'], ['award', 'contract'], ['implementation']]);
  });

  it('nothing of another consortium, and a source that mixes one in is refused', async () => {
    const s = await scenario();
    s.sys.advanceDays(11);
    const feed = await feedOf(s);
    const text = JSON.stringify(feed);
    for (const trace of ['TOTHER', 'Faraway Bidder Ltd', 'Elsewhere Borough Council', 'GB-LAE-ELS']) expect(text).not.toContain(trace);
    const src = await loadOcdsSource(s.deps, s.mine.id, s.sys.clock.now());
    const theirs = await loadOcdsSource(s.deps, s.theirs.id, s.sys.clock.now());
    expect(theirs.tenders.map((t) => t.tender.id)).toEqual(['TOTHER']);
    const mixed: OcdsSource = { ...src, tenders: [...src.tenders, ...theirs.tenders] };
    expect(() => buildOcdsFeed(mixed, options(2))).toThrow(/tender TOTHER is not of consortium/);
  });
});
