import type { Email, Mailer, PlatformStore } from './ports';

/**
 * Sends an email once per scope, however often the step that sends it is retried or its event
 * delivered. The email is built only if it will be sent (building may issue a link).
 */
export async function sendOnce(
  deps: { platform: PlatformStore; mailer: Mailer; clock: { now(): Date } },
  scope: string,
  email: Email | (() => Promise<Email>),
  keepDays = 400,
): Promise<boolean> {
  if (!(await deps.platform.claimOnce(`email#${scope}`, deps.clock.now(), keepDays))) return false;
  try {
    await deps.mailer.send(typeof email === 'function' ? await email() : email);
  } catch (error) {
    // Give the claim back so the retried step sends it; a duplicate is only possible if SES
    // accepted the mail and then the call failed, which is the safer side to err on.
    await deps.platform.releaseOnce(`email#${scope}`);
    throw error;
  }
  return true;
}
