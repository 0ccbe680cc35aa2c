/** A primary key. Each feature's `keys.ts` builds its keys from these, one line a key. */
export const key = (pk: string, sk: string) => ({ pk, sk });
/** An item's keys in the first index. */
export const gsi1 = (pk: string, sk: string) => ({ gsi1pk: pk, gsi1sk: sk });
/** An item's keys in the second index. */
export const gsi2 = (pk: string, sk: string) => ({ gsi2pk: pk, gsi2sk: sk });
/** A number in a sort key, zero-padded to `width` digits so that keys sort in its order. */
export const ordered = (n: number, width: number): string => String(n).padStart(width, '0');

/**
 * Keys of the platform's records (see docs/ARCHITECTURE.md, "Access patterns"). Each feature
 * spells its own keys in its own `keys.ts`; nothing else builds a key.
 */
export const platformKeys = {
  /** The open task token a workflow waits on, kept server-side so it never leaves in a URL. */
  waitingTask: (subject: string, purpose: string) => key(subject, `WAIT#${purpose}`),
  /** Idempotency marker: a side effect (e.g. one email) happens once per key. */
  once: (scope: string) => key(`ONCE#${scope}`, 'ONCE'),
  /** Events sit under their subject (audit trail) and, by day, in gsi2 (a feed of the day's events). */
  event: (subject: string, occurredAt: string, eventId: string) => ({
    ...key(subject, `EVENT#${occurredAt}#${eventId}`),
    ...gsi2(`EVENTS#${occurredAt.slice(0, 10)}`, `${occurredAt}#${eventId}`),
  }),
  eventPrefix: 'EVENT#',
  /** An emailed link, by the SHA-256 of its token (the token itself is never stored). */
  link: (hash: string) => key(`LINK#${hash}`, 'LINK'),
  /** A staff session, by the SHA-256 of the id its cookie carries. */
  session: (hash: string) => key(`SESSION#${hash}`, 'SESSION'),
  /**
   * What a person has answered so far in one journey of question pages (creating a pool, a
   * grant's plan…), beside their session: ended with it by TTL, removed when the journey ends.
   */
  sessionDraft: (hash: string, journey: string) => key(`SESSION#${hash}`, `DRAFT#${journey}`),
  /** A sign-in under way, by the SHA-256 of its OAuth `state`. */
  loginAttempt: (hash: string) => key(`LOGIN#${hash}`, 'LOGIN'),
  /** Read (never written) by health checks. */
  probe: key('HEALTH', 'HEALTH'),
} as const;
