import { beforeAll, describe, expect, it } from 'vitest';
import { catalog, forTarget } from '../../infra/catalog';
import type { SeededFunder } from '../../infra/local/scenario';
import { signInAs } from '../support/pages';
import { fillPath, type RouteIds, validBody } from '../support/route-bodies';
import { routeRecords } from '../support/route-records';
import { useTestStack } from '../support/use-stack';
import { expected, pageRules, type Role, rules } from './authorisation-rules';

type Who = { id: string; email: string };
const { stack, funders } = useTestStack({ seed: true });
let ids: RouteIds;
let who: Record<Role, Who>;
let overrides: Record<string, unknown>;
let orgOf: Partial<Record<Role, string>>;

async function staffOf(org: { name: string; kind: string; identifier: string; funderType?: string }, email: string, role = 'admin') {
  const created = await stack.api.call<{ id: string }>(stack.admin, 'POST', '/organisations', {
    ...org,
    contactEmail: `hello@${email.split('@')[1]}`,
  });
  const added = await stack.api.call<{ user: Who }>(stack.admin, 'POST', `/organisations/${created.id}/members`, {
    email,
    name: 'Matrix Person',
    role,
  });
  return { orgId: created.id, user: added.user };
}

beforeAll(async () => {
  const {
    lead,
    ids: records,
    bodies,
  } = await routeRecords(stack, funders, 'Matrix', {
    identifier: 'GB-CHC-1199204',
    contactEmail: 'm@example.org',
  });
  const viewer = await stack.api.call<{ user: Who }>(stack.admin, 'POST', `/organisations/${lead.org.id}/members`, {
    email: 'viewer@wyvernshire.example.org',
    name: 'Vic Viewer',
    role: 'viewer',
  });
  const other = await staffOf(
    { name: 'Northmoor Trust', kind: 'funder', funderType: 'trust-foundation', identifier: 'GB-CHC-1199201' },
    'a@northmoor.example.org',
  );
  const partner = await staffOf(
    { name: 'Northmoor Fund', kind: 'funder', funderType: 'trust-foundation', identifier: 'GB-CHC-1199202' },
    'b@northmoor-fund.example.org',
  );
  await stack.api.call(other.user, 'POST', '/consortia', {
    name: 'Northmoor Consortium',
    place: 'Northmoor',
    members: [
      { orgId: other.orgId, role: 'lead' },
      { orgId: partner.orgId, role: 'member' },
    ],
  });
  const provider = await staffOf({ name: 'Harbour Arts', kind: 'provider', identifier: 'GB-CHC-1199203' }, 'c@harbour-arts.example.org');
  ids = records;
  who = {
    platformAdmin: stack.admin,
    leadAdmin: lead.admin,
    leadViewer: viewer.user,
    memberAdmin: (funders[1] as SeededFunder).admin,
    otherConsortium: other.user,
    providerStaff: provider.user,
  };
  orgOf = { leadAdmin: lead.org.id, leadViewer: lead.org.id, memberAdmin: (funders[1] as SeededFunder).org.id };
  overrides = bodies;
  await stack.runtime.settle();
});

const staffRoutes = forTarget(catalog, 'local').routes.filter((r) => r.auth === 'staff');
/**
 * Allowed roles may still get 404 where the path names a child the fixture does not have (or no
 * longer has: a member of staff removed by the first allowed role is gone for the next).
 */
const fakeChild = (path: string) => path.includes('{questionId}') || path.includes('{challengeId}') || path.includes('{userId}');

/** Routes that need a query to be well-formed. */
const queries: Record<string, string> = { 'GET /consortia/{consortiumId}/reports': '?status=scheduled' };

async function ask(method: string, template: string, as: Who | undefined, orgId = ids.orgId) {
  const key = `${method} ${template}`;
  // A funder pledges its own money: the body names the asker's organisation.
  const body = method === 'GET' ? undefined : key in overrides ? overrides[key] : validBody(key, { ...ids, recipientOrgId: orgId });
  const path = fillPath(template, ids) + (queries[key] ?? '');
  const res = await stack.request(method, path, { ...(as ? { as } : {}), ...(body === undefined ? {} : { body }) });
  return res.status;
}

describe('the authorisation matrix: every staff route × every role', () => {
  it('has a row for every staff route in the catalog', () => {
    expect(staffRoutes.map((r) => `${r.method} ${r.path}`).filter((k) => !(k in rules))).toEqual([]);
  });

  it('answers 401 to no user at all, on every route', async () => {
    for (const r of staffRoutes) expect(await ask(r.method, r.path, undefined), `${r.method} ${r.path}`).toBe(401);
  });

  it('refuses exactly as the table says (403 to a member without the role, 404 to outsiders), then lets the rest through', async () => {
    const roles = Object.keys(who) as Role[];
    const cases = staffRoutes.flatMap((r) =>
      roles.map((role) => ({ r, role, want: expected(rules[`${r.method} ${r.path}`] ?? 'platform', role) })),
    );
    const leaks: string[] = [];
    // Refusals first: nothing an allowed role does (closing a round, cancelling a tender) can then change what a refused one gets.
    for (const { r, role, want } of cases.filter((c) => c.want !== 'ok')) {
      const got = await ask(r.method, r.path, who[role], orgOf[role]);
      // A member may read the record, so a 409 (its state refuses everyone) tells them nothing new.
      if (got !== want && !(want === 403 && got === 409)) leaks.push(`${role} ${r.method} ${r.path}: ${got}, expected ${want}`);
    }
    const allowed = cases
      .filter((c) => c.want === 'ok')
      .sort((a, b) => Number(a.role === 'platformAdmin') - Number(b.role === 'platformAdmin'));
    for (const { r, role } of allowed) {
      const got = await ask(r.method, r.path, who[role], orgOf[role]);
      if (got === 401 || got === 403 || (got === 404 && !fakeChild(r.path)))
        leaks.push(`${role} ${r.method} ${r.path}: ${got}, expected to be let through`);
    }
    expect(leaks).toEqual([]);
    expect(cases.length).toBeGreaterThan(300);
  });
});

const pageRoutes = forTarget(catalog, 'local').routes.filter((r) => r.auth === 'page');

describe('the authorisation matrix: every page × every role', () => {
  it('has a row for every page in the catalog', () => {
    expect(pageRoutes.map((r) => `${r.method} ${r.path}`).filter((k) => !(k in pageRules))).toEqual([]);
  });

  it('sends no user to sign in; shows each page to whom the table says and the 404 page to outsiders; outsiders posting get the same 404', async () => {
    const leaks: string[] = [];
    const roles = Object.keys(who) as Role[];
    const clients = Object.fromEntries(await Promise.all(roles.map(async (role) => [role, await signInAs(stack, who[role].email)])));
    // The staff routes above removed the fixture's departing member: back on the staff, so its pages have someone to show.
    await stack.api.call(stack.admin, 'POST', `/organisations/${ids.orgId}/members`, {
      email: 'departing@matrix.example.org',
      name: 'Matrix Departing',
      role: 'officer',
    });
    for (const r of pageRoutes) {
      const path = fillPath(r.path, ids);
      const key = `${r.method} ${r.path}`;
      const anonymous = await fetch(`${stack.runtime.apiUrl}${path}`, {
        method: r.method,
        redirect: 'manual',
        ...(r.method === 'POST' ? { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'action=x' } : {}),
      });
      const toSignIn = anonymous.status === 303 && (anonymous.headers.get('location') ?? '').includes('/sign-in');
      if (!toSignIn && anonymous.status !== 403) leaks.push(`no user ${key}: ${anonymous.status}`);
      for (const role of roles) {
        const want = expected(pageRules[key] ?? 'platform', role);
        const client = clients[role] as Awaited<ReturnType<typeof signInAs>>;
        const got =
          r.method === 'GET'
            ? (await client.get(path)).status
            : (await client.post(path, { action: 'no-such-form', csrf: await client.csrf() })).status;
        // A form no page has is refused (400) to whoever may post there: past authorisation, as `ok` means.
        const ok = r.method === 'GET' ? got === 200 : got === 400;
        if (want === 'ok' ? !ok : got !== want) leaks.push(`${role} ${key}: ${got}, expected ${want}`);
      }
    }
    expect(leaks).toEqual([]);
  });
});
