import type { Caller } from '../../shared/consortia/caller';
import { createConsortium } from '../../shared/consortia/consortia';
import type { Consortium, ConsortiumRole } from '../../shared/consortia/consortium';
import type { Organisation } from '../../shared/consortia/organisation';
import { addMember, createOrganisation, createUser } from '../../shared/consortia/organisations';
import type { User } from '../../shared/consortia/store';
import { memoryConsortia } from './in-memory/consortia';
import { memoryGrants } from './in-memory/grants';
import { memoryOutside } from './in-memory/outside';
import { memoryPlatform } from './in-memory/platform';
import { memoryPools, memoryRounds } from './in-memory/pools';
import { memoryPublishing } from './in-memory/publishing';
import { memoryReports } from './in-memory/reporting';
import { MemoryTable } from './in-memory/table';

export const DAY = 86400_000;

/** Every feature's store on one in-memory table. */
export const memoryStores = (table: MemoryTable) => ({
  platform: memoryPlatform(table),
  consortia: memoryConsortia(table),
  pools: memoryPools(table),
  rounds: memoryRounds(table),
  grants: memoryGrants(table),
  reports: memoryReports(table),
  publishing: memoryPublishing(table),
});

/**
 * Every port on the in-memory adapters, and a clock the test moves: use cases run exactly as
 * in a handler, in milliseconds, without Java. What would reach the outside world (emails,
 * workflow starts and callbacks, schedules) is recorded in `outside`.
 */
export function memorySystem(start = new Date('2026-04-01T09:00:00Z')) {
  // Links are issued as <APP_URL>/r/<token>; handlers get APP_URL from their `mail` need.
  process.env.APP_URL ??= 'https://grantloop.test';
  let now = start.getTime();
  const clock = { now: () => new Date(now) };
  const table = new MemoryTable();
  const outside = memoryOutside();
  const deps = {
    ...memoryStores(table),
    clock,
    mailer: outside.mailer,
    workflows: outside.workflows,
    scheduler: outside.scheduler,
  };
  const callerOf = async (user: User): Promise<Caller> => ({ user, memberships: await deps.consortia.listMemberships(user.id) });
  return {
    table,
    deps,
    outside,
    clock,
    advanceDays: (days: number) => {
      now += days * DAY;
    },
    callerOf,
    /** The platform admin, who registers organisations. */
    admin: () =>
      createUser(deps, 'bootstrap', { email: 'admin@grantloop.test', name: 'Platform Admin', platformAdmin: true }).then(callerOf),
  };
}

export type MemorySystem = ReturnType<typeof memorySystem>;

let orgSeq = 0;

/** A funder (or provider) with an admin, registered through the use cases as an admin would. */
export async function organisation(sys: MemorySystem, admin: Caller, name: string, kind: 'funder' | 'provider' = 'funder') {
  orgSeq++;
  const org: Organisation = await createOrganisation(sys.deps, admin, {
    name,
    kind,
    ...(kind === 'funder' ? { funderType: 'trust-foundation' as const } : {}),
    identifier: `GB-CHC-${String(1_000_000 + orgSeq)}`,
    contactEmail: `contact${orgSeq}@${kind}.test`,
  });
  const { user } = await addMember(sys.deps, admin, org.id, {
    email: `admin${orgSeq}@${kind}.test`,
    name: `Admin of ${name}`,
    role: 'admin',
  });
  return { org, caller: await sys.callerOf(user) };
}

/** A consortium of the given funders, the first as lead; `confirm` activates it as the lead's confirmation would. */
export async function consortium(
  sys: MemorySystem,
  funders: { org: Organisation; caller: Caller }[],
  roles: ConsortiumRole[] = funders.map((_, i) => (i === 0 ? 'lead' : 'member')),
): Promise<Consortium> {
  const lead = funders[0] as { caller: Caller };
  return createConsortium(sys.deps, lead.caller, {
    name: `Consortium ${++orgSeq}`,
    place: 'Wyvernshire',
    members: funders.map((f, i) => ({ orgId: f.org.id, role: roles[i] as ConsortiumRole })),
  });
}
