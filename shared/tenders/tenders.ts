import { actingOrg, loadConsortium, requireActive, requireReader } from '../consortia/access';
import type { Caller } from '../consortia/caller';
import type { Consortium } from '../consortia/consortium';
import { DomainError, invalid, notFound } from '../platform/errors';
import { newId } from '../platform/ids';
import { londonDate } from '../platform/london-time';
import { makeEvent, subject, type TendersEvent } from './events';
import { noProcess } from './process';
import { regimeOf } from './regime';
import type { TendersDeps } from './store';
import { budgetOf, checkTender, type Tender, type TenderInput, type TenderStatus } from './tender';

/** What most tender use cases read and write. */
export type TenderRecords = Pick<TendersDeps, 'consortia' | 'tenders' | 'clock'>;

export async function loadTender(deps: Pick<TendersDeps, 'tenders' | 'consortia'>, tenderId: string) {
  const tender = await deps.tenders.getTender(tenderId);
  if (!tender) throw notFound('tender', tenderId);
  const consortium = await loadConsortium(deps, tender.consortiumId);
  return { tender, consortium };
}

/** The tender and its consortium, if the caller may read it (outsiders get not-found). */
export async function readableTender(deps: Pick<TendersDeps, 'tenders' | 'consortia'>, caller: Caller, tenderId: string) {
  const found = await loadTender(deps, tenderId);
  requireReader(caller, found.consortium, 'tender', tenderId);
  return found;
}

const MAX_ATTEMPTS = 20;

/**
 * Applies a change to the tender as it is now and saves it under its version; if someone else
 * saved first, reads it again and re-applies (the change decides afresh whether it still may).
 */
export async function changeTender<T>(
  deps: Pick<TendersDeps, 'tenders' | 'consortia'>,
  /** A tender id, or the id and the person acting: someone in no member organisation then gets not-found, as for a made-up id. */
  which: string | { tenderId: string; as: Caller },
  change: (tender: Tender, consortium: Consortium) => Promise<T>,
): Promise<T> {
  const tenderId = typeof which === 'string' ? which : which.tenderId;
  for (let i = 0; ; i++) {
    const { tender, consortium } = await loadTender(deps, tenderId);
    if (typeof which !== 'string') requireReader(which.as, consortium, 'tender', tenderId);
    try {
      return await change(tender, consortium);
    } catch (error) {
      const stale = error instanceof DomainError && error.details.rule === 'tender-version';
      if (!stale || i >= MAX_ATTEMPTS) throw error;
    }
  }
}

/** Saves the tender moved on by one version, with the event describing the change. */
export async function save(
  deps: Pick<TendersDeps, 'tenders' | 'clock'>,
  tender: Tender,
  next: Partial<Tender>,
  type: TendersEvent,
  actor: string,
  data: Record<string, unknown> = {},
): Promise<Tender> {
  const saved: Tender = { ...tender, ...next, version: tender.version + 1 };
  const event = makeEvent(type, subject.tender(tender.id), actor, { tenderId: tender.id, status: saved.status, ...data }, deps.clock.now());
  await deps.tenders.saveTender(saved, tender.version, event);
  return saved;
}

export function requireStatus(tender: Tender, allowed: TenderStatus[], doing: string): void {
  if (!allowed.includes(tender.status))
    throw new DomainError('conflict', `tender ${tender.title} is ${tender.status}; ${doing} needs it to be ${allowed.join(' or ')}`, [], {
      rule: 'tender-status',
      status: tender.status,
    });
}

/** Normalised ISO times, so the table compares deadlines exactly. */
const iso = (d: TenderInput['dates']): TenderInput['dates'] => ({
  clarificationDeadline: new Date(d.clarificationDeadline).toISOString(),
  submissionDeadline: new Date(d.submissionDeadline).toISOString(),
  evaluationEnd: new Date(d.evaluationEnd).toISOString(),
  awardDecision: new Date(d.awardDecision).toISOString(),
});

/** The lead drafts a tender on one of the consortium's pools; its funders must be voting members, its panel their staff. */
export async function draftTender(
  deps: TenderRecords & { pools: Pick<TendersDeps['pools'], 'getPool'> },
  caller: Caller,
  consortiumId: string,
  input: TenderInput & { poolId: string; panelEmails?: string[] | undefined },
) {
  const consortium = await loadConsortium(deps, consortiumId);
  const buyerOrgId = actingOrg(caller, consortium, ['lead'], 'officer');
  requireActive(consortium);
  const pool = await deps.pools.getPool(input.poolId);
  if (pool?.consortiumId !== consortiumId)
    throw invalid('poolId', 'consortium-pool', `pool ${input.poolId} is not one of ${consortium.name}'s pools`);
  const now = deps.clock.now();
  const { panelEmails, poolId, ...rest } = input;
  const panel = await panelOf(deps, consortium, [...rest.panel, ...(panelEmails ?? [])]);
  // The lots' values are what the funders will pay, VAT included: the estimated value the thresholds compare (Schedule 1).
  const regime = regimeOf({
    estimatedValue: budgetOf(rest),
    lightTouch: rest.lightTouch,
    authorityType: rest.authorityType,
    on: londonDate(now),
  });
  const checked = checkTender({ ...rest, panel }, now, regime);
  checked.funders.forEach((f, i) => {
    const member = consortium.members.find((m) => m.orgId === f.orgId);
    if (!member || member.role === 'observer')
      throw invalid(`funders[${i}].orgId`, 'voting-member', `organisation ${f.orgId} is not a lead or member of ${consortium.name}`);
  });
  const tender: Tender = {
    ...checked,
    dates: iso(checked.dates),
    id: newId(now),
    consortiumId,
    poolId,
    buyerOrgId,
    regime,
    status: 'draft',
    createdAt: now.toISOString(),
    createdBy: caller.user.id,
    version: 1,
    ...noProcess(),
  };
  await deps.tenders.createTender(
    tender,
    makeEvent('tender.drafted', subject.tender(tender.id), caller.user.id, { tenderId: tender.id, consortiumId, status: 'draft' }, now),
  );
  return tender;
}

/** Panel members by user id or email; each must belong to one of the consortium's organisations. */
async function panelOf(deps: Pick<TendersDeps, 'consortia'>, consortium: Consortium, refs: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, ref] of refs.entries()) {
    const user = ref.includes('@') ? await deps.consortia.findUserByEmail(ref) : await deps.consortia.getUser(ref);
    const memberships = user ? await deps.consortia.listMemberships(user.id) : [];
    if (!user || !memberships.some((m) => consortium.members.some((c) => c.orgId === m.orgId)))
      throw invalid(`panel[${i}]`, 'consortium-staff', `${ref} is not staff of an organisation in ${consortium.name}`);
    if (!ids.includes(user.id)) ids.push(user.id);
  }
  if (!ids.length) throw invalid('panel', 'required', 'name at least one scorer for the evaluation panel');
  return ids;
}

export async function listTenders(deps: TenderRecords, caller: Caller, consortiumId: string) {
  const consortium = await loadConsortium(deps, consortiumId);
  requireReader(caller, consortium, 'consortium', consortiumId);
  return deps.tenders.listTenders(consortiumId);
}
