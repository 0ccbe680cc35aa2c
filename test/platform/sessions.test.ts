import { describe, expect, it } from 'vitest';
import { byRoute, type PageRequest } from '../../functions/lib/web/page-route';
import { safeNext } from '../../functions/lib/web/security';
import { DomainError } from '../../shared/platform/errors';
import { newSession, sessionEnd, sessionHash, sessionState } from '../../shared/platform/sessions/session';
import { endSession, openSession, startSession } from '../../shared/platform/sessions/sessions';
import { memorySessions } from '../support/in-memory/sessions';
import { MemoryTable } from '../support/in-memory/table';

const HOUR = 3_600_000;
const at = (hours: number) => new Date(Date.UTC(2026, 10, 22, 9) + hours * HOUR);

describe('staff sessions', () => {
  it('keeps only the hash of the id the cookie carries; id and form token are 256 random bits each', () => {
    const { id, session } = newSession('Ruth.Okafor@Wyvernshire.example.org', at(0));
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(session.csrf).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(session.hash).toBe(sessionHash(id));
    expect(JSON.stringify(session)).not.toContain(id);
    expect(session.email).toBe('ruth.okafor@wyvernshire.example.org');
    expect(newSession('a@b.c', at(0)).id).not.toBe(id);
  });

  it('ends after 8 idle hours, or 12 hours after sign-in however busy; the TTL is set to the earlier', () => {
    const { session } = newSession('a@b.c', at(0));
    expect(sessionState(session, at(7.99))).toBe('valid');
    expect(sessionState(session, at(8))).toBe('idle');
    const busy = { ...session, lastSeenAt: at(11.5).toISOString() };
    expect(sessionState(busy, at(11.99))).toBe('valid');
    expect(sessionState(busy, at(12))).toBe('expired');
    expect(sessionEnd(session)).toEqual(at(8));
    expect(sessionEnd(busy)).toEqual(at(12));
  });

  it('opens a live session, records activity at most every few minutes, removes an ended one, and ends on sign-out', async () => {
    let now = at(0);
    const deps = { sessions: memorySessions(new MemoryTable()), clock: { now: () => now } };
    const { id } = await startSession(deps, 'a@b.c');
    now = at(0.01);
    expect((await openSession(deps, id))?.lastSeenAt).toBe(at(0).toISOString());
    now = at(1);
    expect((await openSession(deps, id))?.lastSeenAt).toBe(at(1).toISOString());
    now = at(8.5);
    expect(await openSession(deps, id)).toBeDefined();
    now = at(16.6);
    expect(await openSession(deps, id)).toBeUndefined();
    expect(await deps.sessions.getSession(sessionHash(id))).toBeUndefined();
    const again = await startSession(deps, 'a@b.c');
    await endSession(deps, again.id);
    expect(await openSession(deps, again.id)).toBeUndefined();
    expect(await openSession(deps, 'not-a-session-id')).toBeUndefined();
    expect(await openSession(deps, undefined)).toBeUndefined();
  });
});

describe('journey drafts', () => {
  it('keeps what was typed in each journey beside the session, apart from other journeys, until the journey ends', async () => {
    const store = memorySessions(new MemoryTable());
    const { session } = newSession('a@b.c', at(0));
    await store.putSession(session);
    expect(await store.getDraft(session.hash, 'pool:C1')).toBeUndefined();
    await store.putDraft(session.hash, 'pool:C1', { purpose: 'Support', lots: ['north', 'south'] }, sessionEnd(session));
    await store.putDraft(session.hash, 'pool:C2', { purpose: 'Other' }, sessionEnd(session));
    expect(await store.getDraft(session.hash, 'pool:C1')).toEqual({ purpose: 'Support', lots: ['north', 'south'] });
    await store.deleteDraft(session.hash, 'pool:C1');
    expect(await store.getDraft(session.hash, 'pool:C1')).toBeUndefined();
    expect(await store.getDraft(session.hash, 'pool:C2')).toEqual({ purpose: 'Other' });
    expect(await store.getSession(session.hash)).toBeDefined();
  });
});

describe('page routing helpers', () => {
  it('returns after sign-in only to our own pages (no open redirect)', () => {
    expect(safeNext('/app/reports/r1?done=accept')).toBe('/app/reports/r1?done=accept');
    expect(safeNext('/app')).toBe('/app');
    for (const bad of ['https://evil.example/app', '//evil.example/app', '/app//evil', '/\\evil', '/health', undefined, '']) {
      expect(safeNext(bad), String(bad)).toBe('/app');
    }
  });

  it('picks a feature page by the route template, and a template it does not serve is not found', async () => {
    const page = byRoute<null>({ '/app/grants/{grantId}': async ({ params }) => ({ title: `grant ${params.grantId}`, body: null }) });
    const req = (routeKey: string) => ({ event: { routeKey }, params: { grantId: 'g1' } }) as unknown as PageRequest<null>;
    await expect(page(req('GET /app/grants/{grantId}'))).resolves.toMatchObject({ title: 'grant g1' });
    await expect(page(req('GET /app/reports/{reportId}'))).rejects.toBeInstanceOf(DomainError);
  });
});
