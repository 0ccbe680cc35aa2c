import { describe, expect, it } from 'vitest';
import { activate, lapse, prepareConsortium } from '../../shared/consortia/consortium';
import type { Organisation } from '../../shared/consortia/organisation';
import type { DomainError } from '../../shared/platform/errors';

const org = (id: string, kind: Organisation['kind'] = 'funder'): Organisation => ({
  id,
  name: `Org ${id}`,
  kind,
  ...(kind === 'funder' ? { funderType: 'trust-foundation' as const } : {}),
  identifier: `GB-CHC-10000${id}`,
  contactEmail: `${id}@example.org`,
  createdAt: '2026-04-01T00:00:00Z',
});
const orgs = new Map(['1', '2', '3'].map((id) => [id, org(id)]));
orgs.set('p', org('p', 'provider'));
const now = new Date('2026-04-01T09:00:00Z');
const make = (members: { orgId: string; role: 'lead' | 'member' | 'observer' }[]) =>
  prepareConsortium({ name: ' Fund ', place: 'Wyvern', members }, orgs, { id: 'C1', createdBy: 'U1' }, now);
const ruleOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as DomainError).issues[0]?.rule ?? (e as DomainError).kind;
  }
  return 'ok';
};
/** The rule a proposal of these members, each [orgId, role], breaks. */
const ruleFor = (...members: [string, 'lead' | 'member'][]) => ruleOf(() => make(members.map(([orgId, role]) => ({ orgId, role }))));

describe('consortium rules', () => {
  it('starts inviting, with the lead recorded and names trimmed', () => {
    const c = make([
      { orgId: '1', role: 'lead' },
      { orgId: '2', role: 'member' },
      { orgId: '3', role: 'observer' },
    ]);
    expect(c).toMatchObject({ status: 'inviting', leadOrgId: '1', name: 'Fund', version: 1 });
  });

  it('needs exactly one lead', () => {
    expect(ruleFor(['1', 'member'], ['2', 'member'])).toBe('exactly-one-lead');
    expect(ruleFor(['1', 'lead'], ['2', 'lead'])).toBe('exactly-one-lead');
  });

  it('accepts only funders, each once, that exist', () => {
    expect(ruleFor(['1', 'lead'], ['p', 'member'])).toBe('member-is-funder');
    expect(ruleFor(['1', 'lead'], ['1', 'member'])).toBe('unique-member');
    expect(ruleFor(['1', 'lead'], ['9', 'member'])).toBe('organisation-exists');
  });

  it('activates once and bumps the version; a lapsed consortium cannot be activated', () => {
    const c = make([
      { orgId: '1', role: 'lead' },
      { orgId: '2', role: 'member' },
    ]);
    const active = activate(c, now);
    expect(active).toMatchObject({ status: 'active', version: 2, activatedAt: now.toISOString() });
    expect(activate(active, now)).toBe(active);
    expect(lapse(active)).toBe(active);
    expect(ruleOf(() => activate(lapse(c), now))).toBe('conflict');
  });
});
