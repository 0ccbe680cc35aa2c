import type { SeededFunder } from '../../infra/local/scenario';
import type { Consortium } from '../../shared/consortia/consortium';
import type { Pledge } from '../../shared/pools/pledge';
import type { Pool } from '../../shared/pools/pool';
import type { TestStack } from './stack';

/** An active consortium of the six example funders with one pool (lots north and south). */
export async function setupPool(stack: TestStack, funders: SeededFunder[], name = 'Wyvern Fund') {
  const lead = funders[0] as SeededFunder;
  const consortium = await stack.api.call<Consortium>(lead.admin, 'POST', '/consortia', {
    name,
    place: 'Wyvernshire',
    members: funders.map((f, i) => ({ orgId: f.org.id, role: i === 0 ? 'lead' : i === funders.length - 1 ? 'observer' : 'member' })),
  });
  await stack.runtime.settle();
  await stack.api.call(lead.admin, 'POST', `/consortia/${consortium.id}/confirm`);
  await stack.runtime.settle();
  const pool = await stack.api.call<Pool>(lead.admin, 'POST', `/consortia/${consortium.id}/pools`, {
    name: `${name} pool`,
    purpose: 'Local infrastructure support',
    lots: [
      { id: 'north', name: 'North Wyvern' },
      { id: 'south', name: 'South Wyvern' },
    ],
  });
  const pledge = (f: SeededFunder, amount: number, restriction: unknown = { kind: 'core' }, years = ['2026-27']) =>
    stack.api.call<Pledge>(f.admin, 'POST', `/pools/${pool.id}/pledges`, {
      funderOrgId: f.org.id,
      currency: 'GBP',
      years: years.map((financialYear) => ({ financialYear, amount })),
      restriction,
    });
  const receive = (p: Pledge, amount: number, receivedOn = '2026-05-01') =>
    stack.api.call(lead.admin, 'POST', `/pools/${pool.id}/pledges/${p.id}/contributions`, { amount, currency: 'GBP', receivedOn });
  return { lead, consortium, pool, pledge, receive };
}
