import { describe, expect, it } from 'vitest';
import { amendContract, changeStatus, decideMilestone, rateKpi, submitEvidence } from '../../shared/contracts/changes';
import { buildContract, type Contract } from '../../shared/contracts/contract';
import { contractPackage, contractRelease } from '../../shared/contracts/ocds';
import { contractInput } from '../support/contract-input';
import { codelist, ocdsValidators, offCodelist } from '../support/ocds';

// biome-ignore lint/suspicious/noExplicitAny: packages are read as the JSON they are
type Json = Record<string, any>;

const council = { identifier: 'GB-LAE-WYV', name: 'Wyvernshire County Council' };
const supplier = { identifier: 'GB-CHC-1077001', name: 'Wyvern Voluntary Action' };
const meta = { uri: 'https://grantloop.test/contracts/c1/ocds', publishedDate: '2026-10-05T10:00:00.000Z', publisher: council.name };

/** A year in: M1 met, M2 not met, a KPI rated, the term extended. */
function managed(source: Contract['source'] = { kind: 'direct' }): Contract {
  const now = new Date('2026-10-05T10:00:00Z');
  let c = buildContract(contractInput(), {
    id: 'C1',
    councilOrgId: 'org',
    by: 'u',
    now: new Date('2026-03-20T10:00:00Z'),
    source,
    status: 'active',
  });
  c = submitEvidence(c, 'M1', { text: 'Plan', submittedAt: '2026-04-28T10:00:00Z', via: 'link' });
  c = decideMilestone(c, 'M1', { status: 'met' }, 'u', now);
  c = decideMilestone(c, 'M2', { status: 'notMet', reason: 'No report' }, 'u', now);
  c = rateKpi(c, 'K1', { period: { startDate: '2026-04-01', endDate: '2026-06-30' }, rating: 'requires-improvement' }, 'u', now);
  return amendContract(c, { why: 'Extended', endDate: '2027-09-30' }, { id: 'A1', by: 'u', now });
}

describe("a contract's implementation as OCDS", () => {
  it('validates against core 1.1.5 with the lots, bids and UK patches; statuses and types are from their codelists', () => {
    const pkg = contractPackage(contractRelease(managed(), { prefix: 'ocds-grloop', council, supplier }), meta);
    const { release } = ocdsValidators();
    expect(release(pkg), JSON.stringify(release.errors)).toBe(true);
    expect(offCodelist(pkg)).toEqual([]);
    const c = pkg.releases[0]?.contracts as Json[];
    const milestones = c[0]?.implementation.milestones as { status: string; type: string; dateMet?: string }[];
    for (const m of milestones) {
      expect(codelist('milestoneStatus').has(m.status)).toBe(true);
      expect(codelist('milestoneType').has(m.type)).toBe(true);
    }
    expect(milestones.map((m) => [m.status, m.dateMet])).toEqual([
      ['met', '2026-04-27T23:00:00.000Z'],
      ['notMet', undefined],
    ]);
    // UK9: the KPI's rating on the statutory scale, as the UK extension's measure classification.
    expect(c[0]?.implementation.metrics[0].observations[0].measureClassification).toEqual({
      id: 'below',
      description: 'Requires improvement',
    });
    // Rated, but no UK9: a contract whose regime is not recorded cannot be said to owe one (notices.ts).
    expect(c[0]?.implementation.documents).toBeUndefined();
    expect(c[0]?.amendments[0]).toMatchObject({ id: 'A1', rationale: 'Extended', description: 'period.endDate: 2027-03-31 → 2027-09-30' });
    // Not vacuous: a status off its codelist fails validation.
    const bad = structuredClone(pkg) as Json;
    bad.releases[0].contracts[0].implementation.milestones[0].status = 'done';
    expect(release(bad)).toBe(false);
    // Registered directly: its own process, with the award OCDS requires of a contract.
    expect(pkg.releases[0]).toMatchObject({ ocid: 'ocds-grloop-C1', awards: [{ id: 'award-C1', status: 'active' }] });
  });

  it("a contract from a tender's lot joins the tender's process: same ocid, that lot's award, the grant's id", () => {
    const from = managed({ kind: 'tender', tenderId: 'T1', lotId: 'org-support' });
    const release = contractRelease(from, { prefix: 'ocds-grloop', council, supplier });
    expect(release).toMatchObject({
      ocid: 'ocds-grloop-T1',
      tag: ['implementation'],
      contracts: [{ id: 'C1', awardID: 'award-org-support' }],
    });
    expect(release.awards).toBeUndefined();
    expect(ocdsValidators().release(contractPackage(release, meta))).toBe(true);
  });

  it('is dated by its last published change and named by its content: unchanged, the same release; changed, a new one', () => {
    const release = (c: Contract, buyer = council) => contractRelease(c, { prefix: 'ocds-grloop', council: buyer, supplier });
    const at = (iso: string) => new Date(iso);
    const c0 = buildContract(contractInput(), {
      id: 'C1',
      councilOrgId: 'org',
      by: 'u',
      now: at('2026-03-20T10:00:00Z'),
      source: { kind: 'direct' },
      status: 'pending',
    });
    const r0 = release(c0);
    expect(r0.date).toBe('2026-03-20T10:00:00.000Z');
    expect(r0.id).toMatch(/^ocds-grloop-C1-implementation-[0-9a-f]{16}$/);
    // Asked again, nothing changed: the very same release, and the same package around it.
    expect(release(c0)).toEqual(r0);
    const pkg = (r: typeof r0) => JSON.stringify(contractPackage(r, { ...meta, publishedDate: r.date }));
    expect(pkg(release(c0))).toBe(pkg(r0));

    // Evidence from the supplier is not published: the release does not change.
    const c1 = submitEvidence(c0, 'M1', { text: 'Plan', submittedAt: '2026-04-28T10:00:00Z', via: 'link' });
    expect(release(c1)).toEqual(r0);

    // Each published change dates the release by its own time and gives it a new id.
    const c2 = changeStatus(c1, 'active', undefined, at('2026-04-01T08:30:00Z'));
    const c3 = decideMilestone(c2, 'M1', { status: 'met' }, 'u', at('2026-05-02T09:30:00Z'));
    const c4 = rateKpi(
      c3,
      'K1',
      { period: { startDate: '2026-04-01', endDate: '2026-06-30' }, rating: 'good' },
      'u',
      at('2026-07-10T08:00:00Z'),
    );
    const c5 = amendContract(c4, { why: 'Extended', endDate: '2027-09-30' }, { id: 'A1', by: 'u', now: at('2026-08-01T12:00:00Z') });
    const c6 = changeStatus(c5, 'terminated', 'Ended by agreement', at('2026-09-01T16:00:00Z'));
    const releases = [c2, c3, c4, c5, c6].map((c) => release(c));
    expect(releases.map((r) => r.date)).toEqual([
      '2026-04-01T08:30:00.000Z',
      '2026-05-02T09:30:00.000Z',
      '2026-07-10T08:00:00.000Z',
      '2026-08-01T12:00:00.000Z',
      '2026-09-01T16:00:00.000Z',
    ]);
    expect(new Set([r0, ...releases].map((r) => r.id)).size).toBe(6);
    // A change the record keeps no time for (the council renamed) still names a different release.
    const renamed = release(c6, { ...council, name: 'Wyvernshire Council' });
    expect([renamed.date, renamed.id === releases[4]?.id]).toEqual(['2026-09-01T16:00:00.000Z', false]);
  });
});
