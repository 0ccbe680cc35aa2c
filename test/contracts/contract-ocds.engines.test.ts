import { describe, expect, it } from 'vitest';
import type { SeededFunder } from '../../infra/local/scenario';
import { contractBody, register } from '../support/contract';
import { ocdsValidators } from '../support/ocds';
import { DAY } from '../support/stack';
import { useTestStack } from '../support/use-stack';

const { stack, funders } = useTestStack({ seed: true });
const council = () => funders[0] as SeededFunder;

type Package = {
  publishedDate: string;
  releases: { id: string; date: string; contracts: { implementation: Record<string, unknown> }[] }[];
};

/** The package exactly as served: the text, to compare byte for byte, and parsed. */
async function ocds(contractId: string) {
  const token = await stack.runtime.issuer.sign({ sub: council().admin.id, email: council().admin.email });
  const res = await fetch(`${stack.runtime.apiUrl}/contracts/${contractId}/ocds`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  const text = await res.text();
  const pkg = JSON.parse(text) as Package;
  return { text, pkg, release: pkg.releases[0] as Package['releases'][number] };
}

/** Moves the virtual clock on by whole days (and a few hours, so no two changes share a time). */
async function later(days: number) {
  await stack.runtime.advanceTo(new Date(stack.clock.now().getTime() + days * DAY + 3 * 3600_000));
  await stack.runtime.settle();
}

describe("a contract's OCDS release changes only when the contract does", () => {
  it('the same id, date and body on requests days apart; a KPI rating or a milestone decision makes a new release, dated by it', async () => {
    const registeredAt = stack.clock.now().toISOString();
    const c = await register(stack, council(), contractBody(stack, 'Stable release contract', [20, 60]));
    const first = await ocds(c.id);
    expect(first.release.date).toBe(registeredAt);
    expect(first.pkg.publishedDate).toBe(registeredAt);
    expect(first.release.id).toMatch(/^ocds-[a-z0-9]{6}-[0-9A-Z]{26}-implementation-[0-9a-f]{16}$/);

    await later(3);
    const again = await ocds(c.id);
    expect(again.text).toBe(first.text);

    // A KPI rated: a new release, dated when it was rated; the package is dated by it too.
    const today = stack.clock.now().toISOString().slice(0, 10);
    const ratedAt = stack.clock.now().toISOString();
    await stack.api.call(council().admin, 'POST', `/contracts/${c.id}/kpis/K1/ratings`, {
      period: { startDate: c.period.startDate, endDate: today },
      rating: 'good',
    });
    await later(2);
    const rated = await ocds(c.id);
    expect([rated.release.date, rated.pkg.publishedDate]).toEqual([ratedAt, ratedAt]);
    expect(rated.release.id).not.toBe(first.release.id);
    expect(rated.release.contracts[0]?.implementation.metrics).toEqual([
      expect.objectContaining({
        id: 'K1',
        observations: [expect.objectContaining({ measureClassification: { id: 'met', description: 'Good' } })],
      }),
    ]);
    await later(1);
    expect((await ocds(c.id)).text).toBe(rated.text);

    // A milestone decided: another new release, dated by the decision.
    const decidedAt = stack.clock.now().toISOString();
    await stack.api.call(council().admin, 'POST', `/contracts/${c.id}/milestones/M1/decision`, {
      status: 'notMet',
      reason: 'Nothing sent.',
    });
    await later(1);
    const decided = await ocds(c.id);
    expect(decided.release.date).toBe(decidedAt);
    expect(new Set([first, rated, decided].map((x) => x.release.id)).size).toBe(3);
    await later(1);
    expect((await ocds(c.id)).text).toBe(decided.text);

    const { release } = ocdsValidators();
    expect(release(decided.pkg), JSON.stringify(release.errors)).toBe(true);
  });
});
