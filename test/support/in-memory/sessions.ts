import { platformKeys as keys } from '../../../shared/platform/keys';
import type { LoginAttempt, Session } from '../../../shared/platform/sessions/session';
import type { DraftAnswers, SessionStore } from '../../../shared/platform/sessions/store';
import { type MemoryTable, mustExist, mustNotExist, strip } from './table';

export function memorySessions(table: MemoryTable): SessionStore {
  return {
    async putSession(session) {
      table.transact([{ key: keys.session(session.hash), check: mustNotExist(), write: () => ({ entity: 'session', ...session }) }]);
    },
    async getSession(hash) {
      return strip<Session>(table.get(keys.session(hash)));
    },
    async touchSession(hash, lastSeenAt) {
      table.attempt([{ key: keys.session(hash), check: mustExist(), write: (cur) => ({ ...cur, lastSeenAt }) }]);
    },
    async deleteSession(hash) {
      table.transact([{ key: keys.session(hash), write: () => undefined }]);
    },
    async putDraft(hash, journey, answers) {
      table.put(keys.sessionDraft(hash, journey), { entity: 'draft', answers });
    },
    async getDraft(hash, journey) {
      return table.get(keys.sessionDraft(hash, journey))?.answers as DraftAnswers | undefined;
    },
    async deleteDraft(hash, journey) {
      table.transact([{ key: keys.sessionDraft(hash, journey), write: () => undefined }]);
    },
    async putLoginAttempt(attempt) {
      table.put(keys.loginAttempt(attempt.hash), { entity: 'login', ...attempt });
    },
    async takeLoginAttempt(hash) {
      const found = strip<LoginAttempt>(table.get(keys.loginAttempt(hash)));
      table.transact([{ key: keys.loginAttempt(hash), write: () => undefined }]);
      return found;
    },
  };
}
