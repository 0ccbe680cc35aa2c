import { beforeAll, describe, expect, it } from 'vitest';
import { catalog, forTarget } from '../../infra/catalog';
import type { SeededFunder } from '../../infra/local/scenario';
import { newId } from '../../shared/platform/ids';
import { contractBody, register } from '../support/contract';
import { signInAs } from '../support/pages';
import { fillPath, type RouteIds, validBody } from '../support/route-bodies';
import { fundedConsortium, tenderBody } from '../support/tender';
import { useTestStack } from '../support/use-stack';

const { stack, funders } = useTestStack({ seed: true });
let real: RouteIds;
let fake: RouteIds;
let outsider: { id: string; email: string };
let tender: unknown;

const NAME = 'Outsider Test Fund';

beforeAll(async () => {
  const lead = funders[0] as SeededFunder;
  const setup = await fundedConsortium(stack, funders, NAME, 1_000_000);
  const call = <T>(method: string, path: string, body?: unknown) => stack.api.call<T & { id: string }>(lead.admin, method, path, body);
  const poolId = setup.pool.id;
  const pledge = await call('POST', `/pools/${poolId}/pledges`, {
    funderOrgId: lead.org.id,
    currency: 'GBP',
    years: [{ financialYear: '2027-28', amount: 500 }],
  });
  const grant = await call('POST', `/pools/${poolId}/allocations`, {
    recipientOrgId: (funders[5] as SeededFunder).org.id,
    title: 'Outsider test grant',
    amount: 10_000,
    currency: 'GBP',
    durationMonths: 12,
  });
  const round = await call('POST', `/pools/${poolId}/rounds`, { name: 'Outsider round' });
  tender = tenderBody(stack, funders, poolId, { title: 'Outsider tender' });
  const draft = await call('POST', `/consortia/${setup.consortium.id}/tenders`, tender);
  const contract = await register(stack, lead, contractBody(stack, 'Outsider contract', [30]));
  const ids = { consortiumId: setup.consortium.id, poolId, pledgeId: pledge.id, grantId: grant.id, roundId: round.id, tenderId: draft.id };
  real = {
    ...ids,
    reportId: newId(new Date()),
    challengeId: newId(new Date()),
    questionId: newId(new Date()),
    contractId: contract.id,
    orgId: lead.org.id,
    recipientOrgId: lead.org.id,
  };
  fake = Object.fromEntries(
    Object.entries(real).map(([k, v]) => [k, k === 'recipientOrgId' ? v : newId(new Date(Date.now() + 1000))]),
  ) as unknown as RouteIds;
  // Someone from an organisation in no consortium and no council: staff of a provider.
  const org = await stack.api.call<{ id: string }>(stack.admin, 'POST', '/organisations', {
    name: 'Harbour Arts Collective',
    kind: 'provider',
    identifier: 'GB-CHC-1199100',
    contactEmail: 'hello@harbour-arts.example.org',
  });
  const added = await stack.api.call<{ user: { id: string; email: string } }>(stack.admin, 'POST', `/organisations/${org.id}/members`, {
    email: 'sam@harbour-arts.example.org',
    name: 'Sam Outsider',
    role: 'admin',
  });
  outsider = added.user;
  await stack.runtime.settle();
});

const scoped = forTarget(catalog, 'local').routes.filter(
  (r) => r.auth === 'staff' && r.path.includes('{') && !r.path.startsWith('/organisations/'),
);

/**
 * Asks each route with the real ids and then with made-up ones: neither writes anything, the real
 * answer never names the fund, and once its ids are swapped for the made-up ones it is the made-up
 * answer to the letter. `checkStatus` is each kind of route's own rule for the real answer's status.
 */
async function expectSameAsMadeUp<S>(
  routes: { method: string; path: string }[],
  ask: (method: string, template: string, ids: RouteIds) => Promise<{ status: S; text: string }>,
  checkStatus: (status: S, key: string, method: string) => void,
) {
  const swap = (text: string) =>
    Object.entries(real).reduce((t, [k, v]) => t.replaceAll(v, (fake as unknown as Record<string, string>)[k] ?? v), text);
  for (const r of routes) {
    const key = `${r.method} ${r.path}`;
    const before = await stack.itemCount();
    const mine = await ask(r.method, r.path, real);
    const madeUp = await ask(r.method, r.path, fake);
    expect(await stack.itemCount(), `${key} wrote something`).toBe(before);
    checkStatus(mine.status, key, r.method);
    expect(mine.text, key).not.toContain(NAME);
    expect({ status: mine.status, text: swap(mine.text) }, key).toEqual(madeUp);
  }
}

describe('someone who belongs to no member organisation', () => {
  it('gets from every route, read or write, exactly what a made-up id gets: never a 403, never a name', async () => {
    expect(scoped.length).toBeGreaterThan(50);
    const ask = async (method: string, template: string, ids: RouteIds) => {
      const key = `${method} ${template}`;
      const body = method === 'GET' ? undefined : key === 'POST /consortia/{consortiumId}/tenders' ? tender : validBody(key, ids);
      const res = await stack.request(method, fillPath(template, ids), { as: outsider, ...(body === undefined ? {} : { body }) });
      return { status: res.status, text: JSON.stringify(res.body ?? null) };
    };
    await expectSameAsMadeUp(scoped, ask, (status, key) => {
      expect(status, key).not.toBe(403);
      expect(status < 300, `${key} answered ${status}`).toBe(false);
    });
  });

  it('gets from every page, shown or posted, exactly what a made-up id gets', async () => {
    const browser = await signInAs(stack, outsider.email);
    const pages = forTarget(catalog, 'local').routes.filter((r) => r.auth === 'page' && r.path.includes('{'));
    expect(pages.length).toBeGreaterThan(15);
    // A form a member could send, and one no page has: neither may tell an outsider the record exists.
    const forms: Record<string, string>[] = [{ action: 'sign-off', decision: 'approve' }, { action: 'no-such-form' }];
    const ask = async (method: string, template: string, ids: RouteIds) => {
      const path = fillPath(template, ids);
      const answers: { status: number; html: string }[] = method === 'GET' ? [await browser.get(path)] : [];
      for (const f of method === 'GET' ? [] : forms) answers.push(await browser.post(path, { ...f, csrf: await browser.csrf() }));
      return {
        status: answers.map((x) => x.status).join(),
        text: answers.map((x) => x.html.replace(/name="csrf" value="[^"]+"/g, '')).join('\n'),
      };
    };
    await expectSameAsMadeUp(pages, ask, (status, key, method) => expect(status, key).toBe(method === 'GET' ? '404' : '404,404'));
  });
});
