import type { StoredEmail } from './ses-local';

/**
 * Acting on what a provider received, as a person would: find the link in the email in the SES
 * emulator, open the form (a GET, which never consumes the link), post it back with the hidden
 * scope the form carries. The demo and the tests both drive the system this way.
 */

const LINK = {
  report: /(https?:\/\/\S+\/r\/[A-Za-z0-9_-]{43})/g,
  bid: /(https?:\/\/\S+\/b\/[A-Za-z0-9_-]{43})/g,
  milestone: /(https?:\/\/\S+\/m\/[A-Za-z0-9_-]{43})/g,
} as const;

/** The links of a kind (`/r/…` report links, `/b/…` bid and question links, `/m/…` milestone evidence) in an email's text, in order. */
export const linksIn = (email: { body: { text?: string | undefined } } | undefined, kind: keyof typeof LINK): string[] =>
  [...(email?.body.text ?? '').matchAll(LINK[kind])].map((m) => m[1] as string);

/**
 * In the newest email to `to` whose subject matches: its bid link (the first) or its question
 * link (the last, after the per-lot links).
 */
export function tenderLinkIn(emails: StoredEmail[], to: string, subject: RegExp, which: 'bid' | 'question' = 'bid'): string {
  const mail = emails.filter((e) => e.destination.to.includes(to) && subject.test(e.subject)).at(-1);
  const links = linksIn(mail, 'bid');
  const link = which === 'bid' ? links[0] : links.at(-1);
  if (!link) throw new Error(`no ${which} link in the newest "${subject.source}" email to ${to}`);
  return link;
}

/** The hidden scope field a form carries (the report, condition or tender its link is for). */
export const scopeOf = (html: string) => /name="scope" value="([^"]+)"/.exec(html)?.[1] ?? '';

export async function openLink(url: string) {
  const res = await fetch(url);
  return { status: res.status, html: await res.text(), headers: res.headers };
}

export async function postLink(url: string, fields: Record<string, string>) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: res.status, html: await res.text() };
}

/** Opens the form at a link and posts it with the scope it carries (or one the caller opened earlier). */
export async function fillIn(url: string, fields: Record<string, string>, openedScope?: string) {
  const scope = openedScope ?? scopeOf((await openLink(url)).html);
  return postLink(url, { scope, ...fields });
}

/** The bid form's fields for the lots given: included, priced, and both questions answered. */
export const bidFields = (lots: Record<string, { price: string; localKnowledge: string; delivery: string }>) =>
  Object.fromEntries(
    Object.entries(lots).flatMap(([lot, b]) => [
      [`lot.${lot}.include`, 'yes'],
      [`lot.${lot}.price`, b.price],
      [`lot.${lot}.local-knowledge`, b.localKnowledge],
      [`lot.${lot}.delivery`, b.delivery],
    ]),
  );
