import { DomainError } from '../platform/errors';
import type { PlatformStore, Workflows } from '../platform/ports';
import { subject } from './events';
import type { Tender } from './tender';

/** What a tender's workflow waits for, each a parked task token under the tender's subject. */
export const WAIT = {
  signOff: 'sign-off',
  deadline: 'submission-deadline',
  evaluation: 'evaluation',
  awardDecision: 'award-decision',
  standstill: 'standstill',
  challenge: (lotId: string) => `challenge-${lotId}`,
} as const;

/** How long funders have to sign off, then the lead to decide for those who did not. */
export const SIGN_OFF_WINDOW_DAYS = 10;
export const LEAD_DECISION_WINDOW_DAYS = 5;
/** How long funders have to vote on the award decision. */
export const AWARD_VOTE_WINDOW_DAYS = 10;

/** The error a cancelled tender's waiting steps fail with; the workflow catches it and ends as cancelled. */
const CANCELLED = 'TenderCancelled';

/** Stops whatever the tender's workflow is waiting for, so it ends (its Catch reports the cancellation). */
export async function stopWaiting(
  deps: { platform: PlatformStore; workflows: Workflows },
  tender: Tender,
  reason: string,
): Promise<number> {
  const purposes = [
    WAIT.signOff,
    WAIT.deadline,
    WAIT.evaluation,
    WAIT.awardDecision,
    WAIT.standstill,
    ...tender.lots.map((l) => WAIT.challenge(l.id)),
  ];
  let stopped = 0;
  for (const purpose of purposes) {
    const waiting = await deps.platform.takeWaitingTask(subject.tender(tender.id), purpose);
    if (!waiting) continue;
    try {
      await deps.workflows.fail(waiting.taskToken, CANCELLED, reason);
      stopped++;
    } catch (error) {
      // A step that timed out meanwhile is no longer waiting: nothing to stop.
      if (!(error instanceof DomainError && error.kind === 'conflict')) throw error;
    }
  }
  return stopped;
}
