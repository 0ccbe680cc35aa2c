import { beforeAll, describe, expect, it } from 'vitest';
import { lotIds } from '../../functions/pools/new-pool';
import { errorSummary, expectNameRefused, type PageClient, sendCheck, signInAs } from '../support/pages';
import { setupPool } from '../support/pool';
import { useTestStack } from '../support/use-stack';

/**
 * Creating a pool from the browser, as a lead's admin does with JavaScript off: question pages,
 * lots added one at a time, check your answers, confirmation. Mistakes are named by the
 * page's labels and write nothing; only the lead's admins see the journey.
 */
const { stack, funders, funder: f } = useTestStack({ seed: true });
let consortiumId: string;
const base = () => `/app/consortia/${consortiumId}/pools/new`;

beforeAll(async () => {
  consortiumId = (await setupPool(stack, funders, 'Journey Fund')).consortium.id;
});

const pools = async () =>
  (await stack.api.call<{ id: string; name: string }[]>(f(0).admin, 'GET', `/consortia/${consortiumId}`)) as unknown;
const post = async (c: PageClient, page: string, fields: Record<string, string>) =>
  c.post(`${base()}?page=${page}`, { page, ...fields, csrf: await c.csrf() });

describe('creating a pool in the browser', () => {
  it('makes lot ids from names, unique and never empty', () => {
    expect(lotIds(['North Wyvern', 'north wyvern', 'Volunteering & Brokerage', '!!!'])).toEqual([
      'north-wyvern',
      'north-wyvern-2',
      'volunteering-brokerage',
      'lot-4',
    ]);
  });

  it('goes from the pools list through question pages, check your answers and a confirmation, with mistakes named and nothing written', async () => {
    const lead = await signInAs(stack, f(0).admin.email);
    expect((await lead.get(`/app/consortia/${consortiumId}/pools`)).html).toContain(`href="${base()}"`);
    expect((await lead.get(base())).html).toContain('What is the pool for?');
    const before = JSON.stringify(await pools());

    await expectNameRefused((fields) => post(lead, 'about', fields), 'pool', {
      field: 'purpose',
      blank: '',
      message: 'Enter what the pool pays for',
      good: 'Support',
    });

    const about = await post(lead, 'about', { name: 'Infrastructure Fund', purpose: 'Support for local groups' });
    expect([about.status, about.location]).toEqual([303, `${base()}?page=lots`]);
    for (const name of ['North Wyvern', 'South Wyvern', 'Coast']) {
      const added = await post(lead, 'lots', { do: 'add', [`lots.${['North Wyvern', 'South Wyvern', 'Coast'].indexOf(name)}.name`]: name });
      expect(added.location).toBe(`${base()}?page=lots`);
    }
    const blank = await post(lead, 'lots', { do: 'add', 'lots.3.name': ' ' });
    expect(errorSummary(blank.html)).toEqual([['lots.3.name', 'Enter the name of the lot']]);
    // Remove the second: the third takes its place.
    expect((await post(lead, 'lots', { do: 'remove-1' })).location).toBe(`${base()}?page=lots`);
    const lots = (await lead.get(`${base()}?page=lots`)).html;
    expect(lots).toContain('North Wyvern');
    expect(lots).not.toContain('South Wyvern');
    expect((await post(lead, 'lots', { do: 'continue' })).location).toBe(`${base()}?page=check`);
    expect(JSON.stringify(await pools())).toBe(before);

    const check = await lead.get(`${base()}?page=check`);
    expect(check.status).toBe(200);
    expect(check.html).toContain('Check your answers before you create the pool');
    expect(check.html).toContain('North Wyvern, Coast');
    const { id: poolId, done } = await sendCheck(lead, base());
    expect(done).toContain('Pool created');
    expect(done).toContain(`href="/app/pools/${poolId}"`);
    const pool = await stack.api.call<{ name: string; purpose: string; lots: { id: string; name: string }[] }>(
      f(0).admin,
      'GET',
      `/pools/${poolId}`,
    );
    expect(pool).toMatchObject({
      name: 'Infrastructure Fund',
      purpose: 'Support for local groups',
      lots: [
        { id: 'north-wyvern', name: 'North Wyvern' },
        { id: 'coast', name: 'Coast' },
      ],
    });
    // The draft is gone: starting again starts empty.
    expect((await lead.get(`${base()}?page=about`)).html).not.toContain('Infrastructure Fund');
  });

  it('is not offered to a member, and answers a member who finds it with the not-found page', async () => {
    const member = await signInAs(stack, f(1).admin.email);
    expect((await member.get(`/app/consortia/${consortiumId}/pools`)).html).not.toContain(base());
    expect((await member.get(`${base()}?page=about`)).status).toBe(404);
  });
});
