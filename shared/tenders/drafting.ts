import { actingOrg, loadConsortium, requireActive } from '../consortia/access';
import type { Caller } from '../consortia/caller';
import type { Consortium } from '../consortia/consortium';
import { DomainError, invalid } from '../platform/errors';
import { newId } from '../platform/ids';
import { londonDate } from '../platform/london-time';
import { makeEvent, subject } from './events';
import { noProcess } from './process';
import { regimeOf } from './regime';
import type { TendersDeps } from './store';
import { budgetOf, checkTender, type Tender, type TenderInput } from './tender';
import { changeTender, requireStatus, save, type TenderRecords } from './tenders';

/**
 * Drafting a tender and changing the draft: the lead's officers write it; its funders must be
 * voting members, its panel their staff, its pool the consortium's; the domain's checks
 * (tender.ts) hold for both, so a changed draft is as sound as a new one.
 */
type Deps = TenderRecords & { pools: Pick<TendersDeps['pools'], 'getPool'> };
type DraftInput = TenderInput & { poolId: string; panelEmails?: string[] | undefined };

/** Normalised ISO times, so the table compares deadlines exactly. */
const iso = (d: TenderInput['dates']): TenderInput['dates'] => ({
  clarificationDeadline: new Date(d.clarificationDeadline).toISOString(),
  submissionDeadline: new Date(d.submissionDeadline).toISOString(),
  evaluationEnd: new Date(d.evaluationEnd).toISOString(),
  awardDecision: new Date(d.awardDecision).toISOString(),
});

/**
 * Checks a draft against its consortium and the rules of tenders; `draftedOn` is the London day
 * it was first drafted, whose thresholds decide its regime (a changed draft keeps that day's).
 */
async function checkedDraft(deps: Deps, consortium: Consortium, input: DraftInput, draftedOn: string) {
  const pool = await deps.pools.getPool(input.poolId);
  if (pool?.consortiumId !== consortium.id)
    throw invalid('poolId', 'consortium-pool', `pool ${input.poolId} is not one of ${consortium.name}'s pools`);
  const { panelEmails, poolId, ...rest } = input;
  const panel = await panelOf(deps, consortium, [...rest.panel, ...(panelEmails ?? [])]);
  // The lots' values are what the funders will pay, VAT included: the estimated value the thresholds compare (Schedule 1).
  const regime = regimeOf({
    estimatedValue: budgetOf(rest),
    lightTouch: rest.lightTouch,
    authorityType: rest.authorityType,
    on: draftedOn,
  });
  const checked = checkTender({ ...rest, panel }, deps.clock.now(), regime);
  checked.funders.forEach((f, i) => {
    const member = consortium.members.find((m) => m.orgId === f.orgId);
    if (!member || member.role === 'observer')
      throw invalid(`funders[${i}].orgId`, 'voting-member', `organisation ${f.orgId} is not a lead or member of ${consortium.name}`);
  });
  return { ...checked, dates: iso(checked.dates), poolId, regime };
}

/** The lead drafts a tender on one of the consortium's pools. */
export async function draftTender(deps: Deps, caller: Caller, consortiumId: string, input: DraftInput) {
  const consortium = await loadConsortium(deps, consortiumId);
  const buyerOrgId = actingOrg(caller, consortium, ['lead'], 'officer');
  requireActive(consortium);
  const now = deps.clock.now();
  const tender: Tender = {
    ...(await checkedDraft(deps, consortium, input, londonDate(now))),
    id: newId(now),
    consortiumId,
    buyerOrgId,
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

/**
 * The lead changes a draft (a new one, or one a funder refused and the workflow returned): the
 * whole specification is replaced, checked as drafting checks it, only while it is a draft, saved
 * under its version with a `tender.edited` event in the same write. What happened before (sign-off
 * attempts and their answers) is kept. A draft holds no pool money: it is reserved only when the
 * funders have signed off and the tender is published, and a failed publication reserves nothing.
 */
export async function editDraftTender(deps: Deps, caller: Caller, tenderId: string, input: DraftInput) {
  return changeTender(deps, { tenderId, as: caller }, async (tender, consortium) => {
    actingOrg(caller, consortium, ['lead'], 'officer', { what: 'tender', id: tenderId });
    requireActive(consortium);
    requireStatus(tender, ['draft'], 'changing it');
    if (tender.reserved.some((r) => r.amount !== 0))
      throw new DomainError('conflict', `tender ${tender.title} still holds pool money; it cannot be changed`, [], {
        rule: 'draft-holds-no-money',
      });
    const checked = await checkedDraft(deps, consortium, input, londonDate(new Date(tender.createdAt)));
    // Fields the new input leaves out (a voluntary standstill removed) must not survive from the old draft.
    const next: Partial<Tender> = { voluntaryStandstillDays: undefined, purpose: undefined, contractMonths: undefined, ...checked };
    return save(deps, tender, next, 'tender.edited', caller.user.id, { attempt: tender.attempt });
  });
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
