import { type Caller, requireOrgRole, roleIn } from '../consortia/caller';
import type { Organisation } from '../consortia/organisation';
import { conflict, invalid, notFound } from '../platform/errors';
import { newId } from '../platform/ids';
import { londonDate } from '../platform/london-time';
import { changeVersioned } from '../platform/versioned';
import { regimeOf } from '../tenders/regime';
import { buildContract, type Contract, type ContractInput, type ContractStatus } from './contract';
import { type ContractChange, type ContractsEvent, contractEventData, makeEvent, subject } from './events';
import { type ContractPolicy, checkPolicy, defaultPolicy } from './rag';
import type { ContractStore, ContractsDeps } from './store';

export type ContractRecords = Pick<ContractsDeps, 'consortia' | 'contracts' | 'clock'>;

/** A council that manages contracts here: an organisation of kind council, or a local-authority funder. */
export async function loadCouncil(deps: Pick<ContractsDeps, 'consortia'>, orgId: string): Promise<Organisation> {
  const org = await deps.consortia.getOrganisation(orgId);
  if (!org) throw notFound('council', orgId);
  if (org.kind !== 'council' && org.funderType !== 'local-authority')
    throw conflict(`${org.name} is not a council; contracts are managed by councils`, { rule: 'council-only' });
  return org;
}

/** Members of the council read its contracts; anyone else gets not-found, so nothing leaks. */
export function requireCouncilReader(caller: Caller, councilOrgId: string, what: string, id: string): void {
  if (caller.user.platformAdmin || roleIn(caller, councilOrgId)) return;
  throw notFound(what, id);
}

export async function readableContract(deps: { contracts: Pick<ContractStore, 'getContract'> }, caller: Caller, contractId: string) {
  const contract = await deps.contracts.getContract(contractId);
  if (!contract) throw notFound('contract', contractId);
  requireCouncilReader(caller, contract.councilOrgId, 'contract', contractId);
  return contract;
}

export const policyOf = async (deps: Pick<ContractsDeps, 'contracts'>, councilOrgId: string): Promise<ContractPolicy> =>
  (await deps.contracts.getPolicy(councilOrgId)) ?? defaultPolicy;

/** A council officer registers a contract it manages: funded by the council alone, or by a grant from a pool. */
export async function registerContract(
  deps: Pick<ContractsDeps, 'consortia' | 'contracts' | 'pools' | 'clock'>,
  caller: Caller,
  councilOrgId: string,
  input: ContractInput & { status?: Extract<ContractStatus, 'pending' | 'active'> | undefined; lightTouch?: boolean | undefined },
) {
  requireCouncilReader(caller, councilOrgId, 'council', councilOrgId);
  requireOrgRole(caller, councilOrgId, 'officer');
  await loadCouncil(deps, councilOrgId);
  if (input.funding.kind === 'pool') await checkPoolFunding(deps, input.funding, input.value);
  const now = deps.clock.now();
  // Unstated, the regime follows from the value as a council's (sub-central) contract on the day it
  // is registered; light touch unless said otherwise, since local infrastructure support is a
  // "social and other specified service" (s.9).
  const regime =
    input.regime ??
    regimeOf({ estimatedValue: input.value, lightTouch: input.lightTouch ?? true, authorityType: 'sub-central', on: londonDate(now) })
      .regime;
  const contract = buildContract(
    { ...input, regime },
    {
      id: newId(now),
      councilOrgId,
      by: caller.user.id,
      now,
      source: { kind: 'direct' },
      status: input.status ?? 'active',
    },
  );
  await deps.contracts.createContract(contract, registered(contract, caller.user.id, now));
  return contract;
}

export const registered = (c: Contract, actor: string, now: Date) =>
  makeEvent(
    'contract.registered',
    subject.contract(c.id),
    actor,
    { contractId: c.id, councilOrgId: c.councilOrgId, milestones: c.milestones.length, source: c.source.kind },
    now,
  );

/** Pool money is committed by an award (a grant), not by the contract: the contract names that grant, for the same amount. */
async function checkPoolFunding(deps: Pick<ContractsDeps, 'pools'>, funding: { poolId: string; grantId: string }, value: number) {
  if (!(await deps.pools.getPool(funding.poolId))) throw invalid('funding.poolId', 'known-pool', `there is no pool ${funding.poolId}`);
  const grant = await deps.pools.getGrant(funding.grantId);
  if (!grant || grant.poolId !== funding.poolId)
    throw invalid('funding.grantId', 'grant-in-pool', `grant ${funding.grantId} was not awarded from pool ${funding.poolId}`);
  if (grant.amount !== value)
    throw invalid('value', 'matches-grant', `the contract is worth ${value} pence but its grant commits ${grant.amount}`);
}

/**
 * Applies a change to the contract as it is now and saves it under its version, with the event
 * naming it; if someone else saved first, reads again and re-applies (changeVersioned).
 */
export function changeContract<K extends ContractsEvent>(
  deps: ContractRecords,
  caller: Caller,
  contractId: string,
  type: K,
  change: (c: Contract, now: Date) => Contract,
  data: (next: Contract) => ContractChange<K>,
): Promise<Contract> {
  return changeVersioned({
    read: async () => {
      const current = await readableContract(deps, caller, contractId);
      requireOrgRole(caller, current.councilOrgId, 'officer');
      return current;
    },
    change: (current) => {
      const now = deps.clock.now();
      const next = { ...change(current, now), version: current.version + 1 };
      const payload = contractEventData<K>({ contractId, status: next.status }, data(next));
      const event = makeEvent(type, subject.contract(contractId), caller.user.id, payload, now);
      return { next, event };
    },
    write: async ({ next, event }, current) => {
      await deps.contracts.saveContract(next, current.version, event);
      return next;
    },
  });
}

export async function setContractPolicy(deps: ContractRecords, caller: Caller, councilOrgId: string, input: ContractPolicy) {
  requireCouncilReader(caller, councilOrgId, 'council', councilOrgId);
  requireOrgRole(caller, councilOrgId, 'admin');
  await loadCouncil(deps, councilOrgId);
  const policy = checkPolicy(input);
  const now = deps.clock.now();
  await deps.contracts.savePolicy(
    councilOrgId,
    policy,
    makeEvent('contract.policy-set', subject.council(councilOrgId), caller.user.id, { councilOrgId, ...policy }, now),
  );
  return { councilOrgId, policy };
}
