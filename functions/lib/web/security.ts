import { timingSafeEqual } from 'node:crypto';
import { config } from '../../../shared/platform/config';
import { type ApiEvent, bodyText } from '../http';

/** On AWS the pages are served over HTTPS (CloudFront); locally over plain HTTP on 127.0.0.1. */
const secure = () => config.appUrl().startsWith('https://');
const appOrigin = () => new URL(config.appUrl()).origin;

/**
 * `__Host-` binds the cookie to this exact origin (Secure, Path=/, no Domain), but browsers
 * accept it only over HTTPS; locally the same cookie goes without the prefix and Secure flag.
 */
export const sessionCookieName = () => (secure() ? '__Host-grantloop-session' : 'grantloop-session');
export const loginCookieName = () => (secure() ? '__Host-grantloop-login' : 'grantloop-login');

export function setCookie(name: string, value: string, maxAgeSeconds: number): string {
  return [`${name}=${value}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${maxAgeSeconds}`, ...(secure() ? ['Secure'] : [])].join('; ');
}

export const clearCookie = (name: string) => setCookie(name, '', 0);

/** HTTP API's payload 2.0 gives cookies as `name=value` strings. */
export function readCookie(event: ApiEvent, name: string): string | undefined {
  for (const c of event.cookies ?? []) {
    const at = c.indexOf('=');
    if (at > 0 && c.slice(0, at).trim() === name) return c.slice(at + 1).trim();
  }
  return undefined;
}

/** Every page: no script at all, nothing framed, nothing sniffed; HSTS where there is HTTPS. */
export function securityHeaders(): Record<string, string> {
  return {
    'content-security-policy':
      "default-src 'none'; style-src 'self'; img-src 'self' data:; font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    // Same-origin keeps the Origin header on our own form posts (the CSRF check reads it).
    'referrer-policy': 'same-origin',
    'cache-control': 'no-store',
    ...(secure() ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}

const header = (event: ApiEvent, name: string) => event.headers?.[name] ?? event.headers?.[name.toLowerCase()];

/** A form post must come from our own origin: the Origin header, or the Referer where a browser omits it. */
export function sameOrigin(event: ApiEvent): boolean {
  const origin = header(event, 'origin');
  if (origin) return origin === appOrigin();
  const referer = header(event, 'referer');
  if (!referer) return false;
  try {
    return new URL(referer).origin === appOrigin();
  } catch {
    return false;
  }
}

export function sameToken(a: string | undefined, b: string): boolean {
  if (!a || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/** Only our own pages are places to return to after sign-in (no open redirect). */
export const safeNext = (next: string | undefined) => (next && /^\/app(\/[^/\\]|$|\?)/.test(next) && !next.includes('//') ? next : '/app');

const lossy = new TextDecoder('utf-8');

/**
 * A staff page's form, read even where its bytes are not UTF-8: each such byte becomes U+FFFD,
 * which the form decoder refuses against the field it is in (issue 24: the person is told which
 * answer to type again, and keeps the others). Nothing with U+FFFD in it is ever stored.
 */
export function pageForm(event: Pick<ApiEvent, 'body' | 'isBase64Encoded'>): Record<string, string | string[]> {
  const text = !event.body ? '' : event.isBase64Encoded ? lossy.decode(Buffer.from(event.body, 'base64')) : event.body;
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of new URLSearchParams(text)) {
    const had = out[k];
    out[k] = had === undefined ? v : Array.isArray(had) ? [...had, v] : [had, v];
  }
  return out;
}

/** One value a field, the last posted (as `URLSearchParams` read into an object gives). */
export const lastValues = (fields: Record<string, string | string[]>): Record<string, string> =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, Array.isArray(v) ? (v.at(-1) ?? '') : v]));

export function formBody(event: ApiEvent): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(bodyText(event)));
}
