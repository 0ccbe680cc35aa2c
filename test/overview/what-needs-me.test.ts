import { describe, expect, it } from 'vitest';
import type { Caller } from '../../shared/consortia/caller';
import { settleConsortium } from '../../shared/consortia/invitation';
import { addMember } from '../../shared/consortia/organisations';
import { decide, requestConditionEvidence } from '../../shared/grants/conditions';
import { setPlan } from '../../shared/grants/plan';
import { whatNeedsMe } from '../../shared/overview/what-needs-me';
import { allocateDirect } from '../../shared/pools/awards';
import { createPool, recordContribution, recordPledge } from '../../shared/pools/pools';
import { providerLinks } from '../../shared/reporting/links';
import { voteOnAward } from '../../shared/tenders/award';
import { declareConflict, scoreBid } from '../../shared/tenders/evaluation';
import { makeEvent, subject } from '../../shared/tenders/events';
import { keys as tenderKeys } from '../../shared/tenders/keys';
import { noProcess } from '../../shared/tenders/process';
import { answerQuestion } from '../../shared/tenders/providers';
import { signOff } from '../../shared/tenders/sign-off';
import type { Tender } from '../../shared/tenders/tender';
import { memoryContracts } from '../support/in-memory/contracts';
import { memoryTenders } from '../support/in-memory/tenders';
import { consortium, memorySystem, organisation } from '../support/memory';

/** Fast: what needs me on the in-memory adapters, with tenders written as their workflow leaves them. */
const NOW = new Date('2026-07-10T09:00:00Z');

async function setup() {
  const sys = memorySystem(NOW);
  const deps = { ...sys.deps, tenders: memoryTenders(sys.table), contracts: memoryContracts(sys.table) };
  const admin = await sys.admin();
  const [lead, b, c, observer] = [
    await organisation(sys, admin, 'Wyvernshire County Council'),
    await organisation(sys, admin, 'Harbourside Trust'),
    await organisation(sys, admin, 'Millbank Foundation'),
    await organisation(sys, admin, 'Community Foundation'),
  ];
  const cons = await consortium(sys, [lead, b, c, observer], ['lead', 'member', 'member', 'observer']);
  await settleConsortium(deps, { consortiumId: cons.id, outcome: 'activate' });
  const provider = await organisation(sys, admin, 'Wyvern Voluntary Action', 'provider');
  const staff = async (orgId: string, email: string, role: 'officer' | 'viewer') =>
    sys.callerOf((await addMember(deps, admin, orgId, { email, name: email, role })).user);
  const bViewer = await staff(b.org.id, 'viewer@b.test', 'viewer');
  const mine = async (who: Caller, href?: string) =>
    (await whatNeedsMe(deps, await sys.callerOf(who.user))).tasks
      .filter((t) => !href || t.href === href)
      .map((t) => [t.kind, t.label, t.forWhom, t.when?.label, t.when?.date]);
  return { sys, deps, admin, lead, b, c, observer, provider, bViewer, cons, mine };
}
type Setup = Awaited<ReturnType<typeof setup>>;

const lot = (id: string, title: string, value: number) => ({ id, title, value, scope: { kind: 'function' as const, label: title } });

/** A tender as its workflow leaves it at a stage: lead and two members fund it equally; the lead's and B's admins score. */
async function tender(s: Setup, over: Partial<Tender>): Promise<Tender> {
  const t: Tender = {
    id: `T${Math.random().toString(36).slice(2, 8)}`,
    consortiumId: s.cons.id,
    poolId: 'pool',
    buyerOrgId: s.lead.org.id,
    // Whole facts, as a drafted tender has them: the store's codec refuses a tender without them.
    regime: {
      regime: 'below-threshold',
      authorityType: 'sub-central',
      estimatedValue: 450_000,
      threshold: 20_772_000,
      thresholdsFrom: '2026-01-01',
      notifiable: false,
    },
    status: 'published',
    createdAt: '2026-06-01T09:00:00.000Z',
    createdBy: s.lead.caller.user.id,
    version: 1,
    title: 'Infrastructure support',
    description: '',
    documents: [],
    lots: [lot('org-support', 'Organisational support', 300_000), lot('volunteering', 'Volunteering support', 150_000)],
    procedure: 'open',
    lightTouch: true,
    authorityType: 'sub-central',
    advertised: true,
    criteria: [
      { id: 'local', title: 'Local knowledge', kind: 'quality', weight: 70 },
      { id: 'price', title: 'Price', kind: 'price', weight: 30 },
    ],
    dates: {
      clarificationDeadline: '2026-07-03T11:00:00.000Z',
      submissionDeadline: '2026-07-06T11:00:00.000Z',
      evaluationEnd: '2026-07-16T11:00:00.000Z',
      awardDecision: '2026-07-20T11:00:00.000Z',
    },
    funders: [s.lead, s.b, s.c].map((f) => ({ orgId: f.org.id, amount: 150_000 })),
    panel: [s.lead.caller.user.id, s.b.caller.user.id],
    ...noProcess(),
    ...over,
  };
  await s.deps.tenders.createTender(
    t,
    makeEvent('tender.drafted', subject.tender(t.id), 'test', { tenderId: t.id, status: t.status, consortiumId: t.consortiumId }, NOW),
  );
  return t;
}

/** A task on the tender "Infrastructure support" as listed: its kind, what to do, for whom, and by when (a label and a date). */
const tenderTask = (kind: string, todo: string, forWhom: string, by: [string, string] | [] = []) => [
  kind,
  `${todo}: Infrastructure support`,
  forWhom,
  ...by,
];

const park = (s: Setup, t: Tender, purpose: string, deadline: string) =>
  s.deps.platform.putWaitingTask({ subject: subject.tender(t.id), purpose, taskToken: `${t.id}-${purpose}`, executionName: 'x', deadline });

describe('what needs me: tenders (in memory)', () => {
  it('a sign-off waits on each funder that has not answered, for its officers only, by the workflow’s deadline', async () => {
    const s = await setup();
    const t = await tender(s, { status: 'sign-off', attempt: 1 });
    // 22:30 UTC on 19 July is 23:30 in London: the deadline's day is the 19th.
    await park(s, t, 'sign-off', '2026-07-19T22:30:00.000Z');
    const href = `/app/tenders/${t.id}`;
    const task = (org: string) => tenderTask('sign-off-tender', 'Sign off', `${org} in ${s.cons.name}`, ['Sign off by', '2026-07-19']);
    expect(await s.mine(s.lead.caller, href)).toEqual([task('Wyvernshire County Council')]);
    expect(await s.mine(s.b.caller, href)).toEqual([task('Harbourside Trust')]);
    expect(await s.mine(s.bViewer, href)).toEqual([]);
    expect(await s.mine(s.observer.caller, href)).toEqual([]);
    await signOff(s.deps, s.b.caller, t.id, { decision: 'approve' });
    expect(await s.mine(s.b.caller, href)).toEqual([]);
    expect(await s.mine(s.c.caller, href)).toEqual([task('Millbank Foundation')]);
    const [detail] = (await whatNeedsMe(s.deps, s.c.caller)).tasks;
    expect(detail?.detail).toBe("Approve or refuse the specification and your organisation's contribution of £1,500.00.");
  });

  it('past the sign-off deadline, the lead’s admins decide for the funders who did not answer; those funders may still answer', async () => {
    const s = await setup();
    const signOffs = [{ orgId: s.b.org.id, decision: 'approve' as const, by: 'u', at: '2026-07-02T09:00:00.000Z' }];
    const t = await tender(s, { status: 'sign-off', attempt: 1, signOffs, signOffEscalation: { at: '2026-07-08T09:00:00.000Z' } });
    await park(s, t, 'sign-off', '2026-07-13T09:00:00.000Z');
    const href = `/app/tenders/${t.id}`;
    const lead = `Wyvernshire County Council in ${s.cons.name}`;
    expect(await s.mine(s.lead.caller, href)).toEqual([
      ['sign-off-tender', 'Sign off: Infrastructure support', lead, 'Was due', '2026-07-08'],
      ['sign-off-tender', 'Decide the sign-off: Infrastructure support', lead, 'Decide by', '2026-07-13'],
    ]);
    expect((await s.mine(s.c.caller, href)).map((x) => x[3])).toEqual(['Was due']);
    expect(await s.mine(s.b.caller, href)).toEqual([]);
  });

  it('clarification questions wait on the lead’s officers while the tender is published, until each is answered', async () => {
    const s = await setup();
    const t = await tender(s, {});
    const ask = (id: string, answer?: string) =>
      s.sys.table.put(tenderKeys.question(t.id, id), {
        entity: 'question',
        ...{ id, tenderId: t.id, interestId: 'i1', question: 'Can we bid with a partner?', askedAt: '2026-07-01T10:00:00.000Z' },
        ...(answer ? { answer, answeredAt: '2026-07-02T10:00:00.000Z', answeredBy: 'u' } : {}),
      });
    for (const [id, answer] of [
      ['Q1', undefined],
      ['Q2', undefined],
      ['Q3', 'Yes.'],
    ] as const)
      ask(id, answer);
    const href = `/app/tenders/${t.id}/clarifications`;
    const answer = (n: string) => tenderTask('answer-question', `Answer ${n}`, `Wyvernshire County Council in ${s.cons.name}`);
    expect((await s.mine(s.lead.caller, href)).map((x) => x.slice(0, 3))).toEqual([answer('2 clarification questions')]);
    // Bids close at noon on 6 July, London time.
    expect((await s.mine(s.lead.caller, href))[0]?.slice(3)).toEqual(['Bids close', '2026-07-06']);
    expect(await s.mine(s.b.caller, href)).toEqual([]);
    await answerQuestion(s.deps, s.lead.caller, t.id, 'Q1', { answer: 'Yes, with a named lead partner.' });
    expect((await s.mine(s.lead.caller, href)).map((x) => x[1])).toEqual(['Answer 1 clarification question: Infrastructure support']);
    await answerQuestion(s.deps, s.lead.caller, t.id, 'Q2', { answer: 'No.' });
    expect(await s.mine(s.lead.caller, href)).toEqual([]);
  });

  it('bids wait on each panel member until scored or declared a conflict in; closed lots and non-members are left out', async () => {
    const s = await setup();
    const outcomes = [
      { lotId: 'org-support', status: 'open' as const },
      { lotId: 'volunteering', status: 'no-bids' as const },
    ];
    const t = await tender(s, { status: 'evaluation', outcomes });
    const bid = (interestId: string, lotIds: string[]) =>
      s.sys.table.put(tenderKeys.bid(t.id, interestId), {
        entity: 'bid',
        ...{ tenderId: t.id, interestId, submittedAt: '2026-07-05T10:00:00.000Z', revision: 1 },
        lots: lotIds.map((lotId) => ({ lotId, answers: {}, price: 100_000, documents: [] })),
      });
    bid('i1', ['org-support', 'volunteering']);
    bid('i2', ['org-support']);
    bid('i3', ['org-support']);
    const href = `/app/tenders/${t.id}/bids`;
    const score = (n: string) =>
      tenderTask('score-bids', `Score ${n}`, `you, on the evaluation panel of ${s.cons.name}`, ['Score by', '2026-07-16']);
    expect(await s.mine(s.lead.caller, href)).toEqual([score('3 bids')]);
    expect(await s.mine(s.c.caller, href)).toEqual([]);
    await scoreBid(s.deps, s.lead.caller, t.id, { bidId: 'i1.org-support', scores: { local: 70 }, reasons: { local: 'Strong.' } });
    await declareConflict(s.deps, s.lead.caller, t.id, { bidId: 'i2.org-support' });
    expect(await s.mine(s.lead.caller, href)).toEqual([score('1 bid')]);
    // Another scorer's scores are not the lead's: B still has all three.
    expect(await s.mine(s.b.caller, href)).toEqual([score('3 bids')]);
    await scoreBid(s.deps, s.lead.caller, t.id, { bidId: 'i3.org-support', scores: { local: 50 }, reasons: { local: 'Fair.' } });
    expect(await s.mine(s.lead.caller, href)).toEqual([]);
  });

  it('an award vote waits on each funder that has not voted while the tally is open; an open challenge on the lead', async () => {
    const s = await setup();
    const t = await tender(s, { status: 'award-decision', outcomes: [{ lotId: 'org-support', status: 'recommended' }] });
    await park(s, t, 'award-decision', '2026-07-20T09:00:00.000Z');
    const href = `/app/tenders/${t.id}/award`;
    const vote = (org: string) => tenderTask('award-vote', 'Vote on the award', `${org} in ${s.cons.name}`, ['Vote by', '2026-07-20']);
    expect(await s.mine(s.b.caller, href)).toEqual([vote('Harbourside Trust')]);
    expect(await s.mine(s.observer.caller, href)).toEqual([]);
    // A third of the weight approves: still open (the quorum is half).
    await voteOnAward(s.deps, s.b.caller, t.id, { decision: 'approve' });
    expect(await s.mine(s.b.caller, href)).toEqual([]);
    expect(await s.mine(s.c.caller, href)).toEqual([vote('Millbank Foundation')]);
    await voteOnAward(s.deps, s.lead.caller, t.id, { decision: 'approve' });
    // Two thirds approve: decided, so Millbank's vote is no longer asked for.
    expect(await s.mine(s.c.caller, href)).toEqual([]);

    const standstill = {
      kind: 'mandatory' as const,
      workingDays: 8,
      startsOn: '2026-07-01',
      endsOn: '2026-07-13',
      endsAt: '2026-07-13T23:00:00.000Z',
    };
    const challenge = {
      id: 'CH1',
      lotId: 'volunteering',
      grounds: 'Misread',
      receivedAt: '2026-07-08T10:00:00.000Z',
      recordedBy: 'u',
      status: 'open' as const,
    };
    const u = await tender(s, { status: 'standstill', standstill, challenges: [challenge] });
    const resolve = ['resolve-challenge', 'Resolve the challenge: Volunteering support, Infrastructure support'];
    expect((await s.mine(s.lead.caller, `/app/tenders/${u.id}/award`)).map((x) => [...x.slice(0, 2), x[3], x[4]])).toEqual([
      [...resolve, 'Standstill ends', '2026-07-13'],
    ]);
    expect(await s.mine(s.b.caller, `/app/tenders/${u.id}/award`)).toEqual([]);
  });
});

describe('what needs me: conditions, by one Query per consortium (in memory)', () => {
  /** Store calls, each one DynamoDB call on the table, counted under every store the use case is given. */
  function counting<T extends object>(deps: T) {
    const calls: string[] = [];
    const wrap = <S extends object>(name: string, store: S) =>
      new Proxy(store, {
        get: (target, prop) => {
          const v = Reflect.get(target, prop);
          if (typeof v !== 'function') return v;
          return (...args: unknown[]) => {
            calls.push(`${name}.${String(prop)}`);
            return v.apply(target, args);
          };
        },
      });
    const wrapped = Object.fromEntries(Object.entries(deps).map(([k, v]) => [k, k === 'clock' ? v : wrap(k, v as object)])) as T;
    return { wrapped, calls };
  }

  it('evidence waits on the lead’s officers with its grant and provider named; the reads do not grow with grants', async () => {
    const s = await setup();
    const d = s.deps;
    const pool = await createPool(d, s.lead.caller, s.cons.id, { name: 'Grants Fund', purpose: 'Local infrastructure', lots: [] });
    const years = [{ financialYear: '2026-27', amount: 5_000_000 }];
    const pledge = await recordPledge(d, s.b.caller, pool.id, {
      funderOrgId: s.b.org.id,
      currency: 'GBP',
      years,
      restriction: { kind: 'core' },
    });
    await recordContribution(d, s.lead.caller, pool.id, pledge.id, { amount: 5_000_000, currency: 'GBP', receivedOn: '2026-07-01' });
    const grantWithEvidence = async (title: string) => {
      const request = {
        recipientOrgId: s.provider.org.id,
        title,
        amount: 100_000,
        currency: 'GBP',
        durationMonths: 12,
        plannedStart: '2026-07-10',
      };
      const g = await allocateDirect(d, s.lead.caller, pool.id, request);
      const policy = { description: 'A safeguarding policy', kind: 'before-first-payment' as const };
      const reporting = { frequency: 'one-off' as const, template: 'light' as const, dueDate: '2026-12-31' };
      await setPlan(d, s.lead.caller, g.id, { conditions: [policy], tranches: [{ amount: 100_000, dueDate: '2026-08-01' }], reporting });
      await requestConditionEvidence(d, { grantId: g.id });
      const token = /\/r\/([A-Za-z0-9_-]{43})/.exec(s.sys.outside.emails.at(-1)?.text ?? '')?.[1] as string;
      expect(await providerLinks.post(d, token, { scope: 'C1', text: 'Adopted by the trustees' })).toMatchObject({ kind: 'done' });
      return g.id;
    };
    const first = await grantWithEvidence('Community grant');
    expect(await s.mine(s.lead.caller)).toEqual([
      [
        'decide-condition',
        'Decide: A safeguarding policy',
        `Wyvernshire County Council in ${s.cons.name}`,
        'Evidence received',
        '2026-07-10',
      ],
    ]);
    const [task] = (await whatNeedsMe(d, s.lead.caller)).tasks;
    expect(task).toMatchObject({
      detail: 'Evidence received from Wyvern Voluntary Action for Community grant.',
      href: `/app/grants/${first}`,
    });
    expect(await s.mine(s.b.caller)).toEqual([]);

    const counted = counting(d);
    await whatNeedsMe(counted.wrapped, s.lead.caller);
    // Worked out by hand: its consortia and its organisations (2); the consortium (1); reports submitted,
    // overdue and very late (3); the pools (1) and their rounds (1); conditions to decide (1); tenders (1);
    // the provider's name (1). No council among its organisations, so no contracts.
    expect(counted.calls).toHaveLength(11);
    for (const title of ['Second grant', 'Third grant', 'Fourth grant', 'Fifth grant']) await grantWithEvidence(title);
    counted.calls.length = 0;
    const five = await whatNeedsMe(counted.wrapped, s.lead.caller);
    expect(five.tasks.filter((t) => t.kind === 'decide-condition')).toHaveLength(5);
    expect(counted.calls).toHaveLength(11);

    await decide(d, s.lead.caller, first, 'C1', { outcome: 'met' });
    expect((await whatNeedsMe(d, s.lead.caller)).tasks.map((t) => t.href)).not.toContain(`/app/grants/${first}`);
    expect((await whatNeedsMe(d, s.lead.caller)).tasks).toHaveLength(4);
  });
});
