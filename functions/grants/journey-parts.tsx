import { actingOrg, loadConsortium } from '../../shared/consortia/access';
import type { Caller } from '../../shared/consortia/caller';
import type { MemberRole } from '../../shared/consortia/organisation';
import { grantsTable } from '../../shared/grants/aws';
import { policyOf } from '../../shared/grants/codecs';
import { grantDetail } from '../../shared/grants/plan';
import type { ReportingPolicy } from '../../shared/grants/report-schedule';
import { type Crumb, consortiumCrumbs } from '../lib/web/navigation';

/** What the grant journeys share: the grant as its officers see it, where the pages sit, and dates as typed. */
export type GrantCtx = Awaited<ReturnType<typeof grantDetail>> & {
  caller: Caller;
  consortium: { id: string; name: string };
  policy: ReportingPolicy;
};

/**
 * The grant, for someone who may act on it with `role` in the lead organisation (the role its use
 * case checks): anyone else gets the not-found page, as a made-up id does (pages never say forbidden).
 */
export async function grantFor(caller: Caller, grantId: string, role: MemberRole): Promise<GrantCtx> {
  const detail = await grantDetail(grantsTable, caller, grantId);
  const consortium = await loadConsortium(grantsTable, detail.consortiumId);
  actingOrg(caller, consortium, ['lead'], role, { what: 'grant', id: grantId });
  return { ...detail, caller, consortium: { id: consortium.id, name: consortium.name }, policy: policyOf(consortium) };
}

/** A grant's journeys sit under its page, under the consortium's grants. */
export const grantChrome = (c: GrantCtx) => ({
  section: 'grants' as const,
  consortium: c.consortium,
  crumbs: [...consortiumCrumbs(c.consortium, 'grants'), { href: grantHref(c.id), label: c.title }] as Crumb[],
});

export const grantHref = (grantId: string) => `/app/grants/${encodeURIComponent(grantId)}`;

// Re-exported where the grant journeys have always found them.
export { itemsOf, typedDay } from '../lib/web/typed';
