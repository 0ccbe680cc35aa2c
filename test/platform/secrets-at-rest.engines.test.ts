import { beforeAll, describe, expect, it } from 'vitest';
import { fillIn, linksIn } from '../../infra/local/mailbox-links';
import { contractAlerted, mailTo } from '../support/contract';
import { signInAs } from '../support/pages';
import { useTestStack } from '../support/use-stack';

/** Everything the functions log, as CloudWatch would receive it (at the most talkative level). */
const logged: string[] = [];
const capture = (stream: NodeJS.WriteStream) => {
  const write = stream.write.bind(stream);
  stream.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    logged.push(String(chunk));
    return write(chunk, ...rest);
  }) as typeof stream.write;
};

beforeAll(async () => {
  process.env.LOG_LEVEL = 'DEBUG';
  capture(process.stdout);
  capture(process.stderr);
  // Powertools in dev mode writes through the global console, which the test runner takes over.
  for (const level of ['log', 'info', 'debug', 'warn', 'error', 'trace'] as const) {
    console[level] = (...args: unknown[]) => {
      logged.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
    };
  }
});
// Started after the capture above, so the functions log at the level it sets, into it.
const { stack, funder } = useTestStack({ seed: true });
const council = () => funder(0);

describe('secrets are never stored', () => {
  it('no emailed link token, session id or JWT appears in any item of the table, events included, nor in any log line', async () => {
    const supplier = 'secrets@wyvern-va.example.org';
    const c = await contractAlerted(stack, council(), 'Secret contract', supplier);
    // The latest alert's link: each alert's new link replaces the one before.
    const url = linksIn((await mailTo(stack, supplier, /^Coming up: /)).at(-1), 'milestone')[0] as string;
    expect((await fillIn(url, { text: 'Done' })).status).toBe(200);
    const page = await signInAs(stack, council().admin.email);
    const made = await page.post(`/app/contracts/${c.id}`, { action: 'rotate-feed', csrf: await page.csrf() });
    const feedToken = /\/cal\/([A-Za-z0-9_-]{43})/.exec(made.html)?.[1] as string;
    const jwt = await stack.runtime.issuer.sign({ sub: council().admin.id, email: council().admin.email });
    expect((await fetch(`${stack.runtime.apiUrl}/contracts/${c.id}`, { headers: { authorization: `Bearer ${jwt}` } })).status).toBe(200);
    await stack.runtime.settle();

    // (The session's form token is kept in its session item on purpose: it is what a form is checked against.)
    const secrets = {
      'link token': url.split('/m/')[1] as string,
      'session id': page.cookie.split('=')[1] as string,
      'calendar feed token': feedToken,
      JWT: jwt,
      'JWT signature': jwt.split('.')[2] as string,
    };
    const table = await stack.tableText();
    expect(table.length).toBeGreaterThan(10_000);
    expect(table).toContain(c.id); // not vacuous: the scan sees what was written
    const logs = logged.join('');
    expect(logs).toContain('published events'); // not vacuous: the functions' debug lines are captured
    for (const [what, secret] of Object.entries(secrets)) {
      expect(secret.length, what).toBeGreaterThan(20);
      expect(table.includes(secret), `${what} stored`).toBe(false);
      expect(logs.includes(secret), `${what} logged`).toBe(false);
    }
  });
});
