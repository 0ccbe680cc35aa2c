/**
 * Keys of the platform's records (see docs/ARCHITECTURE.md, "Access patterns"). Each feature
 * spells its own keys in its own `keys.ts`; nothing else builds a key.
 */
export const platformKeys = {
  /** The open task token a workflow waits on, kept server-side so it never leaves in a URL. */
  waitingTask: (subject: string, purpose: string) => ({
    pk: subject,
    sk: `WAIT#${purpose}`,
  }),
  /** Idempotency marker: a side effect (e.g. one email) happens once per key. */
  once: (scope: string) => ({
    pk: `ONCE#${scope}`,
    sk: 'ONCE',
  }),
  /** Events sit under their subject (audit trail) and, by day, in gsi2 (a feed of the day's events). */
  event: (subject: string, occurredAt: string, eventId: string) => ({
    pk: subject,
    sk: `EVENT#${occurredAt}#${eventId}`,
    gsi2pk: `EVENTS#${occurredAt.slice(0, 10)}`,
    gsi2sk: `${occurredAt}#${eventId}`,
  }),
  eventPrefix: 'EVENT#',
  /** An emailed link, by the SHA-256 of its token (the token itself is never stored). */
  link: (hash: string) => ({
    pk: `LINK#${hash}`,
    sk: 'LINK',
  }),
  /** A staff session, by the SHA-256 of the id its cookie carries. */
  session: (hash: string) => ({
    pk: `SESSION#${hash}`,
    sk: 'SESSION',
  }),
  /**
   * What a person has answered so far in one journey of question pages (creating a pool, a
   * grant's plan…), beside their session: ended with it by TTL, removed when the journey ends.
   */
  sessionDraft: (hash: string, journey: string) => ({
    pk: `SESSION#${hash}`,
    sk: `DRAFT#${journey}`,
  }),
  /** A sign-in under way, by the SHA-256 of its OAuth `state`. */
  loginAttempt: (hash: string) => ({
    pk: `LOGIN#${hash}`,
    sk: 'LOGIN',
  }),
  /** Read (never written) by health checks. */
  probe: { pk: 'HEALTH', sk: 'HEALTH' },
} as const;
