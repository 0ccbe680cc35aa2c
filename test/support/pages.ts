import { expect } from 'vitest';
import type { TestStack } from './stack';

/** A browser's view of the staff pages over plain HTTP: a cookie jar of one session, redirects not followed. */
export interface PageClient {
  cookie: string;
  get(path: string, headers?: Record<string, string>): Promise<{ status: number; html: string; location: string | null; headers: Headers }>;
  post(
    path: string,
    fields: Record<string, string>,
    headers?: Record<string, string>,
  ): Promise<{ status: number; html: string; location: string | null }>;
  /** The session's form token, as a page's forms carry it. */
  csrf(): Promise<string>;
}

export async function signInAs(stack: TestStack, email: string): Promise<PageClient> {
  const base = stack.runtime.apiUrl;
  const res = await fetch(`${base}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base },
    body: new URLSearchParams({ email, next: '/app' }),
  });
  const set = res.headers.get('set-cookie') ?? '';
  const cookie = /grantloop-session=[^;]+/.exec(set)?.[0];
  if (res.status !== 303 || !cookie) throw new Error(`sign-in as ${email}: ${res.status} ${await res.text()}`);
  return pageClient(stack, cookie, set);
}

export function pageClient(stack: TestStack, cookie: string, setCookie = ''): PageClient & { setCookie: string } {
  const base = stack.runtime.apiUrl;
  const client = {
    cookie,
    setCookie,
    async get(path: string, headers: Record<string, string> = {}) {
      const res = await fetch(`${base}${path}`, { redirect: 'manual', headers: { cookie, ...headers } });
      return { status: res.status, html: await res.text(), location: res.headers.get('location'), headers: res.headers };
    },
    async post(path: string, fields: Record<string, string>, headers: Record<string, string> = { origin: base }) {
      const res = await fetch(`${base}${path}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body: new URLSearchParams(fields),
      });
      return { status: res.status, html: await res.text(), location: res.headers.get('location') };
    },
    async csrf() {
      const { html } = await client.get('/app');
      const token = /name="csrf" value="([^"]+)"/.exec(html)?.[1];
      if (!token) throw new Error('no form token on /app');
      return token;
    },
  };
  return client;
}

/**
 * Sends a journey's check-your-answers page: it must redirect to the journey's confirmation naming
 * what it created (a new id); answers that id and the confirmation page's HTML.
 */
export async function sendCheck(client: PageClient, journey: string): Promise<{ id: string; done: string }> {
  const sent = await client.post(`${journey}?page=check`, { page: 'check', csrf: await client.csrf() });
  expect(sent.location).toMatch(new RegExp(`^${journey.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\?page=done&created=[0-9A-Z]{26}$`));
  const id = /created=([0-9A-Z]{26})/.exec(sent.location ?? '')?.[1] as string;
  return { id, done: (await client.get(sent.location as string)).html };
}

const entities: Record<string, string> = { '&amp;': '&', '&quot;': '"', '&#39;': "'", '&lt;': '<', '&gt;': '>' };

/**
 * A page's GOV.UK error summary: each entry's link target (the field's id) and its message, as
 * shown. A link may name its page before the field (a journey's check page links to the
 * question); `'this page'` reads only links to a field on the page itself, as a page's own forms give.
 */
export function errorSummary(html: string, links: 'any page' | 'this page' = 'any page'): [string, string][] {
  const list = /govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '';
  const text = (s: string) => s.replace(/&(amp|quot|#39|lt|gt);/g, (e) => entities[e] ?? e);
  const entry = links === 'this page' ? /<a href="#([^"]+)">([^<]*)<\/a>/g : /<a href="[^"#]*#([^"]+)">([^<]+)<\/a>/g;
  return [...list.matchAll(entry)].map((m) => [m[1] as string, text(m[2] as string)]);
}

/** A form refused: a 400 whose error summary names each mistake, in order. */
export function expectRefused(
  res: { status: number; html: string },
  mistakes: [string, string][],
  links: 'any page' | 'this page' = 'any page',
) {
  expect(res.status).toBe(400);
  expect(errorSummary(res.html, links)).toEqual(mistakes);
}

/** What a textarea on the page holds (what was typed, kept when a form is refused). */
export const textareaIn = (html: string, name: string) =>
  new RegExp(`<textarea[^>]*name="${name}"[^>]*>([^<]*)</textarea>`).exec(html)?.[1];

/** Each task on a GOV.UK task list and its status, as read. */
export const taskList = (html: string) =>
  [...html.matchAll(/<li class="govuk-task-list__item[^"]*">([\s\S]*?)<\/li>/g)].map((m) => {
    const item = m[1] as string;
    const name = /(?:govuk-task-list__link"[^>]*>|<div>)([^<]+)</.exec(item)?.[1]?.trim();
    const status = /govuk-task-list__status[^>]*>(?:<strong[^>]*>)?([^<]+)</.exec(item)?.[1]?.trim();
    return [name, status];
  });

/**
 * A journey's first question, which asks for a name and one other answer, refuses blank answers
 * (naming both) and a name over 200 characters (keeping it as typed). `thing` is what the page
 * names ('consortium': "Enter the name of the consortium"). Answers the second refusal's HTML.
 */
export async function expectNameRefused(
  send: (fields: Record<string, string>) => Promise<{ status: number; html: string }>,
  thing: string,
  other: { field: string; blank: string; message: string; good: string },
): Promise<string> {
  const blank = await send({ name: '', [other.field]: other.blank });
  expectRefused(blank, [
    ['name', `Enter the name of the ${thing}`],
    [other.field, other.message],
  ]);
  const long = await send({ name: 'x'.repeat(201), [other.field]: other.good });
  expectRefused(long, [['name', `Name of the ${thing} must be 200 characters or fewer`]]);
  expect(long.html).toContain('x'.repeat(201));
  return long.html;
}
