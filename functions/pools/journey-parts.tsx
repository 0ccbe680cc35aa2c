import { actingOrg, loadConsortium, requireActive } from '../../shared/consortia/access';
import type { Caller } from '../../shared/consortia/caller';
import { poolsTable } from '../../shared/pools/aws';
import { financialYearOf } from '../../shared/pools/pledge';
import type { Lot } from '../../shared/pools/pool';
import { loadPool, readablePool } from '../../shared/pools/pools';
import type { Option } from '../lib/web/govuk';
import { consortiumCrumbs } from '../lib/web/navigation';
import type { PageRequest } from '../lib/web/page-route';

/** Pieces the pools journeys share: financial years and lots as radio options. */

/** `2026-27` → "2026-27 (April 2026 to March 2027)": the code a funder's finance team uses, with what it means. */
export const financialYearInWords = (fy: string) => {
  const start = Number(fy.slice(0, 4));
  return `${fy} (April ${start} to March ${start + 1})`;
};

/**
 * The financial years a pledge may name, from last year to four years ahead: a person picks one
 * rather than typing "2026-27" in the right form; the API still checks any year it is sent.
 */
export function financialYearOptions(now: Date): Option[] {
  const start = Number(financialYearOf(now).slice(0, 4)) - 1;
  return Array.from({ length: 6 }, (_, i) => {
    const y = start + i;
    const fy = `${y}-${String((y + 1) % 100).padStart(2, '0')}`;
    return { value: fy, label: financialYearInWords(fy) };
  });
}

/** A pool's lots as radios, with "Not restricted" first (`core`). */
export const restrictionOptions = (lots: Lot[]): Option[] => [
  { value: 'core', label: 'Not restricted', hint: 'The money can fund any grant from the pool.' },
  ...lots.map((l) => ({ value: l.id, label: `Only grants in ${l.name}` })),
];

/**
 * A pool and its consortium, for a journey only the lead's admins of an active consortium may
 * take (opening a round, a direct award: the use cases' own rule); anyone else gets the
 * not-found page.
 */
export async function poolForLeadAdmins(req: PageRequest<Caller>) {
  const poolId = req.params.poolId ?? '';
  const pool = await loadPool(poolsTable, poolId);
  const consortium = await loadConsortium(poolsTable, pool.consortiumId);
  actingOrg(req.caller, consortium, ['lead'], 'admin', { what: 'pool', id: poolId });
  requireActive(consortium);
  return { pool, consortium, caller: req.caller };
}

/** The pool the path names, if the caller may read it (anyone else gets the not-found page), with the caller. */
export async function readablePoolOf(req: PageRequest<Caller>) {
  return { ...(await readablePool(poolsTable, req.caller, req.params.poolId ?? '')), caller: req.caller };
}

/** The providers on grantloop a grant may go to, by name, as radios choose among them. */
export async function providers() {
  const orgs = await poolsTable.consortia.listOrganisations('provider');
  return orgs.map((o) => ({ id: o.id, name: o.name })).sort((a, b) => a.name.localeCompare(b.name));
}

/** A pool's journeys sit under its page, in its consortium's pools. */
export const poolChrome = (
  c: { pool: { id: string; name: string }; consortium: Parameters<typeof consortiumCrumbs>[0] },
  section: 'pools' | 'rounds' = 'pools',
) => ({
  section,
  consortium: c.consortium,
  crumbs: [...consortiumCrumbs(c.consortium, 'pools'), { href: `/app/pools/${c.pool.id}`, label: c.pool.name }],
});

/** A pool journey's sending: the pool's use case, for the caller and the pool, answering the new record's id. */
export const onPool =
  <V,>(useCase: (deps: typeof poolsTable, caller: Caller, poolId: string, value: V) => Promise<{ id: string }>) =>
  async (c: { caller: Caller; pool: { id: string } }, value: V) =>
    (await useCase(poolsTable, c.caller, c.pool.id, value)).id;
