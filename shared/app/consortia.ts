import { activate, type Consortium, lapse, type NewConsortium, prepareConsortium } from '../domain/consortium';
import { DomainError, notFound } from '../domain/errors';
import { newId } from '../domain/ids';
import type { Organisation } from '../domain/organisation';
import { checkPolicy, type ReportingPolicy } from '../domain/reporting';
import { keys } from '../store/keys';
import { type Caller, requireOrgRole, roleIn } from './caller';
import type { Deps } from './deps';
import { activatedEmail, invitationEmail, lapsedEmail, leadReminderEmail } from './emails';
import { makeEvent } from './events';
import { sendOnce } from './send-once';
import { park } from './waiting';

/** The lead has this long to confirm before the invitation lapses. */
export const CONFIRMATION_WINDOW_DAYS = 14;
/** A reminder goes to the lead this many days after the invitations. */
export const LEAD_REMINDER_AFTER_DAYS = 7;
const CONFIRM = 'lead-confirmation';

const subjectOf = (id: string) => keys.consortium(id).pk;

export async function createConsortium(deps: Pick<Deps, 'store' | 'clock'>, caller: Caller, input: NewConsortium) {
  const lead = input.members.find((m) => m.role === 'lead');
  // Only an admin of the lead organisation may commit it to leading a consortium.
  if (lead) requireOrgRole(caller, lead.orgId, 'admin');
  const orgs = await deps.store.getOrganisations(input.members.map((m) => m.orgId));
  const now = deps.clock.now();
  const consortium = prepareConsortium(input, orgs, { id: newId(now), createdBy: caller.user.id }, now);
  await deps.store.createConsortium(
    consortium,
    makeEvent(
      'consortium.created',
      subjectOf(consortium.id),
      caller.user.id,
      { consortiumId: consortium.id, leadOrgId: consortium.leadOrgId },
      now,
    ),
  );
  return consortium;
}

async function load(deps: Pick<Deps, 'store'>, consortiumId: string): Promise<Consortium> {
  const c = await deps.store.getConsortium(consortiumId);
  if (!c) throw notFound('consortium', consortiumId);
  return c;
}

async function loadWithOrgs(deps: Pick<Deps, 'store'>, consortiumId: string) {
  const consortium = await load(deps, consortiumId);
  const orgs = await deps.store.getOrganisations(consortium.members.map((m) => m.orgId));
  const lead = orgs.get(consortium.leadOrgId) as Organisation;
  return { consortium, orgs, lead };
}

export async function getConsortium(deps: Pick<Deps, 'store'>, caller: Caller, consortiumId: string) {
  const { consortium, orgs } = await loadWithOrgs(deps, consortiumId);
  const visible = caller.user.platformAdmin || consortium.members.some((m) => roleIn(caller, m.orgId));
  // Not-found rather than forbidden, so outsiders cannot probe which consortia exist.
  if (!visible) throw notFound('consortium', consortiumId);
  const waiting = await deps.store.getWaitingTask(subjectOf(consortiumId), CONFIRM);
  return {
    ...consortium,
    members: consortium.members.map((m) => ({ ...m, name: orgs.get(m.orgId)?.name, funderType: orgs.get(m.orgId)?.funderType })),
    awaitingConfirmationUntil: consortium.status === 'inviting' ? waiting?.deadline : undefined,
  };
}

// ---- workflow steps (consortium-invitation.asl.json) ----

export async function sendInvitations(deps: Deps, consortiumId: string) {
  const { consortium, orgs, lead } = await loadWithOrgs(deps, consortiumId);
  let sent = 0;
  for (const member of consortium.members) {
    const org = orgs.get(member.orgId) as Organisation;
    if (await sendOnce(deps, `${consortiumId}#invite#${org.id}`, invitationEmail(consortium, org, lead))) sent++;
  }
  const now = deps.clock.now();
  if (await deps.store.claimOnce(`event#${consortiumId}#invitations-sent`, now, 90)) {
    await deps.store.appendEvent(
      makeEvent(
        'consortium.invitations-sent',
        subjectOf(consortiumId),
        'workflow',
        { consortiumId, invited: consortium.members.length },
        now,
      ),
    );
  }
  return { invited: consortium.members.length, emailsSent: sent };
}

export async function awaitLeadConfirmation(
  deps: Pick<Deps, 'store' | 'clock'>,
  input: { consortiumId: string; taskToken: string; executionName: string },
) {
  return { waitingUntil: await park(deps, subjectOf(input.consortiumId), CONFIRM, input, CONFIRMATION_WINDOW_DAYS) };
}

/** The lead's admin confirms; the stored task token resumes the workflow. */
export async function confirmConsortium(deps: Deps, caller: Caller, consortiumId: string) {
  const consortium = await load(deps, consortiumId);
  requireOrgRole(caller, consortium.leadOrgId, 'admin');
  if (consortium.status !== 'inviting') {
    throw new DomainError('conflict', `consortium ${consortiumId} is already ${consortium.status}`);
  }
  const task = await deps.store.takeWaitingTask(subjectOf(consortiumId), CONFIRM);
  if (!task) {
    throw new DomainError(
      'conflict',
      `consortium ${consortiumId} is not waiting for confirmation yet (invitations are still being sent); try again in a moment`,
    );
  }
  await deps.workflows.succeed(task.taskToken, { confirmedBy: caller.user.id, confirmedAt: deps.clock.now().toISOString() });
  return { consortiumId, confirmed: true };
}

export async function settleConsortium(deps: Deps, input: { consortiumId: string; outcome: 'activate' | 'lapse' }) {
  const { consortium, orgs, lead } = await loadWithOrgs(deps, input.consortiumId);
  const now = deps.clock.now();
  const next = input.outcome === 'activate' ? activate(consortium, now) : lapse(consortium);
  if (next !== consortium) {
    await deps.store.saveConsortiumStatus(
      next,
      consortium.version,
      makeEvent(
        input.outcome === 'activate' ? 'consortium.activated' : 'consortium.lapsed',
        subjectOf(consortium.id),
        'workflow',
        { consortiumId: consortium.id },
        now,
      ),
    );
  }
  if (input.outcome === 'lapse') await deps.store.takeWaitingTask(subjectOf(consortium.id), CONFIRM);
  let emailsSent = 0;
  for (const member of next.members) {
    const org = orgs.get(member.orgId) as Organisation;
    const email = input.outcome === 'activate' ? activatedEmail(next, org, lead) : lapsedEmail(next, org);
    if (await sendOnce(deps, `${consortium.id}#${input.outcome}#${org.id}`, email)) emailsSent++;
  }
  return { consortiumId: consortium.id, status: next.status, emailsSent };
}

// ---- event reactions ----

export async function startInvitationWorkflow(deps: Pick<Deps, 'workflows'>, workflowArn: string, consortiumId: string) {
  // The execution name is the consortium id: a duplicated event starts nothing new.
  return deps.workflows.start(workflowArn, `consortium-${consortiumId}`, { consortiumId });
}

export async function scheduleLeadReminder(
  deps: Pick<Deps, 'scheduler'>,
  input: { consortiumId: string; invitedAt: string; reminderFunctionArn: string },
) {
  const at = new Date(new Date(input.invitedAt).getTime() + LEAD_REMINDER_AFTER_DAYS * 86400_000);
  return deps.scheduler.scheduleOnce({
    name: `consortium-${input.consortiumId}-lead-reminder`,
    at,
    targetArn: input.reminderFunctionArn,
    input: { kind: 'consortium-lead-reminder', consortiumId: input.consortiumId },
  });
}

/** Fired by the scheduler; does nothing if the lead already answered. */
export async function sendLeadReminder(deps: Deps, consortiumId: string) {
  const { consortium, lead } = await loadWithOrgs(deps, consortiumId);
  if (consortium.status !== 'inviting') return { sent: false, reason: `consortium is ${consortium.status}` };
  const waiting = await deps.store.getWaitingTask(subjectOf(consortiumId), CONFIRM);
  if (!waiting) return { sent: false, reason: 'not waiting for confirmation' };
  const sent = await sendOnce(deps, `${consortiumId}#lead-reminder`, leadReminderEmail(consortium, lead, waiting.deadline));
  if (sent) {
    const now = deps.clock.now();
    await deps.store.appendEvent(
      makeEvent('consortium.reminder-sent', subjectOf(consortiumId), 'scheduler', { consortiumId, to: lead.id }, now),
    );
  }
  return { sent, reason: sent ? 'reminded' : 'already reminded' };
}

/** The lead sets how much reporting the consortium's grants carry (applies to plans set afterwards). */
export async function setReportingPolicy(
  deps: Pick<Deps, 'store' | 'clock'>,
  caller: Caller,
  consortiumId: string,
  input: ReportingPolicy,
) {
  const consortium = await load(deps, consortiumId);
  requireOrgRole(caller, consortium.leadOrgId, 'admin');
  const policy = checkPolicy(input);
  const now = deps.clock.now();
  await deps.store.saveReportingPolicy(
    consortiumId,
    policy,
    consortium.version,
    makeEvent(
      'consortium.reporting-policy-set',
      subjectOf(consortiumId),
      caller.user.id,
      { consortiumId, thresholdPence: policy.thresholdPence },
      now,
    ),
  );
  return { consortiumId, reportingPolicy: policy };
}
