import type { LocalRuntime } from '../../infra/local/runtime';
import type { ExecutionRecord } from '../../infra/local/step-functions';
import { dynamoConsortia } from '../../shared/consortia/dynamodb-store';
import type { Organisation } from '../../shared/consortia/organisation';
import type { Grant } from '../../shared/grants/grant';
import { dynamoPools } from '../../shared/pools/dynamodb-store';
import type { StoredEntry } from '../../shared/pools/store';
import { dynamoTenders } from '../../shared/tenders/dynamodb-store';
import { providerIdentifier } from '../../shared/tenders/ocds-parts';
import { executionName } from '../../shared/tenders/sign-off';
import type { Interest } from '../../shared/tenders/store';
import { budgetOf, type Tender } from '../../shared/tenders/tender';

/** What the tender scenario made: the tender whose money, grants and winners are re-derived from the table. */
export interface TenderMade {
  tenderId: string;
  poolId: string;
}

type Entry = Pick<StoredEntry, 'type' | 'postings' | 'grantId' | 'tenderId'>;
type TenderGrant = Pick<Grant, 'id' | 'amount' | 'recipientOrgId' | 'tenderId' | 'tenderLotId'>;
type Winner = Pick<Interest, 'id' | 'identifier' | 'orgName' | 'email'>;

const sum = (values: number[]) => values.reduce((a, v) => a + v, 0);
const ended = (t: Pick<Tender, 'status'>) => ['awarded', 'unsuccessful', 'cancelled'].includes(t.status);

/** What an entry moves on the tender's reserve accounts: negative when it reserves, positive when it spends or releases. */
const onReserve = (e: Entry, tenderId: string) =>
  sum(e.postings.filter((p) => p.account.startsWith(`reserve:${tenderId}:`)).map((p) => p.amount));

/**
 * Each lot is awarded at most once: at most one grant per lot, and an awarded lot's outcome
 * names that grant. `asMade` (the scenario's tender, which nobody amends) also asks that every
 * lot was awarded and each grant is still for the winning price.
 */
export function lotProblems(tender: Tender, grants: TenderGrant[], asMade: boolean): string[] {
  const problems: string[] = [];
  for (const lot of tender.lots) {
    const mine = grants.filter((g) => g.tenderLotId === lot.id);
    const o = tender.outcomes.find((x) => x.lotId === lot.id);
    if (mine.length > 1) problems.push(`lot ${lot.id} has ${mine.length} grants (${mine.map((g) => g.id).join(', ')})`);
    if (o?.status !== 'awarded') {
      if (asMade) problems.push(`lot ${lot.id} is ${o?.status ?? 'without an outcome'}, not awarded`);
      if (mine.length) problems.push(`lot ${lot.id} is ${o?.status} but has grant ${mine[0]?.id}`);
      continue;
    }
    const g = mine[0];
    if (!g || g.id !== o.grantId) problems.push(`lot ${lot.id} names grant ${o.grantId}, the table has ${g?.id ?? 'none'}`);
    else if (asMade && g.amount !== o.winner?.price)
      problems.push(`lot ${lot.id}'s grant is for ${g.amount}, the winning price ${o.winner?.price}`);
  }
  for (const g of grants.filter((x) => !tender.lots.some((l) => l.id === x.tenderLotId)))
    problems.push(`grant ${g.id} is for lot ${g.tenderLotId}, which the tender does not have`);
  return problems;
}

/**
 * The money reserved for the tender is spent or released exactly once: one reservation, of the
 * budget; one allocation per grant of the tender, for its lot's winning price; at most one release;
 * reserved = awarded + released + still held (as the tender item says it holds); nothing held
 * once the tender has ended.
 */
export function reserveProblems(tender: Tender, entries: Entry[], grants: TenderGrant[]): string[] {
  const problems: string[] = [];
  const mine = entries.filter((e) => e.tenderId === tender.id);
  const of = (type: string) => mine.filter((e) => e.type === type);
  const reservations = of('reservation');
  if (!reservations.length) return tender.reserved.some((r) => r.amount) ? ['holds money that was never reserved in the ledger'] : [];
  const reserved = -sum(reservations.map((e) => onReserve(e, tender.id)));
  const awarded = sum(of('allocation').map((e) => onReserve(e, tender.id)));
  const released = sum(of('unreservation').map((e) => onReserve(e, tender.id)));
  const held = sum(tender.reserved.map((r) => r.amount));
  if (reservations.length > 1) problems.push(`reserved ${reservations.length} times`);
  if (reserved !== budgetOf(tender)) problems.push(`reserved ${reserved} for a budget of ${budgetOf(tender)}`);
  if (reserved !== awarded + released + held)
    problems.push(`reserved ${reserved} ≠ awarded ${awarded} + released ${released} + still held ${held}`);
  if (of('unreservation').length > 1) problems.push(`released ${of('unreservation').length} times`);
  if (ended(tender) && held !== 0) problems.push(`is ${tender.status} with ${held} still reserved`);
  const allocated = new Map<string, number>();
  for (const e of of('allocation')) allocated.set(String(e.grantId), (allocated.get(String(e.grantId)) ?? 0) + 1);
  for (const [grantId, times] of allocated) if (times > 1) problems.push(`grant ${grantId} was allocated from the reserve ${times} times`);
  for (const e of of('allocation')) {
    const o = tender.outcomes.find((x) => x.grantId === e.grantId);
    if (!grants.some((g) => g.id === e.grantId))
      problems.push(`the reserve paid for grant ${e.grantId}, which is not a grant of the tender`);
    // The winning price, not the grant's amount: an amendment may change a grant later, never its award.
    else if (onReserve(e, tender.id) !== o?.winner?.price)
      problems.push(`the reserve gave ${onReserve(e, tender.id)} for grant ${e.grantId}, whose winning price is ${o?.winner?.price}`);
  }
  for (const g of grants.filter((x) => !allocated.has(x.id))) problems.push(`grant ${g.id} was not allocated from the reserve`);
  return problems;
}

/**
 * One organisation per winning bidder: exactly one organisation is the bidder's (by the
 * identifier it gave, or, for a bidder that gave none, by the identifier made for it or by its
 * name and email, whatever identifier a retry might have made), it is the one the identifier's
 * guard names, and every grant the bidder won goes to it.
 */
export function winnerProblems(
  tender: Tender,
  grants: TenderGrant[],
  winners: Winner[],
  orgs: Pick<Organisation, 'id' | 'identifier' | 'name' | 'contactEmail'>[],
  guards: Map<string, string>,
): string[] {
  const problems: string[] = [];
  for (const w of winners) {
    const identifier = providerIdentifier(w);
    const found = orgs
      .filter((o) => o.identifier === identifier || (!w.identifier && o.contactEmail === w.email && o.name === w.orgName))
      .map((o) => o.id);
    if (found.length !== 1) problems.push(`winner ${w.id} (${identifier}) has ${found.length} organisations`);
    if (guards.get(identifier) !== found[0]) problems.push(`the guard of ${identifier} names ${guards.get(identifier)}, not ${found[0]}`);
    const lots = tender.outcomes.filter((o) => o.status === 'awarded' && o.winner?.interestId === w.id).map((o) => o.lotId);
    for (const g of grants.filter((x) => lots.includes(String(x.tenderLotId)) && x.recipientOrgId !== found[0]))
      problems.push(`grant ${g.id} went to ${g.recipientOrgId}, not the winner's organisation ${found[0]}`);
  }
  return problems;
}

/**
 * After one plan, from the table: each lot awarded once, the reserve spent or released once,
 * one organisation per winner, and the tender's workflow finished (or resting on a callback)
 * with the tender awarded. Returns what is wrong, in words.
 */
export async function tenderViolations(runtime: LocalRuntime, made: TenderMade): Promise<string[]> {
  const tender = await dynamoTenders.getTender(made.tenderId);
  if (!tender) return [`tender ${made.tenderId} is lost`];
  const [entries, poolGrants, providers] = await Promise.all([
    dynamoPools.listLedger(made.poolId),
    dynamoPools.listPoolGrants(made.poolId),
    dynamoConsortia.listOrganisations('provider'),
  ]);
  const grants = poolGrants.filter((g) => g.tenderId === tender.id);
  const winnerIds = [...new Set(tender.outcomes.flatMap((o) => (o.status === 'awarded' && o.winner ? [o.winner.interestId] : [])))];
  const interests = await Promise.all(winnerIds.map((id) => dynamoTenders.getInterest(tender.id, id)));
  const winners = interests.filter((i) => i !== undefined);
  const guards = new Map<string, string>();
  for (const w of winners) {
    const org = await dynamoConsortia.findOrganisationByIdentifier(providerIdentifier(w));
    if (org) guards.set(providerIdentifier(w), org.id);
    // A winner that is not a provider (a funder bidding, say) is counted too.
    if (org && !providers.some((p) => p.id === org.id)) providers.push(org);
  }
  const problems = [
    ...(tender.status === 'awarded' ? [] : [`is ${tender.status}, not awarded`]),
    ...winnerIds.filter((_, i) => !interests[i]).map((id) => `the winner ${id} has no interest registered`),
    ...lotProblems(tender, grants, true),
    ...reserveProblems(tender, entries, grants),
    ...winnerProblems(tender, grants, winners, providers, guards),
    ...workflowProblems(runtime.sfn.list(), tender),
  ];
  return problems.map((p) => `tender ${tender.id}: ${p}`);
}

/** The tender's own execution finished, or rests on a callback (a wait with a token out). */
export function workflowProblems(executions: Pick<ExecutionRecord, 'name' | 'status' | 'waitingOn' | 'error'>[], tender: Tender): string[] {
  const name = executionName(tender);
  const e = executions.find((x) => x.name === name);
  if (!e) return [`its workflow ${name} never started`];
  if (e.status === 'SUCCEEDED' || (e.status === 'RUNNING' && e.waitingOn > 0)) return [];
  return [`its workflow ${name} is ${e.status}${e.status === 'RUNNING' ? ' and waits on nothing' : ''} ${e.error ?? ''}`.trim()];
}

type Item = Record<string, unknown> & { entity?: string };

/**
 * The tender rules over the whole table, from its items alone: for every tender, each lot has
 * at most one grant and an awarded lot names it; its reserve was spent or released once and
 * agrees with what the tender item holds (none once ended); each winning bidder's grants go to
 * one organisation; and no two organisations share an identifier, each identifier's guard
 * naming the organisation that has it.
 */
export function tenderTableProblems(items: Item[]): string[] {
  const problems: string[] = [];
  const entries = items.filter((i) => i.entity === 'ledger-entry' && i.tenderId) as unknown as Entry[];
  const grants = items.filter((i) => i.entity === 'grant' && i.tenderId) as unknown as TenderGrant[];
  for (const t of items.filter((i) => i.entity === 'tender') as unknown as Tender[]) {
    const mine = grants.filter((g) => g.tenderId === t.id);
    const found = [...lotProblems(t, mine, false), ...reserveProblems(t, entries, mine), ...recipientProblems(t, mine)];
    problems.push(...found.map((p) => `tender ${t.id}: ${p}`));
  }
  return [...problems, ...identifierProblems(items)];
}

/** A bidder that won several lots got one organisation: its grants all go to the same one. */
function recipientProblems(tender: Tender, grants: TenderGrant[]): string[] {
  const orgsOf = new Map<string, Set<string>>();
  for (const o of tender.outcomes) {
    const g = grants.find((x) => o.status === 'awarded' && x.id === o.grantId);
    if (g && o.winner) orgsOf.set(o.winner.interestId, (orgsOf.get(o.winner.interestId) ?? new Set()).add(g.recipientOrgId));
  }
  return [...orgsOf]
    .filter(([, orgs]) => orgs.size > 1)
    .map(([interestId, orgs]) => `winner ${interestId}'s grants went to ${orgs.size} organisations (${[...orgs].join(', ')})`);
}

function identifierProblems(items: Item[]): string[] {
  const problems: string[] = [];
  const byIdentifier = new Map<string, string[]>();
  for (const o of items.filter((i) => i.entity === 'organisation') as unknown as Organisation[])
    byIdentifier.set(o.identifier, [...(byIdentifier.get(o.identifier) ?? []), o.id]);
  for (const [identifier, ids] of byIdentifier)
    if (ids.length > 1) problems.push(`${ids.length} organisations have identifier ${identifier}`);
  for (const g of items.filter((i) => i.entity === 'organisation-identifier')) {
    const identifier = String(g.pk).replace(/^ORGID#/, '');
    if (!byIdentifier.get(identifier)?.includes(String(g.orgId)))
      problems.push(`the guard of ${identifier} names ${String(g.orgId)}, which does not have it`);
  }
  return problems;
}
