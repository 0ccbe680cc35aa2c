import * as z from 'zod/mini';
import { type ItemKey, recordsOf } from './codec';
import type { DomainEvent } from './events';
import { platformKeys as keys } from './keys';
import type { LinkRecord } from './links/token';
import type { CurrentLink, WaitingTask } from './ports';
import type { LoginAttempt, Session } from './sessions/session';
import type { DraftAnswers } from './sessions/store';

/** The platform's records: the only place their stored shapes are spelled (docs/ARCHITECTURE.md, "Record kinds"). */
const record = /* @__PURE__ */ recordsOf('platform');

/** Events sit under their subject (any partition), so only their sort key is the platform's. */
export const eventRecord = /* @__PURE__ */ record<DomainEvent>()('event', ['', 'EVENT#'], {
  schema: () =>
    z.object({
      id: z.string(),
      type: z.string(),
      version: z.literal(1),
      subject: z.string(),
      occurredAt: z.string(),
      actor: z.string(),
      data: z.record(z.string(), z.unknown()),
    }),
  keys: (e) => keys.event(e.subject, e.occurredAt, e.id),
});

export const waitingTaskRecord = /* @__PURE__ */ record<WaitingTask>()('waiting-task', ['', 'WAIT#'], {
  schema: () =>
    z.object({ subject: z.string(), purpose: z.string(), taskToken: z.string(), executionName: z.string(), deadline: z.string() }),
  keys: (t) => keys.waitingTask(t.subject, t.purpose),
});

export const onceRecord = /* @__PURE__ */ record<{ claimedAt: string }, [scope: string]>()('once', ['ONCE#', 'ONCE'], {
  schema: () => z.object({ claimedAt: z.string() }),
  keys: (_o, scope) => keys.once(scope),
});

/** A link as stored: its expiry is kept as `expiresAtIso`, since the table's TTL owns `expiresAt`. */
export type StoredLink = Omit<LinkRecord, 'expiresAt'> & { expiresAtIso: string; revokedAt?: string };

export const linkRecord = /* @__PURE__ */ record<StoredLink>()('link', ['LINK#', 'LINK'], {
  schema: () =>
    z.object({
      hash: z.string(),
      scope: z.catchall(z.object({ kind: z.string() }), z.string()),
      status: z.enum(['active', 'used', 'revoked']),
      expiresAtIso: z.string(),
      createdAt: z.string(),
      usedAt: z.optional(z.string()),
      revokedAt: z.optional(z.string()),
    }),
  keys: (l) => keys.link(l.hash),
});

/** The stored link as the port's record (its expiry back under `expiresAt`). */
export const linkOf = (stored: StoredLink): LinkRecord => {
  const { expiresAtIso, ...rest } = stored;
  return { ...rest, expiresAt: expiresAtIso };
};

/**
 * Which reusable link an owner record uses now (a calendar feed). The item is the platform's (its
 * rotation is one platform write); its key is the owner feature's, given as `at`.
 */
// Under the owner's key (no prefix of its own): the owner feature declares the prefix (calendar's `feedPointer`).
export const currentLinkRecord = /* @__PURE__ */ record<CurrentLink, [pointer: ItemKey]>()('current-link', ['', ''], {
  schema: () => z.object({ hash: z.string(), createdAt: z.string() }),
  keys: (_l, pointer) => ({ pk: pointer.pk, sk: pointer.sk }),
});

export const sessionRecord = /* @__PURE__ */ record<Session>()('session', ['SESSION#', 'SESSION'], {
  schema: () => z.object({ hash: z.string(), email: z.string(), csrf: z.string(), createdAt: z.string(), lastSeenAt: z.string() }),
  keys: (s) => keys.session(s.hash),
});

export const journeyDraftRecord = /* @__PURE__ */ record<{ answers: DraftAnswers }, [hash: string, journey: string]>()(
  'draft',
  ['SESSION#', 'DRAFT#'],
  {
    schema: () => z.object({ answers: z.record(z.string(), z.union([z.string(), z.array(z.string())])) }),
    keys: (_d, hash, journey) => keys.sessionDraft(hash, journey),
  },
);

export const loginAttemptRecord = /* @__PURE__ */ record<LoginAttempt>()('login', ['LOGIN#', 'LOGIN'], {
  schema: () => z.object({ hash: z.string(), verifier: z.string(), next: z.string(), createdAt: z.string() }),
  keys: (a) => keys.loginAttempt(a.hash),
});

/** Every record kind the platform owns (the ownership test reads their prefixes). */
export const records = [
  eventRecord,
  waitingTaskRecord,
  onceRecord,
  linkRecord,
  currentLinkRecord,
  sessionRecord,
  journeyDraftRecord,
  loginAttemptRecord,
];
