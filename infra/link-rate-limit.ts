import { layout } from '../functions/lib/html';
import type { RouteSpec } from '../shared/platform/catalog';

/**
 * How many requests one client address may make to the emailed-link URLs: the WAF rate-based
 * rule on AWS and the local HTTP adapter both read these numbers, and nothing else states them.
 *
 * 300 in 5 minutes: a person following a link makes a handful of requests (open, save, send, a
 * reload), and calendar apps poll each feed every few hours but fetch many people's feeds from
 * a few shared addresses, so an hour's allowance of 3,600 leaves both far below the limit. A
 * guesser gets at most 86,400 tries a day per address against 256-bit tokens: the limit is
 * about load and cost (every guess is a Lambda call and a table read), not about entropy.
 * WAF accepts windows of 60, 120, 300 or 600 seconds and limits of 10 or more.
 */
export const linkRateLimit = { limit: 300, windowSeconds: 300 } as const;

/** `/r/{token}`, `/b/{token}`, …: a public route whose only parameter is a token is an emailed link. */
const linkRoute = /^(\/[^/{}]+\/)\{token\}$/;

/**
 * The path prefixes the limit applies to (`/r/`, `/b/`, …), from the catalog's public link
 * routes, so a feature that adds a link kind under a new prefix is covered without a list to edit.
 */
export function linkPathPrefixes(routes: readonly RouteSpec[]): string[] {
  const prefixes = routes.filter((r) => r.auth === 'public').flatMap((r) => linkRoute.exec(r.path)?.[1] ?? []);
  return [...new Set(prefixes)].sort();
}

const minutes = linkRateLimit.windowSeconds / 60;

/**
 * The answer once the limit is reached, in both targets: an HTML page in the style of the link
 * pages (links are opened in browsers), with the link pages' headers. `content-type` is not among
 * them because WAF sets it from the body's declared type and refuses it as a custom header.
 */
export const tooManyRequests = {
  status: 429,
  headers: {
    'retry-after': String(linkRateLimit.windowSeconds),
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
    'x-robots-tag': 'noindex, nofollow',
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'",
  },
  html: layout(
    'Too many requests',
    `<h1>Too many requests</h1><p>Too many links were opened from your internet connection in the last few minutes, so this one was not opened. If you were sending a form, it was not saved.</p><p>Please wait ${minutes} minutes, then open the link from your email again.</p>`,
  ),
} as const;
