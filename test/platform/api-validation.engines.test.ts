import { beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../infra/catalog';
import { addStaff } from '../support/consortia';
import type { Organisation } from '../support/stack';
import { useTestStack } from '../support/use-stack';
import { type BadInput, goodId, tenderAndContractCases } from './bad-input-cases';

const { stack } = useTestStack();
let org: Organisation;

beforeAll(async () => {
  const [first] = await stack.seed();
  org = first?.org as Organisation;
});

const funder = {
  name: 'Wyvern Trust',
  kind: 'funder',
  funderType: 'trust-foundation',
  identifier: 'GB-CHC-1090001',
  contactEmail: 'a@example.org',
};

/** Bad input for every route that takes input: [route key, path, body or raw body, field, rule]. */
const cases: BadInput[] = [
  ['POST /organisations', '/organisations', { rawBody: '{"name": ' }, 'body', 'json'],
  ['POST /organisations', '/organisations', { body: { ...funder, name: 'A' } }, 'body.name', 'too_small'],
  ['POST /organisations', '/organisations', { body: { ...funder, kind: 'bank' } }, 'body.kind', 'invalid_value'],
  ['POST /organisations', '/organisations', { body: { ...funder, contactEmail: 'nobody' } }, 'body.contactEmail', 'invalid_format'],
  ['POST /organisations', '/organisations', { body: { ...funder, colour: 'red' } }, 'body', 'unrecognized_keys'],
  ['POST /organisations', '/organisations', { body: { ...funder, funderType: undefined } }, 'funderType', 'required-for-funders'],
  ['POST /organisations', '/organisations', { body: { ...funder, kind: 'provider' } }, 'funderType', 'funders-only'],
  ['POST /organisations', '/organisations', { body: { ...funder, identifier: 'GB-GOR-PB123' } }, 'identifier', 'org-id-retired-prefix'],
  ['POST /organisations', '/organisations', { body: { ...funder, identifier: 'GB-CHC-12AB' } }, 'identifier', 'org-id-format'],
  ['GET /organisations', '/organisations?kind=bank', {}, 'query.kind', 'invalid_value'],
  ['GET /organisations/{orgId}', '/organisations/not-an-id', {}, 'path.orgId', 'invalid_format'],
  ['POST /organisations/{orgId}/members', '/organisations/not-an-id/members', { body: {} }, 'path.orgId', 'invalid_format'],
  [
    'POST /organisations/{orgId}/members',
    `/organisations/${goodId}/members`,
    { body: { email: 'x@example.org', name: 'X Y', role: 'owner' } },
    'body.role',
    'invalid_value',
  ],
  ['POST /consortia', '/consortia', { body: { name: 'Fund', place: 'Wyvern', members: [] } }, 'body.members', 'too_small'],
  [
    'POST /consortia',
    '/consortia',
    {
      body: {
        name: 'Fund',
        place: 'Wyvern',
        members: [
          { orgId: goodId, role: 'boss' },
          { orgId: goodId, role: 'lead' },
        ],
      },
    },
    'body.members.0.role',
    'invalid_value',
  ],
  ['GET /consortia/{consortiumId}', '/consortia/123', {}, 'path.consortiumId', 'invalid_format'],
  ['POST /consortia/{consortiumId}/confirm', '/consortia/123/confirm', {}, 'path.consortiumId', 'invalid_format'],
  [
    'POST /consortia/{consortiumId}/pools',
    `/consortia/${goodId}/pools`,
    { body: { name: 'Pool', purpose: 'x', lots: [{ id: 'North!', name: 'North' }] } },
    'body.purpose',
    'too_small',
  ],
  [
    'POST /consortia/{consortiumId}/pools',
    `/consortia/${goodId}/pools`,
    { body: { name: 'Pool', purpose: 'Support', lots: [{ id: 'North!', name: 'North' }] } },
    'body.lots.0.id',
    'invalid_format',
  ],
  ['GET /consortia/{consortiumId}/free-riders', '/consortia/x/free-riders', {}, 'path.consortiumId', 'invalid_format'],
  ['GET /pools/{poolId}', '/pools/x', {}, 'path.poolId', 'invalid_format'],
  [
    'POST /pools/{poolId}/pledges',
    `/pools/${goodId}/pledges`,
    { body: { funderOrgId: goodId, currency: 'GBP', years: [{ financialYear: '2026-27', amount: 12.5 }] } },
    'body.years.0.amount',
    'invalid_type',
  ],
  [
    'POST /pools/{poolId}/pledges',
    `/pools/${goodId}/pledges`,
    { body: { funderOrgId: goodId, currency: 'GBP', years: [] } },
    'body.years',
    'too_small',
  ],
  [
    'POST /pools/{poolId}/pledges/{pledgeId}/contributions',
    `/pools/${goodId}/pledges/${goodId}/contributions`,
    { body: { amount: 0, currency: 'GBP', receivedOn: '2026-05-01' } },
    'body.amount',
    'too_small',
  ],
  [
    'POST /pools/{poolId}/pledges/{pledgeId}/contributions',
    `/pools/${goodId}/pledges/${goodId}/contributions`,
    { body: { amount: 100, currency: 'GBP', receivedOn: '01/05/2026' } },
    'body.receivedOn',
    'invalid_format',
  ],
  [
    'POST /pools/{poolId}/allocations',
    `/pools/${goodId}/allocations`,
    { body: { recipientOrgId: goodId, title: 'Hub', amount: -1, currency: 'GBP', durationMonths: 12 } },
    'body.amount',
    'too_small',
  ],
  [
    'POST /pools/{poolId}/allocations',
    `/pools/${goodId}/allocations`,
    { body: { recipientOrgId: goodId, title: 'Hub', amount: 100, currency: 'pounds', durationMonths: 12 } },
    'body.currency',
    'invalid_format',
  ],
  ['GET /pools/{poolId}/ledger', `/pools/${goodId}/ledger?format=xlsx`, {}, 'query.format', 'invalid_value'],
  ['GET /pools/{poolId}/funders/{orgId}/statement', `/pools/${goodId}/funders/nobody/statement`, {}, 'path.orgId', 'invalid_format'],
  ['GET /pools/{poolId}/360giving', '/pools/nope/360giving', {}, 'path.poolId', 'invalid_format'],
  ['POST /pools/{poolId}/rounds', `/pools/${goodId}/rounds`, { body: {} }, 'body.name', 'invalid_type'],
  ['GET /grants/{grantId}', '/grants/x', {}, 'path.grantId', 'invalid_format'],
  [
    'POST /grants/{grantId}/payments',
    `/grants/${goodId}/payments`,
    { body: { amount: 1.5, currency: 'GBP' } },
    'body.amount',
    'invalid_type',
  ],
  ['POST /grants/{grantId}/returns', `/grants/${goodId}/returns`, { body: { amount: 100 } }, 'body.currency', 'invalid_type'],
  ['GET /rounds/{roundId}', '/rounds/x', {}, 'path.roundId', 'invalid_format'],
  [
    'POST /rounds/{roundId}/proposals',
    `/rounds/${goodId}/proposals`,
    { body: { recipientOrgId: goodId, title: 'Hub', amount: 100, currency: 'GBP', durationMonths: 0 } },
    'body.durationMonths',
    'too_small',
  ],
  ['POST /rounds/{roundId}/close', '/rounds/x/close', {}, 'path.roundId', 'invalid_format'],
  ['POST /rounds/{roundId}/votes', `/rounds/${goodId}/votes`, { body: { decision: 'maybe' } }, 'body.decision', 'invalid_value'],
  ['POST /rounds/{roundId}/decision', `/rounds/${goodId}/decision`, { body: { decision: 'yes' } }, 'body.decision', 'invalid_value'],
  ['POST /grants/{grantId}/plan', `/grants/${goodId}/plan`, { body: { tranches: [] } }, 'body.tranches', 'too_small'],
  [
    'POST /grants/{grantId}/plan',
    `/grants/${goodId}/plan`,
    { body: { tranches: [{ amount: 100, dueDate: '2026-13-01' }] } },
    'body.tranches.0.dueDate',
    'invalid_format',
  ],
  [
    'POST /grants/{grantId}/plan',
    `/grants/${goodId}/plan`,
    { body: { tranches: [{ amount: 100, dueDate: '2026-07-01' }], conditions: [{ description: 'Policy', kind: 'someday' }] } },
    'body.conditions.0.kind',
    'invalid_value',
  ],
  [
    'POST /grants/{grantId}/plan',
    `/grants/${goodId}/plan`,
    { body: { tranches: [{ amount: 100, dueDate: '2026-07-01' }], reporting: { frequency: 'weekly' } } },
    'body.reporting.frequency',
    'invalid_value',
  ],
  // No body: the path is all they take.
  ['POST /reports/{reportId}/link', '/reports/x/link', {}, 'path.reportId', 'invalid_format'],
  [
    'POST /grants/{grantId}/conditions/{conditionId}/link',
    `/grants/${goodId}/conditions/X9/link`,
    {},
    'path.conditionId',
    'invalid_format',
  ],
  [
    'POST /contracts/{contractId}/milestones/{milestoneId}/evidence-request',
    '/contracts/x/milestones/M1/evidence-request',
    {},
    'path.contractId',
    'invalid_format',
  ],
  [
    'POST /grants/{grantId}/conditions/{conditionId}/decision',
    `/grants/${goodId}/conditions/X9/decision`,
    { body: { outcome: 'met' } },
    'path.conditionId',
    'invalid_format',
  ],
  [
    'POST /grants/{grantId}/conditions/{conditionId}/decision',
    `/grants/${goodId}/conditions/C1/decision`,
    { body: { outcome: 'sort-of' } },
    'body.outcome',
    'invalid_value',
  ],
  [
    'POST /grants/{grantId}/amendments',
    `/grants/${goodId}/amendments`,
    { body: { kind: 'budget', reason: 'more' } },
    'body.kind',
    'invalid_union',
  ],
  [
    'POST /grants/{grantId}/amendments',
    `/grants/${goodId}/amendments`,
    { body: { kind: 'amount', amount: 10.5, currency: 'GBP', reason: 'more' } },
    'body.amount',
    'invalid_type',
  ],
  [
    'POST /grants/{grantId}/status',
    `/grants/${goodId}/status`,
    { body: { status: 'paused', reason: 'because' } },
    'body.status',
    'invalid_value',
  ],
  ['GET /reports/{reportId}', '/reports/x', {}, 'path.reportId', 'invalid_format'],
  ['POST /reports/{reportId}/review', `/reports/${goodId}/review`, { body: { decision: 'fine' } }, 'body.decision', 'invalid_value'],
  [
    'PUT /consortia/{consortiumId}/reporting-policy',
    `/consortia/${goodId}/reporting-policy`,
    { body: { thresholdPence: 1_000_000.5 } },
    'body.thresholdPence',
    'invalid_type',
  ],
  ['GET /consortia/{consortiumId}/reports', `/consortia/${goodId}/reports?status=late`, {}, 'query.status', 'invalid_value'],
  ...tenderAndContractCases,
];

describe('bad input is a 400 that names the field and the rule, and writes nothing', () => {
  it('covers every route that takes input', () => {
    const covered = new Set(cases.map(([key]) => key));
    // The emailed-link pages answer in HTML (their refusals are tested in links.test.ts).
    const takesInput = routes.filter(
      (r) => r.auth === 'staff' && (r.method !== 'GET' || r.path.includes('{') || r.fn === 'listOrganisations' || r.fn === 'listReports'),
    );
    expect(takesInput.map((r) => `${r.method} ${r.path}`).filter((key) => !covered.has(key))).toEqual([]);
  });

  it.each(cases)('%s %s → %s / %s', async (key, path, input, field, rule) => {
    const before = await stack.itemCount();
    const res = await stack.request(key.split(' ')[0] as string, path, { as: stack.admin, ...input });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('validation');
    expect(res.body.issues).toContainEqual(expect.objectContaining({ field, rule }));
    expect(String(res.body.message)).toContain(field.replace(/^body\.|^query\.|^path\./, '').split('.')[0]);
    expect(await stack.itemCount()).toBe(before);
  });
});

describe('who may do what is read from the table', () => {
  it('401 without a token, with a token from another issuer, and with an expired one', async () => {
    expect((await stack.request('GET', '/me')).status).toBe(401);
    const { localIssuerKeys } = await import('../../infra/local/jwt-issuer');
    const { mkdtempSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const stranger = await localIssuerKeys(join(mkdtempSync(join(tmpdir(), 'gl-key-')), 'k.json'));
    const forged = await stranger.sign({ sub: stack.admin.id, email: stack.admin.email });
    const expired = await stack.runtime.issuer.sign({ sub: stack.admin.id, email: stack.admin.email }, 60, new Date(Date.now() - 3600_000));
    for (const token of [forged, expired, 'not-a-jwt']) {
      const res = await fetch(`${stack.runtime.apiUrl}/me`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(401);
    }
  });

  it('403 for a valid token whose email is not a user', async () => {
    const res = await stack.request('GET', '/me', { as: { id: 'x', email: 'stranger@example.org' } });
    expect(res.status).toBe(403);
    expect(res.body.message).toMatch(/not a grantloop user/);
  });

  it('only a platform admin creates organisations; only an org admin adds members', async () => {
    const officer = await addStaff(stack, org.id, { email: 'officer@wyvernshire.example.org', name: 'Olu Officer', role: 'officer' });
    const before = await stack.itemCount();
    const create = await stack.request('POST', '/organisations', { as: officer, body: funder });
    expect(create.status).toBe(403);
    const add = await stack.request('POST', `/organisations/${org.id}/members`, {
      as: officer,
      body: { email: 'z@example.org', name: 'Zed Z', role: 'admin' },
    });
    expect(add.status).toBe(403);
    expect(add.body.message).toMatch(/needs the admin role/);
    expect(await stack.itemCount()).toBe(before);
  });

  it('404 for an organisation that does not exist, 409 for a duplicate identifier', async () => {
    expect((await stack.request('GET', `/organisations/${goodId}`, { as: stack.admin })).status).toBe(404);
    const before = await stack.itemCount();
    const dup = await stack.request('POST', '/organisations', { as: stack.admin, body: { ...funder, identifier: org.identifier } });
    expect(dup.status).toBe(409);
    expect(dup.body.issues).toContainEqual(expect.objectContaining({ field: 'identifier', rule: 'unique-identifier' }));
    expect(await stack.itemCount()).toBe(before);
  });

  it('415 for a JSON body sent as text/plain (a cross-origin "simple" request), and nothing written', async () => {
    const token = await stack.runtime.issuer.sign({ sub: stack.admin.id, email: stack.admin.email });
    const send = (contentType: string | undefined, identifier: string) =>
      fetch(`${stack.runtime.apiUrl}/organisations`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, ...(contentType ? { 'content-type': contentType } : {}) },
        body: JSON.stringify({ ...funder, identifier }),
      });
    const before = await stack.itemCount();
    for (const type of ['text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'application/jsonp', undefined]) {
      const res = await send(type, 'GB-CHC-1090003');
      expect(res.status, String(type)).toBe(415);
      const body = (await res.json()) as { error: string; issues: { field: string; rule: string }[] };
      expect(body.error).toBe('unsupported-media-type');
      expect(body.issues).toContainEqual(expect.objectContaining({ field: 'content-type', rule: 'json' }));
    }
    expect(await stack.itemCount()).toBe(before);
    // JSON with parameters, and a +json type, are JSON.
    expect((await send('application/json; charset=utf-8', 'GB-CHC-1090004')).status).toBe(201);
    expect((await send('application/merge-patch+json', 'GB-CHC-1090005')).status).toBe(201);
  });

  it('a created organisation writes its event in the same transaction and is listed by kind', async () => {
    const created = await stack.api.call<Organisation>(stack.admin, 'POST', '/organisations', { ...funder, identifier: 'GB-CHC-1090002' });
    const { dynamoPlatform } = await import('../../shared/platform/aws/platform-store');
    const events = await dynamoPlatform.listEvents(`organisation#${created.id}`);
    expect(events.map((e) => e.type)).toEqual(['organisation.created']);
    const list = await stack.api.call<{ organisations: Organisation[] }>(stack.admin, 'GET', '/organisations?kind=funder');
    expect(list.organisations.map((o) => o.id)).toContain(created.id);
  });
});
