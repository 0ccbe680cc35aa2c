import type { LoginAttempt, Session } from './session';

/** What was typed on a journey's question pages, by field name: decoded only when the journey is sent. */
export type DraftAnswers = Record<string, string | string[]>;

/** Where sessions and sign-ins under way are kept: one item each in the table, removed by TTL. */
export interface SessionStore {
  putSession(session: Session): Promise<void>;
  getSession(hash: string): Promise<Session | undefined>;
  /** Records activity; a session signed out meanwhile stays signed out. */
  touchSession(hash: string, lastSeenAt: string, expiresAt: Date): Promise<void>;
  deleteSession(hash: string): Promise<void>;
  /** A journey's answers so far (what was typed, field by field), kept until the session ends. */
  putDraft(hash: string, journey: string, answers: DraftAnswers, expiresAt: Date): Promise<void>;
  getDraft(hash: string, journey: string): Promise<DraftAnswers | undefined>;
  deleteDraft(hash: string, journey: string): Promise<void>;
  putLoginAttempt(attempt: LoginAttempt): Promise<void>;
  /** Removes and returns the attempt: a `state` works once. */
  takeLoginAttempt(hash: string): Promise<LoginAttempt | undefined>;
}
