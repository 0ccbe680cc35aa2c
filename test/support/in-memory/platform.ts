import { currentLinkRecord, eventRecord, linkOf, linkRecord, onceRecord, waitingTaskRecord } from '../../../shared/platform/codecs';
import { conflict } from '../../../shared/platform/errors';
import { platformKeys as keys } from '../../../shared/platform/keys';
import type { LinkRecord } from '../../../shared/platform/links/token';
import type { PlatformStore, WaitingTask } from '../../../shared/platform/ports';
import { eventOp, type MemoryTable, mustExist, mustNotExist, refuse } from './table';

/** The stored link item back as a record: its expiry is kept as `expiresAtIso` (the TTL owns `expiresAt`). */
function asLink(item: Record<string, unknown> | undefined): LinkRecord | undefined {
  const stored = linkRecord.fromOptional(item);
  return stored && linkOf(stored);
}

export function memoryPlatform(table: MemoryTable): PlatformStore {
  return {
    async putWaitingTask(task) {
      table.put(keys.waitingTask(task.subject, task.purpose), waitingTaskRecord.toItem(task));
    },
    getWaitingTask: async (subject, purpose) => table.read(waitingTaskRecord, keys.waitingTask(subject, purpose)),
    async takeWaitingTask(subject, purpose) {
      const key = keys.waitingTask(subject, purpose);
      const found = table.get(key);
      return table.attempt([{ key, check: mustExist(), write: () => undefined }]) ? waitingTaskRecord.fromOptional(found) : undefined;
    },
    async claimOnce(scope, now) {
      const key = keys.once(scope);
      return table.attempt([{ key, check: mustNotExist(), write: () => onceRecord.toItem({ claimedAt: now.toISOString() }, scope) }]);
    },
    async releaseOnce(scope) {
      table.transact([{ key: keys.once(scope), write: () => undefined }]);
    },
    async appendEvent(event) {
      table.transact([eventOp(event)]);
    },
    listEvents: async (subject) => table.list(eventRecord, subject, keys.eventPrefix),
    async putLink(link) {
      table.transact([putLinkOp(link)]);
    },
    async getLink(hash) {
      return asLink(table.get(keys.link(hash)));
    },
    async getLinkWith(hash, also) {
      return { link: asLink(table.get(keys.link(hash))), items: also.map((k) => table.get(k)) };
    },
    async revokeLink(hash, now) {
      table.transact([
        {
          key: keys.link(hash),
          check: mustExist(() => conflict('no such link')),
          write: (cur) => ({ ...cur, status: 'revoked', revokedAt: now }),
        },
      ]);
    },
    getCurrentLink: async (pointer) => table.read(currentLinkRecord, pointer),
    async rotateLink(pointer, link, previous, event) {
      const rotated = () =>
        conflict('the link was changed by someone else at the same moment; reload and try again', { rule: 'link-rotated' });
      table.transact([
        putLinkOp(link),
        {
          key: pointer,
          check: (cur) => ((previous ? cur?.hash === previous : !cur) ? undefined : rotated()),
          write: () => currentLinkRecord.toItem({ hash: link.hash, createdAt: link.createdAt }, pointer),
        },
        ...(previous
          ? [
              {
                key: keys.link(previous),
                check: mustExist(rotated),
                write: (cur: Record<string, unknown> | undefined) => ({ ...cur, status: 'revoked', revokedAt: link.createdAt }),
              },
            ]
          : []),
        eventOp(event),
      ]);
    },
    async probe() {},
  };
}

/** Consumes a single-use link inside a memory transaction, under the same condition as on DynamoDB. */
/** As on DynamoDB, the expiry is kept apart from `expiresAt`, the table's time-to-live attribute. */
function putLinkOp(link: LinkRecord) {
  const { expiresAt, ...rest } = link;
  return {
    key: keys.link(link.hash),
    check: mustNotExist(() => conflict('link exists')),
    write: () => linkRecord.toItem({ ...rest, expiresAtIso: expiresAt }),
  };
}

/** Takes a parked task token in the transaction that makes it due, only if it is still the one read. */
export function takeWaitingOp(task: WaitingTask) {
  return {
    key: keys.waitingTask(task.subject, task.purpose),
    check: (cur: Record<string, unknown> | undefined) => (cur?.taskToken === task.taskToken ? undefined : refuse('task token moved on')),
    write: () => undefined,
  };
}

export function consumeLinkOp(hash: string, now: string) {
  return {
    key: keys.link(hash),
    check: (link: Record<string, unknown> | undefined) =>
      link?.status === 'active' && String(link.expiresAtIso) > now ? undefined : refuse('link not usable'),
    write: (link: Record<string, unknown> | undefined) => ({ ...link, status: 'used', usedAt: now }),
  };
}
