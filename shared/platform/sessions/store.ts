import type { LoginAttempt, Session } from './session';

/** Where sessions and sign-ins under way are kept: one item each in the table, removed by TTL. */
export interface SessionStore {
  putSession(session: Session): Promise<void>;
  getSession(hash: string): Promise<Session | undefined>;
  /** Records activity; a session signed out meanwhile stays signed out. */
  touchSession(hash: string, lastSeenAt: string, expiresAt: Date): Promise<void>;
  deleteSession(hash: string): Promise<void>;
  putLoginAttempt(attempt: LoginAttempt): Promise<void>;
  /** Removes and returns the attempt: a `state` works once. */
  takeLoginAttempt(hash: string): Promise<LoginAttempt | undefined>;
}
