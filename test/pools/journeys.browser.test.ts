import { beforeAll, describe, expect, it } from 'vitest';
import type { SeededFunder } from '../../infra/local/scenario';
import type { Round } from '../../shared/pools/round';
import { axeOn } from '../support/axe';
import { signedInPage } from '../support/browser';
import { addProvider, EASTBROOK } from '../support/consortia';
import { setupPool } from '../support/pool';
import { useTestStack } from '../support/use-stack';

/**
 * axe-core on the pools journeys in Chromium: each question page as first shown and with its
 * errors showing, each check-your-answers page with what is still missing, the pool page and the
 * round page with their start links and the close form. No serious or critical violation.
 */
const { stack, funders, browser } = useTestStack({ seed: true, browser: true });
let poolId: string;
let pledgeId: string;
let round: Round;

beforeAll(async () => {
  await addProvider(stack, EASTBROOK);
  const setup = await setupPool(stack, funders, 'Axe Fund');
  poolId = setup.pool.id;
  const pledge = await setup.pledge(funders[0] as SeededFunder, 500_000, { kind: 'core' }, ['2026-27', '2027-28']);
  pledgeId = pledge.id;
  await setup.receive(pledge, 100_000);
  round = await stack.api.call<Round>((funders[0] as SeededFunder).admin, 'POST', `/pools/${poolId}/rounds`, { name: 'Axe round' });
  await stack.runtime.settle();
});

describe('the pools journeys in a real browser', () => {
  it('has no serious or critical accessibility violation on any question page, with or without its errors', async () => {
    const lead = funders[0] as SeededFunder;
    const page = await signedInPage(browser, stack, lead, true);
    const found: string[] = [];
    const check = async (name: string) => found.push(...(await axeOn(page)).map((v) => `${name}: ${v}`));
    const journeys: [string, string, string[]][] = [
      ['pledge', `/app/pools/${poolId}/pledges/new`, ['years', 'restriction']],
      ['money received', `/app/pools/${poolId}/pledges/${pledgeId}/contributions/new`, ['money']],
      ['round', `/app/pools/${poolId}/rounds/new`, ['about']],
      ['proposal', `/app/rounds/${round.id}/proposals/new`, ['recipient', 'about', 'money']],
      ['award', `/app/pools/${poolId}/grants/new`, ['recipient', 'about', 'money']],
    ];
    for (const [name, path, questions] of journeys) {
      for (const q of questions) {
        await page.goto(`${stack.runtime.apiUrl}${path}?page=${q}`);
        await check(`${name} ${q}`);
        await page.getByRole('button', { name: 'Continue' }).click();
        await expect(page.locator('.govuk-error-summary').count(), `${name} ${q} shows its errors`).resolves.toBe(1);
        await check(`${name} ${q} with errors`);
      }
      await page.goto(`${stack.runtime.apiUrl}${path}?page=check`);
      await check(`${name} check your answers`);
    }
    await page.goto(`${stack.runtime.apiUrl}/app/pools/${poolId}`);
    await check('pool page');
    await page.goto(`${stack.runtime.apiUrl}/app/rounds/${round.id}`);
    await check('round page');
    await page.getByRole('button', { name: 'Close the round and start voting' }).click();
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain('has no proposals to vote on');
    await check('round page with its close refused');
    expect(found).toEqual([]);
    await page.close();
  });
});
