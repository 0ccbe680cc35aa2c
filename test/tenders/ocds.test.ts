import { describe, expect, it } from 'vitest';
import { compileReleases, recordPackage, releasePackage } from '../../shared/tenders/ocds-package';
import { type Release, tenderReleases } from '../../shared/tenders/ocds-releases';
import { noProcess } from '../../shared/tenders/process';
import { regimeOf } from '../../shared/tenders/regime';
import type { Tender } from '../../shared/tenders/tender';
import { ocdsValidators, offCodelist } from '../support/ocds';
import { winterDates } from '../support/tender-input';

/** The builder and the validator without engines: what a package must say, and that the validator does catch mistakes. */
const published: Tender = {
  ...noProcess(),
  id: 't1',
  consortiumId: 'c1',
  poolId: 'p1',
  buyerOrgId: 'county',
  status: 'published',
  createdAt: '2026-11-01T09:00:00.000Z',
  createdBy: 'u1',
  version: 4,
  title: 'Wyvernshire infrastructure support',
  description: 'Two lots.',
  documents: [{ title: 'Specification', url: 'https://wyvernshire.example.org/spec.pdf' }],
  lots: [{ id: 'org-support', title: 'Organisational support', value: 70_000_000, scope: { kind: 'geography', label: 'Wyvernshire' } }],
  procedure: 'competitive-flexible',
  lightTouch: true,
  authorityType: 'sub-central',
  advertised: true,
  // £700,000 of light-touch services, drafted in November 2026: at or above the £663,540 light-touch threshold.
  regime: regimeOf({ estimatedValue: 70_000_000, lightTouch: true, authorityType: 'sub-central', on: '2026-11-01' }),
  criteria: [
    { id: 'local-knowledge', title: 'Local knowledge', kind: 'quality', weight: 70 },
    { id: 'price', title: 'Price', kind: 'price', weight: 30 },
  ],
  dates: winterDates,
  funders: [
    { orgId: 'county', amount: 50_000_000 },
    { orgId: 'icb', amount: 20_000_000 },
  ],
  panel: ['u1'],
  signOffs: [
    { orgId: 'county', decision: 'approve', by: 'u1', at: '2026-11-02T10:00:00.000Z' },
    { orgId: 'icb', decision: 'approve', by: 'u2', at: '2026-11-03T10:00:00.000Z' },
  ],
  publishedAt: '2026-11-03T10:00:05.000Z',
  notices: [{ type: 'UK4', publishedAt: '2026-11-03T10:00:05.000Z', lotIds: [] }],
};

const facts = () => ({
  tender: published,
  ocid: 'ocds-grloop-t1',
  buyer: { identifier: 'GB-LAE-WYV', name: 'Wyvernshire County Council' },
  funders: new Map([
    ['county', { identifier: 'GB-LAE-WYV', name: 'Wyvernshire County Council' }],
    ['icb', { identifier: 'GB-NHS-QWY', name: 'Wyvernshire ICB' }],
  ]),
  interests: [],
  bids: undefined,
  questionsAsked: 0,
});
const releases = () => tenderReleases(facts());
const meta = { uri: 'https://api.example.org/tenders/t1/ocds', publishedDate: '2026-11-22T09:00:00.000Z', publisher: 'Wyvernshire' };
const { release: validRelease, record: validRecord } = ocdsValidators();
const errors = (pkg: unknown) => (validRelease(pkg) ? [] : (validRelease.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));

describe('OCDS releases of a published tender', () => {
  it('are a planning release (at the last sign-off) and a tender release (UK4), valid and on the codelists', () => {
    const rs = releases();
    expect(rs.map((r) => [r.id, r.date, r.tag])).toEqual([
      ['ocds-grloop-t1-planning', '2026-11-03T10:00:00.000Z', ['planning']],
      ['ocds-grloop-t1-tender', '2026-11-03T10:00:05.000Z', ['tender']],
    ]);
    expect(errors(releasePackage(rs, meta))).toEqual([]);
    expect(validRecord(recordPackage(rs, meta))).toBe(true);
    expect(offCodelist(releasePackage(rs, meta))).toEqual([]);
    const tender = compileReleases(rs).tender as Record<string, unknown>;
    expect(tender).toMatchObject({
      status: 'active',
      procurementMethod: 'selective',
      specialRegime: ['lightTouch'],
      aboveThreshold: true,
      value: { amount: 700_000, currency: 'GBP' },
    });
    // The buyer also funds: one party with both roles.
    expect(compileReleases(rs).parties).toEqual([
      expect.objectContaining({ id: 'GB-LAE-WYV', roles: ['buyer', 'procuringEntity', 'funder'] }),
      expect.objectContaining({ id: 'GB-NHS-QWY', roles: ['funder'] }),
    ]);
  });

  it('has no releases before publication', () => {
    const draft = { ...published, status: 'draft', publishedAt: undefined, notices: [] } as Tender;
    expect(tenderReleases({ ...facts(), tender: draft })).toEqual([]);
  });
});

describe('the compiled release', () => {
  const r = (id: string, date: string, body: Record<string, unknown>): Release => ({
    ocid: 'o',
    id,
    date,
    tag: ['tender'],
    initiationType: 'tender',
    ...body,
  });
  it('merges objects by field and arrays of objects by id; other arrays and values are replaced; the newest wins', () => {
    const compiled = compileReleases([
      r('1', '2026-01-01T00:00:00Z', {
        tender: { status: 'active', lots: [{ id: 'a', status: 'active', title: 'A' }], submissionMethod: ['x', 'y'] },
      }),
      r('2', '2026-01-02T00:00:00Z', {
        tender: {
          lots: [
            { id: 'a', status: 'complete' },
            { id: 'b', status: 'active' },
          ],
          submissionMethod: ['z'],
        },
      }),
    ]);
    expect(compiled.tender).toEqual({
      status: 'active',
      lots: [
        { id: 'a', status: 'complete', title: 'A' },
        { id: 'b', status: 'active' },
      ],
      submissionMethod: ['z'],
    });
    expect(compiled).toMatchObject({ tag: ['compiled'], date: '2026-01-02T00:00:00Z' });
  });
});

describe('the validator', () => {
  // Each of these is caught only if the extension's patch was applied (core alone allows extra fields).
  const set = (rs: Release[], path: (string | number)[], v: unknown) => {
    let at: Record<string | number, unknown> = rs as unknown as Record<number, unknown>;
    for (const k of path.slice(0, -1)) at = at[k] as Record<string | number, unknown>;
    at[path.at(-1) as string | number] = v;
  };
  const broken: [string, (rs: Release[]) => void, string][] = [
    ['core: tender status', (rs) => set(rs, [1, 'tender', 'status'], 'open'), '/releases/1/tender/status'],
    ['UK: aboveThreshold is a boolean', (rs) => set(rs, [1, 'tender', 'aboveThreshold'], 'yes'), 'aboveThreshold'],
    ['lots: lot status', (rs) => set(rs, [1, 'tender', 'lots', 0, 'status'], 'open'), 'lots/0/status'],
    ['bids: a bid needs an id', (rs) => set(rs, [1, 'bids'], { details: [{ status: 'valid' }] }), 'bids/details/0'],
    ['formats: a date is a date-time', (rs) => set(rs, [0, 'date'], '2026-11-03'), '/releases/0/date'],
  ];
  for (const [what, breakIt, where] of broken) {
    it(`rejects a package that breaks a rule (${what})`, () => {
      const rs = releases();
      breakIt(rs);
      expect(errors(releasePackage(rs, meta)).join('\n')).toContain(where);
    });
  }
});
