import type { Clock } from '../clock';
import { needsTouch, newSession, type Session, sessionEnd, sessionHash, sessionState } from './session';
import type { SessionStore } from './store';

export interface SessionDeps {
  sessions: SessionStore;
  clock: Clock;
}

/** Sign-in has proved who this is (Cognito on AWS, the local sign-in page locally): a new session. */
export async function startSession(deps: SessionDeps, email: string): Promise<{ id: string; session: Session }> {
  const started = newSession(email, deps.clock.now());
  await deps.sessions.putSession(started.session);
  return started;
}

/** The live session a cookie names, or undefined; an ended session is removed as soon as it is seen. */
export async function openSession(deps: SessionDeps, id: string | undefined): Promise<Session | undefined> {
  if (!id || !/^[A-Za-z0-9_-]{43}$/.test(id)) return undefined;
  const hash = sessionHash(id);
  const session = await deps.sessions.getSession(hash);
  if (!session) return undefined;
  const now = deps.clock.now();
  if (sessionState(session, now) !== 'valid') {
    await deps.sessions.deleteSession(hash);
    return undefined;
  }
  if (needsTouch(session, now)) {
    const touched = { ...session, lastSeenAt: now.toISOString() };
    await deps.sessions.touchSession(hash, touched.lastSeenAt, sessionEnd(touched));
    return touched;
  }
  return session;
}

export async function endSession(deps: SessionDeps, id: string | undefined): Promise<void> {
  if (id) await deps.sessions.deleteSession(sessionHash(id));
}
