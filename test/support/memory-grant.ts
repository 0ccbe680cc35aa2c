import { expect } from 'vitest';
import { settleConsortium } from '../../shared/consortia/invitation';
import { setPlan } from '../../shared/grants/plan';
import { allocateDirect } from '../../shared/pools/awards';
import { createPool, recordContribution, recordPledge } from '../../shared/pools/pools';
import { consortium, memorySystem, organisation } from './memory';

type Plan = Parameters<typeof setPlan>[3];

/**
 * An active consortium with £50,000 received in its pool (from the member, core), on the
 * in-memory adapters: a lead (Wyvernshire County Council), a member (Harbourside Trust) and a
 * provider to fund (Wyvern Voluntary Action). The memory clock starts on 1 April 2026 unless given.
 */
export async function memoryPool(start?: Date) {
  const sys = memorySystem(start);
  const d = sys.deps;
  const admin = await sys.admin();
  const lead = await organisation(sys, admin, 'Wyvernshire County Council');
  const member = await organisation(sys, admin, 'Harbourside Trust');
  const c = await consortium(sys, [lead, member]);
  await settleConsortium(d, { consortiumId: c.id, outcome: 'activate' });
  const recipient = await organisation(sys, admin, 'Wyvern Voluntary Action', 'provider');
  const pool = await createPool(d, lead.caller, c.id, { name: 'Grants Fund', purpose: 'Local infrastructure', lots: [] });
  const years = [{ financialYear: '2026-27', amount: 5_000_000 }];
  const pledge = await recordPledge(d, member.caller, pool.id, {
    funderOrgId: member.org.id,
    currency: 'GBP',
    years,
    restriction: { kind: 'core' },
  });
  await recordContribution(d, lead.caller, pool.id, pledge.id, { amount: 5_000_000, currency: 'GBP', receivedOn: '2026-04-01' });
  return { sys, d, lead, member, recipient, c, pool };
}

/** A grant of £6,000 from `memoryPool`'s pool, with the plan given. */
export async function memoryGrant(plan: Plan, title = 'Community grant') {
  const { sys, d, lead, member, recipient, pool } = await memoryPool();
  const g = await allocateDirect(d, lead.caller, pool.id, {
    recipientOrgId: recipient.org.id,
    title,
    currency: 'GBP',
    durationMonths: 12,
    plannedStart: '2026-04-01',
    amount: 600_000,
  });
  const planned = await setPlan(d, lead.caller, g.id, plan);
  const emails = () => sys.outside.emails.filter((e) => e.to.includes(recipient.org.contactEmail));
  return { sys, d, lead, member, recipient, grantId: g.id, planned, emails };
}

/**
 * "Send a new link" asked for twice, then each replacement's follower run (`send`): the older
 * generation sends nothing, the newer one sends the only new-link email.
 */
export async function onlyNewestLinkSent(
  s: { replacements(): Promise<unknown[]>; emails(): { subject: string }[] },
  ask: () => Promise<unknown>,
  send: (replaced: never) => Promise<{ sent: boolean }>,
) {
  await ask();
  await ask();
  const [older, newer] = await s.replacements();
  expect(await send(older as never)).toEqual({ sent: false });
  expect(await send(newer as never)).toEqual({ sent: true });
  expect(s.emails().filter((e) => e.subject.startsWith('New link'))).toHaveLength(1);
}
