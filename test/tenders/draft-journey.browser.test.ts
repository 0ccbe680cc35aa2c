import { beforeAll, describe, expect, it } from 'vitest';
import type { SeededFunder } from '../../infra/local/scenario';
import type { Tender } from '../../shared/tenders/tender';
import { axeOn } from '../support/axe';
import { signedInPage } from '../support/browser';
import { fundedConsortium, tenderBody } from '../support/tender';
import { useTestStack } from '../support/use-stack';

/**
 * The drafting pages in Chromium: a task answered with JavaScript off (the key dates, typed on
 * the London clock, a mistake named by its label and what was typed kept); and axe-core finds no
 * serious or critical violation on the task list, every question page with and without its
 * errors showing, a draft's check page, and the tender page with the draft's forms.
 */
const { stack, funders, browser } = useTestStack({ seed: true, browser: true });
let consortiumId: string;
let draft: Tender;
const lead = () => funders[0] as SeededFunder;

beforeAll(async () => {
  const setup = await fundedConsortium(stack, funders, 'Browser Draft Fund', 1_000_000);
  consortiumId = setup.consortium.id;
  draft = await stack.api.call<Tender>(
    lead().admin,
    'POST',
    `/consortia/${consortiumId}/tenders`,
    tenderBody(stack, funders, setup.pool.id, { title: 'Browser draft tender' }),
  );
});

const signedIn = (javaScriptEnabled: boolean) => signedInPage(browser, stack, lead(), javaScriptEnabled);

const questions = ['about', 'procedure', 'lots', 'criteria', 'dates', 'documents', 'funding', 'panel'];

describe('drafting a tender in a real browser', () => {
  it('with JavaScript off: the key dates on the London clock, a mistake named by its label, what was typed kept', async () => {
    const page = await signedIn(false);
    await page.goto(`${stack.runtime.apiUrl}/app/consortia/${consortiumId}/tenders`);
    await page.getByRole('button', { name: 'Draft a tender' }).click();
    await page.getByRole('link', { name: 'Key dates' }).click();
    const moment = async (legend: string, [d, m, y, h, min]: string[]) => {
      const group = page.getByRole('group', { name: legend });
      for (const [box, v] of [
        ['Day', d],
        ['Month', m],
        ['Year', y],
        ['Hour', h],
        ['Minute', min],
      ] as const)
        await group.getByLabel(box).fill(v ?? '');
    };
    await moment('Clarification deadline', ['1', '7', '2026', '12', '00']);
    await moment('Submission deadline', ['15', '7', '2026', '25', '00']);
    await moment('End of evaluation', ['1', '12', '2026', '12', '00']);
    await moment('Award decision', ['15', '12', '2026', '9', '30']);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain(
      'Submission deadline must be a real time, from 0:00 to 23:59 on the 24-hour clock',
    );
    await expect(page.getByRole('group', { name: 'Submission deadline' }).getByLabel('Hour').inputValue()).resolves.toBe('25');
    await page.getByRole('group', { name: 'Submission deadline' }).getByLabel('Hour').fill('17');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.locator('main').textContent()).resolves.toMatch(/Key dates\s*Completed/);
    await page.close();
  });

  it('has no serious or critical accessibility violation, with and without errors showing', async () => {
    const page = await signedIn(true);
    const found: string[] = [];
    const check = async (path: string) => {
      await page.goto(`${stack.runtime.apiUrl}${path}`);
      found.push(...(await axeOn(page)).map((v) => `${path}: ${v}`));
    };
    const base = `/app/consortia/${consortiumId}/tenders/new`;
    await check(base);
    for (const q of questions) {
      await check(`${base}?page=${q}`);
      // Continue with nothing typed: the question's errors showing (a list's with an item being added, too).
      const add = page.getByRole('button', { name: /^Add / });
      await ((await add.count()) ? add : page.getByRole('button', { name: 'Continue' })).click();
      await expect(page.locator('.govuk-error-summary').count(), q).resolves.toBe(1);
      found.push(...(await axeOn(page)).map((v) => `${q} with errors: ${v}`));
    }
    await check(`/app/tenders/${draft.id}`);
    await check(`/app/tenders/${draft.id}/edit`);
    await check(`/app/tenders/${draft.id}/edit?page=check`);
    await check(`/app/tenders/${draft.id}/edit?page=funding`);
    expect(found).toEqual([]);
    await page.close();
  });
});
