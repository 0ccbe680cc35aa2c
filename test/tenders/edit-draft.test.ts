import { describe, expect, it } from 'vitest';
import { settleConsortium } from '../../shared/consortia/invitation';
import { eventRecord } from '../../shared/platform/codecs';
import { createPool } from '../../shared/pools/pools';
import { draftTender, editDraftTender } from '../../shared/tenders/drafting';
import { returnToDraft, submitForSignOff } from '../../shared/tenders/sign-off';
import type { TenderInput } from '../../shared/tenders/tender';
import { memoryTenders } from '../support/in-memory/tenders';
import { consortium, memorySystem, organisation } from '../support/memory';

/**
 * Changing a draft (editDraftTender, PUT /tenders/{tenderId}), fast on the in-memory adapters:
 * only the lead's officers, only while it is a draft, the same checks as drafting, the whole
 * replaced under the next version with a `tender.edited` event, the regime judged on the day it
 * was first drafted.
 */
async function setup() {
  const sys = memorySystem(new Date('2025-12-20T10:00:00Z'));
  const admin = await sys.admin();
  const lead = await organisation(sys, admin, 'Wyvernshire County Council');
  const member = await organisation(sys, admin, 'Harbourside Trust');
  const c = await consortium(sys, [lead, member]);
  await settleConsortium(sys.deps, { consortiumId: c.id, outcome: 'activate' });
  const pool = await createPool(sys.deps, lead.caller, c.id, { name: 'Tender Fund', purpose: 'Infrastructure support', lots: [] });
  const deps = { ...sys.deps, tenders: memoryTenders(sys.table) };
  const input = (over: Partial<TenderInput> = {}) => ({
    poolId: pool.id,
    title: 'Wyvernshire infrastructure support',
    description: 'Two lots.',
    documents: [],
    lots: [{ id: 'org', title: 'Organisational support', value: 20_000_000, scope: { kind: 'function' as const, label: 'Organisations' } }],
    procedure: 'open' as const,
    lightTouch: false,
    authorityType: 'sub-central' as const,
    advertised: true,
    criteria: [
      { id: 'quality', title: 'Quality', kind: 'quality' as const, weight: 70 },
      { id: 'price', title: 'Price', kind: 'price' as const, weight: 30 },
    ],
    dates: {
      clarificationDeadline: '2026-02-02T12:00:00Z',
      submissionDeadline: '2026-02-20T12:00:00Z',
      evaluationEnd: '2026-03-06T12:00:00Z',
      awardDecision: '2026-03-13T12:00:00Z',
    },
    funders: [
      { orgId: lead.org.id, amount: 12_000_000 },
      { orgId: member.org.id, amount: 8_000_000 },
    ],
    panel: [lead.caller.user.id],
    ...over,
  });
  const drafted = await draftTender(deps, lead.caller, c.id, input());
  return { sys, deps, lead, member, input, drafted };
}

describe('changing a draft tender', () => {
  it('replaces the whole draft under the next version, with its event, and keeps the thresholds of the day it was drafted', async () => {
    const { sys, deps, lead, input, drafted } = await setup();
    // £200,000 of goods on 20 December 2025: below the £214,904 sub-central threshold then in force.
    expect(drafted.regime).toMatchObject({ regime: 'below-threshold', threshold: 21_490_400, thresholdsFrom: '2025-02-24' });
    sys.advanceDays(20);
    // On 9 January 2026 the threshold is £207,720: a tender first drafted today at £210,000 would be above it; this one was not.
    const bigger = input({
      lots: [{ id: 'org', title: 'Organisational support', value: 21_000_000, scope: { kind: 'function', label: 'Organisations' } }],
      funders: [
        { orgId: lead.org.id, amount: 13_000_000 },
        { orgId: input().funders[1]?.orgId as string, amount: 8_000_000 },
      ],
    });
    const edited = await editDraftTender(deps, lead.caller, drafted.id, bigger);
    expect(edited).toMatchObject({ status: 'draft', version: drafted.version + 1, createdAt: drafted.createdAt });
    expect(edited.lots[0]?.value).toBe(21_000_000);
    expect(edited.regime).toMatchObject({ regime: 'below-threshold', thresholdsFrom: '2025-02-24' });
    const events = sys.table.query(`tender#${drafted.id}`, 'EVENT#').map(eventRecord.fromItem);
    expect(events.filter((e) => e.type === 'tender.edited').map((e) => e.data)).toEqual([
      { tenderId: drafted.id, status: 'draft', attempt: 0 },
    ]);
  });

  it('is refused to a member, with the drafting checks, and once the draft is sent for sign-off', async () => {
    const { deps, lead, member, input, drafted } = await setup();
    await expect(editDraftTender(deps, member.caller, drafted.id, input())).rejects.toMatchObject({ kind: 'forbidden' });
    const ninety = input({
      criteria: [
        { id: 'quality', title: 'Quality', kind: 'quality', weight: 60 },
        { id: 'price', title: 'Price', kind: 'price', weight: 30 },
      ],
    });
    await expect(editDraftTender(deps, lead.caller, drafted.id, ninety)).rejects.toMatchObject({
      issues: [expect.objectContaining({ field: 'criteria', rule: 'weights-sum-100' })],
    });
    await submitForSignOff(deps, lead.caller, drafted.id);
    await expect(editDraftTender(deps, lead.caller, drafted.id, input())).rejects.toMatchObject({
      kind: 'conflict',
      details: { rule: 'tender-status', status: 'sign-off' },
    });
  });

  it('back in draft, says why, holds no money, and can be changed again', async () => {
    const { sys, deps, lead, input, drafted } = await setup();
    await submitForSignOff(deps, lead.caller, drafted.id);
    const reason = `not enough money from ${lead.org.id} in the pool for this tender: £1,000.00 needed, £0.00 available`;
    await returnToDraft(deps, { tenderId: drafted.id, reason });
    const back = await deps.tenders.getTender(drafted.id);
    expect(back).toMatchObject({ status: 'draft', reserved: [], returnedToDraft: { reason, at: sys.clock.now().toISOString() } });
    expect((await editDraftTender(deps, lead.caller, drafted.id, input({ title: 'Changed' }))).title).toBe('Changed');
  });
});
