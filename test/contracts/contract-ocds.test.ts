import { describe, expect, it } from 'vitest';
import { amendContract, decideMilestone, rateKpi, submitEvidence } from '../../shared/contracts/changes';
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
    const pkg = contractPackage(
      contractRelease(managed(), { prefix: 'ocds-grloop', council, supplier, now: new Date(meta.publishedDate) }),
      meta,
    );
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
    expect(c[0]?.implementation.documents).toEqual([expect.objectContaining({ noticeType: 'UK9', documentType: 'implementationNotice' })]);
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
    const release = contractRelease(from, { prefix: 'ocds-grloop', council, supplier, now: new Date(meta.publishedDate) });
    expect(release).toMatchObject({
      ocid: 'ocds-grloop-T1',
      tag: ['implementation'],
      contracts: [{ id: 'C1', awardID: 'award-org-support' }],
    });
    expect(release.awards).toBeUndefined();
    expect(ocdsValidators().release(contractPackage(release, meta))).toBe(true);
  });
});
