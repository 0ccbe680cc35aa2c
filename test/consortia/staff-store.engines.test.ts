import { describe, expect, it } from 'vitest';
import { dynamoConsortia } from '../../shared/consortia/dynamodb-store';
import type { ConsortiaStore } from '../../shared/consortia/store';
import { newId } from '../../shared/platform/ids';
import { memoryConsortia } from '../support/in-memory/consortia';
import { MemoryTable } from '../support/in-memory/table';
import { event, NOW } from '../support/store-contract/fixtures';
import { useTestStack } from '../support/use-stack';

/**
 * The store's side of "an organisation keeps an admin", on both adapters: a membership changes
 * only if it is still as read, and an admin leaves or is demoted only while the admin who was
 * counted on to stay is one, in the same transaction. So two admins removing each other at
 * once cannot leave none (the use cases' side is staff.usecases.test.ts).
 */
// DynamoDB Local and its table: the adapters under test find them through the environment the stack sets.
useTestStack();

// The store contract's event: a type it declares, as the outbox writes only declared events.

function contract(store: () => ConsortiaStore) {
  it('a membership changes only as read, and an admin leaves only while the admin who stays is one', async () => {
    const consortia = store();
    const orgId = newId(NOW);
    const at = `organisation#${orgId}`;
    const member = () => ({ userId: newId(NOW), orgId, role: 'admin' as const, grantedAt: NOW.toISOString() });
    const [a, b] = [member(), member()];
    for (const m of [a, b]) await consortia.putMembership(m, event(at));
    const roles = async () => (await consortia.listOrganisationMembers(orgId)).map((m) => `${m.userId} ${m.role}`).sort();
    // A role read as officer is no longer what is stored: refused, nothing written.
    await expect(consortia.replaceMembership({ ...a, role: 'officer' }, undefined, b, event(at))).rejects.toMatchObject({
      kind: 'conflict',
    });
    // Each read the other as the admin who stays; the first goes through, the second finds it gone.
    await consortia.replaceMembership(a, { ...a, role: 'officer' }, b, event(at));
    await expect(consortia.replaceMembership(b, undefined, a, event(at))).rejects.toMatchObject({ kind: 'conflict' });
    expect(await roles()).toEqual([`${a.userId} officer`, `${b.userId} admin`].sort());
    await consortia.replaceMembership({ ...a, role: 'officer' }, undefined, undefined, event(at));
    expect(await roles()).toEqual([`${b.userId} admin`]);
  });
}

describe('staff memberships: the in-memory adapter', () => contract(() => memoryConsortia(new MemoryTable())));
describe('staff memberships: the DynamoDB adapter on DynamoDB Local', () => contract(() => dynamoConsortia));
