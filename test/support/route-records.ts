import type { SeededFunder } from '../../infra/local/scenario';
import { newId } from '../../shared/platform/ids';
import { contractBody, register } from './contract';
import { inDays } from './grant';
import type { RouteIds } from './route-bodies';
import type { TestStack } from './stack';
import { fundedConsortium, tenderBody } from './tender';

/**
 * One record of every kind a scoped route names, made by the first funder as lead: a funded
 * consortium and its pool, a pledge, a grant with a plan (so a report), a round, a draft tender
 * and a council's contract. The authorisation matrix and the fuzzer both ask every route of them.
 * `bodies` are the requests that must differ from the catalog's examples to be accepted against
 * them: a new organisation (when `newOrg` names its org-id and email), a consortium of the lead and the second
 * funder, and the tender as drafted (to draft again, and as a change to the draft, which takes the
 * whole tender; refused once it is no longer a draft, which is still past authorisation).
 */
export async function routeRecords(
  stack: TestStack,
  funders: SeededFunder[],
  name: string,
  newOrg?: { identifier: string; contactEmail: string },
) {
  const lead = funders[0] as SeededFunder;
  const setup = await fundedConsortium(stack, funders, `${name} Fund`, 1_000_000);
  const call = <T>(path: string, body: unknown) => stack.api.call<T & { id: string }>(lead.admin, 'POST', path, body);
  const pledge = await setup.pledge(lead, 1_000);
  const grant = await call(`/pools/${setup.pool.id}/allocations`, {
    recipientOrgId: (funders[5] as SeededFunder).org.id,
    title: `${name} grant`,
    amount: 10_000,
    currency: 'GBP',
    durationMonths: 12,
  });
  const plan = await call<{ reports: { id: string }[] }>(`/grants/${grant.id}/plan`, {
    conditions: [{ description: 'A safeguarding policy adopted', kind: 'before-first-payment' }],
    tranches: [{ amount: 10_000, dueDate: inDays(stack, 5) }],
    reporting: { frequency: 'one-off', template: 'light', dueDate: inDays(stack, 60) },
  });
  const round = await call(`/pools/${setup.pool.id}/rounds`, { name: `${name} round` });
  const tender = tenderBody(stack, funders, setup.pool.id, { title: `${name} tender` });
  const draft = await call(`/consortia/${setup.consortium.id}/tenders`, tender);
  // Someone on the lead's staff for the staff routes to change and remove, who is none of the fixture's roles.
  const departing = await stack.api.call<{ user: { id: string } }>(stack.admin, 'POST', `/organisations/${lead.org.id}/members`, {
    email: `departing@${name.toLowerCase().replace(/[^a-z]+/g, '-')}.example.org`,
    name: `${name} Departing`,
    role: 'officer',
  });
  const body = contractBody(stack, `${name} contract`, [30]);
  const contract = await register(stack, lead, { ...body, payments: [{ dueDate: inDays(stack, 30), amount: body.value }] });
  const ids: RouteIds = {
    consortiumId: setup.consortium.id,
    poolId: setup.pool.id,
    pledgeId: pledge.id,
    grantId: grant.id,
    roundId: round.id,
    reportId: plan.reports[0]?.id as string,
    tenderId: draft.id,
    challengeId: newId(stack.clock.now()),
    questionId: newId(stack.clock.now()),
    contractId: contract.id,
    paymentId: 'P1',
    orgId: lead.org.id,
    recipientOrgId: lead.org.id,
    userId: departing.user.id,
  };
  const bodies: Record<string, unknown> = {
    ...(newOrg ? { 'POST /organisations': { name: `${name} Trust`, kind: 'funder', funderType: 'trust-foundation', ...newOrg } } : {}),
    'POST /consortia': {
      name: `${name} Two`,
      place: 'Wyvernshire',
      members: [
        { orgId: lead.org.id, role: 'lead' },
        { orgId: (funders[1] as SeededFunder).org.id, role: 'member' },
      ],
    },
    'POST /consortia/{consortiumId}/tenders': tender,
    'PUT /tenders/{tenderId}': tender,
  };
  return { lead, setup, tender, ids, bodies };
}
