import { beforeAll, describe, expect, it } from 'vitest';
import { errorSummary, type PageClient, sendCheck, signInAs } from '../support/pages';
import { setupPool } from '../support/pool';
import { useTestStack } from '../support/use-stack';

/**
 * Recording a pledge and the money received against it, in the browser with JavaScript off:
 * question pages, check your answers, confirmation. Mistakes are named by the pages' labels,
 * keep what was typed and write nothing; each journey is offered only to those its use case
 * accepts, and anyone else who finds it gets the not-found page.
 */
const { stack, funders, funder: f } = useTestStack({ seed: true });
let poolId: string;

beforeAll(async () => {
  poolId = (await setupPool(stack, funders, 'Pledge Journey Fund')).pool.id;
});

type Statement = { pledges: { id: string; restriction: string; years: { financialYear: string; amount: number; received: number }[] }[] };
const statement = (i: number) => stack.api.call<Statement>(f(0).admin, 'GET', `/pools/${poolId}/funders/${f(i).org.id}/statement`);
const pool = () => stack.api.call<{ pledged: number; received: number }>(f(0).admin, 'GET', `/pools/${poolId}`);
const post = async (c: PageClient, base: string, page: string, fields: Record<string, string>) =>
  c.post(`${base}?page=${page}`, { page, ...fields, csrf: await c.csrf() });

describe('recording a pledge in the browser', () => {
  const base = () => `/app/pools/${poolId}/pledges/new`;

  it('goes from the pool page through the questions, check your answers and a confirmation; mistakes are named and nothing is written', async () => {
    const member = await signInAs(stack, f(1).admin.email);
    expect((await member.get(`/app/pools/${poolId}`)).html).toContain(`href="${base()}"`);
    const first = await member.get(base());
    expect(first.html).toContain('Who is pledging?');
    // A member's officer pledges for their own organisation only: the one radio, already chosen.
    expect(first.html).toContain(f(1).org.name);
    expect(first.html).not.toContain(f(2).org.name);
    const before = JSON.stringify(await pool());

    const none = await post(member, base(), 'funder', {});
    expect(none.status).toBe(400);
    expect(errorSummary(none.html)).toEqual([['funderOrgId', 'Select the organisation that is pledging']]);
    const funder = await post(member, base(), 'funder', { funderOrgId: f(1).org.id });
    expect([funder.status, funder.location]).toEqual([303, `${base()}?page=years`]);

    const noYears = await post(member, base(), 'years', { do: 'continue' });
    expect(errorSummary(noYears.html)).toEqual([['years', 'Add at least one financial year and its amount']]);
    const empty = await post(member, base(), 'years', { do: 'add', 'years.0.amount': '' });
    expect(errorSummary(empty.html)).toEqual([
      ['years.0.financialYear', 'Select the financial year'],
      ['years.0.amount', 'Enter the amount pledged for the year'],
    ]);
    const tooPrecise = await post(member, base(), 'years', { do: 'add', 'years.0.financialYear': '2026-27', 'years.0.amount': '1250.505' });
    expect(tooPrecise.status).toBe(400);
    expect(errorSummary(tooPrecise.html)).toEqual([
      ['years.0.amount', 'Amount for the year must be in pounds and pence, with no more than 2 decimal places'],
    ]);
    expect(tooPrecise.html).toContain('value="1250.505"');
    const negative = await post(member, base(), 'years', { do: 'add', 'years.0.financialYear': '2026-27', 'years.0.amount': '-5' });
    expect(errorSummary(negative.html)).toEqual([['years.0.amount', 'Amount for the year must be £0.00 or more']]);

    for (const [i, [fy, amount]] of (
      [
        ['2026-27', '£1,250.50'],
        ['2027-28', '2000'],
      ] as const
    ).entries()) {
      const added = await post(member, base(), 'years', { do: 'add', [`years.${i}.financialYear`]: fy, [`years.${i}.amount`]: amount });
      expect(added.location).toBe(`${base()}?page=years`);
    }
    const years = (await member.get(`${base()}?page=years`)).html;
    expect(years).toContain('2026-27 (April 2026 to March 2027): £1,250.50');
    expect((await post(member, base(), 'years', { do: 'continue' })).location).toBe(`${base()}?page=restriction`);

    const noRestriction = await post(member, base(), 'restriction', {});
    expect(errorSummary(noRestriction.html)).toEqual([['restriction', 'Select whether the money is restricted to a lot']]);
    expect((await post(member, base(), 'restriction', { restriction: 'north' })).location).toBe(`${base()}?page=check`);
    expect(JSON.stringify(await pool())).toBe(before);

    const check = await member.get(`${base()}?page=check`);
    expect(check.html).toContain('Check your answers before you record the pledge');
    expect(check.html).toContain('2026-27: £1,250.50, 2027-28: £2,000.00');
    expect(check.html).toContain('Only grants in North Wyvern');
    const { id: pledgeId, done } = await sendCheck(member, base());
    expect(done).toContain('Pledge recorded');
    expect(done).toContain(`href="/app/pools/${poolId}"`);

    expect((await pool()).pledged).toBe(325_050);
    expect((await statement(1)).pledges).toEqual([
      {
        id: pledgeId,
        restriction: 'lot:north',
        years: [
          { financialYear: '2026-27', amount: 125_050, received: 0 },
          { financialYear: '2027-28', amount: 200_000, received: 0 },
        ],
      },
    ]);
    // The draft is gone: starting again starts empty.
    expect((await member.get(`${base()}?page=years`)).html).not.toContain('£1,250.50');
  });

  it('is not offered to an observer, who gets the not-found page', async () => {
    const observer = await signInAs(stack, f(5).admin.email);
    expect((await observer.get(`/app/pools/${poolId}`)).html).not.toContain(base());
    expect((await observer.get(base())).status).toBe(404);
    expect((await post(observer, base(), 'funder', { funderOrgId: f(5).org.id })).status).toBe(404);
  });
});

describe('recording money received in the browser', () => {
  let pledgeId: string;
  const base = () => `/app/pools/${poolId}/pledges/${pledgeId}/contributions/new`;
  beforeAll(async () => {
    pledgeId = (await statement(1)).pledges[0]?.id as string;
  });

  it('goes from the pledge on the pool page to a confirmation; mistakes and too much money are refused and nothing is written', async () => {
    const lead = await signInAs(stack, f(0).admin.email);
    expect((await lead.get(`/app/pools/${poolId}`)).html).toContain(`href="${base()}"`);
    expect((await lead.get(base())).html).toContain('What money has been received?');
    const before = JSON.stringify(await pool());

    const empty = await post(lead, base(), 'money', {});
    expect(empty.status).toBe(400);
    expect(errorSummary(empty.html)).toEqual([
      ['amount', 'Enter the amount received'],
      ['receivedOn-day', 'Enter the date the money was received'],
    ]);
    const wrong = await post(lead, base(), 'money', {
      amount: '12.999',
      'receivedOn-day': '31',
      'receivedOn-month': '2',
      'receivedOn-year': '2027',
    });
    expect(errorSummary(wrong.html)).toEqual([
      ['amount', 'Amount received must be in pounds and pence, with no more than 2 decimal places'],
      ['receivedOn-day', 'Date received must be a real date'],
    ]);
    expect(wrong.html).toContain('value="12.999"');
    expect(wrong.html).toContain('value="31"');

    // More than is still due for the year is the domain's refusal, shown on check your answers.
    const money = { 'receivedOn-day': '5', 'receivedOn-month': '5', 'receivedOn-year': '2026', financialYear: '2026-27' };
    expect((await post(lead, base(), 'money', { ...money, amount: '1,250.51' })).location).toBe(`${base()}?page=check`);
    const over = await lead.post(`${base()}?page=check`, { page: 'check', csrf: await lead.csrf() });
    expect(over.status).toBe(400);
    expect(errorSummary(over.html)).toEqual([['send', '£1,250.51 is more than the £1,250.50 still due on this pledge for 2026-27']]);
    expect(JSON.stringify(await pool())).toBe(before);

    expect((await post(lead, base(), 'money', { ...money, amount: '1000.25' })).location).toBe(`${base()}?page=check`);
    const check = await lead.get(`${base()}?page=check`);
    expect(check.html).toContain('£1,000.25');
    expect(check.html).toContain('5 May 2026');
    const sent = await lead.post(`${base()}?page=check`, { page: 'check', csrf: await lead.csrf() });
    expect(sent.location).toMatch(new RegExp(`^${base()}\\?page=done&created=\\d+$`));
    const done = await lead.get(sent.location as string);
    expect(done.html).toContain('Money recorded');
    expect(done.html).toContain(`href="/app/pools/${poolId}"`);
    expect((await pool()).received).toBe(100_025);
    expect((await statement(1)).pledges[0]?.years[0]?.received).toBe(100_025);
  });

  it('is not offered to a member, who gets the not-found page', async () => {
    const member = await signInAs(stack, f(1).admin.email);
    expect((await member.get(`/app/pools/${poolId}`)).html).not.toContain('contributions/new');
    expect((await member.get(base())).status).toBe(404);
  });
});
