import { actingOrg, requireActive } from '../consortia/access';
import type { Caller } from '../consortia/caller';
import { forbidden, invalid } from '../platform/errors';
import { sendOnce } from '../platform/send-once';
import { type Callback, park, resume } from '../platform/waiting';
import { subject } from './events';
import { signOffEscalatedEmail, signOffRequestEmail } from './funder-mail';
import type { SignOff } from './process';
import type { TendersDeps } from './store';
import { signOffState } from './tallies';
import type { Tender } from './tender';
import { changeTender, loadTender, requireStatus, save, type TenderRecords } from './tenders';
import { LEAD_DECISION_WINDOW_DAYS, SIGN_OFF_WINDOW_DAYS, WAIT } from './waits';

type Callbacks = TenderRecords & Pick<TendersDeps, 'platform' | 'workflows'>;
type Steps = Callbacks & Pick<TendersDeps, 'mailer'>;

export const TENDER_WORKFLOW = 'joint-tender';
/** One execution per sign-off attempt: a refused tender goes back to draft and its next attempt starts afresh. */
export const executionName = (t: Pick<Tender, 'id' | 'attempt'>) => `tender-${t.id}-${t.attempt}`;

/** The lead sends the draft to its funders: each must approve the specification and its own contribution. */
export async function submitForSignOff(deps: TenderRecords, caller: Caller, tenderId: string) {
  return changeTender(deps, { tenderId, as: caller }, async (tender, consortium) => {
    actingOrg(caller, consortium, ['lead'], 'officer', { what: 'tender', id: tenderId });
    requireActive(consortium);
    requireStatus(tender, ['draft'], 'sending it for sign-off');
    return save(
      deps,
      tender,
      { status: 'sign-off', attempt: tender.attempt + 1, signOffs: [], signOffEscalation: undefined },
      'tender.submitted-for-sign-off',
      caller.user.id,
      {
        attempt: tender.attempt + 1,
      },
    );
  });
}

/** A funder approves or refuses the specification and its contribution; the last answer (or any refusal) moves the workflow on. */
export async function signOff(
  deps: Callbacks,
  caller: Caller,
  tenderId: string,
  input: { orgId?: string | undefined; decision: 'approve' | 'refuse'; reason?: string | undefined },
) {
  if (input.decision === 'refuse' && !input.reason?.trim())
    throw invalid('reason', 'required-to-refuse', 'say why, so the lead can change the specification or the contribution');
  const saved = await changeTender(deps, { tenderId, as: caller }, async (tender) => {
    requireStatus(tender, ['sign-off'], 'signing off');
    const funderIds = tender.funders.map((f) => f.orgId);
    const orgId = input.orgId ?? caller.memberships.find((m) => funderIds.includes(m.orgId) && m.role !== 'viewer')?.orgId;
    if (!orgId || !funderIds.includes(orgId)) throw forbidden(`only an officer or admin of a funder of this tender can sign it off`);
    const mine = caller.memberships.find((m) => m.orgId === orgId);
    if (!caller.user.platformAdmin && (!mine || mine.role === 'viewer'))
      throw forbidden('only an officer or admin of the funder can sign off its contribution');
    if (tender.signOffs.some((s) => s.orgId === orgId)) throw invalid('orgId', 'one-sign-off', `${orgId} has already answered`);
    const entry: SignOff = {
      orgId,
      decision: input.decision,
      ...(input.reason?.trim() ? { reason: input.reason.trim() } : {}),
      by: caller.user.id,
      at: deps.clock.now().toISOString(),
    };
    return save(
      deps,
      tender,
      { signOffs: [...tender.signOffs, entry] },
      input.decision === 'approve' ? 'tender.signed-off' : 'tender.sign-off-refused',
      caller.user.id,
      {
        orgId,
        decision: input.decision,
      },
    );
  });
  const state = signOffState(saved);
  if (state.outcome !== 'pending') await resume(deps, subject.tender(tenderId), WAIT.signOff, { outcome: state.outcome });
  return { tenderId, ...state };
}

/** After the deadline, the lead decides for the funders who did not answer: proceed (their contributions as drafted) or back to draft. */
export async function leadSignOffDecision(
  deps: Callbacks,
  caller: Caller,
  tenderId: string,
  input: { decision: 'proceed' | 'return-to-draft' },
) {
  await changeTender(deps, { tenderId, as: caller }, async (tender, consortium) => {
    actingOrg(caller, consortium, ['lead'], 'admin', { what: 'tender', id: tenderId });
    requireStatus(tender, ['sign-off'], 'deciding the sign-off');
    const escalation = tender.signOffEscalation;
    if (!escalation || escalation.decision)
      throw invalid('decision', 'after-deadline', 'the lead decides only once the sign-off deadline has passed, and only once');
    return save(
      deps,
      tender,
      { signOffEscalation: { ...escalation, decision: input.decision, by: caller.user.id, decidedAt: deps.clock.now().toISOString() } },
      'tender.sign-off-escalated',
      caller.user.id,
      { decision: input.decision },
    );
  });
  await resume(deps, subject.tender(tenderId), WAIT.signOff, { outcome: input.decision === 'proceed' ? 'approved' : 'refused' });
  return { tenderId, decision: input.decision };
}

// ---- workflow steps ----

async function funderContacts(deps: TenderRecords, tender: Tender) {
  const orgs = await deps.consortia.getOrganisations(tender.funders.map((f) => f.orgId));
  return tender.funders.flatMap((f) => {
    const org = orgs.get(f.orgId);
    return org ? [{ org, amount: f.amount }] : [];
  });
}

/** Parks the sign-off token and asks each funder; a tender already decided resumes at once. */
export async function requestSignOff(deps: Steps, input: { tenderId: string } & Callback) {
  const { tender, consortium } = await loadTender(deps, input.tenderId);
  const deadline = await park(deps, subject.tender(tender.id), WAIT.signOff, input, SIGN_OFF_WINDOW_DAYS);
  let sent = 0;
  for (const { org, amount } of await funderContacts(deps, tender)) {
    const email = signOffRequestEmail({ consortium, tender }, org, amount, deadline);
    const ok = await sendOnce(deps, `${tender.id}#${tender.attempt}#sign-off#${org.id}`, email);
    if (ok) sent++;
  }
  const state = signOffState(tender);
  if (state.outcome !== 'pending') await resume(deps, subject.tender(tender.id), WAIT.signOff, { outcome: state.outcome });
  return { funders: tender.funders.length, emailsSent: sent, waitingUntil: deadline };
}

/** Sign-off timed out: the lead decides for the funders who did not answer. */
export async function escalateSignOff(
  deps: TenderRecords & Pick<TendersDeps, 'platform' | 'mailer'>,
  input: { tenderId: string } & Callback,
) {
  const { tender, consortium } = await loadTender(deps, input.tenderId);
  const deadline = await park(deps, subject.tender(tender.id), WAIT.signOff, input, LEAD_DECISION_WINDOW_DAYS);
  if (!tender.signOffEscalation)
    await changeTender(deps, tender.id, async (t) =>
      t.signOffEscalation
        ? t
        : save(deps, t, { signOffEscalation: { at: deps.clock.now().toISOString() } }, 'tender.sign-off-escalated', 'workflow', {}),
    );
  const lead = await deps.consortia.getOrganisation(consortium.leadOrgId);
  const { pending } = signOffState(tender);
  const names = await deps.consortia.getOrganisations(pending);
  if (lead)
    await sendOnce(
      deps,
      `${tender.id}#${tender.attempt}#sign-off-escalated`,
      signOffEscalatedEmail(
        { consortium, tender },
        lead,
        pending.map((id) => names.get(id)?.name ?? id),
        deadline,
      ),
    );
  return { escalatedTo: consortium.leadOrgId, pending, waitingUntil: deadline };
}

/** A refusal (or no decision) sends the tender back to draft; the lead can change it and send it again. */
export async function returnToDraft(deps: TenderRecords & Pick<TendersDeps, 'platform'>, input: { tenderId: string; reason: string }) {
  const saved = await changeTender(deps, input.tenderId, async (tender) => {
    if (tender.status !== 'sign-off') return tender;
    const returnedToDraft = { reason: input.reason, at: deps.clock.now().toISOString() };
    return save(deps, tender, { status: 'draft', returnedToDraft }, 'tender.returned-to-draft', 'workflow', { reason: input.reason });
  });
  await deps.platform.takeWaitingTask(subject.tender(saved.id), WAIT.signOff);
  return { tenderId: saved.id, status: saved.status, reason: input.reason };
}
