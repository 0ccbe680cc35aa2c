import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type * as z from '../../functions/lib/zod';
import { operations } from '../../infra/api';
import { catalog, forTarget } from '../../infra/catalog';
import { openApiFile } from '../../infra/openapi';
import { type FuzzReport, fuzz } from '../proof/fuzz';
import { type Fixture, prepareFixture } from '../proof/fuzz-fixture';
import { root } from '../support/stack';
import { useTestStack } from '../support/use-stack';

/**
 * Issue 11, item 4 at the size `npm test` affords (`npm run proof` runs ≥ 1,000 a route):
 * every route gets malformed and hostile requests made from its contract. FUZZ_PER_ROUTE and
 * FUZZ_SEED change the size and the seed; a failure prints the seed, route and case that replay it.
 */
const perRoute = Number(process.env.FUZZ_PER_ROUTE ?? 10);
const seed = Number(process.env.FUZZ_SEED ?? 20_261_101);

const { stack } = useTestStack();
let fixture: Fixture;
let report: FuzzReport;

beforeAll(async () => {
  fixture = await prepareFixture(stack);
  report = await fuzz(stack, { perRoute, seed, fixture });
}, 600_000);

const replay = (r: FuzzReport) =>
  r.failures.map(
    (f) =>
      `${f.kind} ${f.route} case ${f.case} (replay: FUZZ_SEED=${f.seed}, routes [${f.route}], cases [${f.case}]): ${f.broke} → ${f.detail}`,
  );

describe('fuzzing every route from the contract', () => {
  it('sends every route of the local target its share of requests that break a rule', () => {
    const routes = forTarget(catalog, 'local').routes;
    expect(report.routes).toBe(routes.length);
    expect(report.requests + report.skipped).toBe(perRoute * routes.length);
    expect(report.skipped).toBeLessThan(report.requests / 100);
    expect(report.byStatus['400'] ?? 0).toBeGreaterThan(report.requests / 3);
  });

  it('gets no 5xx, names the field and rule of every JSON refusal, accepts nothing broken and writes nothing', () => {
    expect(replay(report)).toEqual([]);
    expect([report.fiveXX, report.unnamed4xx, report.accepted, report.writes]).toEqual([0, 0, 0, 0]);
  });
});

describe('the success bodies the contract states exactly are what the handlers answer', () => {
  const exact = (key: string, body: unknown) => {
    const schema = operations[key]?.response as z.ZodMiniType;
    const parsed = schema.safeParse(body);
    expect(parsed.success ? [] : parsed.error.issues, key).toEqual([]);
  };

  it('health, me, organisations, members, consortia and calendar feeds', async () => {
    const { lead, ids } = fixture;
    const ask = async (key: string, path: string, as = lead.admin, body?: unknown) => {
      const res = await stack.request(key.split(' ')[0] as string, path, { as, ...(body ? { body } : {}) });
      expect(res.status, `${key}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
      exact(key, res.body);
      return res.body as { id: string; user: { id: string } };
    };
    await ask('GET /health', '/health');
    const contract = await stack.request('GET', '/openapi.json');
    expect(contract.body).toEqual(JSON.parse(readFileSync(join(root, openApiFile), 'utf8')));
    await ask('GET /me', '/me');
    await ask('GET /organisations', '/organisations?kind=funder');
    const org = await ask('POST /organisations', '/organisations', stack.admin, {
      name: 'Contract Trust',
      kind: 'funder',
      funderType: 'trust-foundation',
      identifier: 'GB-CHC-1199411',
      contactEmail: 'c@example.org',
    });
    await ask('POST /organisations/{orgId}/members', `/organisations/${org.id}/members`, stack.admin, {
      email: 'member@contract-trust.example.org',
      name: 'Mo Member',
      role: 'admin',
    });
    const consortium = await ask('POST /consortia', '/consortia', lead.admin, {
      name: 'Contract Fund',
      place: 'Wyvernshire',
      members: [
        { orgId: lead.org.id, role: 'lead' },
        { orgId: org.id, role: 'member' },
      ],
    });
    await stack.runtime.settle();
    await ask('GET /consortia/{consortiumId}', `/consortia/${ids.consortiumId}`);
    await ask('POST /consortia/{consortiumId}/confirm', `/consortia/${consortium.id}/confirm`);
    await ask('POST /councils/{orgId}/calendar-feed', `/councils/${lead.org.id}/calendar-feed`);
    await ask('POST /contracts/{contractId}/calendar-feed', `/contracts/${ids.contractId}/calendar-feed`);
    await stack.runtime.settle();
  });
});
