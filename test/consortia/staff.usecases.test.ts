import { describe, expect, it } from 'vitest';
import { makeEvent } from '../../shared/consortia/events';
import { addMember } from '../../shared/consortia/organisations';
import { changeMemberRole, organisationStaff, removeMember } from '../../shared/consortia/staff';
import { memorySystem, organisation } from '../support/memory';

/** Fast: an organisation's staff changed through the use cases on the in-memory adapters. */
async function setup() {
  const sys = memorySystem();
  const admin = await sys.admin();
  const trust = await organisation(sys, admin, 'Harbourside Trust');
  const other = await organisation(sys, admin, 'Millbank Foundation');
  const add = async (email: string, name: string, role: 'admin' | 'officer' | 'viewer') =>
    (await addMember(sys.deps, admin, trust.org.id, { email, name, role })).user;
  const officer = await add('olu@harbourside.test', 'Olu Officer', 'officer');
  return { sys, admin, trust, other, add, officer, firstAdmin: trust.caller.user };
}

describe("an organisation's staff (in memory)", () => {
  it('an admin removes a member: they are off the staff, with an event, and act for the organisation no more', async () => {
    const { sys, trust, officer } = await setup();
    const before = await sys.callerOf(officer);
    expect(before.memberships.map((m) => m.orgId)).toEqual([trust.org.id]);
    await expect(removeMember(sys.deps, trust.caller, trust.org.id, officer.id)).resolves.toEqual({
      orgId: trust.org.id,
      userId: officer.id,
      removed: true,
    });
    // The caller is read from the table on every request: the next one has no role there.
    expect((await sys.callerOf(officer)).memberships).toEqual([]);
    const staff = await organisationStaff(sys.deps, trust.caller, trust.org.id);
    expect(staff.staff.map((s) => s.name)).toEqual(['Admin of Harbourside Trust']);
    const events = await sys.deps.platform.listEvents(`organisation#${trust.org.id}`);
    expect(events.find((e) => e.type === 'membership.revoked')).toMatchObject({
      data: { userId: officer.id, orgId: trust.org.id, role: 'officer' },
    });
    await expect(removeMember(sys.deps, trust.caller, trust.org.id, officer.id)).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('refuses to remove or demote the last admin, in plain English, by any route; with a second admin it may', async () => {
    const { sys, admin, trust, add, firstAdmin } = await setup();
    const last = 'Admin of Harbourside Trust is the only admin of Harbourside Trust: make someone else an admin before you';
    await expect(removeMember(sys.deps, admin, trust.org.id, firstAdmin.id)).rejects.toMatchObject({
      kind: 'conflict',
      message: `${last} remove Admin of Harbourside Trust`,
    });
    await expect(changeMemberRole(sys.deps, admin, trust.org.id, firstAdmin.id, { role: 'viewer' })).rejects.toMatchObject({
      kind: 'conflict',
      message: `${last} make Admin of Harbourside Trust a viewer`,
    });
    // Adding them again with another role is a change of role: refused the same way.
    await expect(
      addMember(sys.deps, admin, trust.org.id, { email: firstAdmin.email, name: firstAdmin.name, role: 'officer' }),
    ).rejects.toMatchObject({ kind: 'conflict', message: `${last} make Admin of Harbourside Trust an officer` });
    await add('ada@harbourside.test', 'Ada Admin', 'admin');
    await expect(changeMemberRole(sys.deps, admin, trust.org.id, firstAdmin.id, { role: 'viewer' })).resolves.toMatchObject({
      role: 'viewer',
    });
    const staff = await organisationStaff(sys.deps, admin, trust.org.id);
    expect(staff.staff.map((s) => [s.name, s.role])).toEqual([
      ['Ada Admin', 'admin'],
      ['Admin of Harbourside Trust', 'viewer'],
      ['Olu Officer', 'officer'],
    ]);
  });

  it('only its admins and the platform admin change its staff; an officer, or another organisation’s admin, is forbidden', async () => {
    const { sys, trust, other, officer, firstAdmin } = await setup();
    const asOfficer = await sys.callerOf(officer);
    await expect(removeMember(sys.deps, asOfficer, trust.org.id, firstAdmin.id)).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(changeMemberRole(sys.deps, other.caller, trust.org.id, officer.id, { role: 'admin' })).rejects.toMatchObject({
      kind: 'forbidden',
    });
    // A member of another organisation is not on this one's staff.
    await expect(removeMember(sys.deps, trust.caller, trust.org.id, other.caller.user.id)).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('two admins removing each other at once cannot leave none: the write checks the admin who stays', async () => {
    const { sys, trust, add, firstAdmin } = await setup();
    const ada = await add('ada@harbourside.test', 'Ada Admin', 'admin');
    const members = await sys.deps.consortia.listOrganisationMembers(trust.org.id);
    const of = (id: string) => members.find((m) => m.userId === id) as (typeof members)[number];
    const event = (userId: string) =>
      makeEvent(
        'membership.revoked',
        `organisation#${trust.org.id}`,
        'test',
        { userId, orgId: trust.org.id, role: 'admin' },
        sys.clock.now(),
      );
    // Both read two admins; the first removal goes through, the second finds the admin it counted on gone.
    await sys.deps.consortia.replaceMembership(of(firstAdmin.id), undefined, of(ada.id), event(firstAdmin.id));
    await expect(sys.deps.consortia.replaceMembership(of(ada.id), undefined, of(firstAdmin.id), event(ada.id))).rejects.toMatchObject({
      kind: 'conflict',
    });
    expect((await sys.deps.consortia.listOrganisationMembers(trust.org.id)).filter((m) => m.role === 'admin').map((m) => m.userId)).toEqual(
      [ada.id],
    );
  });
});
