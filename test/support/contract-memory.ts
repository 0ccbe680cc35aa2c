import type { Caller } from '../../shared/consortia/caller';
import { addMember, createOrganisation } from '../../shared/consortia/organisations';
import { memoryContracts } from './in-memory/contracts';
import { memorySystem } from './memory';

/**
 * The contracts feature on the in-memory adapters: a council with an admin (an officer and
 * more), a viewer, and someone from another organisation, on a clock the test sets.
 */
export async function contractSystem(start: Date) {
  const sys = memorySystem(start);
  const contracts = memoryContracts(sys.table);
  // Contracts read a pool-funded contract's grant header only, as the DynamoDB reader gives it.
  const pools = {
    getPool: (poolId: string) => sys.deps.pools.getPool(poolId),
    getGrant: async (grantId: string) => (await sys.deps.pools.getGrant(grantId))?.grant,
  };
  const deps = { ...sys.deps, contracts, pools };
  const admin = await sys.admin();
  const org = (name: string, kind: 'council' | 'provider', identifier: string) =>
    createOrganisation(sys.deps, admin, { name, kind, identifier, contactEmail: `hello@${kind}.example.org` });
  const council = await org('Wyvernshire County Council', 'council', 'GB-CHC-1188001');
  const other = await org('Harbour Arts', 'provider', 'GB-CHC-1188002');
  const staff = async (orgId: string, email: string, role: 'admin' | 'viewer'): Promise<Caller> =>
    sys.callerOf((await addMember(sys.deps, admin, orgId, { email, name: `Person ${email}`, role })).user);
  return {
    sys,
    deps,
    council,
    officer: await staff(council.id, 'ruth@wyvernshire.example.org', 'admin'),
    viewer: await staff(council.id, 'vic@wyvernshire.example.org', 'viewer'),
    outsider: await staff(other.id, 'sam@harbour-arts.example.org', 'admin'),
  };
}

export type ContractSystem = Awaited<ReturnType<typeof contractSystem>>;
