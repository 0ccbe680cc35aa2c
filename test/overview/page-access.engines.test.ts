import { beforeAll, describe, expect, it } from 'vitest';
import type { SeededFunder } from '../../infra/local/scenario';
import type { Organisation } from '../../shared/consortia/organisation';
import type { User } from '../../shared/consortia/store';
import { award, grantFixture, inDays, plan } from '../support/grant';
import { type PageClient, pageClient, signInAs } from '../support/pages';
import { setupPool } from '../support/pool';
import { useTestStack } from '../support/use-stack';

const { stack, funders, fixture: f } = useTestStack({ seed: true, fixture: grantFixture });
let insider: PageClient;
let outsider: PageClient;
let pages: string[];
let reportId: string;
let grantId: string;
let roundId: string;

beforeAll(async () => {
  const g = await award(f, 'Access grant', 300_000);
  grantId = g.id;
  const p = await plan(f, g.id, {
    tranches: [{ amount: 300_000, dueDate: inDays(stack, 1) }],
    reporting: { frequency: 'one-off', template: 'light', dueDate: inDays(stack, 40) },
  });
  reportId = (p.reports[0] as { id: string }).id;
  const round = await stack.api.call<{ id: string }>(f.lead.admin, 'POST', `/pools/${f.poolId}/rounds`, { name: 'Access round' });
  roundId = round.id;

  // Staff of another consortium: their own funder, leading their own consortium with one seeded member.
  const org = await stack.api.call<Organisation>(stack.admin, 'POST', '/organisations', {
    name: 'Northmoor Trust',
    kind: 'funder',
    funderType: 'trust-foundation',
    identifier: 'GB-CHC-1190001',
    contactEmail: 'grants@northmoor.example.org',
  });
  const { user } = await stack.api.call<{ user: User }>(stack.admin, 'POST', `/organisations/${org.id}/members`, {
    email: 'nell.ward@northmoor.example.org',
    name: 'Nell Ward',
    role: 'admin',
  });
  await setupPool(stack, [{ org, admin: user, role: 'lead' }, funders[5] as SeededFunder], 'Northmoor Fund');

  const c = f.consortiumId;
  pages = [
    `/app/consortia/${c}`,
    `/app/consortia/${c}/reports`,
    `/app/consortia/${c}/evidence`,
    `/app/consortia/${c}/funding-quality`,
    `/app/consortia/${c}/tenders`,
    `/app/consortia/${c}/pools`,
    `/app/consortia/${c}/rounds`,
    `/app/consortia/${c}/grants`,
    `/app/pools/${f.poolId}`,
    `/app/pools/${f.poolId}/statement/${(funders[1] as SeededFunder).org.id}`,
    `/app/rounds/${round.id}`,
    `/app/grants/${grantId}`,
    `/app/reports/${reportId}`,
  ];
  insider = await signInAs(stack, f.lead.admin.email);
  outsider = await signInAs(stack, user.email);
});

describe('who may see and do what on the staff pages', () => {
  it('a member sees every page of the consortium; staff of another consortium get 404 on each, with nothing of it shown', async () => {
    for (const path of pages) {
      expect((await insider.get(path)).status, path).toBe(200);
      const seen = await outsider.get(path);
      expect(seen.status, path).toBe(404);
      expect(seen.html, path).toContain('Page not found');
      expect(seen.html, path).not.toContain('Grants Fund');
    }
    // Their own home page does not list this consortium either.
    expect((await outsider.get('/app')).html).not.toContain('Grants Fund');
  });

  it('any other path under /app is the page-not-found page, through the HTTP API as on AWS; /app/ is what needs me', async () => {
    const notFound = ['/app/no-such-page', `/app/pools/${f.poolId}/nothing-here`, '/app/consortia/not-an-id', '/app/%7Bproxy+%7D'];
    for (const path of notFound) {
      const res = await insider.get(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type'), path).toBe('text/html; charset=utf-8');
      expect(res.html, path).toContain('<h1 class="govuk-heading-l">Page not found</h1>');
      expect(res.html, path).toContain('If you typed the web address, check it is correct.');
      // GOV.UK's pattern: no breadcrumbs on a page that is not there; the navigation stays.
      expect(res.html, path).not.toContain('govuk-breadcrumbs');
      expect(res.html, path).toContain('govuk-service-navigation');
    }
    // Without a session it is a page like any other: sign in first, then come back to it.
    expect((await pageClient(stack, '').get('/app/no-such-page')).location).toBe(
      `/sign-in?next=${encodeURIComponent('/app/no-such-page')}`,
    );
    const home = await insider.get('/app');
    const slash = await insider.get('/app/');
    expect(slash.status).toBe(200);
    expect(heading(slash.html)).toBe('What needs me');
    expect(heading(slash.html)).toBe(heading(home.html));
    // The JSON API's unknown paths keep API Gateway's own answer.
    const api = await fetch(`${stack.runtime.apiUrl}/no-such-route`);
    expect([api.status, await api.json()]).toEqual([404, { message: 'Not Found' }]);
  });

  it('every page shows the service navigation across its consortium, with breadcrumbs from what needs me', async () => {
    const c = f.consortiumId;
    const areas = ['', '/pools', '/rounds', '/grants', '/reports', '/tenders', '/evidence', '/funding-quality'].map(
      (a) => `/app/consortia/${c}${a}`,
    );
    // The page that lists each record: its area is marked active (aria-current="true"), a list itself as the current page.
    const areaOf: Record<string, string> = {
      [`/app/pools/${f.poolId}`]: `/app/consortia/${c}/pools`,
      [`/app/pools/${f.poolId}/statement/${(funders[1] as SeededFunder).org.id}`]: `/app/consortia/${c}/pools`,
      [`/app/rounds/${roundId}`]: `/app/consortia/${c}/rounds`,
      [`/app/grants/${grantId}`]: `/app/consortia/${c}/grants`,
      [`/app/reports/${reportId}`]: `/app/consortia/${c}/reports`,
    };
    for (const path of pages) {
      const { html } = await insider.get(path);
      const nav = /<nav aria-label="Menu"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
      for (const area of ['/app', ...areas]) expect(nav, `${path} links to ${area}`).toContain(`href="${area}"`);
      const crumbs = [...(/<nav class="govuk-breadcrumbs"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '').matchAll(/href="([^"]+)"/g)].map(
        (m) => m[1],
      );
      expect(crumbs[0], path).toBe('/app');
      expect(crumbs, path).not.toContain(path);
      if (path !== `/app/consortia/${c}`) expect(crumbs[1], path).toBe(`/app/consortia/${c}`);
      const list = areaOf[path];
      const marked = list ? `href="${list}" aria-current="true"` : `href="${path}" aria-current="page"`;
      if (areas.includes(path) || list) expect(nav, path).toContain(marked);
      if (list) expect(crumbs, path).toContain(list);
    }
    // What needs me is the top: no breadcrumbs, and no consortium's areas until a consortium is open.
    const home = (await insider.get('/app')).html;
    expect(home).not.toContain('govuk-breadcrumbs');
    expect(home).toContain('href="/app" aria-current="page"');
    expect(home).not.toContain(`href="/app/consortia/${c}/pools"`);
  });

  it('a page request without a session is sent to sign in, and brought back afterwards', async () => {
    const anonymous = pageClient(stack, '');
    for (const path of ['/app', ...pages]) {
      const res = await anonymous.get(path);
      expect(res.status, path).toBe(303);
      expect(res.location, path).toBe(`/sign-in?next=${encodeURIComponent(path)}`);
    }
    const post = await anonymous.post(`/app/reports/${reportId}`, { decision: 'accept' });
    expect(post.status).toBe(303);
    expect(post.location).toMatch(/^\/sign-in\?next=/);
  });

  it('a POST without the form token, or from another origin, is refused with 403 and writes nothing', async () => {
    const csrf = await insider.csrf();
    const before = await stack.itemCount();
    const attempts = [
      insider.post(`/app/consortia/${f.consortiumId}`, { action: 'policy', threshold: '1' }),
      insider.post(`/app/consortia/${f.consortiumId}`, { action: 'policy', threshold: '1', csrf: 'x'.repeat(43) }),
      insider.post(`/app/grants/${grantId}`, { condition: 'c', csrf }, { origin: 'https://evil.example' }),
      insider.post(`/app/reports/${reportId}`, { decision: 'accept', csrf }, {}),
      // Another session's token is no good either.
      insider.post(`/app/reports/${reportId}`, { decision: 'accept', csrf: await outsider.csrf() }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(403);
      expect(res.html).toContain('This form has expired');
    }
    await stack.runtime.settle();
    expect(await stack.itemCount()).toBe(before);
  });

  it('sets the session cookie HttpOnly and SameSite=Lax, sends the security headers, and sign-out ends the session itself', async () => {
    const client = await signInAs(stack, f.lead.admin.email);
    expect((client as PageClient & { setCookie: string }).setCookie).toMatch(/HttpOnly; SameSite=Lax; Max-Age=43200/);
    const page = await client.get('/app');
    expect(page.headers.get('content-security-policy')).toBe(
      "default-src 'none'; style-src 'self'; img-src 'self' data:; font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    );
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('referrer-policy')).toBe('same-origin');
    expect(page.html).not.toMatch(/<script|style="/);
    const out = await client.post('/sign-out', { csrf: await client.csrf() });
    expect(out.location).toBe('/sign-in');
    expect((await client.get('/app')).status).toBe(303);
  });

  it('a member votes from "what needs me": the round page takes the vote and no longer offers the form', async () => {
    await stack.runtime.settle();
    await stack.api.call(f.lead.admin, 'POST', `/rounds/${roundId}/proposals`, {
      recipientOrgId: f.recipient.id,
      title: 'Page proposal',
      amount: 100_000,
      currency: 'GBP',
      durationMonths: 12,
    });
    await stack.api.call(f.lead.admin, 'POST', `/rounds/${roundId}/close`);
    await stack.runtime.settle();
    // The member who put the pool's money in (grantFixture's pledge) votes for their organisation.
    const member = await signInAs(stack, (funders[1] as SeededFunder).admin.email);
    const home = await member.get('/app');
    expect(home.html).toContain('Votes asked of your organisation (1)');
    expect(home.html).toContain(`/app/rounds/${roundId}`);
    const before = await member.get(`/app/rounds/${roundId}`);
    expect(before.html).toContain('Your organisation&#39;s vote');
    const missing = await member.post(`/app/rounds/${roundId}`, { action: 'vote', csrf: await member.csrf() });
    expect(missing.status).toBe(400);
    expect(missing.html).toContain('Select approve or reject');
    const voted = await member.post(`/app/rounds/${roundId}`, {
      action: 'vote',
      decision: 'approve',
      comment: 'Good',
      csrf: await member.csrf(),
    });
    expect(voted.status).toBe(303);
    expect(voted.location).toBe(`/app/rounds/${roundId}?done=voted`);
    const after = await member.get(voted.location as string);
    expect(after.html).toContain('Your vote has been recorded.');
    expect(after.html).not.toContain('Your organisation&#39;s vote');
    expect((await member.get('/app')).html).not.toContain(`/app/rounds/${roundId}`);
  });

  it('ends a session after 8 idle hours, and after 12 hours however busy', async () => {
    const client = await signInAs(stack, f.lead.admin.email);
    const step = async (hours: number) => stack.runtime.advanceTo(new Date(stack.clock.now().getTime() + hours * 3_600_000));
    await step(7.9);
    expect((await client.get('/app')).status).toBe(200);
    await step(3.9);
    expect((await client.get('/app')).status).toBe(200);
    await step(0.3);
    expect((await client.get('/app')).status, 'past 12 hours since sign-in').toBe(303);
    const idle = await signInAs(stack, f.lead.admin.email);
    await step(8.1);
    expect((await idle.get('/app')).status, 'idle for 8 hours').toBe(303);
  });
});

/** A page's main heading, as read. */
const heading = (html: string) => /<h1 class="govuk-heading-l">([^<]*)<\/h1>/.exec(html)?.[1];
