import { actingOrg, loadConsortium } from '../../shared/consortia/access';
import type { Caller } from '../../shared/consortia/caller';
import type { MemberRole } from '../../shared/consortia/organisation';
import { grantsTable } from '../../shared/grants/aws';
import { grantDetail } from '../../shared/grants/plan';
import { policyOf, type ReportingPolicy } from '../../shared/grants/report-schedule';
import { dayInWords } from '../../shared/platform/format';
import type { PostedForm } from '../lib/web/form';
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

/** A date input's three boxes as typed, in words if they make a real date ("1 May 2026"), otherwise as typed. */
export function typedDay(typed: PostedForm, name: string): string {
  const [d, m, y] = ['day', 'month', 'year'].map((p) => String(typed[`${name}-${p}`] ?? '').trim());
  const iso = `${y}-${(m ?? '').padStart(2, '0')}-${(d ?? '').padStart(2, '0')}`;
  const real = /^\d{4}-\d{2}-\d{2}$/.test(iso) && new Date(`${iso}T12:00:00Z`).toISOString().slice(0, 10) === iso;
  return real ? dayInWords(iso) : [d, m, y].filter(Boolean).join('/');
}

/** The items of an "add another" list in the draft, in order, each with its fields as typed. */
export function itemsOf(typed: PostedForm, path: string): PostedForm[] {
  const indices = new Set<number>();
  for (const k of Object.keys(typed)) {
    const m = new RegExp(`^${path}\\.(\\d+)\\.`).exec(k);
    if (m) indices.add(Number(m[1]));
  }
  return [...indices]
    .sort((a, b) => a - b)
    .map((i) => {
      const out: PostedForm = {};
      for (const [k, v] of Object.entries(typed)) if (k.startsWith(`${path}.${i}.`)) out[k.slice(`${path}.${i}.`.length)] = v;
      return out;
    });
}
