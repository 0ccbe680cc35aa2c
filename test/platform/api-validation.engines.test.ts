import { beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../infra/catalog';
import { addStaff } from '../support/consortia';
import type { Organisation } from '../support/stack';
import { useTestStack } from '../support/use-stack';
import { type BadInput, bad, badId, goodId, tenderAndContractCases } from './bad-input-cases';

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
  bad('POST /organisations', 'body', 'json', { rawBody: '{"name": ' }),
  bad('POST /organisations', 'body.name', 'too_small', { body: { ...funder, name: 'A' } }),
  bad('POST /organisations', 'body.kind', 'invalid_value', { body: { ...funder, kind: 'bank' } }),
  bad('POST /organisations', 'body.contactEmail', 'invalid_format', { body: { ...funder, contactEmail: 'nobody' } }),
  bad('POST /organisations', 'body', 'unrecognized_keys', { body: { ...funder, colour: 'red' } }),
  bad('POST /organisations', 'funderType', 'required-for-funders', { body: { ...funder, funderType: undefined } }),
  bad('POST /organisations', 'funderType', 'funders-only', { body: { ...funder, kind: 'provider' } }),
  bad('POST /organisations', 'identifier', 'org-id-retired-prefix', { body: { ...funder, identifier: 'GB-GOR-PB123' } }),
  bad('POST /organisations', 'identifier', 'org-id-format', { body: { ...funder, identifier: 'GB-CHC-12AB' } }),
  bad('GET /organisations', 'query.kind', 'invalid_value', { query: 'kind=bank' }),
  badId('GET /organisations/{orgId}', 'orgId', 'not-an-id'),
  badId('POST /organisations/{orgId}/members', 'orgId', 'not-an-id', { body: {} }),
  bad('POST /organisations/{orgId}/members', 'body.role', 'invalid_value', {
    body: { email: 'x@example.org', name: 'X Y', role: 'owner' },
  }),
  bad('POST /consortia', 'body.members', 'too_small', { body: { name: 'Fund', place: 'Wyvern', members: [] } }),
  bad('POST /consortia', 'body.members.0.role', 'invalid_value', {
    body: {
      name: 'Fund',
      place: 'Wyvern',
      members: [
        { orgId: goodId, role: 'boss' },
        { orgId: goodId, role: 'lead' },
      ],
    },
  }),
  badId('GET /consortia/{consortiumId}', 'consortiumId', '123'),
  badId('POST /consortia/{consortiumId}/confirm', 'consortiumId', '123'),
  bad('POST /consortia/{consortiumId}/pools', 'body.purpose', 'too_small', {
    body: { name: 'Pool', purpose: 'x', lots: [{ id: 'North!', name: 'North' }] },
  }),
  bad('POST /consortia/{consortiumId}/pools', 'body.lots.0.id', 'invalid_format', {
    body: { name: 'Pool', purpose: 'Support', lots: [{ id: 'North!', name: 'North' }] },
  }),
  badId('GET /consortia/{consortiumId}/free-riders', 'consortiumId'),
  badId('GET /pools/{poolId}', 'poolId'),
  bad('POST /pools/{poolId}/pledges', 'body.years.0.amount', 'invalid_type', {
    body: { funderOrgId: goodId, currency: 'GBP', years: [{ financialYear: '2026-27', amount: 12.5 }] },
  }),
  bad('POST /pools/{poolId}/pledges', 'body.years', 'too_small', { body: { funderOrgId: goodId, currency: 'GBP', years: [] } }),
  bad('POST /pools/{poolId}/pledges/{pledgeId}/contributions', 'body.amount', 'too_small', {
    body: { amount: 0, currency: 'GBP', receivedOn: '2026-05-01' },
  }),
  bad('POST /pools/{poolId}/pledges/{pledgeId}/contributions', 'body.receivedOn', 'invalid_format', {
    body: { amount: 100, currency: 'GBP', receivedOn: '01/05/2026' },
  }),
  bad('POST /pools/{poolId}/allocations', 'body.amount', 'too_small', {
    body: { recipientOrgId: goodId, title: 'Hub', amount: -1, currency: 'GBP', durationMonths: 12 },
  }),
  bad('POST /pools/{poolId}/allocations', 'body.currency', 'invalid_format', {
    body: { recipientOrgId: goodId, title: 'Hub', amount: 100, currency: 'pounds', durationMonths: 12 },
  }),
  bad('GET /pools/{poolId}/ledger', 'query.format', 'invalid_value', { query: 'format=xlsx' }),
  badId('GET /pools/{poolId}/funders/{orgId}/statement', 'orgId', 'nobody'),
  badId('GET /pools/{poolId}/360giving', 'poolId', 'nope'),
  bad('POST /pools/{poolId}/rounds', 'body.name', 'invalid_type', { body: {} }),
  badId('GET /grants/{grantId}', 'grantId'),
  bad('POST /grants/{grantId}/payments', 'body.amount', 'invalid_type', { body: { amount: 1.5, currency: 'GBP' } }),
  bad('POST /grants/{grantId}/returns', 'body.currency', 'invalid_type', { body: { amount: 100 } }),
  badId('GET /rounds/{roundId}', 'roundId'),
  bad('POST /rounds/{roundId}/proposals', 'body.durationMonths', 'too_small', {
    body: { recipientOrgId: goodId, title: 'Hub', amount: 100, currency: 'GBP', durationMonths: 0 },
  }),
  badId('POST /rounds/{roundId}/close', 'roundId'),
  bad('POST /rounds/{roundId}/votes', 'body.decision', 'invalid_value', { body: { decision: 'maybe' } }),
  bad('POST /rounds/{roundId}/decision', 'body.decision', 'invalid_value', { body: { decision: 'yes' } }),
  bad('POST /grants/{grantId}/plan', 'body.tranches', 'too_small', { body: { tranches: [] } }),
  bad('POST /grants/{grantId}/plan', 'body.tranches.0.dueDate', 'invalid_format', {
    body: { tranches: [{ amount: 100, dueDate: '2026-13-01' }] },
  }),
  bad('POST /grants/{grantId}/plan', 'body.conditions.0.kind', 'invalid_value', {
    body: { tranches: [{ amount: 100, dueDate: '2026-07-01' }], conditions: [{ description: 'Policy', kind: 'someday' }] },
  }),
  bad('POST /grants/{grantId}/plan', 'body.reporting.frequency', 'invalid_value', {
    body: { tranches: [{ amount: 100, dueDate: '2026-07-01' }], reporting: { frequency: 'weekly' } },
  }),
  // No body: the path is all they take.
  badId('POST /reports/{reportId}/link', 'reportId'),
  badId('POST /grants/{grantId}/conditions/{conditionId}/link', 'conditionId', 'X9'),
  bad('POST /contracts/{contractId}/milestones/{milestoneId}/evidence-request', 'path.contractId', 'invalid_format', {
    path: { contractId: 'x', milestoneId: 'M1' },
  }),
  badId('POST /grants/{grantId}/conditions/{conditionId}/decision', 'conditionId', 'X9', { body: { outcome: 'met' } }),
  bad('POST /grants/{grantId}/conditions/{conditionId}/decision', 'body.outcome', 'invalid_value', {
    path: { conditionId: 'C1' },
    body: { outcome: 'sort-of' },
  }),
  bad('POST /grants/{grantId}/amendments', 'body.kind', 'invalid_union', { body: { kind: 'budget', reason: 'more' } }),
  bad('POST /grants/{grantId}/amendments', 'body.amount', 'invalid_type', {
    body: { kind: 'amount', amount: 10.5, currency: 'GBP', reason: 'more' },
  }),
  bad('POST /grants/{grantId}/status', 'body.status', 'invalid_value', { body: { status: 'paused', reason: 'because' } }),
  badId('GET /reports/{reportId}', 'reportId'),
  bad('POST /reports/{reportId}/review', 'body.decision', 'invalid_value', { body: { decision: 'fine' } }),
  bad('PUT /consortia/{consortiumId}/reporting-policy', 'body.thresholdPence', 'invalid_type', { body: { thresholdPence: 1_000_000.5 } }),
  bad('GET /consortia/{consortiumId}/reports', 'query.status', 'invalid_value', { query: 'status=late' }),
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
