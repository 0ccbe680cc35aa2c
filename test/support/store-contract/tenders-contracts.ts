import { expect, it } from 'vitest';
import { keys as calendarKeys } from '../../../shared/calendar/keys';
import { keys as contractKeys } from '../../../shared/contracts/keys';
import { StaleWriteError } from '../../../shared/platform/errors';
import { newId } from '../../../shared/platform/ids';
import { newLinkToken } from '../../../shared/platform/links/token';
import type { LedgerWrite } from '../../../shared/pools/store';
import type { Stores } from '../store-contract';
import { at, contract, contribution, event, feedLink, NOW, pool, tender } from './fixtures';

/** A link the tests spend: active until the end of 2026. */
async function link(stores: () => Stores, scope: Record<string, string> & { kind: string }) {
  const { hash } = newLinkToken();
  await stores().platform.putLink({ hash, scope, status: 'active', expiresAt: '2026-12-31T00:00:00.000Z', createdAt: at });
  return hash;
}

/** `amount` of F1's core money set aside for a tender, planned against `seq`. */
const reservation = (poolId: string, tenderId: string, amount: number, seq: number): LedgerWrite => ({
  poolId,
  expectedSeq: seq,
  entry: {
    type: 'reservation',
    memo: 'reserve',
    tenderId,
    postings: [
      { account: 'fund:F1|core', amount },
      { account: `reserve:${tenderId}:F1|core`, amount: -amount },
    ],
  },
  at,
  actor: 'test',
  totals: { reserved: amount },
  buckets: [{ bucket: 'F1|core', funderOrgId: 'F1', restriction: { kind: 'core' }, delta: { available: -amount, reserved: amount } }],
  event: event(`tender#${tenderId}`),
});

/** The tenders and contracts ports, and the calendar's feed pointers, on either adapter (see storeContract). */
export function tendersContractsAndFeeds(stores: () => Stores) {
  // A stale version is the platform's StaleWriteError on both adapters: the one error retryStale retries.
  it('a tender is created once, then saved only under its version, alone or in one write with its pool money', async () => {
    const { tenders, tenderLedger, pools } = stores();
    const p = pool();
    await pools.createPool(p, event(`pool#${p.id}`));
    await pools.writeLedger(contribution(p, 'F1', 1000, 0));
    const t = { ...tender(p.consortiumId), poolId: p.id };
    await tenders.createTender(t, event(`tender#${t.id}`));
    await expect(tenders.createTender(t, event(`tender#${t.id}`))).rejects.toMatchObject({ kind: 'conflict' });
    expect(await tenders.getTender(t.id)).toEqual(t);
    expect(await tenders.listTenders(p.consortiumId)).toEqual([t]);
    const renamed = { ...t, title: 'Renamed', version: 2 };
    await tenders.saveTender(renamed, 1, event(`tender#${t.id}`));
    await expect(tenders.saveTender({ ...t, version: 2 }, 1, event(`tender#${t.id}`))).rejects.toBeInstanceOf(StaleWriteError);
    // A stale tender writes no money either; a fresh one moves both.
    const reserved = { ...renamed, version: 3 };
    await expect(tenderLedger.saveTenderWithLedger(reserved, 1, reservation(p.id, t.id, 400, 1))).rejects.toBeInstanceOf(StaleWriteError);
    expect(await pools.getPool(p.id)).toMatchObject({ ledgerSeq: 1, reserved: 0 });
    await tenderLedger.saveTenderWithLedger(reserved, 2, reservation(p.id, t.id, 400, 1));
    expect(await pools.getPool(p.id)).toMatchObject({ ledgerSeq: 2, reserved: 400 });
    expect(await pools.listBuckets(p.id)).toEqual([expect.objectContaining({ available: 600, reserved: 400 })]);
    expect(await tenders.getTender(t.id)).toEqual(reserved);
  });

  it('an interest is registered once; a question comes through its link once and is answered once', async () => {
    const { tenders } = stores();
    const t = tender(newId(NOW));
    await tenders.createTender(t, event(`tender#${t.id}`));
    const interest = { id: newId(NOW), tenderId: t.id, orgName: 'Provider', email: 'p@example.org', registeredAt: at, invited: false };
    await tenders.addInterest(interest, event(`tender#${t.id}`));
    await expect(tenders.addInterest(interest, event(`tender#${t.id}`))).rejects.toMatchObject({ kind: 'conflict' });
    expect(await tenders.getInterest(t.id, interest.id)).toEqual(interest);
    expect(await tenders.listInterests(t.id)).toEqual([interest]);
    const hash = await link(stores, { kind: 'tender-question', tenderId: t.id, interestId: interest.id });
    const question = { id: newId(NOW), tenderId: t.id, interestId: interest.id, question: 'When?', askedAt: at };
    expect(await tenders.addQuestion(question, hash, at, event(`tender#${t.id}`))).toBe(true);
    expect(await tenders.addQuestion({ ...question, id: newId(NOW) }, hash, at, event(`tender#${t.id}`))).toBe(false);
    const answered = { ...question, answer: 'In May', answeredAt: at, answeredBy: 'lead' };
    await tenders.answerQuestion(answered, event(`tender#${t.id}`));
    await expect(tenders.answerQuestion(answered, event(`tender#${t.id}`))).rejects.toMatchObject({ kind: 'conflict' });
    expect(await tenders.listQuestions(t.id)).toEqual([answered]);
  });

  it('a bid is taken while the tender is published and before its deadline, each revision once, and sealed until then', async () => {
    const { tenders } = stores();
    const t = tender(newId(NOW), '2026-05-01T12:00:00.000Z');
    await tenders.createTender(t, event(`tender#${t.id}`));
    const bid = {
      tenderId: t.id,
      interestId: 'I1',
      lots: [{ lotId: 'lot-1', answers: { q: 'Good' }, price: 90_000, documents: [] }],
      submittedAt: at,
      revision: 1,
    };
    const send = async (b: typeof bid, now = at) =>
      tenders.submitBid(b, await link(stores, { kind: 'bid', tenderId: t.id, interestId: 'I1' }), now, event(`tender#${t.id}`));
    expect(await send(bid)).toBe(true);
    expect(await send(bid)).toBe(false);
    const replaced = { ...bid, revision: 2, submittedAt: '2026-04-02T09:00:00.000Z' };
    expect(await send(replaced)).toBe(true);
    expect(await send({ ...bid, revision: 3 }, t.dates.submissionDeadline)).toBe(false);
    expect(await tenders.getBid(t.id, 'I1')).toEqual(replaced);
    await expect(tenders.listBids(t, NOW)).rejects.toMatchObject({ details: { rule: 'bids-sealed' } });
    expect(await tenders.listBids(t, new Date(t.dates.submissionDeadline))).toEqual([replaced]);
    await tenders.saveTender({ ...t, status: 'evaluation', version: 2 }, 1, event(`tender#${t.id}`));
    expect(await send({ ...bid, interestId: 'I2' })).toBe(false);
  });

  it('a contract is registered once, then changed only under its version, by staff or once through its link', async () => {
    const { platform, contracts } = stores();
    const council = newId(NOW);
    const c = contract(council);
    await contracts.createContract(c, event(`contract#${c.id}`));
    await expect(contracts.createContract(c, event(`contract#${c.id}`))).rejects.toMatchObject({ details: { rule: 'contract-exists' } });
    expect(await contracts.getContract(c.id)).toEqual(c);
    expect(await contracts.listCouncilContracts(council)).toEqual([c]);
    const changed = { ...c, title: 'Changed', version: 2 };
    await contracts.saveContract(changed, 1, event(`contract#${c.id}`));
    await expect(contracts.saveContract({ ...c, version: 2 }, 1, event(`contract#${c.id}`))).rejects.toBeInstanceOf(StaleWriteError);
    const hash = await link(stores, { kind: 'milestone', contractId: c.id, milestoneId: 'M1' });
    const evidenced = { ...changed, version: 3 };
    // A stale version spends nothing; the fresh one spends the link, which then takes no more.
    expect(await contracts.saveContractByLink(evidenced, 1, hash, at, event(`contract#${c.id}`))).toBe(false);
    expect((await platform.getLink(hash))?.status).toBe('active');
    expect(await contracts.saveContractByLink(evidenced, 2, hash, at, event(`contract#${c.id}`))).toBe(true);
    expect(await contracts.saveContractByLink({ ...evidenced, version: 4 }, 3, hash, at, event(`contract#${c.id}`))).toBe(false);
    expect(await contracts.getContract(c.id)).toEqual(evidenced);
    expect(await contracts.getPolicy(council)).toBeUndefined();
    await contracts.savePolicy(council, { amberWithinDays: 10, alertOffsetsDays: [-7] }, event(`organisation#${council}`));
    expect(await contracts.getPolicy(council)).toEqual({ amberWithinDays: 10, alertOffsetsDays: [-7] });
  });

  it("calendar feeds and milestone links rotate under their owners' keys", async () => {
    const { platform } = stores();
    const contractId = newId(NOW);
    const pointers = [
      calendarKeys.feed({ kind: 'council', id: newId(NOW) }),
      calendarKeys.feed({ kind: 'contract', id: contractId }),
      contractKeys.milestoneLink(contractId, 'M1'),
    ];
    for (const pointer of pointers) {
      const [first, second] = [newLinkToken(), newLinkToken()];
      await platform.rotateLink(pointer, feedLink(pointer, first.hash), undefined, event(pointer.pk));
      await platform.rotateLink(pointer, feedLink(pointer, second.hash), first.hash, event(pointer.pk));
      expect(await platform.getCurrentLink(pointer)).toEqual({ hash: second.hash, createdAt: at });
      expect((await platform.getLink(first.hash))?.status).toBe('revoked');
    }
  });
}
