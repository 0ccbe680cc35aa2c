import { beforeAll, describe, expect, it } from 'vitest';
import type { SeededFunder } from '../../infra/local/scenario';
import type { Tender } from '../../shared/tenders/tender';
import { signInAs } from '../support/pages';
import { bid, fundedConsortium, getTender, linkTo, publishedTender, scored, tenderBody } from '../support/tender';
import { useTestStack } from '../support/use-stack';

/**
 * Who reads a tender's evaluation (scores, reasons, rankings, bid prices) and who scores it, for
 * every role of the authorisation matrix, through the JSON routes and the tender page: the panel
 * and the lead's officers read it; only the panel scores; a score or a conflict must name a bid
 * that exists for its lot. Here the panel is one member's admin, so the lead's admin reads but
 * does not score, and another member's admin does neither.
 */
type Who = { id: string; email: string };
const { stack, funders, funder: f } = useTestStack({ seed: true });
let t: Tender;
let bids: string[];
const roles: Record<string, Who> = {};

beforeAll(async () => {
  const setup = await fundedConsortium(stack, funders, 'Access Fund', 1_000_000);
  const body = { ...tenderBody(stack, funders, setup.pool.id, { title: 'Access tender', days: [2, 4, 6, 8] }), panel: [f(1).admin.email] };
  t = await publishedTender(stack, funders, body);
  for (const [name, email] of [
    ['Eastbrook CVS', 'office@eastbrook.example.org'],
    ['Northmoor Voluntary Action', 'hello@northmoor-va.example.org'],
  ] as const) {
    await stack.api.call(undefined, 'POST', `/tenders/${t.id}/interest`, { orgName: name, email });
    expect((await bid(await linkTo(stack, email, /Access tender: your links/), { 'org-support': { price: '2500' } })).status).toBe(200);
  }
  await stack.runtime.advanceTo(new Date(body.dates.submissionDeadline));
  await stack.runtime.settle();
  const viewer = await stack.api.call<{ user: Who }>(stack.admin, 'POST', `/organisations/${f(0).org.id}/members`, {
    email: 'viewer@wyvernshire.example.org',
    name: 'Vic Viewer',
    role: 'viewer',
  });
  const provider = await stack.api.call<{ id: string }>(stack.admin, 'POST', '/organisations', {
    name: 'Harbour Arts',
    kind: 'provider',
    identifier: 'GB-CHC-1199203',
    contactEmail: 'hello@harbour-arts.example.org',
  });
  const staff = await stack.api.call<{ user: Who }>(stack.admin, 'POST', `/organisations/${provider.id}/members`, {
    email: 'c@harbour-arts.example.org',
    name: 'Pat Provider',
    role: 'admin',
  });
  Object.assign(roles, {
    platformAdmin: stack.admin,
    leadAdmin: f(0).admin,
    leadViewer: viewer.user,
    panelMember: f(1).admin,
    memberAdmin: f(2).admin,
    providerStaff: staff.user,
  });
  const { lots } = await stack.api.call<{ lots: { ranking: { bidId: string }[] }[] }>(f(0).admin, 'GET', `/tenders/${t.id}/evaluation`);
  bids = lots.flatMap((l) => l.ranking.map((r) => r.bidId));
  await stack.api.call(f(1).admin, 'POST', `/tenders/${t.id}/scores`, { bidId: bids[0], ...scored(80, 70, 'Panel-reason-marker.') });
});

/** What each role may do with the evaluation: read it, or also score. Outsiders are not told the tender exists. */
const rule: Record<string, { reads: boolean; scores: boolean; outsider?: boolean }> = {
  platformAdmin: { reads: false, scores: false },
  leadAdmin: { reads: true, scores: false },
  leadViewer: { reads: false, scores: false },
  panelMember: { reads: true, scores: true },
  memberAdmin: { reads: false, scores: false },
  providerStaff: { reads: false, scores: false, outsider: true },
};

describe('the evaluation rule, for every role', () => {
  it('GET /tenders/{id}/evaluation: 200 to the panel and the lead’s officers, 403 to other members and the platform admin, 404 to outsiders', async () => {
    for (const [role, can] of Object.entries(rule)) {
      const res = await stack.request('GET', `/tenders/${t.id}/evaluation`, { as: roles[role] });
      expect(res.status, role).toBe(can.outsider ? 404 : can.reads ? 200 : 403);
    }
    expect((await stack.request('GET', `/tenders/${t.id}/evaluation`)).status).toBe(401);
  });

  it('the tender page shows the evaluation (bids, prices, scores, reasons) only to those who read it; GET /tenders/{id} to nobody during it', async () => {
    for (const [role, can] of Object.entries(rule)) {
      if (can.outsider) continue;
      const json = JSON.stringify(await getTender(stack, { admin: roles[role] } as unknown as SeededFunder, t.id));
      expect(json, role).not.toContain('Panel-reason-marker');
      // The evaluation is on the tender's "Bids and evaluation" page.
      const html = (await (await signInAs(stack, (roles[role] as Who).email)).get(`/app/tenders/${t.id}/bids`)).html;
      expect([html.includes('Evaluation</h2>'), html.includes('£2,500.00')], role).toEqual([can.reads, can.reads]);
    }
  });

  it('only the panel scores: the platform admin and the lead’s admin off the panel are refused, and nothing changes', async () => {
    for (const [role, can] of Object.entries(rule)) {
      const res = await stack.request('POST', `/tenders/${t.id}/scores`, { as: roles[role], body: { bidId: bids[1], ...scored(50, 50) } });
      expect(res.status, role).toBe(can.outsider ? 404 : can.scores ? 201 : 403);
    }
    const after = await stack.api.call<{ lots: { ranking: { bidId: string; perCriterion: Record<string, { scorers: number }> }[] }[] }>(
      f(0).admin,
      'GET',
      `/tenders/${t.id}/evaluation`,
    );
    const second = after.lots.flatMap((l) => l.ranking).find((r) => r.bidId === bids[1]);
    expect(second?.perCriterion.delivery?.scorers).toBe(1);
  });

  it('a score or a conflict must name a bid that exists for that lot', async () => {
    const [interest] = (bids[0] as string).split('.');
    const madeUp = '01HZZZZZZZZZZZZZZZZZZZZZZZ.org-support';
    const wrongLot = `${interest}.volunteering`;
    const before = await getTender(stack, f(0), t.id);
    for (const bidId of [madeUp, wrongLot]) {
      const score = await stack.request('POST', `/tenders/${t.id}/scores`, { as: f(1).admin, body: { bidId, ...scored(90, 90) } });
      expect(score.status, bidId).toBe(400);
      expect(score.body).toMatchObject({ issues: [{ field: 'bidId', rule: 'bid-in-evaluation' }] });
      const conflict = await stack.request('POST', `/tenders/${t.id}/conflicts`, { as: f(1).admin, body: { bidId } });
      expect(conflict.status, bidId).toBe(400);
    }
    expect((await getTender(stack, f(0), t.id)).version).toBe(before.version);
  });

  it('once evaluation is complete, GET /tenders/{id} gives rankings and winning scores only to those who read the evaluation', async () => {
    await stack.api.call(f(0).admin, 'POST', `/tenders/${t.id}/evaluation`);
    for (const [role, can] of Object.entries(rule)) {
      if (can.outsider) continue;
      const view = await getTender(stack, { admin: roles[role] } as unknown as SeededFunder, t.id);
      const lot = view.outcomes.find((o) => o.lotId === 'org-support');
      expect(lot?.winner?.orgName, role).toBeDefined();
      expect([lot?.ranking !== undefined, lot?.winner?.total !== undefined], role).toEqual([can.reads, can.reads]);
    }
  });
});
