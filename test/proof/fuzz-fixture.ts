/**
 * What the fuzzer fuzzes from: a funded consortium with a pool, a pledge, a grant with a plan,
 * a round, a draft tender and a council's contract; the lead's admin as the caller (a platform
 * admin where only one may act) and a signed-in page session, so that each route's base request
 * gets past authorisation and would be accepted; the mutations then break it.
 */
import { randomBytes } from 'node:crypto';
import type { Operation } from '../../functions/lib/api';
import type { SeededFunder } from '../../infra/local/scenario';
import type { RouteSpec } from '../../shared/platform/catalog';
import { signInAs } from '../support/pages';
import { type RouteIds, validBody } from '../support/route-bodies';
import { routeRecords } from '../support/route-records';
import type { TestStack } from '../support/stack';
import type { Target } from './fuzz-cases';

export interface Fixture {
  ids: RouteIds;
  poolId: string;
  lead: SeededFunder;
  targets: (routes: readonly RouteSpec[], ops: Record<string, Operation>) => Target[];
}

const bearer = async (stack: TestStack, who: { id: string; email: string }) =>
  `Bearer ${await stack.runtime.issuer.sign({ sub: who.id, email: who.email }, 24 * 3600)}`;

async function records(stack: TestStack, funders: SeededFunder[]) {
  const { lead, ids, bodies } = await routeRecords(stack, funders, 'Fuzz', { identifier: 'GB-CHC-1199304', contactEmail: 'f@example.org' });
  const overrides: Record<string, unknown> = {
    ...bodies,
    'POST /tenders/{tenderId}/interest': { orgName: 'Eastbrook CVS', email: 'bids@eastbrook.example.org' },
  };
  return { lead, ids, overrides };
}

const queries: Record<string, Record<string, string>> = {
  'GET /consortia/{consortiumId}/reports': { status: 'scheduled' },
  'GET /organisations': { kind: 'funder' },
};

const tenderActions = ['sign-off', 'answer', 'conflict', 'score', 'moderate', 'complete-evaluation', 'award-vote'];

/** Each page form as it would act, and what makes it act (with the session's form token). */
function pageForms(csrf: string): Record<string, { form: Record<string, string>; acts: (f: Record<string, string>) => boolean }> {
  const withToken = (acts: (f: Record<string, string>) => boolean) => (f: Record<string, string>) => f.csrf === csrf && acts(f);
  return {
    'POST /app/rounds/{roundId}': {
      form: { csrf, decision: 'approve' },
      acts: withToken((f) => ['approve', 'reject'].includes(f.decision ?? '')),
    },
    'POST /app/grants/{grantId}': {
      form: { csrf, condition: 'C1', 'outcome-C1': 'met' },
      acts: withToken((f) => ['met', 'waived', 'not-met'].includes(f[`outcome-${f.condition ?? ''}`] ?? '')),
    },
    'POST /app/reports/{reportId}': {
      form: { csrf, decision: 'accept' },
      acts: withToken((f) => ['accept', 'request-changes'].includes(f.decision ?? '')),
    },
    'POST /app/consortia/{consortiumId}': {
      form: { csrf, action: 'confirm' },
      acts: withToken((f) => f.action === 'confirm' || Number.isFinite(Number((f.threshold ?? '').replace(/[£,\s]/g, '') || 'x'))),
    },
    'POST /app/councils/{orgId}/contracts': { form: { csrf, action: 'rotate-feed' }, acts: withToken((f) => f.action === 'rotate-feed') },
    // The contract's overview and sub-pages each take their own forms (contract-actions.ts).
    'POST /app/contracts/{contractId}': { form: { csrf, action: 'rotate-feed' }, acts: withToken((f) => f.action === 'rotate-feed') },
    'POST /app/contracts/{contractId}/milestones': {
      form: { csrf, action: 'request-evidence', milestone: 'M1' },
      acts: withToken((f) => ['decide', 'request-evidence'].includes(f.action ?? '')),
    },
    'POST /app/contracts/{contractId}/kpis': { form: { csrf, action: 'rate', kpi: 'K1' }, acts: withToken((f) => f.action === 'rate') },
    'POST /app/contracts/{contractId}/payments': {
      form: { csrf, action: 'invoice', payment: 'P1' },
      acts: withToken((f) => ['invoice', 'paid'].includes(f.action ?? '')),
    },
    'POST /app/tenders/{tenderId}': {
      form: { csrf, action: 'complete-evaluation' },
      acts: withToken((f) => tenderActions.includes(f.action ?? '')),
    },
  };
}

/** A well-formed emailed-link token that was never issued: a link route with it can only refuse. */
const unknownToken = () => randomBytes(32).toString('base64url');

const fixed: Record<string, string> = { milestoneId: 'M1', kpiId: 'K1', conditionId: 'C1' };

export async function prepareFixture(stack: TestStack): Promise<Fixture> {
  const funders = await stack.seed();
  const { lead, ids, overrides } = await records(stack, funders);
  await stack.runtime.settle();
  const staff = await bearer(stack, lead.admin);
  const platform = await bearer(stack, stack.admin);
  const session = await signInAs(stack, lead.admin.email);
  const forms = pageForms(await session.csrf());
  const origin = stack.runtime.apiUrl;
  const targets = (routes: readonly RouteSpec[], ops: Record<string, Operation>): Target[] =>
    routes.map((route) => {
      const key = `${route.method} ${route.path}`;
      const op = ops[key] as Operation;
      const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
      const params = Object.fromEntries(
        names.map((n) => [n, n === 'token' ? unknownToken() : (fixed[n] ?? (ids as unknown as Record<string, string>)[n] ?? '')]),
      );
      const base: Target = { key, route, op, json: false, params, query: queries[key] ?? {}, headers: {} };
      if (route.auth === 'staff') {
        const body = op.body ? (overrides[key] ?? validBody(key, ids)) : undefined;
        return { ...base, json: true, body, headers: { authorization: key === 'POST /organisations' ? platform : staff } };
      }
      if (route.auth === 'page') {
        const page = forms[key];
        return { ...base, headers: { cookie: session.cookie, origin }, ...(page ? { form: page.form, acts: page.acts } : {}) };
      }
      return publicTarget(base, overrides, origin);
    });
  return { ids, poolId: ids.poolId, lead, targets };
}

/** Public routes: JSON ones (health, the contract, interest) with their bodies; sign-in with an address that is no one's; links with unknown tokens. */
function publicTarget(base: Target, overrides: Record<string, unknown>, origin: string): Target {
  const { key, op } = base;
  if (op.produces === undefined || op.produces === 'json') return { ...base, json: true, ...(op.body ? { body: overrides[key] } : {}) };
  if (key === 'POST /sign-in')
    return { ...base, headers: { origin }, form: { email: 'nobody@nowhere.example', next: '/app' }, acts: () => false };
  if (base.route.method === 'POST') return { ...base, headers: { origin }, form: { answer: 'Hello' }, harmless: true };
  return base;
}
