import { addDays, londonDate, londonTime } from '../platform/london-time';
import { sendOnce } from '../platform/send-once';
import { isClosed, type Milestone } from './contract';
import { loadCouncil, policyOf } from './contracts';
import { makeEvent, subject } from './events';
import { issueMilestoneLink } from './evidence-request';
import { councilAlert, decisionEmails, evidenceArrived, supplierAlert } from './mail';
import type { ContractPolicy } from './rag';
import type { ContractsDeps } from './store';

const ALERT_FUNCTION = 'sendMilestoneAlert';
/** The morning after the due date: overdue. */
const OVERDUE_OFFSET = 1;

type AlertInput = { contractId: string; milestoneId: string; dueDate: string; offsetDays: number };

/** 09:00 London on each day the council's policy names before the due date, and the morning after it. */
const alertTimes = (dueDate: string, policy: ContractPolicy) =>
  [...policy.alertOffsetsDays, OVERDUE_OFFSET].map((offsetDays) => ({ offsetDays, at: londonTime(addDays(dueDate, offsetDays), '09:00') }));

/** The first 09:00 on the London clock after an instant (BST in summer, GMT in winter). */
export function nextLondonNine(now: Date): Date {
  const today = londonTime(londonDate(now), '09:00');
  return today > now ? today : londonTime(addDays(londonDate(now), 1), '09:00');
}

/**
 * The alerts still to schedule at `now`: those yet to come, and, when the latest that should
 * already have gone did not (a milestone registered or moved after its alert time, or already
 * overdue), that one at the next 09:00 London, unless a regular alert comes by then anyway.
 * It keeps its offset's name and send-once key, so one that did go out is not sent again.
 */
export function alertsToSchedule(dueDate: string, policy: ContractPolicy, now: Date) {
  const times = alertTimes(dueDate, policy).sort((a, b) => a.at.getTime() - b.at.getTime());
  const future = times.filter((t) => t.at > now);
  const missed = times.filter((t) => t.at <= now).at(-1);
  const catchUp = nextLondonNine(now);
  if (!missed || (future[0] && future[0].at <= catchUp)) return future;
  return [{ offsetDays: missed.offsetDays, at: catchUp }, ...future];
}

/** The schedule's name carries the due date, so a moved milestone gets new schedules and the old ones find it moved. */
const alertName = (a: AlertInput) =>
  `ms-${a.contractId}-${a.milestoneId}-${a.dueDate.replaceAll('-', '')}-${a.offsetDays < 0 ? `m${-a.offsetDays}` : `p${a.offsetDays}`}`;

/** contract.registered / contract.amended / contract.policy-set → one-time schedules for every future alert of every open milestone. */
export async function scheduleAlerts(deps: Pick<ContractsDeps, 'contracts' | 'scheduler' | 'clock'>, input: { contractId: string }) {
  const contract = await deps.contracts.getContract(input.contractId);
  if (!contract || isClosed(contract)) return { schedulesCreated: 0 };
  const policy = await policyOf(deps, contract.councilOrgId);
  const now = deps.clock.now();
  let created = 0;
  for (const m of contract.milestones.filter((x) => x.status === 'scheduled')) {
    for (const t of alertsToSchedule(m.dueDate, policy, now)) {
      const alert = { contractId: contract.id, milestoneId: m.id, dueDate: m.dueDate, offsetDays: t.offsetDays };
      const out = await deps.scheduler.scheduleOnce({
        name: alertName(alert),
        at: t.at,
        target: ALERT_FUNCTION,
        input: { kind: 'milestone-alert', ...alert },
      });
      if (out.created) created++;
    }
  }
  return { schedulesCreated: created };
}

/** contract.policy-set → the new offsets for every open contract of the council (old ones find the policy changed). */
export async function scheduleCouncilAlerts(
  deps: Pick<ContractsDeps, 'contracts' | 'scheduler' | 'clock'>,
  input: { councilOrgId: string },
) {
  let created = 0;
  for (const c of await deps.contracts.listCouncilContracts(input.councilOrgId))
    created += (await scheduleAlerts(deps, { contractId: c.id })).schedulesCreated;
  return { schedulesCreated: created };
}

/** Why an alert that fired says nothing: the milestone moved on, was decided, or the policy no longer asks for it. */
function staleBecause(m: Milestone | undefined, input: AlertInput, policy: ContractPolicy): string | undefined {
  if (!m) return 'no such milestone';
  if (m.status !== 'scheduled') return `milestone is ${m.status}`;
  if (m.dueDate !== input.dueDate) return 'milestone was rescheduled';
  if (input.offsetDays < 0 && m.evidence) return 'evidence already received';
  if (input.offsetDays !== OVERDUE_OFFSET && !policy.alertOffsetsDays.includes(input.offsetDays)) return 'policy no longer alerts then';
  return undefined;
}

/**
 * A scheduled alert: the supplier gets a link to send evidence, the council a note. Nothing once
 * the milestone is decided or moved; one email per recipient however often the schedule fires.
 */
export async function sendAlert(deps: Pick<ContractsDeps, 'platform' | 'consortia' | 'contracts' | 'mailer' | 'clock'>, input: AlertInput) {
  const contract = await deps.contracts.getContract(input.contractId);
  if (!contract || isClosed(contract)) return { sent: 0, reason: 'contract closed or gone' };
  const m = contract.milestones.find((x) => x.id === input.milestoneId);
  const stale = staleBecause(m, input, await policyOf(deps, contract.councilOrgId));
  if (stale || !m) return { sent: 0, reason: stale };
  const council = await loadCouncil(deps, contract.councilOrgId);
  const key = `milestone-alert#${contract.id}#${m.id}#${m.dueDate}#${input.offsetDays}`;
  const today = londonDate(deps.clock.now());
  let sent = 0;
  if (
    await sendOnce(deps, `${key}#supplier`, async () =>
      supplierAlert(contract, m, council, { ...(await issueMilestoneLink(deps, contract, m, 'scheduler', 'alert')), today }),
    )
  )
    sent++;
  if (await sendOnce(deps, `${key}#council`, councilAlert(contract, m, council, today))) sent++;
  if (sent)
    await deps.platform.appendEvent(
      makeEvent(
        'milestone.alert-sent',
        subject.contract(contract.id),
        'scheduler',
        // Named one by one: the schedule's input carries its own `kind`, which is no part of the event.
        {
          contractId: input.contractId,
          milestoneId: input.milestoneId,
          dueDate: input.dueDate,
          offsetDays: input.offsetDays,
          recipients: sent,
        },
        deps.clock.now(),
      ),
    );
  return { sent, reason: sent ? 'alerted' : 'already sent' };
}

/** milestone.decided → the supplier and the council contact hear the new status (once per decision). */
export async function notifyDecision(
  deps: Pick<ContractsDeps, 'platform' | 'consortia' | 'contracts' | 'mailer' | 'clock'>,
  input: { contractId: string; milestoneId: string; sequence: number },
) {
  const contract = await deps.contracts.getContract(input.contractId);
  const m = contract?.milestones.find((x) => x.id === input.milestoneId);
  // A later decision supersedes this one and sends its own.
  if (!contract || !m || m.sequence !== input.sequence) return { sent: 0 };
  const council = await loadCouncil(deps, contract.councilOrgId);
  let sent = 0;
  for (const [i, email] of decisionEmails(contract, m, council).entries())
    if (await sendOnce(deps, `milestone-decided#${contract.id}#${m.id}#${input.sequence}#${i}`, email)) sent++;
  return { sent };
}

/** milestone.evidence-submitted → the council contact is asked to decide. */
export async function notifyEvidence(
  deps: Pick<ContractsDeps, 'platform' | 'consortia' | 'contracts' | 'mailer' | 'clock'>,
  input: { contractId: string; milestoneId: string },
) {
  const contract = await deps.contracts.getContract(input.contractId);
  const m = contract?.milestones.find((x) => x.id === input.milestoneId);
  if (!contract || !m?.evidence || m.status === 'met') return { sent: 0 };
  const council = await loadCouncil(deps, contract.councilOrgId);
  return {
    sent: await sendOnce(
      deps,
      `milestone-evidence#${contract.id}#${m.id}#${m.evidence.submittedAt}`,
      evidenceArrived(contract, m, council),
    ),
  };
}
