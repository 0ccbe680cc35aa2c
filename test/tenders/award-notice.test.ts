import { describe, expect, it } from 'vitest';
import { startStandstill } from '../../shared/tenders/award-notice';
import { noProcess } from '../../shared/tenders/process';
import { regimeOf } from '../../shared/tenders/regime';
import type { Tender } from '../../shared/tenders/tender';
import { memoryTenders } from '../support/in-memory/tenders';
import { consortium, memorySystem, organisation } from '../support/memory';

/**
 * The award step on the in-memory adapters: the contract award notice (UK6) only where the
 * regime requires one, never before the assessment summaries (s.50(3)), and the standstill the
 * regime asks for: mandatory (s.51(2)), voluntary (s.51(5)) or none. Dates worked out by hand.
 */
async function tenderIn(o: { value: number; lightTouch: boolean; voluntary?: number; summaries?: boolean }) {
  // Thursday 30 April 2026, 10:00 London: the award approved that morning.
  const sys = memorySystem(new Date('2026-04-30T09:00:00Z'));
  const admin = await sys.admin();
  const lead = await organisation(sys, admin, 'Wyvernshire County Council');
  const c = await consortium(sys, [lead]);
  const tenders = memoryTenders(sys.table);
  const tender: Tender = {
    ...noProcess(),
    id: '01KN000000000000000000TEND',
    consortiumId: c.id,
    poolId: 'pool',
    buyerOrgId: lead.org.id,
    regime: regimeOf({ estimatedValue: o.value, lightTouch: o.lightTouch, authorityType: 'sub-central', on: '2026-04-01' }),
    status: 'award-decision',
    createdAt: '2026-04-01T09:00:00.000Z',
    createdBy: lead.caller.user.id,
    version: 1,
    title: 'Infrastructure support',
    description: 'One lot.',
    documents: [],
    lots: [{ id: 'all', title: 'All of it', value: o.value, scope: { kind: 'function', label: 'Everything' } }],
    procedure: 'open',
    lightTouch: o.lightTouch,
    authorityType: 'sub-central',
    advertised: true,
    voluntaryStandstillDays: o.voluntary,
    criteria: [{ id: 'quality', title: 'Quality', kind: 'quality', weight: 100 }],
    dates: {
      clarificationDeadline: '2026-04-10T12:00:00Z',
      submissionDeadline: '2026-04-20T12:00:00Z',
      evaluationEnd: '2026-04-25T12:00:00Z',
      awardDecision: '2026-04-29T12:00:00Z',
    },
    funders: [{ orgId: lead.org.id, amount: o.value }],
    panel: [lead.caller.user.id],
    outcomes: [{ lotId: 'all', status: 'recommended', winner: { interestId: 'i1', orgName: 'Eastbrook CVS', price: o.value, total: 80 } }],
    ...(o.summaries ? { assessmentSummaries: { sentAt: '2026-04-30T08:59:00.000Z', lotIds: ['all'], bidders: 1 } } : {}),
  };
  await tenders.createTender(tender, {
    id: 'e1',
    type: 'tender.drafted',
    version: 1,
    subject: `tender#${tender.id}`,
    occurredAt: tender.createdAt,
    actor: 'test',
    data: { tenderId: tender.id, status: tender.status, consortiumId: tender.consortiumId },
  });
  const deps = { ...sys.deps, tenders };
  return { step: () => startStandstill(deps, { tenderId: tender.id }), read: () => tenders.getTender(tender.id) };
}

describe('the award notice and the standstill, by regime', () => {
  it('refuses to publish a UK6 before the assessment summaries have gone', async () => {
    const t = await tenderIn({ value: 90_000_000, lightTouch: false });
    await expect(t.step()).rejects.toThrow(/assessment summaries must be sent before the contract award notice \(s\.50\(3\)\)/);
    expect((await t.read())?.notices).toEqual([]);
  });

  it('above threshold: the UK6 that day and eight working days (Thursday 30 April 2026 to the end of Tuesday 12 May: 4 May is a bank holiday)', async () => {
    const t = await tenderIn({ value: 90_000_000, lightTouch: false, summaries: true });
    expect(await t.step()).toMatchObject({ awardNotice: true, standstill: 'mandatory' });
    const saved = await t.read();
    expect(saved?.notices.map((n) => [n.type, n.publishedAt])).toEqual([['UK6', '2026-04-30T09:00:00.000Z']]);
    expect(saved?.standstill).toEqual({
      kind: 'mandatory',
      workingDays: 8,
      startsOn: '2026-04-30',
      endsOn: '2026-05-12',
      endsAt: '2026-05-12T23:00:00.000Z',
    });
    // Run again (a retried step): nothing more is published.
    await t.step();
    expect((await t.read())?.notices).toHaveLength(1);
  });

  it('light touch: the UK6 and no standstill, or the voluntary one chosen (ten working days: to the end of Thursday 14 May)', async () => {
    const none = await tenderIn({ value: 70_000_000, lightTouch: true, summaries: true });
    expect(await none.step()).toMatchObject({ awardNotice: true, standstill: 'none', secondsUntilEnd: 1 });
    expect((await none.read())?.status).toBe('award-decision');
    const chosen = await tenderIn({ value: 70_000_000, lightTouch: true, voluntary: 10, summaries: true });
    expect(await chosen.step()).toMatchObject({ awardNotice: true, standstill: 'voluntary' });
    expect((await chosen.read())?.standstill).toMatchObject({ kind: 'voluntary', workingDays: 10, endsOn: '2026-05-14' });
  });

  it('below threshold: no UK6 and no standstill, summaries or not', async () => {
    const t = await tenderIn({ value: 4_500_000, lightTouch: true });
    expect(await t.step()).toMatchObject({ awardNotice: false, standstill: 'none' });
    expect((await t.read())?.notices).toEqual([]);
  });
});
