import { beforeAll, describe, expect, it } from 'vitest';
import type { SeededFunder } from '../../infra/local/scenario';
import type { Pledge } from '../../shared/pools/pledge';
import { reconcile } from '../../shared/pools/reconcile';
import { addOrganisation, addProvider, addStaff, WVA } from '../support/consortia';
import { validate360 } from '../support/giving360';
import { setupPool } from '../support/pool';
import { useTestStack } from '../support/use-stack';

const { stack, funders } = useTestStack({ seed: true });
let recipient: { id: string };
let partner: { id: string };

beforeAll(async () => {
  recipient = await addProvider(stack, WVA);
  partner = await addOrganisation(stack, {
    name: 'Wyvern Community NHS Trust',
    kind: 'council',
    identifier: 'GB-NHS-RWY',
    contactEmail: 'partnerships@wyvern-nhs.example.org',
  });
});

const grant = (amount: number, extra: Record<string, unknown> = {}) => ({
  recipientOrgId: recipient.id,
  title: 'Infrastructure support',
  amount,
  currency: 'GBP',
  durationMonths: 12,
  plannedStart: '2026-07-01',
  ...extra,
});

describe('pledges and contributions', () => {
  it('refuses bad money with a 400 naming the field and the rule, and writes nothing', async () => {
    const { pool, lead } = await setupPool(stack, funders, 'Validation Fund');
    const f = funders[1] as SeededFunder;
    const body = { funderOrgId: f.org.id, currency: 'GBP', years: [{ financialYear: '2026-27', amount: 100 }] };
    const bad: [unknown, string, string, number][] = [
      [{ ...body, years: [{ financialYear: '2026-27', amount: -5 }] }, 'body.years.0.amount', 'too_small', 400],
      [{ ...body, years: [{ financialYear: '2026-27', amount: 10.5 }] }, 'body.years.0.amount', 'invalid_type', 400],
      [{ ...body, currency: 'EUR' }, 'currency', 'pool-currency', 400],
      [{ ...body, years: [{ financialYear: '2026-28', amount: 100 }] }, 'years[0].financialYear', 'financial-year', 400],
      [{ ...body, restriction: { kind: 'restricted', lotId: 'east' } }, 'restriction.lotId', 'pool-lot', 400],
      [{ ...body, funderOrgId: stack.admin.id.replace(/.$/, 'Z') }, 'funderOrgId', 'consortium-member', 400],
    ];
    for (const [payload, field, rule, status] of bad) {
      const before = await stack.itemCount();
      const res = await stack.request('POST', `/pools/${pool.id}/pledges`, { as: f.admin, body: payload });
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(res.body.issues).toContainEqual(expect.objectContaining({ field, rule }));
      expect(await stack.itemCount()).toBe(before);
    }
    // Another funder's staff cannot pledge its money.
    const other = await stack.request('POST', `/pools/${pool.id}/pledges`, { as: (funders[2] as SeededFunder).admin, body });
    expect(other.status).toBe(403);
    // Outsiders (here, staff of a provider) cannot even see that the pool exists.
    const outsider = await addStaff(stack, recipient.id, { email: 'staff@wva.example.org', name: 'Provider Staff', role: 'admin' });
    expect((await stack.request('GET', `/pools/${pool.id}`, { as: outsider })).status).toBe(404);
    expect((await stack.request('GET', `/pools/${pool.id}`, { as: lead.admin })).status).toBe(200);
  });

  it('shows pledged against received, across several years, and refuses over-receipt with a 409', async () => {
    const { pool, pledge, receive, lead } = await setupPool(stack, funders, 'Multi-year Fund');
    const p = await pledge(funders[2] as SeededFunder, 1_000_001, { kind: 'core' }, ['2026-27', '2027-28', '2028-29']);
    await receive(p, 600_000, '2026-06-15');
    await receive(p, 400_001, '2027-03-31');
    const before = await stack.itemCount();
    const over = await stack.request('POST', `/pools/${pool.id}/pledges/${p.id}/contributions`, {
      as: lead.admin,
      body: { amount: 1, currency: 'GBP', receivedOn: '2027-01-10' },
    });
    expect(over.status).toBe(409);
    expect(over.body).toMatchObject({ rule: 'no-over-receipt', remaining: 0 });
    expect(await stack.itemCount()).toBe(before);
    await receive(p, 1, '2027-04-01');
    const summary = await stack.api.call<{ pledged: number; received: number; funders: { pledged: number; received: number }[] }>(
      lead.admin,
      'GET',
      `/pools/${pool.id}`,
    );
    expect(summary).toMatchObject({ pledged: 3_000_003, received: 1_000_002 });
    expect(summary.funders[0]).toMatchObject({ pledged: 3_000_003, received: 1_000_002 });
  });
});

describe('allocations against the pool balance', () => {
  it('24 concurrent allocations at a pool that can fund exactly 7: 7 succeed, 17 get 409 with the balance, and the ledger agrees', async () => {
    const { pool, pledge, receive, lead } = await setupPool(stack, funders, 'Race Fund');
    const pledges: Pledge[] = [];
    for (const [i, amount] of [333_333, 250_000, 116_668].entries()) pledges.push(await pledge(funders[i + 1] as SeededFunder, amount));
    for (const [i, p] of pledges.entries()) await receive(p, [333_333, 250_000, 116_668][i] as number);
    // 700,001p available; each asks 100,000p: exactly 7 fit.
    const results = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        stack.request('POST', `/pools/${pool.id}/allocations`, { as: lead.admin, body: grant(100_000, { title: `Grant ${i}` }) }),
      ),
    );
    const ok = results.filter((r) => r.status === 201);
    const refused = results.filter((r) => r.status === 409);
    expect(ok).toHaveLength(7);
    expect(refused).toHaveLength(17);
    for (const r of refused) expect(r.body).toMatchObject({ available: 1 });
    for (const r of ok) {
      const shares = r.body.funders as { amount: number }[];
      expect(shares.reduce((a, s) => a + s.amount, 0)).toBe(100_000);
    }
    const summary = await stack.api.call<{ available: number; committed: number }>(lead.admin, 'GET', `/pools/${pool.id}`);
    expect(summary).toMatchObject({ available: 1, committed: 700_000 });
    const { dynamoPools: dynamoPoolStore } = await import('../../shared/pools/dynamodb-store');
    const fresh = await dynamoPoolStore.getPool(pool.id);
    const check = await reconcile({ pools: dynamoPoolStore }, fresh as NonNullable<typeof fresh>);
    expect(check.problems).toEqual([]);
    expect(check).toMatchObject({ balanced: true, committed: 700_000, received: 700_001, entries: 3 + 7 });
  });

  it('restricted money funds only its lot; shares are exact; payments and returns move money back to the right funders', async () => {
    const { pool, pledge, receive, lead, consortium } = await setupPool(stack, funders, 'Restriction Fund');
    const [a, b, c] = [funders[1], funders[2], funders[3]] as [SeededFunder, SeededFunder, SeededFunder];
    await receive(await pledge(a, 60_000), 60_000);
    await receive(await pledge(b, 30_000), 30_000);
    await receive(await pledge(c, 10_001, { kind: 'restricted', lotId: 'north' }), 10_001);
    const north = await stack.api.call<{ id: string; funders: { funderOrgId: string; amount: number }[] }>(
      lead.admin,
      'POST',
      `/pools/${pool.id}/allocations`,
      {
        ...grant(50_000, { lotId: 'north', title: 'North hub', beneficiaryOrgIds: [partner.id] }),
      },
    );
    expect(Object.fromEntries(north.funders.map((f) => [f.funderOrgId, f.amount]))).toEqual({
      [a.org.id]: 30_000,
      [b.org.id]: 15_000,
      [c.org.id]: 5_000,
    });
    const tooMuch = await stack.request('POST', `/pools/${pool.id}/allocations`, {
      as: lead.admin,
      body: grant(50_000, { lotId: 'south' }),
    });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body).toMatchObject({ available: 45_000 });

    await stack.api.call(lead.admin, 'POST', `/grants/${north.id}/payments`, { amount: 20_001, currency: 'GBP' });
    const back = await stack.api.call<{ byFunder: Record<string, number> }>(lead.admin, 'POST', `/grants/${north.id}/returns`, {
      amount: 1_000,
      currency: 'GBP',
    });
    expect(Object.values(back.byFunder).reduce((x, y) => x + y, 0)).toBe(1_000);
    const overpay = await stack.request('POST', `/grants/${north.id}/payments`, {
      as: lead.admin,
      body: { amount: 30_000, currency: 'GBP' },
    });
    expect(overpay.status).toBe(409);

    const shown = await stack.api.call<{ amount: number; funders: { amount: number; paid: number; returned: number; name: string }[] }>(
      a.admin,
      'GET',
      `/grants/${north.id}`,
    );
    expect(shown.funders.reduce((x, f) => x + f.amount, 0)).toBe(50_000);
    expect(shown.funders.reduce((x, f) => x + f.paid, 0)).toBe(20_001);
    expect(shown.funders.reduce((x, f) => x + f.returned, 0)).toBe(1_000);

    const statement = await stack.api.call<{ received: number; attributedCommitted: number; grants: unknown[] }>(
      a.admin,
      'GET',
      `/pools/${pool.id}/funders/${a.org.id}/statement`,
    );
    expect(statement).toMatchObject({ received: 60_000, attributedCommitted: 30_000 });
    const csv = await fetch(`${stack.runtime.apiUrl}/pools/${pool.id}/funders/${a.org.id}/statement?format=csv`, {
      headers: { authorization: `Bearer ${await stack.runtime.issuer.sign({ sub: a.admin.id, email: a.admin.email })}` },
    });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = (await csv.text()).trim().split('\n');
    expect(lines[0]).toBe('funder,grant_id,title,grant_amount_gbp,share_gbp,paid_gbp,returned_gbp,restrictions');
    expect(lines[1]).toContain(',300.00,');

    const ledger = await stack.api.call<{ entries: { runningBalance: number; type: string }[] }>(
      lead.admin,
      'GET',
      `/pools/${pool.id}/ledger`,
    );
    expect(ledger.entries.map((e) => e.type)).toEqual(['contribution', 'contribution', 'contribution', 'allocation', 'payment', 'return']);
    expect(ledger.entries.at(-1)?.runningBalance).toBe(100_001 - 20_001 + 1_000);

    const riders = await stack.api.call<{
      contributors: { orgId: string }[];
      benefitingWithoutContributing: { orgId: string; benefitsFrom: { value: number } }[];
    }>(lead.admin, 'GET', `/consortia/${consortium.id}/free-riders`);
    expect(riders.contributors.map((x) => x.orgId).sort()).toEqual([a.org.id, b.org.id, c.org.id].sort());
    expect(riders.benefitingWithoutContributing).toEqual([
      expect.objectContaining({ orgId: partner.id, benefitsFrom: { grants: 1, value: 50_000 } }),
    ]);

    const giving = await stack.api.call<{ grants: { amountAwarded: number; fundingOrganization: { id: string }[] }[] }>(
      lead.admin,
      'GET',
      `/pools/${pool.id}/360giving`,
    );
    expect(giving.grants[0]?.amountAwarded).toBe(500);
    expect(giving.grants[0]?.fundingOrganization.map((o) => o.id)).toEqual([a.org.identifier, b.org.identifier, c.org.identifier]);
    expect(validate360(giving)).toEqual([]);
    // The validator really checks: a package without grants, or with a float-as-text amount, fails.
    expect(validate360({ grants: [] })).not.toEqual([]);
    expect(validate360({ grants: [{ ...giving.grants[0], amountAwarded: '500' }] })).not.toEqual([]);
  });
});
