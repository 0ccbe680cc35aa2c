import { describe, expect, it } from 'vitest';
import { amend, changeStatus } from '../../shared/grants/amendments';
import { decide, requestConditionEvidence } from '../../shared/grants/conditions';
import type { GrantStatus } from '../../shared/grants/grant-plan';
import { grantDetail, type PlanInput, setPlan } from '../../shared/grants/plan';
import { defaultReportingPolicy } from '../../shared/grants/report-schedule';
import { setReportingPolicy } from '../../shared/grants/reporting-policy';
import {
  advanceTranches,
  awaitTranche,
  continueGrant,
  nextTranche,
  RENEW_AFTER_DAYS,
  releaseTranche,
  startGrantWorkflow,
} from '../../shared/grants/tranches';
import { hashLinkToken } from '../../shared/platform/links/token';
import { addDays } from '../../shared/platform/london-time';
import { allocateDirect } from '../../shared/pools/awards';
import type { Pool } from '../../shared/pools/pool';
import { providerLinks } from '../../shared/reporting/links';
import { memoryPool } from '../support/memory-grant';

/** Fast: the grants use cases on the in-memory adapters (no engines); the workflow around them is in reporting-cycle.engines.test.ts. */
const TODAY = '2026-04-01';
const inDays = (n: number) => addDays(TODAY, n);
/** Tranches as [pence, due in days]. */
const pay = (...xs: [number, number][]) => xs.map(([amount, day]) => ({ amount, dueDate: inDays(day) }));
const broke = (field: string, rule: string) => ({ issues: [expect.objectContaining({ field, rule })] });
const policyC1 = { description: 'A safeguarding policy', kind: 'before-first-payment' as const };
const accountsC2 = { description: 'Audited accounts', kind: 'before-tranche' as const, trancheIndex: 1 };

/** An active consortium with £50,000 received in its pool (from the member, core), and a provider to fund. */
async function setup() {
  const { sys, d, lead, member, recipient, c, pool } = await memoryPool();
  const request = { recipientOrgId: recipient.org.id, title: 'Community grant', currency: 'GBP', durationMonths: 12, plannedStart: TODAY };
  const award = (amount: number, durationMonths = 12) => allocateDirect(d, lead.caller, pool.id, { ...request, amount, durationMonths });
  const poolNow = async () => (await d.pools.getPool(pool.id)) as Pool;
  const detail = (grantId: string) => grantDetail(d, lead.caller, grantId);
  return { sys, d, lead, member, recipient, c, pool, award, poolNow, detail };
}

type Setup = Awaited<ReturnType<typeof setup>>;

/** A grant of `amount` with a plan: two tranches by default, one-off reporting so the periods stay out of the way. */
async function planned(s: Setup, amount: number, plan: Partial<PlanInput> = {}, durationMonths = 12) {
  const g = await s.award(amount, durationMonths);
  const input: PlanInput = {
    conditions: [],
    tranches: pay([amount / 2, 0], [amount / 2, 30]),
    reporting: { frequency: 'one-off', template: 'light', dueDate: inDays(60) },
    ...plan,
  };
  return { grantId: g.id, plan: await setPlan(s.d, s.lead.caller, g.id, input) };
}

const toRecipient = (s: Setup) => s.sys.outside.emails.filter((e) => e.to.includes(s.recipient.org.contactEmail));
const tokenIn = (text = '') => /\/r\/([A-Za-z0-9_-]{43})/.exec(text)?.[1] as string;
const tranchesOf = (g: { tranches: { amount: number; status: string }[] }) => g.tranches.map((t) => `${t.amount} ${t.status}`);

describe('grants use cases (in memory)', () => {
  it('a plan is set by an admin of the lead only, its tranches must add up and be in order, and it is set once', async () => {
    const s = await setup();
    const g = await s.award(600_000);
    const ok: PlanInput = {
      conditions: [{ ...policyC1, description: '  A safeguarding policy  ' }],
      tranches: pay([200_000, 1], [400_000, 90]),
    };
    const set = (input: PlanInput, caller = s.lead.caller) => setPlan(s.d, caller, g.id, input);
    await expect(set(ok, s.member.caller)).rejects.toMatchObject({ kind: 'forbidden' });
    // Not a member at all: the grant is as unknown to them as a made-up id.
    await expect(set(ok, s.recipient.caller)).rejects.toMatchObject({ kind: 'not-found' });
    await expect(set({ ...ok, tranches: pay([599_999, 1]) })).rejects.toMatchObject({
      kind: 'validation',
      ...broke('tranches', 'sum-to-grant'),
    });
    await expect(set({ ...ok, tranches: [...ok.tranches].reverse() })).rejects.toMatchObject(broke('tranches.1.dueDate', 'in-order'));
    const noTranche = { ...ok, conditions: [{ ...accountsC2, trancheIndex: 5 }] };
    await expect(set(noTranche)).rejects.toMatchObject(broke('conditions.0.trancheIndex', 'tranche-exists'));
    const detail = await set(ok);
    expect(detail).toMatchObject({ status: 'awarded', recipient: { name: 'Wyvern Voluntary Action' } });
    expect(detail.conditions).toEqual([expect.objectContaining({ id: 'C1', description: 'A safeguarding policy', trancheId: 'T1' })]);
    expect(detail.tranches.map((t) => `${t.id} ${t.seq} ${t.amount} ${t.status}`)).toEqual([
      'T1 1 200000 scheduled',
      'T2 2 400000 scheduled',
    ]);
    await expect(set(ok)).rejects.toMatchObject({ kind: 'conflict', details: { rule: 'plan-once' } });
    expect((await s.d.platform.listEvents(`grant#${g.id}`)).filter((e) => e.type === 'grant.plan-set')).toHaveLength(1);
    await expect(grantDetail(s.d, s.recipient.caller, g.id)).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('report periods are proportionate to size, and a consortium’s own policy changes that for plans set afterwards', async () => {
    const s = await setup();
    const plan = async (amount: number, extra: Partial<PlanInput> = {}) =>
      setPlan(s.d, s.lead.caller, (await s.award(amount)).id, { conditions: [], tranches: pay([amount, 1]), ...extra });
    const small = await plan(600_000);
    expect(small.reports.map((r) => [r.label, r.templateId, r.dueDate, r.status])).toEqual([
      ['Annual report 1 (1 April 2026 to 31 March 2027)', 'light', '2027-04-30', 'scheduled'],
    ]);
    const large = await plan(2_000_000);
    expect(large.reports.map((r) => r.label)).toEqual([
      'Quarterly report 1 (1 April 2026 to 30 June 2026)',
      'Quarterly report 2 (1 July 2026 to 30 September 2026)',
      'Quarterly report 3 (1 October 2026 to 31 December 2026)',
      'Quarterly report 4 (1 January 2027 to 31 March 2027)',
    ]);
    expect(large.reports.every((r) => r.templateId === 'full')).toBe(true);
    const large6 = { frequency: 'six-monthly' as const, template: 'full' as const };
    const policy = { ...defaultReportingPolicy, thresholdPence: 100_000, large: large6, dueDaysAfterPeriodEnd: 21 };
    const setPolicy = (p: typeof policy, caller = s.lead.caller) => setReportingPolicy(s.d, caller, s.c.id, p);
    await expect(setPolicy(policy, s.member.caller)).rejects.toMatchObject({ kind: 'forbidden' });
    const late = { ...policy, reminderOffsetsDays: [-7, 21] };
    await expect(setPolicy(late)).rejects.toMatchObject(broke('reminderOffsetsDays', 'before-very-late'));
    await setPolicy({ ...policy, reminderOffsetsDays: [0, -14] });
    expect((await s.d.consortia.getConsortium(s.c.id))?.reportingPolicy).toMatchObject({ reminderOffsetsDays: [-14, 0] });
    const after = await plan(600_000);
    expect(after.reports.map((r) => [r.label, r.templateId, r.dueDate])).toEqual([
      ['Six-monthly report 1 (1 April 2026 to 30 September 2026)', 'full', '2026-10-21'],
      ['Six-monthly report 2 (1 October 2026 to 31 March 2027)', 'full', '2027-04-21'],
    ]);
    const noReport = { tranches: [{ amount: 600_000, dueDate: inDays(1), reportIndex: 2 }] };
    await expect(plan(600_000, noReport)).rejects.toMatchObject(broke('tranches.0.reportIndex', 'report-exists'));
    const oneOff = { reporting: { frequency: 'one-off' as const } };
    await expect(plan(600_000, oneOff)).rejects.toMatchObject(broke('reporting.dueDate', 'required-for-one-off'));
  });

  it('evidence is asked for once per pending condition before a payment, one link each; ongoing conditions need none', async () => {
    const s = await setup();
    const ongoing = { description: 'Tell us of any change of trustees', kind: 'ongoing' as const };
    const { grantId } = await planned(s, 600_000, { conditions: [policyC1, accountsC2, ongoing] });
    expect(await requestConditionEvidence(s.d, { grantId })).toEqual({ emailsSent: 2 });
    expect(await requestConditionEvidence(s.d, { grantId })).toEqual({ emailsSent: 0 });
    const emails = toRecipient(s);
    expect(emails.map((e) => e.subject)).toEqual(Array(2).fill('Evidence needed before payment: Community grant'));
    expect(emails[0]?.text).toContain('A safeguarding policy');
    expect(emails[1]?.text).toContain('Audited accounts');
    const links = emails.map((e) => tokenIn(e.text));
    expect(new Set(links).size).toBe(2);
    const stored = await Promise.all(links.map((t) => s.d.platform.getLink(hashLinkToken(t))));
    expect(stored.map((l) => [l?.scope, l?.status])).toEqual(
      ['C1', 'C2'].map((conditionId) => [{ kind: 'condition', conditionId, grantId }, 'active']),
    );
  });

  it('the evidence link: a GET shows the form and never consumes it; a POST with mistakes writes nothing; it submits once', async () => {
    const s = await setup();
    const { grantId } = await planned(s, 600_000, { conditions: [policyC1] });
    await requestConditionEvidence(s.d, { grantId });
    const token = tokenIn(toRecipient(s)[0]?.text);
    const condition = async () => (await s.d.grants.getPlan(grantId)).conditions[0];
    const post = (form: Record<string, string>) => providerLinks.post(s.d, token, form);
    const model = { form: 'evidence', grantTitle: 'Community grant', recipientName: 'Wyvern Voluntary Action' };
    for (let i = 0; i < 2; i++) {
      expect(await providerLinks.view(s.d, token)).toMatchObject({
        kind: 'form',
        status: 200,
        model: { ...model, condition: { id: 'C1' } },
      });
    }
    expect(await post({ scope: 'C2', text: 'Adopted' })).toMatchObject({ kind: 'problem', status: 409 });
    const wrong = await post({ scope: 'C1', text: '  ', url: 'http://example.org/policy' });
    expect(wrong).toMatchObject({ kind: 'form', status: 422, model: { values: { text: '', url: 'http://example.org/policy' } } });
    expect(wrong.kind === 'form' && wrong.model.errors.map((e) => e.rule)).toEqual(['https-url']);
    const empty = await post({ scope: 'C1' });
    expect(empty.kind === 'form' && empty.model.errors.map((e) => [e.field, e.rule])).toEqual([['text', 'required']]);
    expect(await condition()).toMatchObject({ status: 'pending', version: 1 });
    expect((await s.d.platform.getLink(hashLinkToken(token)))?.status).toBe('active');
    const evidence = { text: 'Adopted by the trustees on 3 May', url: 'https://wva.example.org/safeguarding' };
    const sent = await post({ scope: 'C1', text: ` ${evidence.text} `, url: evidence.url });
    expect(sent).toMatchObject({ kind: 'done', title: 'Thank you: your evidence has been sent' });
    expect(await condition()).toMatchObject({ status: 'evidence-submitted', version: 2, evidence });
    const again = await post({ scope: 'C1', text: 'Again' });
    expect(again).toMatchObject({ kind: 'problem', status: 410, title: 'This link has already been used' });
    expect(again).toMatchObject({ contact: { name: 'Wyvernshire County Council', email: s.lead.org.contactEmail } });
    expect(await providerLinks.view(s.d, token)).toMatchObject({ status: 410 });
    expect(await condition()).toMatchObject({ evidence });
    const events = await s.d.platform.listEvents(`grant#${grantId}`);
    expect(events.filter((e) => e.type === 'condition.evidence-submitted')).toHaveLength(1);
  });

  it('a decision: waived and not-met need a reason; met or waived wakes a parked tranche, not-met does not; decided once', async () => {
    const s = await setup();
    const { grantId } = await planned(s, 600_000, { conditions: [policyC1, accountsC2] });
    const d = (id: string, outcome: 'met' | 'waived' | 'not-met', reason?: string, caller = s.lead.caller) =>
      decide(s.d, caller, grantId, id, { outcome, reason });
    const park = (n: number) =>
      awaitTranche(s.d, { grantId, taskToken: `token-${n}`, executionName: `grant-${grantId}` }).then(() => `token-${n}`);
    for (const outcome of ['waived', 'not-met'] as const) {
      await expect(d('C1', outcome, '  ')).rejects.toMatchObject({ kind: 'validation', ...broke('reason', 'reason-required') });
    }
    await expect(d('C1', 'met', undefined, s.member.caller)).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(d('C9', 'met')).rejects.toMatchObject({ kind: 'not-found' });
    const first = await park(1);
    expect(s.sys.outside.tokens.has(first)).toBe(false);
    expect(await d('C1', 'not-met', 'The policy was not signed')).toMatchObject({ status: 'not-met', version: 2 });
    expect(s.sys.outside.tokens.has(first)).toBe(false);
    expect(await d('C1', 'met')).toMatchObject({ status: 'met', decision: { outcome: 'met', by: s.lead.caller.user.id } });
    expect(s.sys.outside.tokens.get(first)).toEqual({ output: { nudged: true } });
    expect(await s.d.platform.getWaitingTask(`grant#${grantId}`, 'tranche-ready')).toBeUndefined();
    await expect(d('C1', 'waived', 'changed our mind')).rejects.toMatchObject({ kind: 'conflict' });
    await releaseTranche(s.d, { grantId, trancheSeq: 1 });
    s.sys.advanceDays(31);
    const second = await park(2);
    expect(s.sys.outside.tokens.has(second)).toBe(false);
    const waived = await d('C2', 'waived', ' Independent examination is enough ');
    expect(waived).toMatchObject({ status: 'waived', decision: { reason: 'Independent examination is enough' } });
    expect(s.sys.outside.tokens.get(second)).toEqual({ output: { nudged: true } });
  });

  it('the next tranche is ready, not yet due, or held by a condition, which is marked the first time only', async () => {
    const s = await setup();
    const { grantId } = await planned(s, 600_000, { conditions: [policyC1], tranches: pay([200_000, 5], [400_000, 30]) });
    const tranche1 = async () => (await s.d.grants.getPlan(grantId)).tranches[0];
    // Due on day 5 at 09:00 London time (08:00 UTC in summer); it is now 09:00 UTC on day 0.
    expect(await nextTranche(s.d, { grantId })).toMatchObject({
      done: false,
      ready: false,
      trancheSeq: 1,
      waitSeconds: 5 * 86400 - 3600,
      blockers: { conditions: ['C1'], notYetDue: true, held: false },
    });
    expect((await tranche1())?.blockedByConditionsAt).toBeUndefined();
    s.sys.advanceDays(6);
    const blockedAt = s.sys.clock.now().toISOString();
    const held = await nextTranche(s.d, { grantId });
    expect(held).toMatchObject({ ready: false, waitSeconds: 30 * 86400, blockers: { conditions: ['C1'], notYetDue: false } });
    expect((await tranche1())?.blockedByConditionsAt).toBe(blockedAt);
    s.sys.advanceDays(1);
    await nextTranche(s.d, { grantId });
    expect((await tranche1())?.blockedByConditionsAt).toBe(blockedAt);
    await decide(s.d, s.lead.caller, grantId, 'C1', { outcome: 'met' });
    expect(await nextTranche(s.d, { grantId })).toMatchObject({ ready: true, renew: false, trancheSeq: 1 });
    // A decision that landed before the workflow parked: parking finds the tranche ready and wakes itself.
    await awaitTranche(s.d, { grantId, taskToken: 'late-token', executionName: `grant-${grantId}` });
    expect(s.sys.outside.tokens.get('late-token')).toEqual({ output: { nudged: true } });
  });

  it('a tranche is paid once: a repeated release pays nothing, and the first payment makes the grant active', async () => {
    const s = await setup();
    const { grantId } = await planned(s, 600_000);
    const before = await s.poolNow();
    expect(await releaseTranche(s.d, { grantId, trancheSeq: 1 })).toEqual({ released: true, trancheSeq: 1, amount: 300_000 });
    const paid = await s.poolNow();
    expect(paid).toMatchObject({ paid: 300_000, committed: before.committed, ledgerSeq: before.ledgerSeq + 1 });
    expect(await releaseTranche(s.d, { grantId, trancheSeq: 1 })).toEqual({ released: false, alreadyReleased: true, trancheSeq: 1 });
    expect(await s.poolNow()).toMatchObject({ paid: 300_000, ledgerSeq: paid.ledgerSeq });
    const detail = await s.detail(grantId);
    expect(detail.status).toBe('active');
    expect(tranchesOf(detail)).toEqual(['300000 released', '300000 scheduled']);
    expect(detail.tranches[0]?.releasedAt).toBe(s.sys.clock.now().toISOString());
    expect(detail.funders.reduce((a, f) => a + f.paid, 0)).toBe(300_000);
    expect(detail.amendments.map((a) => [a.kind, a.reason, a.by])).toEqual([['status', 'first tranche paid', 'workflow']]);
    expect(await nextTranche(s.d, { grantId })).toMatchObject({ trancheSeq: 2, ready: false });
    s.sys.advanceDays(30);
    await releaseTranche(s.d, { grantId, trancheSeq: 2 });
    expect((await s.detail(grantId)).status).toBe('active');
    expect(await nextTranche(s.d, { grantId })).toMatchObject({ done: true });
    expect((await s.poolNow()).paid).toBe(600_000);
    await expect(releaseTranche(s.d, { grantId, trancheSeq: 3 })).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('the workflow step pays every tranche that can go, in order, and says what is next; run again it pays nothing', async () => {
    const s = await setup();
    const { grantId } = await planned(s, 600_000, { tranches: pay([100_000, 0], [200_000, 0], [300_000, 30]) });
    expect(await advanceTranches(s.d, { grantId })).toMatchObject({ done: false, paid: [1, 2], trancheSeq: 3, ready: false });
    expect((await s.poolNow()).paid).toBe(300_000);
    expect(await advanceTranches(s.d, { grantId })).toMatchObject({ done: false, paid: [], trancheSeq: 3 });
    s.sys.advanceDays(30);
    expect(await advanceTranches(s.d, { grantId })).toMatchObject({ done: true, paid: [3] });
    expect(await advanceTranches(s.d, { grantId })).toMatchObject({ done: true, paid: [] });
    expect((await s.poolNow()).paid).toBe(600_000);
  });

  it('an amount amendment: a raise draws more from the pool onto the last unpaid tranche; a cut releases unpaid commitment, never below paid', async () => {
    const s = await setup();
    const { grantId } = await planned(s, 400_000, { tranches: pay([100_000, 0], [300_000, 30]) });
    await releaseTranche(s.d, { grantId, trancheSeq: 1 });
    const before = await s.poolNow();
    const amount = (to: number, currency = 'GBP', caller = s.lead.caller) =>
      amend(s.d, caller, grantId, { kind: 'amount', amount: to, currency, reason: 'panel decision' });
    await expect(amount(500_000, 'EUR')).rejects.toMatchObject({ kind: 'validation' });
    await expect(amount(400_000)).rejects.toMatchObject(broke('amount', 'changed'));
    await expect(amount(500_000, 'GBP', s.member.caller)).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(amount(400_000 + 5_000_000)).rejects.toMatchObject({ kind: 'conflict' });
    await amount(500_000);
    s.sys.advanceDays(1);
    let now = await s.detail(grantId);
    expect(now.amount).toBe(500_000);
    expect(now.funders.reduce((a, f) => a + f.amount, 0)).toBe(500_000);
    expect(tranchesOf(now)).toEqual(['100000 released', '400000 scheduled']);
    expect(await s.poolNow()).toMatchObject({ committed: before.committed + 100_000, paid: before.paid });
    await expect(amount(50_000)).rejects.toMatchObject({ kind: 'conflict', details: { rule: 'not-below-paid' } });
    await amount(100_000);
    now = await s.detail(grantId);
    expect(tranchesOf(now)).toEqual(['100000 released', '0 cancelled']);
    expect(now.funders.reduce((a, f) => a + f.amount, 0)).toBe(100_000);
    expect(await s.poolNow()).toMatchObject({ committed: before.committed - 300_000, paid: 100_000 });
    const buckets = await s.d.pools.listBuckets(s.pool.id);
    expect(buckets.reduce((a, b) => a + b.available, 0)).toBe(5_000_000 - 100_000);
    await expect(amount(90_000)).rejects.toMatchObject({ kind: 'conflict', details: { rule: 'unpaid-tranche' } });
    const history = now.amendments.filter((a) => a.kind === 'amount').map((a) => a.changes.amount);
    expect(history).toEqual([
      [400_000, 500_000],
      [500_000, 100_000],
    ]);
    expect(await nextTranche(s.d, { grantId })).toMatchObject({ done: true });
  });

  it('dates and conditions are amended with the history kept; an added condition is ongoing and asks for no evidence', async () => {
    const s = await setup();
    const { grantId } = await planned(s, 600_000, { conditions: [policyC1] });
    const dates = (plannedStart: string, plannedEnd: string) =>
      amend(s.d, s.lead.caller, grantId, { kind: 'dates', plannedStart, plannedEnd, reason: 'late start' });
    await expect(dates(inDays(30), inDays(29))).rejects.toMatchObject(broke('plannedEnd', 'after-start'));
    await dates(inDays(30), '2027-04-30');
    s.sys.advanceDays(1);
    const add = { description: 'Keep the safeguarding lead in post', kind: 'ongoing' as const };
    await amend(s.d, s.lead.caller, grantId, { kind: 'conditions', add, reason: 'trustees asked' });
    const now = await s.detail(grantId);
    expect(now).toMatchObject({ plannedStart: inDays(30), plannedEnd: '2027-04-30' });
    expect(now.conditions.map((c) => `${c.id} ${c.kind} ${c.status}`)).toEqual(['C1 before-first-payment pending', 'C2 ongoing pending']);
    expect(now.amendments.map((a) => `${a.kind}: ${a.reason}`)).toEqual(['dates: late start', 'conditions: trustees asked']);
    expect(now.amendments[0]?.changes).toEqual({ plannedStart: [TODAY, inDays(30)], plannedEnd: ['2027-03-31', '2027-04-30'] });
    expect(await requestConditionEvidence(s.d, { grantId })).toEqual({ emailsSent: 1 });
  });

  it('status changes follow the lifecycle; a suspended or terminated grant holds its tranches back', async () => {
    const s = await setup();
    const { grantId } = await planned(s, 600_000);
    // A day apart, so the history is in order (amendments at the same instant have no order).
    const to = (status: GrantStatus, caller = s.lead.caller) => {
      s.sys.advanceDays(1);
      return changeStatus(s.d, caller, grantId, { status, reason: 'board decision' });
    };
    await expect(to('closed')).rejects.toMatchObject({ kind: 'conflict', details: { rule: 'grant-lifecycle' } });
    await expect(to('suspended', s.member.caller)).rejects.toMatchObject({ kind: 'forbidden' });
    expect(await nextTranche(s.d, { grantId })).toMatchObject({ ready: true, trancheSeq: 1 });
    expect(await to('suspended')).toEqual({ grantId, status: 'suspended' });
    expect(await nextTranche(s.d, { grantId })).toMatchObject({ ready: false, blockers: { held: true, notYetDue: false } });
    await expect(to('closing')).rejects.toMatchObject({ details: { rule: 'grant-lifecycle' } });
    await to('active');
    expect(await nextTranche(s.d, { grantId })).toMatchObject({ ready: true });
    await to('terminated');
    expect(await nextTranche(s.d, { grantId })).toMatchObject({ ready: false, blockers: { held: true } });
    await expect(to('active')).rejects.toMatchObject({ details: { rule: 'grant-lifecycle' } });
    const history = (await s.detail(grantId)).amendments.map((a) => (a.kind === 'status' ? a.changes.status.join(' → ') : a.kind));
    expect(history).toEqual(['awarded → suspended', 'suspended → active', 'active → terminated']);
  });

  it('the workflow starts once under the grant’s name, and hands over to generation 2 after 330 days', async () => {
    const s = await setup();
    // A grant of two years: its tranches fall after the first year, within the grant's dates.
    const { grantId } = await planned(s, 600_000, { tranches: pay([300_000, 400], [300_000, 420]) }, 24);
    const startedAt = s.sys.clock.now().toISOString();
    expect(await startGrantWorkflow(s.d, grantId)).toEqual({ started: true });
    expect(await startGrantWorkflow(s.d, grantId)).toEqual({ started: false });
    expect(s.sys.outside.started.get(`grant-${grantId}`)).toEqual({ workflowId: 'grant', input: { grantId, generation: 1, startedAt } });
    // Never waits past the hand-over point, even for a tranche due later.
    expect(await nextTranche(s.d, { grantId, startedAt })).toMatchObject({
      renew: false,
      ready: false,
      waitSeconds: RENEW_AFTER_DAYS * 86400,
    });
    s.sys.advanceDays(RENEW_AFTER_DAYS);
    expect(await nextTranche(s.d, { grantId, startedAt })).toMatchObject({ renew: true, ready: false, waitSeconds: 1 });
    expect(await continueGrant(s.d, { grantId, generation: 1 })).toEqual({ generation: 2, started: true });
    expect(await continueGrant(s.d, { grantId, generation: 1 })).toEqual({ generation: 2, started: false });
    expect(s.sys.outside.started.get(`grant-${grantId}-g2`)).toMatchObject({ workflowId: 'grant', input: { grantId, generation: 2 } });
  });
});
