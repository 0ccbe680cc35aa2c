import { describe, expect, it } from 'vitest';
import { issueLink, type LinkKind, type LinkPage, LinkRegistry, linkRefused } from '../../shared/platform/links/registry';
import { hashLinkToken } from '../../shared/platform/links/token';
import { memoryPlatform } from '../support/in-memory/platform';
import { MemoryTable } from '../support/in-memory/table';

type Deps = { platform: ReturnType<typeof memoryPlatform>; clock: { now(): Date } };
type Note = { kind: 'note'; noteId: string };
type Feed = { kind: 'feed'; councilId: string };
type Form = { form: 'note'; noteId: string } | { form: 'feed'; councilId: string };

/** Two kinds as a feature would register them: a single-use note, and a reusable feed that can be revoked. */
const recorded: string[] = [];
const note: LinkKind<Note, Deps, Deps, Form> = {
  kind: 'note',
  path: '/n',
  policy: 'single-use',
  scopeId: (s) => s.noteId,
  contact: async () => ({ name: 'The funder', email: 'funder@example.org' }),
  view: async (_d, { scope }) => ({ kind: 'form', status: 200, model: { form: 'note', noteId: scope.noteId } }),
  async post(deps, { hash, scope }, form) {
    // The kind's store spends the link in the same write as what it records; refused when already spent.
    const link = await deps.platform.getLink(hash);
    if (link?.status !== 'active' || form.text === 'race') return linkRefused;
    recorded.push(`${scope.noteId}:${form.text}`);
    return { kind: 'done', title: 'Thank you', message: 'Received' };
  },
};
const feed: LinkKind<Feed, Deps, Deps, Form> = {
  kind: 'feed',
  path: '/feeds',
  policy: 'reusable',
  scopeId: (s) => s.councilId,
  contact: async () => undefined,
  view: async (_d, { scope }) => ({ kind: 'form', status: 200, model: { form: 'feed', councilId: scope.councilId } }),
};

function setup() {
  let now = new Date('2026-04-01T09:00:00Z');
  process.env.APP_URL ??= 'https://grantloop.test';
  const deps: Deps = { platform: memoryPlatform(new MemoryTable()), clock: { now: () => now } };
  const registry = new LinkRegistry<Deps, Deps, Form>().register(note).register(feed);
  const tokenOf = (url: string) => url.split('/').at(-1) as string;
  return { deps, registry, tokenOf, later: (days: number) => (now = new Date(now.getTime() + days * 86400_000)) };
}

const problem = (p: LinkPage<Form>) => (p.kind === 'problem' ? `${p.status} ${p.title}` : p.kind);

describe('the link registry (one token design for every kind)', () => {
  it('issues 256-bit tokens under the kind’s path and stores only their hash', async () => {
    const { deps, tokenOf } = setup();
    const url = await issueLink(deps, note, { kind: 'note', noteId: 'N1' }, '2026-05-01T00:00:00.000Z');
    expect(url).toMatch(/^https:\/\/grantloop\.test\/n\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(url);
    expect(await deps.platform.getLink(token)).toBeUndefined();
    expect(await deps.platform.getLink(hashLinkToken(token))).toMatchObject({ status: 'active', scope: { noteId: 'N1' } });
    const wrongScope = { kind: 'feed', councilId: 'C' } as unknown as Note;
    await expect(issueLink(deps, note, wrongScope, '2026-05-01T00:00:00.000Z')).rejects.toThrow(/cannot carry/);
  });

  it('refuses made-up, malformed and other routes’ links alike; GET never spends a link', async () => {
    const { deps, registry, tokenOf } = setup();
    expect(problem(await registry.view(deps, 'short'))).toBe('404 This link is not recognised');
    expect(problem(await registry.view(deps, 'x'.repeat(43)))).toBe('404 This link is not recognised');
    const elsewhere = new LinkRegistry<Deps, Deps, Form>().register(feed);
    const token = tokenOf(await issueLink(deps, note, { kind: 'note', noteId: 'N1' }, '2026-05-01T00:00:00.000Z'));
    expect(problem(await elsewhere.view(deps, token))).toBe('404 This link is not recognised');
    await registry.view(deps, token);
    await registry.view(deps, token);
    expect((await deps.platform.getLink(hashLinkToken(token)))?.status).toBe('active');
  });

  it('a POST must carry the scope of its own link; a refusal by the store is explained by looking again', async () => {
    const { deps, registry, tokenOf } = setup();
    const token = tokenOf(await issueLink(deps, note, { kind: 'note', noteId: 'N1' }, '2026-05-01T00:00:00.000Z'));
    expect(problem(await registry.post(deps, token, { scope: 'N2', text: 'hi' }))).toBe('409 This link belongs to a different form');
    expect(await registry.post(deps, token, { scope: 'N1', text: 'race' })).toMatchObject({ kind: 'form', model: { noteId: 'N1' } });
    expect(await registry.post(deps, token, { scope: 'N1', text: 'hi' })).toMatchObject({ kind: 'done' });
    expect(recorded).toContain('N1:hi');
  });

  it('a used or expired single-use link says so and whom to ask', async () => {
    const { deps, registry, tokenOf, later } = setup();
    const used = tokenOf(await issueLink(deps, note, { kind: 'note', noteId: 'N1' }, '2026-05-01T00:00:00.000Z'));
    // As a kind's store leaves it once it has recorded what was sent.
    const spent = {
      hash: hashLinkToken('s'.repeat(43)),
      scope: { kind: 'note', noteId: 'N3' },
      status: 'used' as const,
      expiresAt: '2026-05-01T00:00:00.000Z',
      createdAt: '2026-04-01T09:00:00.000Z',
    };
    await deps.platform.putLink(spent);
    expect(problem(await registry.view(deps, 's'.repeat(43)))).toBe('410 This link has already been used');
    expect(problem(await registry.post(deps, 's'.repeat(43), { scope: 'N3', text: 'again' }))).toBe('410 This link has already been used');
    expect(problem(await registry.view(deps, used))).toBe('form');
    const expiring = tokenOf(await issueLink(deps, note, { kind: 'note', noteId: 'N2' }, '2026-04-02T00:00:00.000Z'));
    later(2);
    const page = await registry.view(deps, expiring);
    expect(problem(page)).toBe('410 This link has expired');
    expect(page).toMatchObject({ contact: { name: 'The funder' }, message: expect.stringContaining('Ask The funder') });
  });

  it('a reusable link is never spent by use, and a revoked one is as unknown as a made-up one', async () => {
    const { deps, registry, tokenOf } = setup();
    const token = tokenOf(await issueLink(deps, feed, { kind: 'feed', councilId: 'C1' }, '2099-01-01T00:00:00.000Z'));
    for (let i = 0; i < 3; i++) expect(await registry.view(deps, token)).toMatchObject({ kind: 'form', model: { councilId: 'C1' } });
    await deps.platform.revokeLink(hashLinkToken(token), deps.clock.now().toISOString());
    expect(problem(await registry.view(deps, token))).toBe('404 This link is not recognised');
  });
});
