import type { Caller } from '../../shared/consortia/caller';
import { settleConsortium } from '../../shared/consortia/invitation';
import type { Organisation } from '../../shared/consortia/organisation';
import { createPool, recordContribution, recordPledge } from '../../shared/pools/pools';
import { consortium, type MemorySystem, memorySystem, organisation } from './memory';

type Funder = { org: Organisation; caller: Caller };

/** The fast tests' funders, in this order, each with an admin: the first leads what they form. */
const funderNames = ['Wyvernshire County Council', 'Harbourside Trust', 'Millbank Foundation', 'Wyvern ICB'];

/** `N` funders, as a tuple of that length. */
type Funders<N extends number, T extends Funder[] = []> = T['length'] extends N ? T : Funders<N, [...T, Funder]>;

/** The first `count` of the fast tests' funders, registered by the platform admin. */
export async function registeredFunders<N extends 1 | 2 | 3 | 4>(sys: MemorySystem, admin: Caller, count: N): Promise<Funders<N>> {
  const made: Funder[] = [];
  for (const name of funderNames.slice(0, count)) made.push(await organisation(sys, admin, name));
  // One funder a name: `made` holds exactly `count`.
  return made as Funders<N>;
}

/** The fast tests' system on the in-memory adapters: its platform admin and the first `count` of their funders. */
export async function systemWithFunders<N extends 1 | 2 | 3 | 4>(count: N) {
  const sys = memorySystem();
  const admin = await sys.admin();
  return { sys, admin, funders: await registeredFunders(sys, admin, count) };
}

/**
 * An active consortium of `lead` and `member` with one pool (no lots) holding `amount` of core
 * money for 2026-27, pledged by `from` and received on 1 April 2026: money to award.
 */
export async function fundedPool(sys: MemorySystem, [lead, member]: [Funder, Funder], from: Funder, name: string, amount: number) {
  const c = await consortium(sys, [lead, member]);
  await settleConsortium(sys.deps, { consortiumId: c.id, outcome: 'activate' });
  const pool = await createPool(sys.deps, lead.caller, c.id, { name, purpose: 'Local infrastructure support', lots: [] });
  const pledge = await recordPledge(sys.deps, from.caller, pool.id, {
    funderOrgId: from.org.id,
    currency: 'GBP',
    years: [{ financialYear: '2026-27', amount }],
    restriction: { kind: 'core' },
  });
  await recordContribution(sys.deps, lead.caller, pool.id, pledge.id, { amount, currency: 'GBP', receivedOn: '2026-04-01' });
  return { c, pool };
}
