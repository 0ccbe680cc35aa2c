import { beforeAll, describe, expect, it } from 'vitest';
import { addProvider, WVA } from '../support/consortia';
import { validate360 } from '../support/giving360';
import { setupPool } from '../support/pool';
import { DAY } from '../support/stack';
import { useTestStack } from '../support/use-stack';

const { stack, funders } = useTestStack({ seed: true });
let recipient: { id: string };

beforeAll(async () => {
  recipient = await addProvider(stack, WVA);
});

type Package = { issued: string; grants: { id: string; dateModified: string; plannedDates: { startDate: string; endDate: string }[] }[] };

/** Moves the virtual clock on by whole days and a few hours, so no two changes share a time. */
async function later(days: number) {
  await stack.runtime.advanceTo(new Date(stack.clock.now().getTime() + days * DAY + 3 * 3600_000));
  await stack.runtime.settle();
}

describe('the 360Giving package changes only when its grants do', () => {
  it('is byte-identical on requests days apart; an amendment moves dateModified for that grant only', async () => {
    const { pool, lead, pledge, receive } = await setupPool(stack, funders, 'Giving Fund');
    await receive(await pledge(lead, 100_000), 100_000);
    const award = async (title: string) => {
      const awardedAt = stack.clock.now().toISOString();
      const g = await stack.api.call<{ id: string }>(lead.admin, 'POST', `/pools/${pool.id}/allocations`, {
        recipientOrgId: recipient.id,
        title,
        amount: 30_000,
        currency: 'GBP',
        durationMonths: 12,
        plannedStart: '2026-07-01',
      });
      await later(1);
      return { id: g.id, awardedAt };
    };
    const a = await award('Grant A');
    const b = await award('Grant B');
    const get360 = async () => {
      const token = await stack.runtime.issuer.sign({ sub: lead.admin.id, email: lead.admin.email });
      const res = await fetch(`${stack.runtime.apiUrl}/pools/${pool.id}/360giving`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      const text = await res.text();
      const pkg = JSON.parse(text) as Package;
      const modified = (id: string) => pkg.grants.find((g) => g.id === `360G-grantloop-${id}`)?.dateModified;
      return { text, pkg, a: modified(a.id), b: modified(b.id) };
    };

    const first = await get360();
    expect([first.a, first.b]).toEqual([a.awardedAt, b.awardedAt]);
    expect(first.pkg.issued).toBe(b.awardedAt.slice(0, 10));
    await later(3);
    expect((await get360()).text).toBe(first.text);

    // Grant B's dates amended: its dateModified is the amendment's time; grant A's stays.
    const amendedAt = stack.clock.now().toISOString();
    await stack.api.call(lead.admin, 'POST', `/grants/${b.id}/amendments`, {
      kind: 'dates',
      plannedStart: '2026-08-01',
      plannedEnd: '2027-07-31',
      reason: 'A later start',
    });
    await later(2);
    const amended = await get360();
    expect([amended.a, amended.b, amended.pkg.issued]).toEqual([a.awardedAt, amendedAt, amendedAt.slice(0, 10)]);
    expect(amended.pkg.grants.find((g) => g.id === `360G-grantloop-${b.id}`)?.plannedDates[0]).toMatchObject({
      startDate: '2026-08-01',
      endDate: '2027-07-31',
    });
    expect(validate360(amended.pkg)).toEqual([]);

    // What the package does not show (a condition added, a status change) changes nothing in it.
    await stack.api.call(lead.admin, 'POST', `/grants/${a.id}/amendments`, {
      kind: 'conditions',
      add: { description: 'Quarterly safeguarding update', kind: 'ongoing' },
      reason: 'Asked by the panel',
    });
    await stack.api.call(lead.admin, 'POST', `/grants/${a.id}/status`, { status: 'suspended', reason: 'Paused while a review runs' });
    await later(1);
    expect((await get360()).text).toBe(amended.text);
  });
});
