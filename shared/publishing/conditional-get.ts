import type { StoredDocument } from './documents';

export interface Answer {
  status: 200 | 304;
  headers: Record<string, string>;
  body: string;
}

/** An HTTP date (IMF-fixdate, RFC 9110 §5.6.7), to the second. */
export const httpDate = (iso: string) => new Date(iso).toUTCString();

/** A list of entity tags as If-None-Match gives it: `*`, or quoted tags with or without `W/` (RFC 9110 §8.8.3). */
const tagsIn = (header: string) => header.split(',').map((t) => t.trim().replace(/^W\//, ''));

const days = '(Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const months = '(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
/** RFC 9110 §5.6.7: the IMF-fixdate, and the two obsolete forms a recipient must still accept (RFC 850 and asctime). */
const httpDateForms = [
  new RegExp(`^${days}, \\d{2} ${months} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT$`),
  new RegExp(`^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \\d{2}-${months}-\\d{2} \\d{2}:\\d{2}:\\d{2} GMT$`),
  new RegExp(`^${days} ${months} [ \\d]\\d \\d{2}:\\d{2}:\\d{2} \\d{4}$`),
];

/** An HTTP-date's time, or NaN for anything else (an ISO date, a bare day): §13.1.3 says to ignore those. */
function parseHttpDate(value: string | undefined): number {
  const v = value?.trim() ?? '';
  if (!httpDateForms.some((form) => form.test(v))) return Number.NaN;
  // asctime has no zone and means GMT (§5.6.7); RFC 850's two-digit year is read as the engine reads it.
  return Date.parse(/GMT$/.test(v) ? v : `${v} GMT`);
}

/**
 * Whether the client's copy is current (RFC 9110 §13.1). If-None-Match, when sent, decides alone
 * (§13.2.2: If-Modified-Since is then ignored), by the weak comparison §13.1.2 prescribes for it;
 * otherwise If-Modified-Since holds when the document has not changed since that second. A
 * value that is not an HTTP-date is ignored, as §13.1.3 says.
 */
export function notModified(doc: Pick<StoredDocument, 'etag' | 'lastModified'>, request: Record<string, string | undefined>): boolean {
  const match = request['if-none-match'];
  if (match !== undefined) return match.trim() === '*' || tagsIn(match).includes(doc.etag);
  const since = parseHttpDate(request['if-modified-since']);
  if (Number.isNaN(since)) return false;
  return Math.floor(Date.parse(doc.lastModified) / 1000) * 1000 <= since;
}

/**
 * The answer to a GET of a public document: 304 with no body when the client's copy is current,
 * else the document. Both carry the validators and the caching rule (§15.4.5 asks a 304 to send
 * the headers a 200 would have): CloudFront and browsers keep it a minute, then revalidate, so a
 * rebuilt feed is seen within a minute and an unchanged one costs a 304.
 */
export function answerDocument(
  doc: StoredDocument,
  request: Record<string, string | undefined>,
  extra: Record<string, string> = {},
): Answer {
  const headers = {
    ...extra,
    'content-type': doc.contentType,
    etag: doc.etag,
    'last-modified': httpDate(doc.lastModified),
    'cache-control': 'public, max-age=60, must-revalidate',
    // Open data: any site's script may read it (360Giving's and OCDS's tools run in browsers).
    'access-control-allow-origin': '*',
    'x-content-type-options': 'nosniff',
  };
  if (!notModified(doc, request)) return { status: 200, headers, body: doc.body };
  // A 304 has no content, so no Content-Type to describe (§15.4.5 lists what it sends).
  const { 'content-type': _none, ...validators } = headers;
  return { status: 304, headers: validators, body: '' };
}

/** Which stored document a public URL names: the page, a 360Giving file, or one page of an OCDS list. */
export function documentName(rest: string, page: number): string | undefined {
  if (rest === '') return 'page';
  if (rest === '360giving.json' || rest === '360giving.csv') return rest;
  if (rest === 'ocds/releases') return `ocds-releases-${page}`;
  if (rest === 'ocds/records') return `ocds-records-${page}`;
  return undefined;
}
