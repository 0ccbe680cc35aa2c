import { beforeAll, describe, expect, it } from 'vitest';
import { buildPublicView, loadPublicSource, type PublicSource, type PublicView } from '../../shared/publishing/public-view';
import { NOW, OPEN_DEADLINE, twoConsortia } from './public-fixture';

/**
 * The public page's view model (issue 28, point 3), built from two consortia on one in-memory
 * table. Figures are worked out here by hand from the fixture: round A1 received three
 * proposals and funded two (2/3 = 66.7%), round A2 received one and funded none (0%); tender A2
 * had three providers interested, two bids (two on its north lot, one on its south lot) and one
 * lot awarded.
 */
let f: Awaited<ReturnType<typeof twoConsortia>>;
const load = async (which: 'a' | 'b', now = NOW, change = {}) => {
  const c = f[which].c;
  const src = await loadPublicSource(f.deps, c.id, f.settings(c, change), now);
  if (!src) throw new Error('no source');
  return src;
};
const view = async (now = NOW, change = {}) => buildPublicView(await load('a', now, change), now);
const json = (v: PublicView) => JSON.stringify(v);
const spring = { id: 'round-a1', name: 'Spring round', pool: 'Wyvern Fund' };
const winter = { id: 'round-a2', name: 'Winter round', pool: 'Wyvern Fund' };

beforeAll(async () => {
  f = await twoConsortia();
});

describe('the public view of a consortium', () => {
  it('names the consortium, its members with the lead first, its place and purpose, and when it was built', async () => {
    const v = await view(NOW, { purpose: '  Local infrastructure for Wyvernshire  ' });
    expect(v).toMatchObject({
      consortiumId: f.a.c.id,
      builtAt: '2026-06-01T12:00:00.000Z',
      name: f.a.c.name,
      place: { name: 'Wyvernshire' },
      lead: 'Wyvernshire County Council',
      members: ['Wyvernshire County Council', 'Harbourside Trust'],
      purpose: 'Local infrastructure for Wyvernshire',
      licence: { id: 'cc-by-4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
    });
    // A GSS code from the shipped list names the place as ONS does.
    expect((await view(NOW, { placeCode: 'E10000034' })).place).toEqual({ name: 'Worcestershire', code: 'E10000034' });
  });

  it('says what it funds: pools with their lots and grants, tenders with lots and weighted criteria', async () => {
    const v = await view();
    expect(v.pools).toEqual([
      {
        id: f.a.pool.id,
        name: 'Wyvern Fund',
        purpose: 'Wyvern Fund: local infrastructure',
        open: true,
        lots: ['Wyvern Fund lot'],
        grants: 2,
        granted: 1_000_000,
      },
    ]);
    expect(v.grants?.map((g) => [g.title, g.recipient, g.amount, g.route.kind])).toEqual([
      ['Volunteer centre', 'Wyvern Voluntary Action', 600_000, 'direct'],
      ['Community buildings advice', 'Eastside CVS', 400_000, 'direct'],
    ]);
    // Published or signed off only: not the draft (A4), nor the one still awaiting sign-off (A6).
    expect(v.tenders?.map((t) => [t.id, t.stage])).toEqual([
      ['tender-a1', 'open'],
      ['tender-a2', 'awarded'],
      ['tender-a3', 'coming'],
      ['tender-a5', 'cancelled'],
    ]);
    expect(v.tenders?.[0]).toMatchObject({
      budget: 4_500_000,
      lots: [
        { id: 'north', title: 'Advice service: north', value: 3_000_000, scope: 'North of the county' },
        { id: 'south', title: 'Advice service: south', value: 1_500_000, scope: 'Volunteering' },
      ],
      criteria: [
        { title: 'Local knowledge', kind: 'quality', weight: 60 },
        { title: 'Price', kind: 'price', weight: 40 },
      ],
    });
  });

  it('gives the timetable: the round open and the one deciding, the tender open with its deadline, the tender coming', async () => {
    const { timetable } = await view();
    expect(timetable.roundsOpen).toEqual([
      { id: 'round-a3', name: 'Summer round', pool: 'Wyvern Fund', openedAt: '2026-05-20T09:00:00.000Z' },
    ]);
    expect(timetable.roundsDeciding).toEqual([]);
    expect(timetable.tendersOpen.map((t) => [t.id, t.dates.submissionDeadline])).toEqual([['tender-a1', OPEN_DEADLINE]]);
    expect(timetable.tendersComing.map((t) => [t.id, t.dates.submissionDeadline])).toEqual([['tender-a3', '2026-08-01T12:00:00Z']]);
  });

  it('gives success rates per decided round and per tender past its deadline, worked out by hand', async () => {
    const { successRates } = await view();
    expect(successRates?.rounds).toEqual([
      {
        ...spring,
        received: 3,
        funded: 2,
        percentFunded: 66.7,
        requested: 1_900_000,
        awarded: 1_000_000,
      },
      {
        ...winter,
        received: 1,
        funded: 0,
        percentFunded: 0,
        requested: 100_000,
        awarded: 0,
      },
    ]);
    expect(successRates?.tenders).toEqual([
      {
        id: 'tender-a2',
        title: 'Volunteering support',
        interests: 3,
        bids: 2,
        lots: [
          { title: 'Volunteering support: north', bids: 2, awarded: true },
          { title: 'Volunteering support: south', bids: 1, awarded: false },
        ],
        lotsAwarded: 1,
      },
    ]);
  });

  it('counts no bid of a tender before its deadline, and counts them after it', async () => {
    const before = await view();
    expect(before.successRates?.tenders.map((t) => t.id)).not.toContain('tender-a1');
    expect(json(before)).not.toMatch(/Early Bidder|Watching Org/);
    const after = await view(new Date(Date.parse(OPEN_DEADLINE) + 1000));
    expect(after.successRates?.tenders.find((t) => t.id === 'tender-a1')).toMatchObject({ interests: 2, bids: 1, lotsAwarded: 0 });
    expect(after.timetable.tendersOpen).toEqual([]);
    expect(after.tenders?.find((t) => t.id === 'tender-a1')?.stage).toBe('closed');
    // Counts a source carries are not used before the deadline the view is built at.
    const counted = await load('a', new Date(Date.parse(OPEN_DEADLINE) + 1000));
    expect(counted.tenders.find((t) => t.tender.id === 'tender-a1')?.counts).toEqual({ interests: 2, bids: 1, bidsPerLot: { north: 1 } });
    expect(buildPublicView(counted, NOW).successRates?.tenders.map((t) => t.id)).toEqual(['tender-a2']);
  });

  it('gives decisions with reasons: rounds with the funded proposals, tender awards, a cancellation', async () => {
    const { decisions } = await view();
    expect(decisions?.rounds).toEqual([
      {
        ...spring,
        outcome: 'funded',
        decidedAt: '2026-04-15T09:00:00.000Z',
        funded: [
          { title: 'Volunteer centre', recipient: 'Wyvern Voluntary Action', amount: 600_000 },
          { title: 'Community buildings advice', recipient: 'Eastside CVS', amount: 400_000 },
        ],
        notFunded: 1,
      },
      {
        ...winter,
        outcome: 'rejected',
        decidedAt: '2026-04-20T09:00:00.000Z',
        funded: [],
        notFunded: 1,
      },
    ]);
    expect(decisions?.tenders).toEqual([
      {
        id: 'tender-a2',
        title: 'Volunteering support',
        outcome: 'awarded',
        decidedAt: '2026-05-25T09:00:00.000Z',
        lots: [
          {
            title: 'Volunteering support: north',
            outcome: 'awarded',
            winner: 'Northern Hub CIC',
            value: 2_900_000,
            awardedAt: '2026-05-24T09:00:00.000Z',
          },
          // The resolution was written to the challenger: the public learns only that a challenge was upheld.
          { title: 'Volunteering support: south', outcome: 'not-awarded', reason: 'a challenge to the award was upheld' },
        ],
      },
      {
        id: 'tender-a5',
        title: 'Halted lot work',
        outcome: 'cancelled',
        decidedAt: '2026-05-10T09:00:00.000Z',
        reason: 'the council withdrew its money',
        lots: [
          { title: 'Halted lot work: north', outcome: 'not-awarded' },
          { title: 'Halted lot work: south', outcome: 'not-awarded' },
        ],
      },
    ]);
  });

  it('gives no rate for a round approved but not yet committed, and refuses none of its proposals yet', async () => {
    const src = await load('a');
    const approved = src.rounds.map((r) => (r.round.id === 'round-a3' ? { ...r, round: { ...r.round, status: 'approved' as const } } : r));
    const v = buildPublicView({ ...src, rounds: approved }, NOW);
    expect(v.successRates?.rounds.map((r) => r.id)).toEqual(['round-a1', 'round-a2']);
    expect(v.decisions?.rounds.find((r) => r.id === 'round-a3')).toMatchObject({ outcome: 'approved', funded: [], notFunded: 0 });
  });

  it('never names an unsuccessful applicant or bidder, nor shows a draft, or a reason written about an applicant', async () => {
    const text = json(await view(new Date('2026-12-01T00:00:00Z')));
    for (const hidden of [
      'Unlucky Trust',
      'Unlucky idea',
      'asked for too much',
      'Rejected Applicant',
      'Rejected plan',
      'Hopeful Pending Org',
      'Hopeful bid',
      'Losing Bidder',
      'Silent Interest',
      'Early Bidder',
      'Watching Org',
      'Secret draft',
      'Unsigned plan',
      f.providers.unlucky.id,
      f.providers.rejected.id,
      'tender-a2-i1',
    ])
      expect(text, hidden).not.toContain(hidden);
    // The check can fail: the winner and a funded recipient are there.
    expect(text).toContain('Northern Hub CIC');
    expect(text).toContain('Eastside CVS');
  });

  it('shows nothing of another consortium, even when the source holds its records', async () => {
    const a = await load('a');
    const b = await load('b');
    const own = buildPublicView(a, NOW);
    const text = json(own);
    for (const hidden of ['Borset', 'Ambridge', f.b.c.id, f.b.pool.id, f.grants.gb.id, f.providers.bRecipient.id, 'round-b1', 'tender-b1'])
      expect(text, hidden).not.toContain(hidden);
    const mixed: PublicSource = {
      ...a,
      orgs: new Map([...a.orgs, ...b.orgs]),
      pools: [...b.pools, ...a.pools],
      grants: [...b.grants, ...a.grants],
      rounds: [...b.rounds, ...a.rounds],
      tenders: [...b.tenders, ...a.tenders],
    };
    expect(json(buildPublicView(mixed, NOW))).toBe(text);
    // And B's own page has its own records (the names searched for above are real).
    expect(json(buildPublicView(b, NOW))).toMatch(/Borset secret grant[\s\S]*Borset tender/);
  });

  it('is deterministic: the same records in another order build the same bytes', async () => {
    const a = await load('a');
    const reversed: PublicSource = {
      ...a,
      pools: [...a.pools].reverse(),
      grants: [...a.grants].reverse(),
      rounds: [...a.rounds].reverse().map((r) => ({ ...r, proposals: [...r.proposals].reverse() })),
      tenders: [...a.tenders].reverse(),
    };
    expect(json(buildPublicView(reversed, NOW))).toBe(json(buildPublicView(a, NOW)));
  });
});

describe('what the lead chooses to show', () => {
  const every = { grants: true, tenders: true, successRates: true, decisions: true };

  it('without grants: no pools, grants, rounds nor 360Giving feeds', async () => {
    const v = await view(NOW, { show: { ...every, grants: false } });
    expect(v.pools).toBeUndefined();
    expect(v.grants).toBeUndefined();
    expect(v.timetable.roundsOpen).toEqual([]);
    expect(v.successRates?.rounds).toEqual([]);
    expect(v.decisions?.rounds).toEqual([]);
    expect(v.feeds.map((x) => x.standard)).toEqual(['OCDS', 'OCDS']);
    expect(json(v)).not.toMatch(/Wyvern Fund|Volunteer centre|Wyvern Voluntary Action|Spring round|Summer round/);
    expect(v.decisions?.tenders.length).toBe(2);
  });

  it('without tenders: no tender, its timetable, rates or awards, nor OCDS feeds', async () => {
    const v = await view(NOW, { show: { ...every, tenders: false } });
    expect(v.tenders).toBeUndefined();
    expect(v.timetable.tendersOpen).toEqual([]);
    expect(v.timetable.tendersComing).toEqual([]);
    expect(v.successRates?.tenders).toEqual([]);
    expect(v.decisions?.tenders).toEqual([]);
    expect(v.feeds.map((x) => x.href)).toEqual([`/open/${f.a.c.id}/360giving.json`, `/open/${f.a.c.id}/360giving.csv`]);
    expect(json(v)).not.toMatch(/Advice service|Volunteering support|Northern Hub|Digital skills|Halted lot work/);
  });

  it('without success rates, or without decisions: those sections are absent', async () => {
    const noRates = await view(NOW, { show: { ...every, successRates: false } });
    expect(noRates).not.toHaveProperty('successRates');
    expect(noRates.decisions).toBeDefined();
    const noDecisions = await view(NOW, { show: { ...every, decisions: false } });
    expect(noDecisions).not.toHaveProperty('decisions');
    expect(json(noDecisions)).not.toMatch(/Northern Hub|withdrew its money|challenge/);
  });

  it('links every feed with the licence named', async () => {
    const v = await view(NOW, { licence: 'ogl-uk-3.0' });
    const base = `/open/${f.a.c.id}`;
    expect(v.feeds.map((x) => [x.href, x.format, x.licence.name])).toEqual([
      [`${base}/360giving.json`, 'JSON', 'Open Government Licence v3.0'],
      [`${base}/360giving.csv`, 'CSV', 'Open Government Licence v3.0'],
      [`${base}/ocds/releases`, 'JSON', 'Open Government Licence v3.0'],
      [`${base}/ocds/records`, 'JSON', 'Open Government Licence v3.0'],
    ]);
  });
});
