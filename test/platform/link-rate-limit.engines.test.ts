import { randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { catalog, forTarget } from '../../infra/catalog';
import { linkPathPrefixes, linkRateLimit } from '../../infra/link-rate-limit';
import { useTestStack } from '../support/use-stack';

const { stack } = useTestStack();

afterAll(async () => {
  for (const agent of clients.values()) agent.destroy();
});

const GUESSES = 10_000;
const { limit, windowSeconds } = linkRateLimit;
const routes = forTarget(catalog, 'local').routes.filter((r) => r.auth === 'public' && r.path.endsWith('/{token}'));

interface Answer {
  status: number;
  retryAfter: string | undefined;
  contentType: string | undefined;
  body: string;
}

/** One client is one source address: 127.0.0.2 is loopback too on Linux, and the adapter sees it as another client. */
const clients = new Map<string, Agent>();
const agentFor = (localAddress: string) =>
  clients.get(localAddress) ?? clients.set(localAddress, new Agent({ keepAlive: true, maxSockets: 16 })).get(localAddress)!;

function send(i: number, from = '127.0.0.1', headers: Record<string, string> = {}): Promise<Answer> {
  const route = routes[i % routes.length]!;
  // A well-formed token nobody was given: 32 random bytes, as the links carry.
  const path = route.path.replace('{token}', randomBytes(32).toString('base64url'));
  const body = route.method === 'POST' ? 'scope=guess&action=submit' : '';
  const url = new URL(path, stack.runtime.apiUrl);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path,
        method: route.method,
        localAddress: from,
        agent: agentFor(from),
        headers: { ...headers, ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            retryAfter: res.headers['retry-after'],
            contentType: res.headers['content-type'],
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** `count` guesses from one client, 16 at a time (a browser's worth of connections, times a few). */
async function guesses(first: number, count: number, from?: string): Promise<Answer[]> {
  const answers: Answer[] = [];
  for (let i = first; i < first + count; i += 16) {
    const batch = Array.from({ length: Math.min(16, first + count - i) }, (_, k) => send(i + k, from));
    answers.push(...(await Promise.all(batch)));
  }
  return answers;
}

const statuses = (answers: Answer[]) => [...new Set(answers.map((a) => a.status))].sort();

describe(`guessing links: at most ${limit} guesses per client address in ${windowSeconds} s, none of them right`, () => {
  it('covers every kind of link route, and only those', () => {
    expect(linkPathPrefixes(routes)).toEqual(['/b/', '/cal/', '/m/', '/r/']);
    expect(new Set(routes.map((r) => r.method))).toEqual(new Set(['GET', 'POST']));
  });

  it(`${GUESSES} random tokens from one client: ${limit} answered 404 (not recognised), then 429 with Retry-After; no 2xx, no 5xx`, async () => {
    const allowed = await guesses(0, limit);
    expect(statuses(allowed)).toEqual([404]);

    const refused = await guesses(limit, GUESSES - limit);
    expect(statuses(refused)).toEqual([429]);
    for (const a of refused) expect(a.retryAfter).toBe(String(windowSeconds));
    const page = refused[0]!;
    expect(page.contentType).toMatch(/^text\/html/);
    expect(page.body).toContain('<h1>Too many requests</h1>');
    expect(page.body).toContain('open the link from your email again');
  });

  // Linux routes all of 127.0.0.0/8 to loopback; macOS has only 127.0.0.1 unless an alias is added.
  it.skipIf(process.platform !== 'linux')('another client address is unaffected, and X-Forwarded-For does not make one', async () => {
    const other = await guesses(0, routes.length, '127.0.0.2');
    expect(statuses(other)).toEqual([404]);
    // Anyone can write X-Forwarded-For: the limit goes by the address the connection comes from.
    const spoofed = await send(0, '127.0.0.1', { 'x-forwarded-for': '203.0.113.9' });
    expect(spoofed.status).toBe(429);
  });

  it('the client is let in again once the window has passed, and not a second before', async () => {
    const start = stack.clock.now().getTime();
    await stack.runtime.advanceTo(new Date(start + (windowSeconds - 1) * 1000));
    const almost = await send(0);
    expect(almost.status).toBe(429);
    expect(almost.retryAfter).toBe('1');

    await stack.runtime.advanceTo(new Date(start + windowSeconds * 1000));
    expect(statuses(await guesses(0, routes.length))).toEqual([404]);
  });
});
