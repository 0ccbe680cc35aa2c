import { staffPageUrl, staffPaths } from '../platform/pages';
import { sendOnce } from '../platform/send-once';
import { park } from '../platform/waiting';
import { loadWithOrgs } from './access';
import { activate, lapse } from './consortium';
import { activatedEmail, invitationEmail, lapsedEmail, leadReminderEmail } from './emails';
import { makeEvent, subject } from './events';
import type { Organisation } from './organisation';
import type { ConsortiaDeps } from './store';

export { CONFIRM, CONFIRMATION_WINDOW_DAYS, INVITATION_WORKFLOW, LEAD_REMINDER_AFTER_DAYS } from './invitation-terms';

import { CONFIRM, CONFIRMATION_WINDOW_DAYS, INVITATION_WORKFLOW, LEAD_REMINDER_AFTER_DAYS } from './invitation-terms';

type D = Pick<ConsortiaDeps, 'consortia' | 'platform' | 'mailer' | 'clock'>;

// ---- workflow steps (consortia-invitation.asl.json) ----

export async function sendInvitations(deps: D, consortiumId: string) {
  const { consortium, orgs, lead } = await loadWithOrgs(deps, consortiumId);
  let sent = 0;
  for (const member of consortium.members) {
    const org = orgs.get(member.orgId) as Organisation;
    if (
      await sendOnce(
        deps,
        `${consortiumId}#invite#${org.id}`,
        invitationEmail(consortium, org, lead, staffPageUrl(staffPaths.consortium(consortiumId))),
      )
    )
      sent++;
  }
  const now = deps.clock.now();
  if (await deps.platform.claimOnce(`event#${consortiumId}#invitations-sent`, now, 90)) {
    await deps.platform.appendEvent(
      makeEvent(
        'consortium.invitations-sent',
        subject.consortium(consortiumId),
        'workflow',
        { consortiumId, invited: consortium.members.length },
        now,
      ),
    );
  }
  return { invited: consortium.members.length, emailsSent: sent };
}

export async function awaitLeadConfirmation(
  deps: Pick<ConsortiaDeps, 'platform' | 'clock'>,
  input: { consortiumId: string; taskToken: string; executionName: string },
) {
  return { waitingUntil: await park(deps, subject.consortium(input.consortiumId), CONFIRM, input, CONFIRMATION_WINDOW_DAYS) };
}

export async function settleConsortium(deps: D, input: { consortiumId: string; outcome: 'activate' | 'lapse' }) {
  const { consortium, orgs, lead } = await loadWithOrgs(deps, input.consortiumId);
  const now = deps.clock.now();
  const next = input.outcome === 'activate' ? activate(consortium, now) : lapse(consortium);
  if (next !== consortium) {
    await deps.consortia.saveConsortiumStatus(
      next,
      consortium.version,
      makeEvent(
        input.outcome === 'activate' ? 'consortium.activated' : 'consortium.lapsed',
        subject.consortium(consortium.id),
        'workflow',
        { consortiumId: consortium.id },
        now,
      ),
    );
  }
  if (input.outcome === 'lapse') await deps.platform.takeWaitingTask(subject.consortium(consortium.id), CONFIRM);
  let emailsSent = 0;
  for (const member of next.members) {
    const org = orgs.get(member.orgId) as Organisation;
    const email = input.outcome === 'activate' ? activatedEmail(next, org, lead) : lapsedEmail(next, org);
    if (await sendOnce(deps, `${consortium.id}#${input.outcome}#${org.id}`, email)) emailsSent++;
  }
  return { consortiumId: consortium.id, status: next.status, emailsSent };
}

// ---- event reactions and the scheduled reminder ----

export async function startInvitationWorkflow(deps: Pick<ConsortiaDeps, 'workflows'>, consortiumId: string) {
  // The execution name is the consortium id: a duplicated event starts nothing new.
  return deps.workflows.start(INVITATION_WORKFLOW, `consortium-${consortiumId}`, { consortiumId });
}

const LEAD_REMINDER_FUNCTION = 'sendLeadReminder';

export async function scheduleLeadReminder(deps: Pick<ConsortiaDeps, 'scheduler'>, input: { consortiumId: string; invitedAt: string }) {
  const at = new Date(new Date(input.invitedAt).getTime() + LEAD_REMINDER_AFTER_DAYS * 86400_000);
  return deps.scheduler.scheduleOnce({
    name: `consortium-${input.consortiumId}-lead-reminder`,
    at,
    target: LEAD_REMINDER_FUNCTION,
    input: { kind: 'consortium-lead-reminder', consortiumId: input.consortiumId },
  });
}

/** Fired by the scheduler; does nothing if the lead already answered. */
export async function sendLeadReminder(deps: D, consortiumId: string) {
  const { consortium, lead } = await loadWithOrgs(deps, consortiumId);
  if (consortium.status !== 'inviting') return { sent: false, reason: `consortium is ${consortium.status}` };
  const waiting = await deps.platform.getWaitingTask(subject.consortium(consortiumId), CONFIRM);
  if (!waiting) return { sent: false, reason: 'not waiting for confirmation' };
  const sent = await sendOnce(
    deps,
    `${consortiumId}#lead-reminder`,
    leadReminderEmail(consortium, lead, waiting.deadline, staffPageUrl(staffPaths.consortium(consortiumId))),
  );
  if (sent) {
    const now = deps.clock.now();
    await deps.platform.appendEvent(
      makeEvent('consortium.reminder-sent', subject.consortium(consortiumId), 'scheduler', { consortiumId, to: lead.id }, now),
    );
  }
  return { sent, reason: sent ? 'reminded' : 'already reminded' };
}
