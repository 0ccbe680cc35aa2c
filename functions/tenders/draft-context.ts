import { actingOrg, loadConsortium, requireActive } from '../../shared/consortia/access';
import type { Caller } from '../../shared/consortia/caller';
import type { Consortium } from '../../shared/consortia/consortium';
import { londonWallClock } from '../../shared/platform/london-time';
import { dynamoPools } from '../../shared/pools/dynamodb-store';
import type { Pool } from '../../shared/pools/pool';
import { tendersTable } from '../../shared/tenders/aws';
import type { Tender } from '../../shared/tenders/tender';
import { readableTender } from '../../shared/tenders/tenders';
import type { PostedForm } from '../lib/web/form';
import { visited } from '../lib/web/journey';

/**
 * What the tender journeys ask from: the consortium, its pools, the members who may fund a tender
 * (the lead and the members; observers do not fund), and the staff of every member, from whom the
 * evaluation panel is chosen. Only the lead's officers get it (draftTender's own rule); anyone
 * else gets the not-found page, as for a made-up id.
 */
export interface DraftCtx {
  caller: Caller;
  consortium: Consortium;
  pools: Pool[];
  funders: { orgId: string; name: string }[];
  /**
   * Each member's core money available in each pool (pool id → org id → pence): what a tender can
   * reserve from it (restricted money only where its restriction is the tender's purpose). The
   * funding page says it, so a contribution the pool cannot cover is not found out only when the
   * signed-off tender fails to publish.
   */
  coreAvailable: Map<string, Map<string, number>>;
  staff: { userId: string; name: string; email: string; orgName: string }[];
  /** The draft being changed (the edit journey). */
  tender?: Tender;
}

export async function draftContext(caller: Caller, consortiumId: string, tender?: Tender): Promise<DraftCtx> {
  const consortium = await loadConsortium(tendersTable, consortiumId);
  actingOrg(caller, consortium, ['lead'], 'officer', tender ? { what: 'tender', id: tender.id } : undefined);
  requireActive(consortium);
  const orgIds = consortium.members.map((m) => m.orgId);
  const [pools, orgs, memberships] = await Promise.all([
    dynamoPools.listPools(consortium.id),
    tendersTable.consortia.getOrganisations(orgIds),
    Promise.all(orgIds.map((id) => tendersTable.consortia.listOrganisationMembers(id))),
  ]);
  const name = (orgId: string) => orgs.get(orgId)?.name ?? orgId;
  const offered = pools.filter((p) => p.status === 'open' || p.id === tender?.poolId);
  const coreAvailable = new Map(
    await Promise.all(
      offered.map(async (p) => {
        const byOrg = new Map<string, number>();
        for (const b of await dynamoPools.listBuckets(p.id))
          if (b.restriction.kind === 'core') byOrg.set(b.funderOrgId, (byOrg.get(b.funderOrgId) ?? 0) + b.available);
        return [p.id, byOrg] as const;
      }),
    ),
  );
  const byUser = new Map<string, string>();
  for (const m of memberships.flat()) if (!byUser.has(m.userId)) byUser.set(m.userId, m.orgId);
  const users = await Promise.all([...byUser.keys()].map((id) => tendersTable.consortia.getUser(id)));
  const staff = users
    .flatMap((u) => (u ? [{ userId: u.id, name: u.name, email: u.email, orgName: name(byUser.get(u.id) ?? '') }] : []))
    .sort((a, b) => a.orgName.localeCompare(b.orgName) || a.name.localeCompare(b.name));
  return {
    caller,
    consortium,
    pools: offered,
    coreAvailable,
    funders: consortium.members.filter((m) => m.role !== 'observer').map((m) => ({ orgId: m.orgId, name: name(m.orgId) })),
    staff,
    ...(tender ? { tender } : {}),
  };
}

/** The draft tender and its journey's context, for the lead's officers (whatever its status: the page says if it is no longer a draft). */
export async function editContext(caller: Caller, tenderId: string): Promise<DraftCtx & { tender: Tender }> {
  const { tender } = await readableTender(tendersTable, caller, tenderId);
  return (await draftContext(caller, tender.consortiumId, tender)) as DraftCtx & { tender: Tender };
}

const typedPence = (p: number) => (p / 100).toFixed(2);

/**
 * A tender as the journey's answers, as a person would have typed them: every task completed, so
 * the lead changes only what the refusal was about. Key dates on the London clock.
 */
export function answersFrom(t: Tender, ctx: DraftCtx, questionIds: string[]): PostedForm {
  const out: PostedForm = {
    title: t.title,
    description: t.description,
    procedure: t.procedure,
    lightTouch: t.lightTouch ? 'yes' : 'no',
    authorityType: t.authorityType,
    advertised: t.advertised ? 'yes' : 'no',
    poolId: t.poolId,
    panel: t.panel,
  };
  if (t.voluntaryStandstillDays !== undefined) out.voluntaryStandstillDays = String(t.voluntaryStandstillDays);
  if (t.contractMonths !== undefined) out.contractMonths = String(t.contractMonths);
  t.lots.forEach((l, i) => {
    Object.assign(out, {
      [`lots.${i}.title`]: l.title,
      [`lots.${i}.value`]: typedPence(l.value),
      [`lots.${i}.scope.kind`]: l.scope.kind,
      [`lots.${i}.scope.label`]: l.scope.label,
    });
  });
  t.criteria.forEach((c, i) => {
    Object.assign(out, { [`criteria.${i}.title`]: c.title, [`criteria.${i}.kind`]: c.kind, [`criteria.${i}.weight`]: String(c.weight) });
  });
  t.documents.forEach((d, i) => {
    Object.assign(out, { [`documents.${i}.title`]: d.title, [`documents.${i}.url`]: d.url });
  });
  for (const [key, instant] of Object.entries(t.dates)) {
    const { date, time } = londonWallClock(new Date(instant));
    const [y, m, d] = date.split('-');
    const [h, min] = time.split(':');
    Object.assign(out, {
      [`dates.${key}-day`]: String(Number(d)),
      [`dates.${key}-month`]: String(Number(m)),
      [`dates.${key}-year`]: y,
      [`dates.${key}-hour`]: h,
      [`dates.${key}-minute`]: min,
    });
  }
  ctx.funders.forEach((f, i) => {
    const share = t.funders.find((x) => x.orgId === f.orgId);
    if (share) out[`funders.${i}.amount`] = typedPence(share.amount);
  });
  for (const id of questionIds) out[visited(id)] = 'yes';
  return out;
}
