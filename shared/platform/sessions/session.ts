import { randomBytes } from 'node:crypto';
import { hashLinkToken } from '../links/token';

/** A staff sign-in, kept server-side: the cookie carries only a random id, the table its hash. */
export interface Session {
  hash: string;
  email: string;
  /** Put in every form; a POST must bring it back (the cookie alone proves nothing). */
  csrf: string;
  createdAt: string;
  lastSeenAt: string;
}

const HOUR = 3_600_000;
/** Signed out after 8 hours without a request, and 12 hours after signing in whatever happens. */
export const sessionLimits = { idleMs: 8 * HOUR, absoluteMs: 12 * HOUR, touchAfterMs: 5 * 60_000 } as const;

const random = () => randomBytes(32).toString('base64url');

export function newSession(email: string, now: Date): { id: string; session: Session } {
  const id = random();
  const at = now.toISOString();
  return { id, session: { hash: hashLinkToken(id), email: email.toLowerCase(), csrf: random(), createdAt: at, lastSeenAt: at } };
}

export const sessionHash = hashLinkToken;

type SessionState = 'valid' | 'idle' | 'expired';

export function sessionState(s: Session, now: Date): SessionState {
  const t = now.getTime();
  if (t - new Date(s.createdAt).getTime() >= sessionLimits.absoluteMs) return 'expired';
  if (t - new Date(s.lastSeenAt).getTime() >= sessionLimits.idleMs) return 'idle';
  return 'valid';
}

/** The moment the session ends if nothing else happens: what the table's TTL is set from. */
export function sessionEnd(s: Session): Date {
  const idle = new Date(s.lastSeenAt).getTime() + sessionLimits.idleMs;
  const absolute = new Date(s.createdAt).getTime() + sessionLimits.absoluteMs;
  return new Date(Math.min(idle, absolute));
}

/** Writing on every page load would cost a write per request; a few minutes' slack is harmless. */
export const needsTouch = (s: Session, now: Date) => now.getTime() - new Date(s.lastSeenAt).getTime() >= sessionLimits.touchAfterMs;

/**
 * An OAuth sign-in under way (AWS): the PKCE verifier and where to go afterwards, found by the
 * hash of the `state` the browser brings back, used once.
 */
export interface LoginAttempt {
  hash: string;
  verifier: string;
  next: string;
  createdAt: string;
}

export const LOGIN_ATTEMPT_MS = 10 * 60_000;

export function newLoginAttempt(next: string, now: Date): { state: string; attempt: LoginAttempt } {
  const state = random();
  return { state, attempt: { hash: hashLinkToken(state), verifier: random(), next, createdAt: now.toISOString() } };
}
