import { expect, it } from 'vitest';
import type { ConsortiaStore } from '../../shared/consortia/store';
import type { ContractStore } from '../../shared/contracts/store';
import type { GrantStore } from '../../shared/grants/store';
import { TrancheReleasedError } from '../../shared/grants/store';
import type { Item, ItemKey } from '../../shared/platform/codec';
import { newId } from '../../shared/platform/ids';
import { platformKeys } from '../../shared/platform/keys';
import { newLinkToken } from '../../shared/platform/links/token';
import type { PlatformStore } from '../../shared/platform/ports';
import { poolRecord } from '../../shared/pools/codecs';
import { keys } from '../../shared/pools/keys';
import { GrantExistsError, type LedgerWrite, type PoolStore, type RoundStore, StaleLedgerError } from '../../shared/pools/store';
import type { FeedStore } from '../../shared/publishing/feed-store';
import type { PublishingStore } from '../../shared/publishing/store';
import { keys as reportKeys } from '../../shared/reporting/keys';
import type { Report } from '../../shared/reporting/report';
import type { ReportStore } from '../../shared/reporting/store';
import type { TenderLedger, TenderStore } from '../../shared/tenders/store';
import { at, award, consortium, contribution, event, feedLink, NOW, openRound, pool } from './store-contract/fixtures';
import { openDocuments, publishingRecords } from './store-contract/publishing';
import { tendersContractsAndFeeds } from './store-contract/tenders-contracts';

export interface Stores {
  platform: PlatformStore;
  consortia: ConsortiaStore;
  pools: PoolStore;
  rounds: RoundStore;
  grants: GrantStore;
  reports: ReportStore;
  tenders: TenderStore;
  tenderLedger: TenderLedger;
  contracts: ContractStore;
  publishing: PublishingStore;
  feeds: FeedStore;
  /** Puts an item exactly as given, as older code (or other code) would have left it in the table. */
  putItem(item: Item & ItemKey): Promise<void>;
}

/**
 * What every implementation of the ports must do, run against the in-memory adapters (fast
 * layer) and the DynamoDB adapters on DynamoDB Local (engines layer): the invariants the use
 * cases rely on are enforced by the store, not by a read before the write. Every feature's port
 * is here: consortia, pools, grants, reporting and the platform below; tenders, contracts and the
 * calendar's feed pointers in store-contract/tenders-contracts.ts; publishing's in store-contract/publishing.ts.
 */
export function storeContract(stores: () => Stores) {
  it('a parked task token is taken once; a once-marker is claimed once until released', async () => {
    const { platform } = stores();
    const subject = `probe#${newId(NOW)}`;
    await platform.putWaitingTask({ subject, purpose: 'p', taskToken: 't', executionName: 'e', deadline: at });
    expect(await platform.getWaitingTask(subject, 'p')).toMatchObject({ taskToken: 't' });
    const [a, b] = await Promise.all([platform.takeWaitingTask(subject, 'p'), platform.takeWaitingTask(subject, 'p')]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    expect(await platform.claimOnce(subject, NOW, 1)).toBe(true);
    expect(await platform.claimOnce(subject, NOW, 1)).toBe(false);
    await platform.releaseOnce(subject);
    expect(await platform.claimOnce(subject, NOW, 1)).toBe(true);
  });

  it('an item stored before versions reads as version 1; one that does not fit is refused naming its key and field', async () => {
    const { pools, putItem } = stores();
    const p = pool();
    const { v: _v, ...unversioned } = poolRecord.toItem(p);
    await putItem({ ...keys.pool(p.id), ...unversioned });
    expect(await pools.getPool(p.id)).toEqual(p);
    const broken = pool();
    await putItem({ ...poolRecord.toItem(broken), ...keys.pool(broken.id), ledgerSeq: 'seven' });
    await expect(pools.getPool(broken.id)).rejects.toThrow(`stored pool POOL#${broken.id} / POOL: ledgerSeq is not a number`);
  });

  it('organisation identifiers and user emails are unique, named by field and rule', async () => {
    const { consortia } = stores();
    const org = {
      id: newId(NOW),
      name: 'Org',
      kind: 'funder' as const,
      identifier: `GB-CHC-${Date.now()}`,
      contactEmail: 'o@x.test',
      createdAt: at,
    };
    await consortia.createOrganisation(org, event(`organisation#${org.id}`));
    await expect(consortia.createOrganisation({ ...org, id: newId(NOW) }, event('organisation#2'))).rejects.toMatchObject({
      kind: 'conflict',
      issues: [expect.objectContaining({ field: 'identifier', rule: 'unique-identifier' })],
    });
    const user = { id: newId(NOW), email: `u${Date.now()}@x.test`, name: 'U', platformAdmin: false, createdAt: at };
    await consortia.createUser(user, event(`user#${user.id}`));
    await expect(consortia.createUser({ ...user, id: newId(NOW) }, event('user#2'))).rejects.toMatchObject({
      issues: [expect.objectContaining({ field: 'email', rule: 'unique-email' })],
    });
  });

  it('a consortium changes only under its version: its status and the reporting policy grants keeps on it', async () => {
    const { consortia } = stores();
    const c = consortium();
    await consortia.createConsortium(c, event(`consortium#${c.id}`));
    const policy = { thresholdPence: 5, reminderOffsetsDays: [-3] };
    await consortia.saveReportingPolicy(c.id, policy, 1, event(`consortium#${c.id}`));
    await expect(consortia.saveReportingPolicy(c.id, policy, 1, event(`consortium#${c.id}`))).rejects.toMatchObject({ kind: 'conflict' });
    const active = { ...c, status: 'active' as const, version: 3, activatedAt: at };
    await expect(consortia.saveConsortiumStatus(active, 1, event(`consortium#${c.id}`))).rejects.toMatchObject({ kind: 'conflict' });
    await consortia.saveConsortiumStatus(active, 2, event(`consortium#${c.id}`));
    expect(await consortia.getConsortium(c.id)).toEqual({ ...active, reportingPolicy: policy });
    expect(await consortia.listConsortiaOf('L')).toContain(c.id);
  });

  it('the ledger: a stale sequence, an overdrawn bucket and a grant committed twice are refused, and nothing of them is written', async () => {
    const { pools } = stores();
    const p = pool();
    await pools.createPool(p, event(`pool#${p.id}`));
    await pools.writeLedger(contribution(p, 'F1', 1000, 0));
    await expect(pools.writeLedger(contribution(p, 'F1', 5, 0))).rejects.toBeInstanceOf(StaleLedgerError);
    await expect(pools.writeLedger(award(p, 'F1', 1001, 1))).rejects.toMatchObject({
      kind: 'conflict',
      details: { rule: 'bucket-not-negative' },
    });
    const grantId = newId(NOW);
    await pools.writeLedger(award(p, 'F1', 600, 1, grantId));
    await expect(pools.writeLedger(award(p, 'F1', 100, 2, grantId))).rejects.toBeInstanceOf(GrantExistsError);
    expect((await pools.listLedger(p.id)).map((e) => e.seq)).toEqual([1, 2]);
    expect(await pools.getPool(p.id)).toMatchObject({ ledgerSeq: 2, received: 1000, committed: 600 });
    expect(await pools.listBuckets(p.id)).toEqual([
      expect.objectContaining({ bucket: 'F1|core', available: 400, received: 1000, committed: 600 }),
    ]);
    expect((await pools.getGrant(grantId))?.shares).toEqual([expect.objectContaining({ amount: 600, paid: 0 })]);
  });

  it('a tranche is marked blocked once, and released once, with its payment, or not at all', async () => {
    const { pools, grants } = stores();
    const p = pool();
    await pools.createPool(p, event(`pool#${p.id}`));
    await pools.writeLedger(contribution(p, 'F1', 1000, 0));
    const grantId = newId(NOW);
    await pools.writeLedger(award(p, 'F1', 1000, 1, grantId));
    await grants.setPlan(
      grantId,
      { conditions: [], tranches: [{ id: 'T1', grantId, seq: 1, amount: 1000, dueDate: '2026-04-01', status: 'scheduled' }], reports: [] },
      event(`grant#${grantId}`),
    );
    await expect(grants.setPlan(grantId, { conditions: [], tranches: [], reports: [] }, event(`grant#${grantId}`))).rejects.toMatchObject({
      details: { rule: 'plan-once' },
    });
    const pay = (seq: number): LedgerWrite => ({
      poolId: p.id,
      expectedSeq: seq,
      entry: {
        type: 'payment',
        memo: 'T1',
        grantId,
        postings: [
          { account: `grant:${grantId}:F1|core`, amount: 1000 },
          { account: 'bank', amount: -1000 },
        ],
      },
      at,
      actor: 'test',
      totals: { paid: 1000 },
      buckets: [{ bucket: 'F1|core', funderOrgId: 'F1', restriction: { kind: 'core' }, delta: { paid: 1000 } }],
      shareDeltas: [{ grantId, poolId: p.id, bucket: 'F1|core', funderOrgId: 'F1', paid: 1000 }],
      event: event(`grant#${grantId}`),
    });
    // Marked blocked by its conditions once: the first time stands, and a second mark (a retried
    // step, a resumed workflow) is no error. DynamoDB answers that one with a refused condition.
    await grants.markTrancheBlocked(grantId, 1, '2026-04-01T08:00:00.000Z');
    await grants.markTrancheBlocked(grantId, 1, '2026-04-02T08:00:00.000Z');
    expect((await grants.getPlan(grantId)).tranches).toEqual([
      expect.objectContaining({ blockedByConditionsAt: '2026-04-01T08:00:00.000Z' }),
    ]);
    await grants.releaseTranche(pay(2), { grantId, seq: 1 });
    await expect(grants.releaseTranche(pay(3), { grantId, seq: 1 })).rejects.toBeInstanceOf(TrancheReleasedError);
    expect(await pools.getPool(p.id)).toMatchObject({ ledgerSeq: 3, paid: 1000 });
    expect((await grants.getPlan(grantId)).tranches).toEqual([expect.objectContaining({ status: 'released' })]);
  });

  it('a condition is listed by its consortium as waiting for a decision from its evidence until it is decided', async () => {
    const { platform, pools, grants } = stores();
    const p = pool();
    await pools.createPool(p, event(`pool#${p.id}`));
    await pools.writeLedger(contribution(p, 'F1', 10, 0));
    const grantId = newId(NOW);
    await pools.writeLedger(award(p, 'F1', 10, 1, grantId));
    const pending = { id: 'C1', grantId, description: 'Policy adopted', kind: 'ongoing' as const, status: 'pending' as const, version: 1 };
    await grants.setPlan(grantId, { conditions: [pending], tranches: [], reports: [] }, event(`grant#${grantId}`));
    const link = newLinkToken();
    const scope = { kind: 'condition', conditionId: 'C1', grantId };
    await platform.putLink({ hash: link.hash, scope, status: 'active', expiresAt: '2026-12-31T00:00:00.000Z', createdAt: at });
    const sent = { ...pending, evidence: { text: 'Adopted', submittedAt: at } };
    const waiting = { consortiumId: p.consortiumId, grantId, grantTitle: 'Contract grant', recipientOrgId: 'provider' };
    const listed = { ...waiting, conditionId: 'C1', description: 'Policy adopted', submittedAt: at };
    expect(await grants.submitEvidence(newLinkToken().hash, sent, listed, at, event(`grant#${grantId}`))).toBe(false);
    expect(await grants.listConditionsToDecide(p.consortiumId)).toEqual([]);
    expect(await grants.submitEvidence(link.hash, sent, listed, at, event(`grant#${grantId}`))).toBe(true);
    expect(await grants.listConditionsToDecide(p.consortiumId)).toEqual([listed]);
    expect(await grants.listConditionsToDecide(newId(NOW))).toEqual([]);
    // The listing is not a condition: the plan still has one, now with its evidence.
    expect((await grants.getPlan(grantId)).conditions).toEqual([{ ...sent, status: 'evidence-submitted', version: 2 }]);
    const decided = { ...sent, status: 'met' as const, decision: { outcome: 'met' as const, by: 'u', at }, version: 3 };
    await grants.saveCondition(decided, 2, event(`grant#${grantId}`));
    expect(await grants.listConditionsToDecide(p.consortiumId)).toEqual([]);
  });

  it('a report is submitted through a link once: the link is spent in the same write, and a review is recorded once', async () => {
    const { platform, reports, grants, pools } = stores();
    const p = pool();
    await pools.createPool(p, event(`pool#${p.id}`));
    await pools.writeLedger(contribution(p, 'F1', 10, 0));
    const grantId = newId(NOW);
    await pools.writeLedger(award(p, 'F1', 10, 1, grantId));
    const report: Report = {
      id: newId(NOW),
      grantId,
      poolId: p.id,
      consortiumId: p.consortiumId,
      recipientOrgId: 'provider',
      index: 0,
      label: 'Report',
      periodStart: '2026-04-01',
      periodEnd: '2026-06-30',
      dueDate: '2026-07-30',
      templateId: 'light',
      status: 'scheduled',
      submissions: 0,
      reviews: 0,
      remindersSent: 0,
      version: 1,
    };
    await grants.setPlan(grantId, { conditions: [], tranches: [], reports: [report] }, event(`grant#${grantId}`));
    expect(await reports.setReportStatus(report, ['requested'], 'overdue', undefined)).toBe(false);
    expect(await reports.setReportStatus(report, ['scheduled'], 'requested', event(`report#${report.id}`))).toBe(true);
    // A new link's generation: only from the version read (version 2 since the status moved) and while awaited.
    expect(await reports.replaceLinks(report, 1, at, event(`report#${report.id}`))).toBe(false);
    const moved = { ...report, status: 'requested' as const, version: 2 };
    expect(await reports.replaceLinks(moved, 1, at, event(`report#${report.id}`))).toBe(true);
    expect((await reports.getReport(report.id))?.report).toMatchObject({ linkGeneration: 1, linksReplacedAt: at, version: 3 });
    const link = newLinkToken();
    const issued = {
      hash: link.hash,
      scope: { kind: 'report', reportId: report.id, grantId },
      status: 'active' as const,
      expiresAt: '2026-12-31T00:00:00.000Z',
      createdAt: at,
    };
    await platform.putLink(issued);
    // Read back whole: its scope and its expiry (kept apart from the table's time-to-live attribute).
    expect(await platform.getLink(link.hash)).toEqual(issued);
    const expired = newLinkToken();
    await platform.putLink({ ...issued, hash: expired.hash, expiresAt: '2026-03-31T00:00:00.000Z' });
    const revoked = newLinkToken();
    await platform.putLink({ ...issued, hash: revoked.hash });
    await platform.revokeLink(revoked.hash, at);
    expect((await platform.getLink(revoked.hash))?.status).toBe('revoked');
    const early = { n: 1, measures: {}, questions: {}, submittedAt: at, via: 'link' as const };
    for (const refused of [expired, revoked]) {
      expect(await reports.submitViaLink(refused.hash, { ...report, status: 'requested' }, early, at, event(`report#${report.id}`))).toBe(
        false,
      );
    }
    const submission = { n: 1, measures: {}, questions: {}, submittedAt: at, via: 'link' as const };
    const requested = { ...report, status: 'requested' as const };
    // The link and what a POST through it needs, in one read: absent records come back undefined, in the order asked.
    const waitKey = platformKeys.waitingTask(`report#${report.id}`, 'report-submission');
    const read = await platform.getLinkWith(link.hash, [reportKeys.report(report.id), waitKey, reportKeys.report(report.id)]);
    expect(read.link).toEqual(issued);
    expect(read.items).toEqual([
      expect.objectContaining({ id: report.id, status: 'requested' }),
      undefined,
      expect.objectContaining({ id: report.id }),
    ]);
    expect(await platform.getLinkWith(newLinkToken().hash, [waitKey])).toEqual({ items: [undefined] });
    // A parked token is taken with the submission only if it is still the one read; otherwise nothing is written.
    const parked = { subject: `report#${report.id}`, purpose: 'report-submission', taskToken: 'token-2', executionName: 'x', deadline: at };
    await platform.putWaitingTask(parked);
    const stale = { ...parked, taskToken: 'token-1' };
    expect(await reports.submitViaLink(link.hash, requested, submission, at, event(`report#${report.id}`), stale)).toBe(false);
    expect((await platform.getLink(link.hash))?.status).toBe('active');
    expect(await platform.getWaitingTask(parked.subject, parked.purpose)).toEqual(parked);
    expect(await reports.submitViaLink(link.hash, requested, submission, at, event(`report#${report.id}`), parked)).toBe(true);
    expect(await platform.getWaitingTask(parked.subject, parked.purpose)).toBeUndefined();
    expect(await reports.submitViaLink(link.hash, requested, { ...submission, n: 2 }, at, event(`report#${report.id}`))).toBe(false);
    expect((await platform.getLink(link.hash))?.status).toBe('used');
    expect(await reports.listReportsByStatus(p.consortiumId, 'submitted')).toEqual([
      expect.objectContaining({ id: report.id, submissions: 1 }),
    ]);
    const submitted = { ...report, status: 'submitted' as const, submissions: 1 };
    await reports.addReview(submitted, { n: 1, decision: 'accept', by: 'u', at }, event(`report#${report.id}`));
    await expect(
      reports.addReview(submitted, { n: 1, decision: 'accept', by: 'u', at }, event(`report#${report.id}`)),
    ).rejects.toMatchObject({
      details: { rule: 'review-once' },
    });
    // One review per submission: a second one, before the workflow has moved the report on, is refused too.
    await expect(
      reports.addReview(submitted, { n: 2, decision: 'request-changes', by: 'u', at }, event(`report#${report.id}`)),
    ).rejects.toMatchObject({ details: { rule: 'review-once' } });
  });

  it('a reusable link rotates in one write: the pointer moves, the old link is revoked, and a stale rotation changes nothing', async () => {
    const { platform } = stores();
    const pointer = { pk: `ORG#${newId(NOW)}`, sk: 'CALENDAR-FEED' };
    const [first, second, third] = [newLinkToken(), newLinkToken(), newLinkToken()];
    expect(await platform.getCurrentLink(pointer)).toBeUndefined();
    await platform.rotateLink(pointer, feedLink(pointer, first.hash), undefined, event(pointer.pk));
    expect(await platform.getCurrentLink(pointer)).toEqual({ hash: first.hash, createdAt: at });
    await platform.rotateLink(pointer, feedLink(pointer, second.hash), first.hash, event(pointer.pk));
    expect((await platform.getLink(first.hash))?.status).toBe('revoked');
    expect((await platform.getCurrentLink(pointer))?.hash).toBe(second.hash);
    // Someone who read the first pointer rotates late: refused, and the third link was never written.
    await expect(platform.rotateLink(pointer, feedLink(pointer, third.hash), first.hash, event(pointer.pk))).rejects.toMatchObject({
      details: { rule: 'link-rotated' },
    });
    expect(await platform.getLink(third.hash)).toBeUndefined();
    expect((await platform.getLink(second.hash))?.status).toBe('active');
  });

  it('a round takes one vote per organisation, and only while voting', async () => {
    const { rounds } = stores();
    const round = openRound();
    await rounds.createRound(round, event(`round#${round.id}`));
    const vote = { orgId: 'O1', decision: 'approve' as const, by: 'u', at };
    await expect(rounds.putVote(round.id, vote, event(`round#${round.id}`))).rejects.toMatchObject({ details: { rule: 'round-voting' } });
    await rounds.saveRound({ ...round, status: 'voting', version: 2 }, 1, event(`round#${round.id}`));
    await expect(rounds.saveRound({ ...round, status: 'voting', version: 2 }, 1, event(`round#${round.id}`))).rejects.toMatchObject({
      kind: 'conflict',
    });
    await rounds.putVote(round.id, vote, event(`round#${round.id}`));
    await expect(rounds.putVote(round.id, vote, event(`round#${round.id}`))).rejects.toMatchObject({
      details: { rule: 'one-vote-per-organisation' },
    });
    expect((await rounds.getRound(round.id))?.votes).toHaveLength(1);
  });

  tendersContractsAndFeeds(stores);
  publishingRecords(stores);
  openDocuments(stores);
}
