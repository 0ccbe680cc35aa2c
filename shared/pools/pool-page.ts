import { mayAct } from '../consortia/access';
import type { Caller } from '../consortia/caller';
import { pounds } from '../platform/format';
import { freeRiders } from './free-riders';
import { ledgerView } from './ledger-view';
import { type PoolDeps, pledgersFor } from './pools';
import type { Restriction } from './restriction';
import { poolSummary } from './statements';

type Entry = Awaited<ReturnType<typeof ledgerView>>['entries'][number];
type GrantNames = Map<string, { title: string; recipient: string }>;

/** What a pledge may fund, in words: the lot by its name, not its id. */
export const restrictionInWords = (r: Restriction, lots: { id: string; name: string }[]) =>
  r.kind === 'core'
    ? 'Core (unrestricted)'
    : 'lotId' in r
      ? `Lot: ${lots.find((l) => l.id === r.lotId)?.name ?? r.lotId}`
      : `Restricted to ${r.purpose}`;

/**
 * A ledger entry in words for the page (the CSV keeps its type, grant id and memo): what moved,
 * for which grant and whom, by name. A tender's reservation keeps its memo, which names the tender.
 */
function entryInWords(e: Pick<Entry, 'type' | 'grantId' | 'memo' | 'bankChange'>, grants: GrantNames, funder: string): string {
  const g = e.grantId ? grants.get(e.grantId) : undefined;
  const grant = g ? `“${g.title}” (${g.recipient})` : 'a grant';
  const tranche = /^tranche (\d+)/.exec(e.memo)?.[1];
  switch (e.type) {
    case 'contribution':
      return `${pounds(e.bankChange)} received from ${funder}`;
    case 'allocation':
      return `Committed to ${grant}`;
    case 'payment':
      return `${tranche ? `Tranche ${tranche} of ${grant}` : `Payment for ${grant}`} paid`;
    case 'return':
      return `Returned from ${grant}`;
    case 'release':
      return `Released from ${grant} back to the pool`;
    default:
      return e.memo.charAt(0).toUpperCase() + e.memo.slice(1);
  }
}

/**
 * Everything the pool page shows, from the same use cases as the API (so the figures are the
 * API's): the summary, the ledger with its running balance, pledges by financial year, and
 * who pays and who benefits across the consortium.
 */
export async function poolPageView(deps: PoolDeps, caller: Caller, poolId: string) {
  const summary = await poolSummary(deps, caller, poolId);
  const [ledger, pledges, riders, grants] = await Promise.all([
    ledgerView(deps, caller, poolId),
    deps.pools.listPledges(poolId),
    freeRiders(deps, caller, summary.consortiumId),
    deps.pools.listPoolGrants(poolId),
  ]);
  const recipients = await deps.consortia.getOrganisations(grants.map((g) => g.recipientOrgId));
  const grantNames: GrantNames = new Map(
    grants.map((g) => [g.id, { title: g.title, recipient: recipients.get(g.recipientOrgId)?.name ?? 'its recipient' }]),
  );
  const funderOf = (e: Entry) => {
    const id = e.postings
      .find((p) => p.account.startsWith('fund:'))
      ?.account.slice('fund:'.length)
      .split('|')[0];
    return summary.funders.find((f) => f.orgId === id)?.name ?? 'a funder';
  };
  const years = [...new Set(pledges.flatMap((p) => p.years.map((y) => y.financialYear)))].sort();
  const byFunder = summary.funders.map((f) => ({
    name: f.name ?? f.orgId,
    orgId: f.orgId,
    received: years.map((fy) =>
      pledges
        .filter((p) => p.funderOrgId === f.orgId)
        .flatMap((p) => p.years.filter((y) => y.financialYear === fy))
        .reduce((a, y) => a + y.received, 0),
    ),
  }));
  const consortium = await deps.consortia.getConsortium(summary.consortiumId);
  return {
    summary,
    consortium: { id: summary.consortiumId, name: consortium?.name ?? summary.consortiumId },
    ledger: ledger.entries.map((e) => ({ ...e, what: entryInWords(e, grantNames, funderOf(e)) })),
    pledges: pledges.map((p) => ({
      id: p.id,
      funder: summary.funders.find((f) => f.orgId === p.funderOrgId)?.name ?? p.funderOrgId,
      restriction: restrictionInWords(p.restriction, summary.lots),
      years: p.years,
    })),
    contributions: { years, byFunder },
    riders,
    // What the page offers, by the rules its use cases apply (recordPledge, recordContribution, openRound).
    may: {
      pledge: consortium ? pledgersFor(caller, consortium).length > 0 : false,
      receive: consortium ? mayAct(caller, consortium, ['lead'], 'officer') : false,
      openRound: consortium?.status === 'active' && mayAct(caller, consortium, ['lead'], 'admin'),
    },
  };
}
