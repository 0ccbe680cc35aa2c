import { DomainError } from './errors';
import type { PlatformStore, WaitingTask, Workflows } from './ports';

/** What a `.waitForTaskToken` step hands its function. */
export interface Callback {
  taskToken: string;
  executionName: string;
}

/**
 * Parks a workflow's task token in the table (never in a URL or an email) until an API call or
 * another step resumes it. `until` is a number of days from now, or an ISO time.
 */
export async function park(
  deps: { platform: PlatformStore; clock: { now(): Date } },
  subject: string,
  purpose: string,
  callback: Callback,
  until: number | string,
): Promise<string> {
  const deadline = typeof until === 'string' ? until : new Date(deps.clock.now().getTime() + until * 86400_000).toISOString();
  await deps.platform.putWaitingTask({ subject, purpose, taskToken: callback.taskToken, executionName: callback.executionName, deadline });
  return deadline;
}

/**
 * Takes the parked token (only one caller can) and resumes the workflow with `output`. False if
 * nothing was waiting; a workflow that stopped waiting meanwhile (timed out) is not an error.
 */
export async function resume(
  deps: { platform: PlatformStore; workflows: Workflows },
  subject: string,
  purpose: string,
  output: unknown,
): Promise<boolean> {
  const waiting = await deps.platform.takeWaitingTask(subject, purpose);
  if (!waiting) return false;
  await resumeTaken(deps, waiting, output);
  return true;
}

/** Resumes a workflow whose token the caller has already taken (in its own transaction). */
export async function resumeTaken(deps: { workflows: Workflows }, waiting: WaitingTask, output: unknown): Promise<void> {
  try {
    await deps.workflows.succeed(waiting.taskToken, output);
  } catch (error) {
    // The execution stopped waiting meanwhile (timed out): nothing to resume.
    if (!(error instanceof DomainError && error.kind === 'conflict')) throw error;
  }
}
