import { invalid } from '../platform/errors';

/**
 * What a contribution may fund: anything (`core`), or only grants in one lot (e.g. a
 * geographic area) or for one purpose. Restricted money is the norm in the sector, so the
 * ledger keeps it in its own bucket per funder and never lets it fund anything else.
 */
export type Restriction = { kind: 'core' } | { kind: 'restricted'; lotId: string } | { kind: 'restricted'; purpose: string };

/** What a grant is for: which lot it sits in and what purpose tag it carries. */
export interface GrantTarget {
  lotId?: string | undefined;
  purpose?: string | undefined;
}

export const restrictionKey = (r: Restriction): string =>
  r.kind === 'core' ? 'core' : 'lotId' in r ? `lot:${r.lotId}` : `purpose:${r.purpose}`;

export const bucketKey = (funderOrgId: string, r: Restriction): string => `${funderOrgId}|${restrictionKey(r)}`;

export function parseBucketKey(key: string): { funderOrgId: string; restriction: Restriction } {
  const [funderOrgId = '', rest = ''] = key.split('|');
  if (rest === 'core') return { funderOrgId, restriction: { kind: 'core' } };
  if (rest.startsWith('lot:')) return { funderOrgId, restriction: { kind: 'restricted', lotId: rest.slice(4) } };
  return { funderOrgId, restriction: { kind: 'restricted', purpose: rest.slice(8) } };
}

/** Core money funds anything; restricted money only a grant in its lot or with its purpose. */
export function canFund(r: Restriction, target: GrantTarget): boolean {
  if (r.kind === 'core') return true;
  if ('lotId' in r) return target.lotId === r.lotId;
  return target.purpose === r.purpose;
}

export function checkRestriction(field: string, r: Restriction, lots: { id: string }[]): void {
  if (r.kind === 'restricted' && 'lotId' in r && !lots.some((l) => l.id === r.lotId)) {
    throw invalid(
      `${field}.lotId`,
      'pool-lot',
      `lot "${r.lotId}" is not one of this pool's lots (${lots.map((l) => l.id).join(', ') || 'none'})`,
    );
  }
}
