import { journeyDraftRecord, loginAttemptRecord, sessionRecord } from '../../../shared/platform/codecs';
import { platformKeys as keys } from '../../../shared/platform/keys';
import type { SessionStore } from '../../../shared/platform/sessions/store';
import { type MemoryTable, mustExist, mustNotExist } from './table';

export function memorySessions(table: MemoryTable): SessionStore {
  return {
    async putSession(session) {
      table.transact([{ key: keys.session(session.hash), check: mustNotExist(), write: () => sessionRecord.toItem(session) }]);
    },
    getSession: async (hash) => table.read(sessionRecord, keys.session(hash)),
    async touchSession(hash, lastSeenAt) {
      table.attempt([{ key: keys.session(hash), check: mustExist(), write: (cur) => ({ ...cur, lastSeenAt }) }]);
    },
    async deleteSession(hash) {
      table.transact([{ key: keys.session(hash), write: () => undefined }]);
    },
    async putDraft(hash, journey, answers) {
      table.put(keys.sessionDraft(hash, journey), journeyDraftRecord.toItem({ answers }, hash, journey));
    },
    getDraft: async (hash, journey) => table.read(journeyDraftRecord, keys.sessionDraft(hash, journey))?.answers,
    async deleteDraft(hash, journey) {
      table.transact([{ key: keys.sessionDraft(hash, journey), write: () => undefined }]);
    },
    async putLoginAttempt(attempt) {
      table.put(keys.loginAttempt(attempt.hash), loginAttemptRecord.toItem(attempt));
    },
    async takeLoginAttempt(hash) {
      const found = table.read(loginAttemptRecord, keys.loginAttempt(hash));
      table.transact([{ key: keys.loginAttempt(hash), write: () => undefined }]);
      return found;
    },
  };
}
