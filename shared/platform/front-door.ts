import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * The HTTP API's own `execute-api` address answers anyone who finds it, which would walk around
 * CloudFront and its WAF rate limit (issue 27). CloudFront adds a secret header to every request
 * it forwards; every function behind the API refuses a request without it. The secret lives in
 * Secrets Manager as `{"current": …, "previous": …}` and is rotated there: the rotation writes a
 * new `current`, keeps the old one as `previous`, and sets CloudFront's header to the new one,
 * so requests still in flight with the old value pass while CloudFront's change spreads.
 */
export const frontDoor = {
  header: 'x-grantloop-origin',
  /** Set on every function that serves a route, on AWS only: the local runtime has no CloudFront. */
  secretEnv: 'ORIGIN_SECRET_ARN',
  /** How long a function trusts the secret it read, and how soon a mismatch may read it again. */
  maxAgeMs: 15 * 60_000,
  rereadAfterMs: 10_000,
} as const;

export interface FrontDoorSecret {
  current: string;
  previous?: string;
}

export function parseFrontDoorSecret(text: string): FrontDoorSecret {
  const value = JSON.parse(text) as Partial<FrontDoorSecret>;
  if (typeof value.current !== 'string' || value.current.length < 32) throw new Error('the front door secret has no current value');
  return { current: value.current, ...(typeof value.previous === 'string' ? { previous: value.previous } : {}) };
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Whether `given` is the current or the previous value, compared in constant time. */
export function opens(secret: FrontDoorSecret, given: string): boolean {
  const d = digest(given);
  return [secret.current, secret.previous].some((v) => v !== undefined && timingSafeEqual(digest(v), d));
}

/**
 * The check with its cache: a secret read once per container (and again after `maxAgeMs`), read
 * again at most every `rereadAfterMs` when a header does not match, in case it was just rotated.
 * A request with no header is refused without reading anything.
 */
export function frontDoorCheck(read: () => Promise<FrontDoorSecret>, now: () => number = Date.now) {
  let known: { secret: FrontDoorSecret; at: number } | undefined;
  const refresh = async () => {
    known = { secret: await read(), at: now() };
    return known.secret;
  };
  return async (given: string | undefined): Promise<boolean> => {
    if (!given) return false;
    if (!known || now() - known.at > frontDoor.maxAgeMs) return opens(await refresh(), given);
    if (opens(known.secret, given)) return true;
    return now() - known.at > frontDoor.rereadAfterMs ? opens(await refresh(), given) : false;
  };
}
