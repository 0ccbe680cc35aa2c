import { describe, expect, it } from 'vitest';
import { catalog, forTarget } from '../../infra/catalog';
import { mailer } from '../../shared/platform/aws/mail';
import { tenderMoney, tendersTable } from '../../shared/tenders/aws';
import { publishTender } from '../../shared/tenders/steps';
import type { Tender } from '../../shared/tenders/tender';
import { type PageClient, signInAs } from '../support/pages';
import { bid, fundedConsortium, getTender, linkTo, publishedTender, tenderBody } from '../support/tender';
import { useTestStack } from '../support/use-stack';

const { stack, funders, funder: f } = useTestStack({ seed: true });

const MARKER = 'Sealed-content-marker-4417';

describe('bids are sealed until the submission deadline', () => {
  it('every route of the catalog answers exactly the same before and after bids arrive, and none shows a bid', async () => {
    const setup = await fundedConsortium(stack, funders, 'Sealed Fund', 1_000_000);
    const body = tenderBody(stack, funders, setup.pool.id, { title: 'Sealed tender' });
    const t = await publishedTender(stack, funders, body);
    const emails = ['a@one.example.org', 'b@two.example.org', 'c@three.example.org'];
    for (const [i, email] of emails.entries())
      await stack.api.call(f(0).admin, 'POST', `/tenders/${t.id}/interest`, { orgName: `Provider ${i + 1}`, email });
    const page: PageClient = await signInAs(stack, f(0).admin.email);
    const ids: Record<string, string> = {
      tenderId: t.id,
      consortiumId: setup.consortium.id,
      poolId: setup.pool.id,
      orgId: f(0).org.id,
      token: 'A'.repeat(43),
    };
    // Making a calendar feed answers a fresh secret URL (and only that) on every call, and changes
    // what the council's pages say about it: not part of this sweep.
    const routes = forTarget(catalog, 'local').routes.filter(
      (r) => !r.path.endsWith('/calendar-feed') && !(r.method === 'POST' && r.path === '/app/councils/{orgId}/contracts'),
    );
    const call = async (r: (typeof routes)[number]) => {
      const path = r.path.replace(/\{(\w+)\}/g, (_m, name: string) => ids[name] ?? '01HZZZZZZZZZZZZZZZZZZZZZZZ');
      if (r.auth === 'page') {
        const res = r.method === 'GET' ? await page.get(path) : await page.post(path, {});
        return `${res.status} ${res.location ?? ''} ${res.html}`;
      }
      const res = await stack.request(r.method, path, {
        ...(r.auth === 'staff' ? { as: f(0).admin } : {}),
        ...(r.method === 'GET' ? {} : { body: {} }),
      });
      return `${res.status} ${JSON.stringify(res.body)}`;
    };
    const answers = async () => {
      const out = new Map<string, string>();
      for (const r of routes) out.set(`${r.method} ${r.path}`, await call(r));
      return out;
    };
    const before = await answers();
    for (const email of emails)
      expect(
        (await bid(await linkTo(stack, email, /Sealed tender: your links/), { volunteering: { price: '1400', answers: MARKER } })).status,
      ).toBe(200);
    const after = await answers();
    // Not vacuous: every route was called, and the tender's own routes answered with the tender.
    expect(after.size).toBe(routes.length);
    expect(after.get('GET /tenders/{tenderId}')).toMatch(/^200 .*Sealed tender/);
    expect(after.get('GET /consortia/{consortiumId}/tenders')).toMatch(/^200 .*Sealed tender/);
    for (const [route, answer] of after) {
      // The local health check counts the engines' total traffic (events, invocations): every
      // request moves it, bids or not, and AWS's health answer has no such counters.
      if (route === 'GET /health') continue;
      expect(answer, route).toBe(before.get(route));
      expect(answer, route).not.toContain(MARKER);
    }
    // After the deadline the same view shows them.
    await stack.runtime.advanceTo(new Date(body.dates.submissionDeadline));
    await stack.runtime.settle();
    expect((await getTender(stack, f(0), t.id)).bids).toMatchObject({ sealed: false, received: 3 });
  });

  it('two tenders reserving from a pool that can fund only one: exactly one reservation succeeds', async () => {
    const setup = await fundedConsortium(stack, funders, 'Contested Fund', 100_000);
    const tenders: Tender[] = [];
    for (const title of ['First contested tender', 'Second contested tender']) {
      const body = tenderBody(stack, funders, setup.pool.id, {
        title,
        lots: [200_000, 100_000],
        shares: [60_000, 60_000, 60_000, 60_000, 60_000],
      });
      const t = await stack.api.call<Tender>(f(0).admin, 'POST', `/consortia/${setup.consortium.id}/tenders`, body);
      await stack.api.call(f(0).admin, 'POST', `/tenders/${t.id}/sign-off-request`);
      tenders.push(t);
    }
    await stack.runtime.settle();
    const results = await stack.asFunction('publishTender', () =>
      Promise.allSettled(tenders.map((t) => publishTender({ ...tendersTable, ...tenderMoney, mailer }, { tenderId: t.id }))),
    );
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ kind: 'conflict' });
    expect(String(refused.reason.message)).toMatch(/not enough money .* £600.00 needed, £400.00 available/);
    const pool = await stack.api.call<{ reserved: number; available: number }>(f(0).admin, 'GET', `/pools/${setup.pool.id}`);
    expect(pool).toMatchObject({ reserved: 300_000, available: 200_000 });
    const statuses = await Promise.all(tenders.map(async (t) => (await getTender(stack, f(0), t.id)).status));
    expect(statuses.sort()).toEqual(['published', 'sign-off']);
    for (const t of tenders) await stack.api.call(f(0).admin, 'POST', `/tenders/${t.id}/cancel`, { reason: 'Test over.' });
    await stack.runtime.settle();
    expect(await stack.api.call(f(0).admin, 'GET', `/pools/${setup.pool.id}`)).toMatchObject({ reserved: 0, available: 500_000 });
  });
});
